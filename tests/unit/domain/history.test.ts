import { describe, expect, it } from 'vitest';
import { createCorrectiveAction, createPostmortem, createTimelineEntry, editKey } from '$lib/domain';

describe('editKey (which edits are one undo step)', () => {
	const pm = {
		...createPostmortem(),
		timeline: [createTimelineEntry('2026-11-03T10:00'), createTimelineEntry('2026-11-03T10:05')],
		tags: ['a', 'b']
	};
	const [t0, t1] = pm.timeline;

	it('names the text typed into: a field, an item’s field, a list entry', () => {
		expect(editKey(pm, { title: 'x' })).toBe('title');
		expect(editKey(pm, { timeline: [{ ...t0, what: 'x' }, t1] })).toBe(`timeline.${t0.id}.what`);
		expect(editKey(pm, { tags: ['a', 'bc'] })).toBe('tags.1');
	});

	it('gives no key (a step of its own) for adding, removing, moving, or changing several things at once', () => {
		expect(editKey(pm, { timeline: [t0] })).toBe('');
		expect(editKey(pm, { timeline: [t1, t0] })).toBe('');
		expect(editKey(pm, { timeline: [...pm.timeline, createTimelineEntry('')] })).toBe('');
		expect(editKey(pm, { timeline: [{ ...t0, what: 'x', who: 'y' }, t1] })).toBe('');
		expect(editKey(pm, { title: 'x', summary: 'y' })).toBe('');
		expect(editKey(pm, { correctiveActions: [createCorrectiveAction('x')] })).toBe('');
		expect(editKey(pm, { timeline: pm.timeline })).toBe('');
	});
});
