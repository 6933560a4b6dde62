import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA, createPostmortem, defaultTimeZone, importedTitle as importedFromModel, type Postmortem } from '$lib/domain/model';
import {
	createContributingFactor,
	createCorrectiveAction,
	createTimelineEntry,
	isUntouched,
	sortTimeline,
	textFields
} from '$lib/domain/parts';
import { UNTITLED, closedTabCopy, conflictCopy, copyTitle, duplicatePostmortem, importedTitle } from '$lib/domain/copies';

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

describe('copy naming', () => {
	const NOW = new Date('2026-05-01T10:00:00Z');
	const pm = () => ({ ...createPostmortem(NOW, 'UTC'), title: 'Outage', status: 'final' as const, finalNote: 'why', revision: 7 });

	it('names an untitled postmortem in one place', () => {
		expect(UNTITLED).toBe('Untitled postmortem');
	});

	it('names a duplicate "(copy)" and starts it as a draft under a new id', () => {
		expect(copyTitle('Outage')).toBe('Outage (copy)');
		expect(copyTitle('')).toBe('(copy)');
		const original = pm();
		const copy = duplicatePostmortem(original, NOW, 'copy-id');
		expect(copy).toMatchObject({ id: 'copy-id', title: 'Outage (copy)', status: 'draft', finalNote: '', createdAt: NOW.toISOString() });
		copy.timeline.push(createTimelineEntry());
		expect(original.timeline).toEqual([]);
	});

	it('names an imported copy "(imported)", then "(imported 2)" and on', () => {
		expect(importedTitle('Outage')).toBe('Outage (imported)');
		expect(importedTitle('Outage', new Set(['Outage (imported)']))).toBe('Outage (imported 2)');
		expect(importedTitle('', new Set(['(imported)', '(imported 2)']))).toBe('(imported 3)');
		expect(importedFromModel).toBe(importedTitle);
	});

	it('names the copy of an edit from a closed tab', () => {
		const copy = closedTabCopy(pm(), '2026-05-02T00:00:00.000Z', 'closed-id');
		expect(copy).toMatchObject({
			id: 'closed-id',
			title: 'Outage (unsaved version from a closed tab)',
			revision: 1,
			updatedAt: '2026-05-02T00:00:00.000Z'
		});
		expect(closedTabCopy({ ...pm(), title: '' }).title).toBe('Untitled (unsaved version from a closed tab)');
		expect(closedTabCopy(pm()).id).not.toBe(pm().id);
	});

	it('names the losing side of a two-tab conflict', () => {
		expect(conflictCopy(pm(), 'mine', NOW, 'c').title).toBe('Outage (version from another tab)');
		expect(conflictCopy({ ...pm(), title: '' }, 'theirs', NOW, 'c')).toMatchObject({
			id: 'c',
			title: 'Untitled (my unsaved version)',
			createdAt: NOW.toISOString()
		});
	});
});

describe('isUntouched', () => {
	it('is true for a postmortem as it was created, whatever its ids and times', () => {
		const pm = createPostmortem(new Date('2026-03-01T10:00:00Z'), 'UTC');
		expect(isUntouched(pm, 'UTC')).toBe(true);
		expect(isUntouched({ ...pm, id: 'other', revision: 1, updatedAt: '2026-03-02T00:00:00Z' }, 'UTC')).toBe(true);
	});

	it('is false once anything is written or chosen', () => {
		const pm = createPostmortem(new Date('2026-03-01T10:00:00Z'), 'UTC');
		for (const change of [
			{ title: 'x' },
			{ severity: 'sev2' },
			{ tags: ['db'] },
			{ timeZone: 'Europe/Berlin' },
			{ timeline: [createTimelineEntry()] },
			{ facilitation: { ...pm.facilitation, parkingLot: [{ id: 'p', text: 'idea' }] } },
			{ extra: { fromAnotherApp: 1 } }
		] as Partial<Postmortem>[]) {
			expect(isUntouched({ ...pm, ...change }, 'UTC')).toBe(false);
		}
	});
});
