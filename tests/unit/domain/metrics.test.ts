import { describe, expect, it } from 'vitest';
import { type Milestone, type TimelineEntry } from '$lib/domain/model';
import { createTimelineEntry } from '$lib/domain/parts';
import {
	deriveMetrics,
	formatDuration,
	isDateOnly,
	isTimelineInOrder,
	isValidTimeZone,
	isWallClock,
	wallClockToInstant
} from '$lib/domain/metrics';
import { examplePostmortem } from '$lib/domain/example';

const entry = (at: string, milestone: Milestone | '' = ''): TimelineEntry => ({
	...createTimelineEntry(at),
	what: 'x',
	milestone
});
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('wall-clock times', () => {
	it('validates the YYYY-MM-DDTHH:mm format', () => {
		expect(isWallClock('2026-03-10T14:02')).toBe(true);
		expect(isWallClock('2024-02-29T00:00')).toBe(true);
		for (const bad of [
			'2026-02-29T00:00',
			'2026-13-01T00:00',
			'2026-04-31T10:00',
			'2026-01-01T24:00',
			'2026-01-01 10:00',
			'2026-01-01T10:00:00',
			'',
			'yesterday'
		]) {
			expect(isWallClock(bad), bad).toBe(false);
		}
		expect(isDateOnly('2026-03-12')).toBe(true);
		expect(isDateOnly('2026-3-12')).toBe(false);
	});

	it('converts wall-clock times in a zone to instants', () => {
		expect(iso(wallClockToInstant('2026-03-10T14:02', 'Europe/Berlin'))).toBe('2026-03-10T13:02:00.000Z');
		expect(iso(wallClockToInstant('2026-07-10T14:02', 'Europe/Berlin'))).toBe('2026-07-10T12:02:00.000Z');
		expect(iso(wallClockToInstant('2026-07-10T14:02', 'Asia/Kolkata'))).toBe('2026-07-10T08:32:00.000Z');
		expect(iso(wallClockToInstant('2026-07-10T14:02', 'UTC'))).toBe('2026-07-10T14:02:00.000Z');
		expect(wallClockToInstant('nonsense', 'UTC')).toBeNull();
	});

	it('moves times in a spring-forward gap forward and takes the earlier of repeated times', () => {
		// New York jumps from 02:00 EST to 03:00 EDT on 2026-03-08.
		expect(iso(wallClockToInstant('2026-03-08T02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
		// 01:30 happens twice on 2026-11-01: first in EDT (UTC-4).
		expect(iso(wallClockToInstant('2026-11-01T01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
	});

	it('reads an unknown zone as UTC', () => {
		expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(isValidTimeZone('Europe/Berlin')).toBe(true);
		expect(iso(wallClockToInstant('2026-03-10T14:02', 'Mars/Olympus_Mons'))).toBe('2026-03-10T14:02:00.000Z');
	});
});

describe('deriveMetrics', () => {
	it('derives every duration from the example', () => {
		const m = deriveMetrics(examplePostmortem());
		expect(m).toMatchObject({ timeToDetect: 7, timeToMitigate: 47, timeToResolve: 138, totalDuration: 159, problems: [] });
		expect(m.impactStart?.toISOString()).toBe('2026-03-10T13:02:00.000Z');
		expect(m.firstEntryAt?.toISOString()).toBe('2026-03-10T12:41:00.000Z');
		expect(m.declaredAt?.toISOString()).toBe('2026-03-10T13:15:00.000Z');
	});

	it('reports missing milestones and leaves their metrics empty', () => {
		const m = deriveMetrics({ timeZone: 'UTC', timeline: [entry('2026-01-01T10:00'), entry('2026-01-01T10:30', 'mitigated')] });
		expect(m.timeToDetect).toBeNull();
		expect(m.timeToMitigate).toBeNull();
		expect(m.timeToResolve).toBeNull();
		expect(m.totalDuration).toBeNull();
		expect(m.problems).toEqual(['Impact began milestone missing', 'Detected milestone missing', 'Resolved milestone missing']);
	});

	it('computes the total duration from the first entry even without impact began', () => {
		const m = deriveMetrics({ timeZone: 'UTC', timeline: [entry('2026-01-01T10:00'), entry('2026-01-01T12:15', 'resolved')] });
		expect(m.totalDuration).toBe(135);
		expect(m.timeToResolve).toBeNull();
	});

	it('never returns negative durations for out-of-order milestones', () => {
		const m = deriveMetrics({
			timeZone: 'UTC',
			timeline: [entry('2026-01-01T10:00', 'detected'), entry('2026-01-01T10:10', 'impact-began'), entry('2026-01-01T11:00', 'resolved')]
		});
		expect(m.timeToDetect).toBeNull();
		expect(m.timeToResolve).toBe(50);
		expect(m.totalDuration).toBe(60);
		expect(m.problems).toContain('Detected is before impact began');

		const m2 = deriveMetrics({
			timeZone: 'UTC',
			timeline: [entry('2026-01-01T09:00', 'resolved'), entry('2026-01-01T10:00', 'impact-began'), entry('2026-01-01T10:30', 'mitigated')]
		});
		expect(m2.timeToResolve).toBeNull();
		expect(m2.timeToMitigate).toBe(30);
		expect(m2.problems).toContain('Resolved is before impact began');
		expect(m2.problems).toContain('Resolved is before mitigated');
		for (const v of [m2.timeToDetect, m2.timeToMitigate, m2.timeToResolve, m2.totalDuration]) {
			if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
		}
	});

	it('uses the first occurrence of a repeated milestone', () => {
		const m = deriveMetrics({
			timeZone: 'UTC',
			timeline: [entry('2026-01-01T10:20', 'detected'), entry('2026-01-01T10:00', 'impact-began'), entry('2026-01-01T10:05', 'detected')]
		});
		expect(m.timeToDetect).toBe(5);
	});

	it('reports milestones without a valid time', () => {
		const m = deriveMetrics({ timeZone: 'UTC', timeline: [entry('', 'detected'), entry('2026-01-01T10:00', 'impact-began')] });
		expect(m.problems).toContain('Detected milestone has no valid time');
		expect(m.timeToDetect).toBeNull();
	});

	it('measures real elapsed time across a DST change', () => {
		// 01:50 EST (06:50Z) to 03:10 EDT (07:10Z) is 20 minutes, not 80.
		const m = deriveMetrics({
			timeZone: 'America/New_York',
			timeline: [entry('2026-03-08T01:50', 'impact-began'), entry('2026-03-08T03:10', 'detected'), entry('2026-03-08T04:00', 'resolved')]
		});
		expect(m.timeToDetect).toBe(20);
		expect(m.timeToResolve).toBe(70);
	});

	it('says when a milestone falls in an hour the clocks repeat or skip, and how it was read', () => {
		const back = deriveMetrics({
			timeZone: 'America/New_York',
			timeline: [entry('2026-11-01T00:50', 'impact-began'), entry('2026-11-01T01:30', 'detected'), entry('2026-11-01T03:00', 'resolved')]
		});
		expect(back.timeToDetect).toBe(40);
		expect(back.problems).toEqual([
			'Detected milestone (2026-11-01 01:30) happens twice in America/New_York, as the clocks go back; durations take the first. Times written in UTC avoid this.'
		]);
		const forward = deriveMetrics({
			timeZone: 'America/New_York',
			timeline: [entry('2026-03-08T01:50', 'impact-began'), entry('2026-03-08T02:30', 'detected'), entry('2026-03-08T04:00', 'resolved')]
		});
		expect(forward.timeToDetect).toBe(40);
		expect(forward.problems).toEqual([
			'Detected milestone (2026-03-08 02:30) does not exist in America/New_York, as the clocks go forward; durations read it as 60 minutes later.'
		]);
		// Ordinary times, and UTC, say nothing.
		expect(
			deriveMetrics({
				timeZone: 'UTC',
				timeline: [entry('2026-11-01T01:30', 'impact-began'), entry('2026-11-01T01:40', 'detected'), entry('2026-11-01T02:00', 'resolved')]
			}).problems
		).toEqual([]);
	});

	it('says when a milestone is marked more than once, and uses the earliest', () => {
		const m = deriveMetrics({
			timeZone: 'UTC',
			timeline: [
				entry('2026-03-08T01:00', 'impact-began'),
				entry('2026-03-08T01:10', 'detected'),
				entry('2026-03-08T01:40', 'resolved'),
				entry('2026-03-08T02:30', 'resolved')
			]
		});
		expect(m.timeToResolve).toBe(40);
		expect(m.problems).toEqual(['More than one entry is marked Resolved; durations use the earliest.']);
	});

	it('falls back to UTC for an unknown zone and says so', () => {
		const m = deriveMetrics({
			timeZone: 'Not/AZone',
			timeline: [entry('2026-03-08T01:50', 'impact-began'), entry('2026-03-08T03:10', 'detected'), entry('2026-03-08T04:00', 'resolved')]
		});
		expect(m.timeToDetect).toBe(80);
		expect(m.impactStart?.toISOString()).toBe('2026-03-08T01:50:00.000Z');
		expect(m.problems[0]).toMatch(/Unknown time zone "Not\/AZone"/);
	});
});

describe('formatDuration', () => {
	it('formats minutes, hours and days', () => {
		expect(formatDuration(0)).toBe('0 min');
		expect(formatDuration(45)).toBe('45 min');
		expect(formatDuration(60)).toBe('1 h');
		expect(formatDuration(125)).toBe('2 h 5 min');
		expect(formatDuration(1440)).toBe('1 d');
		expect(formatDuration(1440 + 180 + 7)).toBe('1 d 3 h');
		expect(formatDuration(null)).toBe('');
		expect(formatDuration(-5)).toBe('');
	});
});

describe('isTimelineInOrder', () => {
	it('checks the stored order of timed entries', () => {
		expect(isTimelineInOrder([entry('2026-01-01T10:00'), entry(''), entry('2026-01-01T10:00'), entry('2026-01-01T11:00')])).toBe(true);
		expect(isTimelineInOrder([entry('2026-01-01T10:00'), entry('2026-01-01T09:59')])).toBe(false);
		expect(isTimelineInOrder([])).toBe(true);
	});
});
