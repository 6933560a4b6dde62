import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
	ACTION_KINDS,
	ACTION_STATUSES,
	ACTION_TERMS,
	AGENDA_IDS,
	DEFAULT_AGENDA,
	FACTOR_KINDS,
	MILESTONES,
	PRIORITIES,
	SEVERITIES,
	STATUSES,
	createPostmortem
} from '$lib/domain/model';
import { createCorrectiveAction, createContributingFactor, createTimelineEntry } from '$lib/domain/parts';
import {
	ContributingFactorSchema,
	CorrectiveActionSchema,
	LIMITS,
	MAX_DEPTH,
	MAX_FIELD_CHARS,
	MAX_KEPT_DEPTH,
	MAX_TIMEBOX_MINUTES,
	PostmortemSchema,
	TimelineEntrySchema,
	isPostmortemKey,
	readPostmortemFields
} from '$lib/domain/schema';
import * as domain from '$lib/domain';

const NOW = new Date('2026-03-11T09:00:00Z');

describe('the postmortem schema', () => {
	it('knows every field of the model, in the order a new postmortem has them (the export order)', () => {
		const keys = Object.keys(createPostmortem(NOW, 'UTC')).filter((k) => k !== 'extra');
		// finalChecks is set only when a postmortem is marked final.
		keys.splice(keys.indexOf('finalNote') + 1, 0, 'finalChecks');
		expect(Object.keys(PostmortemSchema.entries)).toEqual(keys);
		// source is set only on an entry added from a chat log.
		// learnedLater is set only when an entry is marked so.
		expect(Object.keys(TimelineEntrySchema.entries)).toEqual([...Object.keys(createTimelineEntry()), 'source', 'learnedLater']);
		expect(Object.keys(ContributingFactorSchema.entries)).toEqual(Object.keys(createContributingFactor()));
		// factorIds is set only once an action is tied to a factor.
		expect(Object.keys(CorrectiveActionSchema.entries)).toEqual([...Object.keys(createCorrectiveAction()), 'factorIds']);
		expect(isPostmortemKey('summary')).toBe(true);
		expect(isPostmortemKey('extra')).toBe(false);
		expect(isPostmortemKey('toString')).toBe(false);
	});

	it('accepts every allowed value of every list of choices, and only those', () => {
		const read = (raw: Record<string, unknown>) => readPostmortemFields(raw, NOW);
		const choices: [string, readonly string[], (p: ReturnType<typeof read>['fields']) => string][] = [
			['status', STATUSES, (p) => p.status],
			['severity', SEVERITIES, (p) => p.severity]
		];
		for (const [key, allowed, get] of choices) {
			for (const value of allowed) {
				const r = read({ [key]: value });
				expect(get(r.fields)).toBe(value);
				expect(r.warnings).toEqual([]);
			}
			expect(read({ [key]: 'nope' }).warnings).toHaveLength(1);
		}
		const item: [string, string, readonly string[]][] = [
			['timeline', 'milestone', MILESTONES],
			['contributingFactors', 'kind', FACTOR_KINDS],
			['correctiveActions', 'kind', ACTION_KINDS],
			['correctiveActions', 'term', ACTION_TERMS],
			['correctiveActions', 'priority', PRIORITIES],
			['correctiveActions', 'status', ACTION_STATUSES]
		];
		for (const [list, key, allowed] of item) {
			const r = read({ [list]: [...allowed.map((value) => ({ [key]: value })), { [key]: 'nope' }] });
			const got = (r.fields[list as 'timeline'] as unknown as Record<string, string>[]).map((x) => x[key]);
			expect(got.slice(0, -1)).toEqual([...allowed]);
			expect(r.warnings).toEqual([expect.stringContaining(`${allowed.length + 1}: unknown`)]);
		}
		expect(DEFAULT_AGENDA.map((a) => a.id)).toEqual([...AGENDA_IDS]);
	});

	it('is valibot: the shapes can be used with its own functions', () => {
		expect(v.is(TimelineEntrySchema, { ...createTimelineEntry('2026-01-01T10:00'), what: 'x' })).toBe(true);
		expect(v.is(TimelineEntrySchema, { at: 'yesterday' })).toBe(false);
	});

	it('has its limits in one place, re-exported where they were', () => {
		expect(MAX_FIELD_CHARS).toBe(1_000_000);
		expect(MAX_TIMEBOX_MINUTES).toBe(180);
		expect(MAX_KEPT_DEPTH).toBe(MAX_DEPTH - 3);
		expect(LIMITS).toMatchObject({ postmortems: 10_000, timeline: 20_000, agenda: 100, reviewedFindings: 100_000 });
		expect(domain.MAX_FIELD_CHARS).toBe(MAX_FIELD_CHARS);
		expect(domain.LIMITS).toBe(LIMITS);
		expect(domain.MAX_TIMEBOX_MINUTES).toBe(MAX_TIMEBOX_MINUTES);
		expect(typeof domain.parseImport).toBe('function');
		expect(typeof domain.restorePostmortem).toBe('function');
		expect(domain.UNTITLED).toBe('Untitled postmortem');
	});
});
