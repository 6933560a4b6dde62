import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem, createTimelineEntry, type Milestone, type Postmortem } from '$lib/domain';

// Node has no Worker and no requestIdleCallback, so these run the editor's fallbacks: the linter is
// loaded on this thread and the document is linted in slices. Each test gets fresh modules, so the
// linter is not loaded yet when it opens a postmortem.
let n = 0;
let storage: typeof import('$lib/storage');
let EditorState: typeof import('$lib/state/editor.svelte').EditorState;
/** Fresh modules (the linter not loaded yet) over a database of their own. */
async function freshEditorModules() {
	vi.resetModules();
	storage = await import('$lib/storage');
	const { useDatabase, WorkbenchDB } = await import('$lib/storage/db');
	useDatabase(new WorkbenchDB(`test-editor-${++n}`));
	({ EditorState } = await import('$lib/state/editor.svelte'));
}
beforeEach(freshEditorModules);

function incident(): Postmortem {
	const pm = createPostmortem(new Date('2026-11-03T10:00:00Z'), 'Europe/Berlin');
	const at = (t: string, milestone?: Milestone) => ({
		...createTimelineEntry(`2026-11-03T${t}`),
		what: `Something at ${t}`,
		...(milestone ? { milestone } : {})
	});
	return {
		...pm,
		title: 'Checkout errors',
		summary: 'The on-call engineer should have checked the dashboard. It was human error.',
		timeline: [at('14:00', 'impact-began'), at('14:06', 'detected'), at('14:42', 'resolved')]
	};
}

describe('EditorState on opening', () => {
	it('opens at once, then switches on the language review, checklist and durations', async () => {
		const editor = new EditorState(await storage.create(incident()));
		// Nothing waits for the linter: the first render sees no analysis yet.
		expect(editor.analysisReady).toBe(false);
		expect(editor.coach).toBeUndefined();
		expect(editor.findings).toEqual([]);
		expect(editor.review).toEqual([]);

		await vi.waitFor(() => expect(editor.analysisReady).toBe(true), { timeout: 5000 });
		expect(editor.coach).toBeDefined();
		expect(editor.findings.map((f) => f.finding.phrase)).toEqual(['should have checked', 'human error']);
		expect(editor.review.find((r) => r.id === 'language')?.status).toBe('fail');

		await vi.waitFor(() => expect(editor.metrics).toBeDefined());
		expect(editor.metrics?.timeToDetect).toBe(6);
		expect(editor.metrics?.totalDuration).toBe(42);

		// Durations follow the timeline as it is edited.
		const [start, detected, resolved] = editor.draft.timeline;
		editor.update({ timeline: [start, { ...detected, at: '2026-11-03T14:10' }, resolved] });
		expect(editor.metrics?.timeToDetect).toBe(10);
	});

	it('typing shows in the draft at once, and in the language review and checklist once the browser is idle', async () => {
		const editor = new EditorState(await storage.create(incident()));
		await vi.waitFor(() => expect(editor.analysisReady).toBe(true), { timeout: 5000 });
		const phrases = () => editor.findings.map((f) => f.finding.phrase);
		expect(phrases()).toEqual(['should have checked', 'human error']);

		editor.update({ summary: 'Checkout failed for 42 minutes after a pool change.' });
		expect(editor.draft.summary).toBe('Checkout failed for 42 minutes after a pool change.');
		expect(phrases()).toEqual(['should have checked', 'human error']); // not in the keystroke's frame
		await vi.waitFor(() => expect(phrases()).toEqual([]));
		expect(editor.review.find((r) => r.id === 'language')?.status).toBe('pass');

		// A click on "Reviewed, keep it" shows at once.
		editor.update({ summary: 'It was human error.' });
		await vi.waitFor(() => expect(phrases()).toEqual(['human error']));
		editor.setReviewed(editor.findings[0].key, true);
		expect(editor.findings[0].reviewed).toBe(true);
		expect(editor.openFindings).toEqual([]);
	});

	it('going final straight after opening runs every check, language included, and asks first', async () => {
		const pm = await storage.create({ ...incident(), contributingFactors: [] });
		const editor = new EditorState(pm);
		editor.requestStatus('final');
		await vi.waitFor(() => expect(editor.finalCheck).toBe(true), { timeout: 5000 });
		expect(editor.failing.length).toBeGreaterThan(0);
		expect(editor.findings).toHaveLength(2);
		expect(editor.draft.status).toBe(pm.status);
		await editor.flush();
		expect((await storage.get(pm.id))?.status).toBe(pm.status);
	});
});

describe('EditorState with the analysis worker', () => {
	// Stands in for the browser's Worker: runs the worker's analysis on a copy of the message, later.
	class FakeWorker {
		onmessage: ((e: MessageEvent) => void) | null = null;
		onerror: (() => void) | null = null;
		posted = 0;
		postMessage(data: { pm: Postmortem; now: number }) {
			this.posted++;
			const { pm, now } = structuredClone(data);
			setTimeout(async () => {
				const { analysePostmortem } = await import('$lib/domain/analysis');
				this.onmessage?.({ data: structuredClone(analysePostmortem(pm, new Date(now))) } as MessageEvent);
			});
		}
		terminate() {}
	}
	let workers: FakeWorker[];
	beforeEach(async () => {
		workers = [];
		vi.stubGlobal(
			'Worker',
			class extends FakeWorker {
				constructor() {
					super();
					workers.push(this);
				}
			}
		);
		await freshEditorModules();
		return () => vi.unstubAllGlobals();
	});

	it('shows the findings and checklist of the opened document without loading the linter on this thread', async () => {
		const { linter } = await import('$lib/state/editor.svelte');
		const editor = new EditorState(await storage.create(incident()));
		await vi.waitFor(() => expect(editor.analysisReady).toBe(true), { timeout: 5000 });
		expect(workers).toHaveLength(1);
		expect(workers[0].posted).toBe(1);
		expect(editor.findings.map((f) => f.finding.phrase)).toEqual(['should have checked', 'human error']);
		expect(editor.review.find((r) => r.id === 'language')?.status).toBe('fail');
		expect(editor.review.find((r) => r.id === 'factors-count')?.status).toBe('fail');
		expect(editor.metrics?.timeToDetect).toBe(6);
		expect(linter.now).toBeUndefined();
	});

	it('loads the linter once editing starts, and the findings and checklist follow the edit', { timeout: 15_000 }, async () => {
		const { linter } = await import('$lib/state/editor.svelte');
		const editor = new EditorState(await storage.create(incident()));
		await vi.waitFor(() => expect(editor.analysisReady).toBe(true), { timeout: 5000 });
		const phrases = () => editor.findings.map((f) => f.finding.phrase);

		editor.update({ summary: 'Checkout failed after a pool change. The root cause was the pool size.' });
		await vi.waitFor(() => expect(phrases()).toEqual(['root cause']), { timeout: 5000 });
		expect(linter.now).toBeDefined();
		expect(editor.review.find((r) => r.id === 'language')?.status).toBe('fail');

		editor.update({ summary: 'Checkout failed after a pool change.' });
		await vi.waitFor(() => expect(phrases()).toEqual([]));
		expect(editor.review.find((r) => r.id === 'language')?.status).toBe('pass');
	});
});

describe('EditorState list operations', () => {
	it('adds, updates, moves and removes the items of every list, each as one edit of the draft', async () => {
		const editor = new EditorState(await storage.create({ ...incident(), timeline: [] }));
		const first = editor.actions.add({ title: 'Alert on pool use' });
		const second = editor.actions.add();
		expect(editor.draft.correctiveActions.map((a) => a.title)).toEqual(['Alert on pool use', '']);
		editor.actions.update(second.id, { title: 'Canary config changes' });
		editor.actions.move(second.id, -1);
		expect(editor.draft.correctiveActions.map((a) => a.id)).toEqual([second.id, first.id]);
		editor.actions.move(second.id, -1); // already first: nothing moves
		editor.actions.move(first.id, 1); // already last
		expect(editor.draft.correctiveActions.map((a) => a.id)).toEqual([second.id, first.id]);
		editor.actions.remove(second.id);
		expect(editor.draft.correctiveActions.map((a) => a.title)).toEqual(['Alert on pool use']);

		const f = editor.factors.add();
		editor.factors.update(f.id, { description: 'Pool size set by hand' });
		expect(editor.draft.contributingFactors.map((x) => x.description)).toEqual(['Pool size set by hand']);
		editor.factors.remove(f.id);
		expect(editor.draft.contributingFactors).toEqual([]);

		editor.update({ facilitation: { ...editor.draft.facilitation, parkingLot: [{ id: 'p1', text: 'Add a canary' }] } });
		editor.parkingLot.remove('p1');
		expect(editor.draft.facilitation.parkingLot).toEqual([]);
		await editor.flush();
		expect((await storage.get(editor.draft.id))?.correctiveActions.map((a) => a.title)).toEqual(['Alert on pool use']);
	});

	it('removing a contributing factor unties it from the actions that addressed it, and one undo brings both back', async () => {
		const editor = new EditorState(await storage.create({ ...incident(), timeline: [] }));
		const canary = editor.factors.add({ description: 'No canary stage for config' });
		const fleet = editor.factors.add({ description: 'No fleet-wide check' });
		const action = editor.actions.add({ title: 'Canary config changes', factorIds: [canary.id, fleet.id] });
		editor.factors.remove(canary.id);
		expect(editor.draft.correctiveActions[0].factorIds).toEqual([fleet.id]);
		editor.undo();
		expect(editor.draft.contributingFactors.map((f) => f.id)).toEqual([canary.id, fleet.id]);
		expect(editor.draft.correctiveActions.find((a) => a.id === action.id)?.factorIds).toEqual([canary.id, fleet.id]);
		await editor.flush();
		expect((await storage.get(editor.draft.id))?.correctiveActions[0].factorIds).toEqual([canary.id, fleet.id]);
	});

	it('keeps the timeline in time order as entries are added, and re-sorts edited entries only when asked', async () => {
		const editor = new EditorState(await storage.create({ ...incident(), timeline: [] }));
		const late = editor.timeline.add({ at: '2026-11-03T14:30' });
		const early = editor.timeline.add({ at: '2026-11-03T14:00' });
		expect(editor.draft.timeline.map((e) => e.id)).toEqual([early.id, late.id]);
		editor.timeline.update(early.id, { at: '2026-11-03T15:00' });
		expect(editor.draft.timeline.map((e) => e.id)).toEqual([early.id, late.id]); // not while it is edited
		editor.sortTimeline();
		expect(editor.draft.timeline.map((e) => e.id)).toEqual([late.id, early.id]);
	});
});

describe('EditorState undo and redo', () => {
	it('undoes and redoes text and structural changes, typing into one field a moment apart being one step, and saves each', async () => {
		vi.useFakeTimers({ toFake: ['performance', 'Date'] });
		try {
			const editor = new EditorState(await storage.create(incident()));
			expect(editor.canUndo).toBe(false);
			editor.update({ title: 'Checkout errors a' });
			vi.advanceTimersByTime(200);
			editor.update({ title: 'Checkout errors after' }); // the same burst of typing
			vi.advanceTimersByTime(2000);
			editor.update({ title: 'Checkout errors after a pool change' }); // after a pause: a step of its own
			const [first] = editor.draft.timeline;
			editor.timeline.update(first.id, { what: 'Impact began' });
			editor.timeline.remove(editor.draft.timeline[1].id);
			expect(editor.draft.timeline).toHaveLength(2);

			editor.undo(); // the removal
			expect(editor.draft.timeline.map((e) => e.what)).toEqual(['Impact began', 'Something at 14:06', 'Something at 14:42']);
			editor.undo(); // the entry's text
			expect(editor.draft.timeline[0].what).toBe('Something at 14:00');
			editor.undo(); // the typing after the pause
			expect(editor.draft.title).toBe('Checkout errors after');
			editor.undo(); // the first burst
			expect(editor.draft.title).toBe('Checkout errors');
			expect(editor.canUndo).toBe(false);
			editor.undo(); // nothing more: no change
			expect(editor.draft.title).toBe('Checkout errors');

			editor.redo();
			editor.redo();
			expect(editor.draft.title).toBe('Checkout errors after a pool change');
			expect(editor.canRedo).toBe(true);
			// A new edit drops what could be redone.
			editor.update({ summary: 'Rewritten.' });
			expect(editor.canRedo).toBe(false);
			editor.redo();
			expect(editor.draft.timeline[0].what).toBe('Something at 14:00');

			await editor.flush();
			const stored = await storage.get(editor.draft.id);
			expect(stored?.title).toBe('Checkout errors after a pool change');
			expect(stored?.summary).toBe('Rewritten.');
			await editor.dispose();
		} finally {
			vi.useRealTimers();
		}
	});

	it('another tab’s version taken over here starts a new history', async () => {
		const editor = new EditorState(await storage.create(incident()));
		editor.update({ title: 'Mine' });
		await editor.flush();
		expect(editor.canUndo).toBe(true);
		const theirs = await (await import('$lib/storage/saving')).save({ ...editor.draft, title: 'Theirs' });
		editor.storedChanged(theirs);
		expect(editor.draft.title).toBe('Theirs');
		expect(editor.canUndo).toBe(false);
		await editor.dispose();
	});
});
