import { describe, expect, it } from 'vitest';
import { FACTOR_KINDS, MILESTONES, SECTION_IDS } from '$lib/domain/model';
import { textFields } from '$lib/domain/parts';
import { EXAMPLE_ID, examplePostmortem } from '$lib/domain/example';
import { sectionProgress } from '$lib/domain/template';
import { deriveMetrics, isTimelineInOrder, isValidTimeZone } from '$lib/domain/metrics';
import { lintPostmortem } from '$lib/domain/lint';

const NOW = new Date('2026-03-11T09:00:00Z');
const day = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`) / 86_400_000;

describe('example postmortem', () => {
	const pm = examplePostmortem(NOW);

	it('is deterministic with a fixed id', () => {
		expect(pm.id).toBe(EXAMPLE_ID);
		expect(examplePostmortem(NOW)).toEqual(pm);
		const later = examplePostmortem(new Date('2027-01-01T00:00:00Z'));
		expect({ ...later, createdAt: '', updatedAt: '' }).toEqual({ ...pm, createdAt: '', updatedAt: '' });
		const ids = [...pm.timeline, ...pm.contributingFactors, ...pm.correctiveActions, ...pm.facilitation.parkingLot].map((x) => x.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.every((id) => id.startsWith('example-'))).toBe(true);
	});

	it('fills every section', () => {
		for (const id of SECTION_IDS) expect(sectionProgress(pm, id), id).toBe('filled');
		expect(pm.publicSummary.length).toBeGreaterThan(200);
		expect(isValidTimeZone(pm.timeZone)).toBe(true);
	});

	it('has an ordered timeline of about 15 entries with all five milestones', () => {
		expect(pm.timeline.length).toBeGreaterThanOrEqual(14);
		expect(pm.timeline.length).toBeLessThanOrEqual(18);
		expect(isTimelineInOrder(pm.timeline)).toBe(true);
		expect(pm.timeline.filter((e) => e.milestone).map((e) => e.milestone)).toEqual([...MILESTONES]);
		expect(deriveMetrics(pm).problems).toEqual([]);
	});

	it('has 3-5 contributing factors of different kinds', () => {
		const kinds = pm.contributingFactors.map((f) => f.kind);
		expect(kinds.length).toBeGreaterThanOrEqual(3);
		expect(kinds.length).toBeLessThanOrEqual(5);
		expect(new Set(kinds).size).toBe(kinds.length);
		for (const k of kinds) expect(FACTOR_KINDS).toContain(k);
	});

	it('has five owned corrective actions of mixed kinds, terms and priorities, due about a month out', () => {
		const actions = pm.correctiveActions;
		expect(actions).toHaveLength(5);
		expect(new Set(actions.map((a) => a.kind))).toEqual(new Set(['quick-fix', 'design-change', 'process-change']));
		expect(new Set(actions.map((a) => a.term))).toEqual(new Set(['short', 'long']));
		expect(actions.some((a) => a.priority === 'critical' || a.priority === 'high')).toBe(true);
		expect(new Set(actions.map((a) => a.priority)).size).toBeGreaterThanOrEqual(3);
		for (const a of actions) {
			expect(a.owner).not.toBe('');
			expect(a.trackerLink).toMatch(/^https:\/\//);
			expect(a.successMeasure).not.toBe('');
			const days = day(a.dueDate) - day(pm.incidentDate);
			expect(days).toBeGreaterThanOrEqual(14);
			expect(days).toBeLessThanOrEqual(100);
		}
	});

	it('holds the meeting within three business days', () => {
		let businessDays = 0;
		for (let d = day(pm.incidentDate) + 1; d <= day(pm.meetingDate); d++) {
			const weekday = new Date(d * 86_400_000).getUTCDay();
			if (weekday !== 0 && weekday !== 6) businessDays++;
		}
		expect(businessDays).toBeGreaterThanOrEqual(1);
		expect(businessDays).toBeLessThanOrEqual(3);
	});

	it('is written in blameless language', () => {
		const all = textFields(pm)
			.map((f) => f.text)
			.join('\n')
			.toLowerCase();
		for (const phrase of [
			'should have',
			'could have',
			'human error',
			'root cause',
			'failed to',
			'neglected',
			'careless',
			'just ',
			'obvious',
			'why did',
			'mistake',
			'fault'
		]) {
			expect(all, phrase).not.toContain(phrase);
		}
		expect(lintPostmortem(pm)).toEqual([]);
	});
});
