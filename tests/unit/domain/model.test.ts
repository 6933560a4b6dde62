import { describe, expect, it } from 'vitest';
import {
	DEFAULT_AGENDA,
	createContributingFactor,
	createCorrectiveAction,
	createPostmortem,
	createTimelineEntry,
	defaultTimeZone,
	sortTimeline,
	textFields
} from '$lib/domain/model';

describe('model helpers', () => {
	it('creates a blank draft postmortem with the given time and zone', () => {
		const now = new Date('2026-05-01T10:00:00Z');
		const pm = createPostmortem(now, 'Europe/Berlin');
		expect(pm.createdAt).toBe('2026-05-01T10:00:00.000Z');
		expect(pm.updatedAt).toBe(pm.createdAt);
		expect(pm.timeZone).toBe('Europe/Berlin');
		expect(pm.status).toBe('draft');
		expect(pm.revision).toBe(0);
		expect(pm.timeline).toEqual([]);
		expect(pm.facilitation.agenda).toEqual(DEFAULT_AGENDA);
		expect(pm.extra).toEqual({});
	});

	it('gives every postmortem its own id and its own agenda copy', () => {
		const a = createPostmortem();
		const b = createPostmortem();
		expect(a.id).not.toBe(b.id);
		a.facilitation.agenda[0].minutes = 99;
		expect(b.facilitation.agenda[0].minutes).toBe(1);
		expect(DEFAULT_AGENDA[0].minutes).toBe(1);
	});

	it('creates blank items', () => {
		expect(createTimelineEntry('2026-01-01T10:00')).toMatchObject({ at: '2026-01-01T10:00', milestone: '' });
		expect(createContributingFactor('x')).toMatchObject({ description: 'x', kind: '' });
		expect(createCorrectiveAction('t')).toMatchObject({ title: 't', status: 'open', priority: '' });
	});

	it('falls back to a time zone name', () => {
		expect(typeof defaultTimeZone()).toBe('string');
		expect(defaultTimeZone().length).toBeGreaterThan(0);
	});

	it('sorts the timeline chronologically with untimed entries last and ties stable', () => {
		const e = (id: string, at: string) => ({ ...createTimelineEntry(at), id });
		const sorted = sortTimeline([e('a', ''), e('b', '2026-01-01T10:05'), e('c', '2026-01-01T10:00'), e('d', '2026-01-01T10:05')]);
		expect(sorted.map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
	});

	it('lists every non-empty text field with refs', () => {
		const pm = createPostmortem();
		pm.title = 'T';
		pm.summary = 'S';
		const entry = { ...createTimelineEntry('2026-01-01T10:00'), what: 'W' };
		pm.timeline = [entry];
		const refs = textFields(pm).map((f) => f.ref);
		expect(refs).toEqual(['title', 'summary', `timeline.${entry.id}.what`]);
	});
});
