import {
	createContributingFactor,
	createCorrectiveAction,
	conflictCopy,
	createTimelineEntry,
	deriveMetrics,
	editKey,
	failingSinceFinal,
	findingKey,
	locateFindings,
	newId,
	sortTimeline,
	unlinkFactors,
	textFields,
	type ContributingFactor,
	type CorrectiveAction,
	type Metrics,
	type ParkingLotItem,
	type Postmortem,
	type ReviewItem,
	type TimelineEntry,
	UNDO_STEP_PAUSE_MS,
	UNDO_STEPS_KEPT
} from '$lib/domain';
import { create } from '$lib/storage';
import { Autosaver, type SaveStatus } from '$lib/storage/autosave';
// Straight from its module: through the barrel it would join the library's first-load chunk.
import { loadTimelineView, saveTimelineView, type TimelineView } from '$lib/storage/preferences';
import AnalysisWorker from './analysis.worker?worker';
import type { PostmortemAnalysis } from '$lib/domain/analysis';
import { idleOnce, whenIdle } from '$lib/scheduling';
import { listOps, type ListOps } from './lists';
import { cachedLint, editing, linter, linterReady, primeLintCache, type Coach, type LocatedFinding } from './editor-coach.svelte';

export { cachedLint, linter, warmUpLint, type Coach, type LocatedFinding } from './editor-coach.svelte';

/** The id of the input that edits a field reference from `textFields`. */
export function fieldElementId(ref: string): string {
	const [kind, id, prop] = ref.split('.');
	if (kind === 'timeline') return `t-${id}-what`;
	if (kind === 'factors') return `c-${id}-desc`;
	if (kind === 'actions') return prop === 'title' ? `a-${id}-title` : `a-${id}-measure`;
	return `f-${ref}`;
}

/**
 * How many timeline entries the Timeline step shows at once: a longer timeline (an imported chat log
 * can have thousands) is shown a page at a time, so the step opens and typing stays quick.
 */
export const TIMELINE_PAGE = 100;

/** The open postmortem being edited: the draft, what is derived from it, and its autosave. */
export class EditorState {
	draft: Postmortem = $state.raw() as Postmortem;
	status: SaveStatus = $state.raw({ state: 'saved', at: '' });
	/** The other tab's version while a conflict is unresolved. */
	conflict: Postmortem | undefined = $state.raw();

	/**
	 * The document as opened and, from the analysis worker, its durations and its checklist; set once
	 * that analysis is done.
	 */
	private opened = $state.raw<{ pm: Postmortem; metrics?: Metrics; review?: ReviewItem[] }>();
	/**
	 * Derived durations, undefined until the first analysis is done: the first time-zone conversion
	 * sets up the browser's date formatting (tens of milliseconds), so while the timeline is as
	 * opened the worker's result is used, and this thread only pays for it once the timeline changes.
	 */
	readonly metrics: Metrics | undefined = $derived.by(() => {
		const o = this.opened;
		if (!o) return undefined;
		if (o.metrics && o.pm.timeline === this.draft.timeline && o.pm.timeZone === this.draft.timeZone) return o.metrics;
		return deriveMetrics(this.draft);
	});
	/**
	 * Whole-document analysis (language review, checklist) starts once the editor has painted; true
	 * once the document as opened has been analysed.
	 */
	analysisReady = $state(false);
	/**
	 * The draft as the whole-document analysis last saw it. Typing updates it once the keystroke's
	 * frame has painted (when the browser is next idle), so the language review and the checklist
	 * of a long postmortem never hold a keystroke up; other edits update it at once.
	 */
	private analysed = $state.raw() as Postmortem;
	/** Let the whole-document analysis see the draft once the browser is idle (see `analysed`). */
	private analyseSoon = idleOnce(() => (this.analysed = this.draft), 200);
	readonly findings: LocatedFinding[] = $derived.by(() => {
		if (!this.analysisReady) return [];
		return locateFindings(this.analysed, cachedLint);
	});
	readonly openFindings = $derived(this.findings.filter((f) => !f.reviewed));
	readonly review: ReviewItem[] = $derived.by(() => {
		if (!this.analysisReady) return [];
		const o = this.opened;
		// The checklist of the document as opened comes from the worker.
		if (o?.review && this.analysed === o.pm) return o.review;
		if (linterReady() && linter.now) return linter.now.reviewPostmortem(this.analysed, new Date(), this.findings);
		return o?.review ?? []; // an edit has started loading the linter; until then, the checklist as opened
	});
	readonly failing = $derived(this.review.filter((r) => r.status === 'fail'));
	/** The page of a long timeline the Timeline step shows, from 0 (see `TIMELINE_PAGE`). */
	timelinePage = $state(0);
	/** How the Timeline step shows its entries: the choice last made in this browser. */
	timelineView: TimelineView = $state(loadTimelineView());

	/** Show the timeline `view`; `keep` makes it the choice for the next visit too (a finding shown in the detailed view is not). */
	setTimelineView(view: TimelineView, keep = true): void {
		this.timelineView = view;
		if (keep) saveTimelineView(view);
	}

	/** Show the page of the timeline that holds entry `id` (to go to it, or after adding it). */
	showEntry(id: string): void {
		const i = this.draft.timeline.findIndex((e) => e.id === id);
		if (i >= 0) this.timelinePage = Math.floor(i / TIMELINE_PAGE);
	}

	/**
	 * Show entry `id` where its language findings are, under its text: in the detailed view (for this
	 * visit only, the view kept stays as chosen), on its page.
	 */
	showEntryInDetail(id: string): void {
		this.setTimelineView('detailed', false);
		this.showEntry(id);
	}

	/** A final postmortem's checks that fail now but did not when it was marked final (see `failingSinceFinal`). */
	readonly failingSinceFinal: ReviewItem[] = $derived(failingSinceFinal(this.draft, this.failing));
	/** True while the "mark as final?" check is shown. */
	finalCheck = $state(false);

	/** Undefined until the first analysis is done, so opening a postmortem never waits for linting. */
	readonly coach: Coach | undefined = $derived(
		this.analysisReady
			? {
					reviewed: this.draft.reviewedFindings,
					key: findingKey,
					setReviewed: (key: string, reviewed: boolean) => this.setReviewed(key, reviewed)
				}
			: undefined
	);

	private saver: Autosaver;

	/** The id in this editor's URLs: the postmortem's id, or 'unsaved' for the in-memory editor. */
	readonly routeId: string;

	/** `write` replaces the database save (the in-memory editor uses one that always fails). */
	constructor(pm: Postmortem, write?: ConstructorParameters<typeof Autosaver>[4], routeId = pm.id) {
		this.draft = this.analysed = pm;
		this.routeId = routeId;
		// After the first paint: the worker is fetched then, not ahead of the page.
		whenIdle(() => this.analyse(pm));
		this.status = { state: 'saved', at: pm.updatedAt };
		this.saver = new Autosaver(
			pm,
			(s) => {
				this.status = s;
				if (s.state === 'conflict') this.conflict = s.stored;
			},
			(stored) => {
				// Keep our draft's bookkeeping in step without discarding newer typing.
				this.draft = { ...this.draft, revision: stored.revision, updatedAt: stored.updatedAt };
			},
			undefined,
			write
		);
	}

	/**
	 * Lint every field of the opened document, derive its durations and run its checklist in a
	 * worker (filling the lint cache), then switch the language review, checklist and durations on.
	 * Opening a postmortem never waits for any of it, and this thread loads the linter only once
	 * editing starts. Without workers, the linter loads here and fields are linted one per idle slice.
	 */
	private analyse(pm: Postmortem): void {
		let settled = false;
		const done = (result?: { metrics: Metrics; review: ReviewItem[] }) => {
			if (settled) return;
			settled = true;
			this.opened = { pm, ...result };
			if (result) return void (this.analysisReady = true);
			const ready = () =>
				linter.load().then(
					() => (this.analysisReady = true),
					() => setTimeout(ready, 2000)
				);
			void ready();
		};
		const inSlices = () => {
			const texts = [...new Set(textFields(pm).map((f) => f.text))];
			let i = 0;
			const later = (fn: () => void) => whenIdle(fn, 200);
			const slice = () => {
				if (settled || this.analysisReady) return;
				const start = performance.now();
				while (i < texts.length && performance.now() - start < 8) cachedLint(texts[i++]);
				if (i < texts.length) later(slice);
				else done();
			};
			linter.load().then(
				() => later(slice),
				() => done()
			);
		};
		let worker: Worker;
		try {
			worker = new AnalysisWorker();
		} catch {
			return inSlices();
		}
		worker.onmessage = (e: MessageEvent<PostmortemAnalysis>) => {
			const { texts, results, metrics, review } = e.data;
			primeLintCache(texts, results);
			worker.terminate();
			done({ metrics, review });
		};
		worker.onerror = () => {
			worker.terminate();
			inSlices();
		};
		worker.postMessage({ pm, now: Date.now() });
	}

	/** Change top-level fields and schedule a save; one undo step (typing into one field a moment apart is one). */
	update(patch: Partial<Postmortem>, { undoable = true } = {}): void {
		if (undoable) this.remember(editKey(this.draft, patch));
		this.draft = { ...this.draft, ...patch };
		editing();
		this.analyseSoon();
		this.saver.schedule(this.draft);
	}

	/** Replace the whole document (e.g. after a facilitation capture); one undo step. */
	replace(pm: Postmortem): void {
		this.remember('');
		editing();
		this.draft = this.analysed = pm;
		this.saver.schedule(pm);
	}

	/** The drafts before each undo step, oldest first, and those undone since (to redo), latest undone last. */
	private past: Postmortem[] = [];
	private future: Postmortem[] = [];
	private lastEdit = { key: '', at: 0 };
	/** Whether Undo and Redo have something to do. */
	canUndo = $state(false);
	canRedo = $state(false);

	/** Keep the draft as it is before an edit: a new undo step, unless it goes on typing into the same field. */
	private remember(key: string): void {
		const now = performance.now();
		const goesOn = key !== '' && key === this.lastEdit.key && now - this.lastEdit.at < UNDO_STEP_PAUSE_MS;
		this.lastEdit = { key, at: now };
		if (!goesOn) {
			this.past.push(this.draft);
			if (this.past.length > UNDO_STEPS_KEPT) this.past.shift();
		}
		this.future = [];
		this.canUndo = true;
		this.canRedo = false;
	}

	/** Undo the last step (text typed, an item added, removed or moved, a choice made). */
	undo(): void {
		const before = this.past.pop();
		if (!before) return;
		this.future.push(this.draft);
		this.restoreStep(before);
	}

	/** Redo the last undone step. */
	redo(): void {
		const after = this.future.pop();
		if (!after) return;
		this.past.push(this.draft);
		this.restoreStep(after);
	}

	private restoreStep(pm: Postmortem): void {
		// The stored copy's bookkeeping stays as it is now: only the content goes back.
		this.draft = this.analysed = { ...pm, revision: this.draft.revision, updatedAt: this.draft.updatedAt };
		this.lastEdit = { key: '', at: 0 };
		this.canUndo = this.past.length > 0;
		this.canRedo = this.future.length > 0;
		editing();
		this.saver.schedule(this.draft);
	}

	/** Forget the undo history (the draft was replaced by another tab's version). */
	private forgetHistory(): void {
		this.past = [];
		this.future = [];
		this.canUndo = this.canRedo = false;
	}

	/** The timeline's entries, kept in time order as they are added. */
	readonly timeline: ListOps<TimelineEntry> = listOps({
		get: () => this.draft.timeline,
		set: (timeline) => this.update({ timeline }),
		create: () => createTimelineEntry(),
		arrange: sortTimeline
	});
	readonly factors: ListOps<ContributingFactor> = listOps({
		get: () => this.draft.contributingFactors,
		// A removed factor leaves the actions that addressed it in the same edit (one undo step).
		set: (contributingFactors, removed) =>
			this.update({
				contributingFactors,
				...(removed && { correctiveActions: unlinkFactors(this.draft.correctiveActions, new Set([removed])) })
			}),
		create: () => createContributingFactor()
	});
	readonly actions: ListOps<CorrectiveAction> = listOps({
		get: () => this.draft.correctiveActions,
		set: (correctiveActions) => this.update({ correctiveActions }),
		create: () => createCorrectiveAction()
	});
	/** The meeting's parked recommendations. */
	readonly parkingLot: ListOps<ParkingLotItem> = listOps({
		get: () => this.draft.facilitation.parkingLot,
		set: (parkingLot) => this.update({ facilitation: { ...this.draft.facilitation, parkingLot } }),
		create: () => ({ id: newId(), text: '' })
	});

	/** Put the timeline back in time order (called when focus leaves an edited entry). */
	sortTimeline(): void {
		const sorted = sortTimeline(this.draft.timeline);
		// Part of the edit that left the entry: undoing that edit puts back the order from before it.
		if (sorted.some((e, i) => e !== this.draft.timeline[i])) this.update({ timeline: sorted }, { undoable: false });
	}

	/** Change the status; moving to final with failing checks asks first (see `confirmFinal`). */
	requestStatus(status: Postmortem['status']): void {
		if (status === 'final' && this.draft.status !== 'final') {
			// Going final runs the whole checklist now, which needs the linter.
			if (!linterReady()) {
				linter.load().then(
					() => this.requestStatus(status),
					() => this.update({ status })
				);
				return;
			}
			this.analysisReady = true;
			this.analysed = this.draft; // the checklist of the document as it is now
			if (this.failing.length) {
				this.finalCheck = true;
				return;
			}
			this.update({ status, finalChecks: [] });
			return;
		}
		this.update({ status });
	}

	/** Go ahead to final despite failing checks, with a note saying why (the checks failing now are the ones it accepts). */
	confirmFinal(note: string): void {
		this.finalCheck = false;
		this.update({ status: 'final', finalNote: note, finalChecks: this.failing.map((r) => r.id) });
	}

	/** Mark a language finding "reviewed, keep it" (or undo that). */
	setReviewed(key: string, reviewed: boolean): void {
		const set = new Set(this.draft.reviewedFindings);
		if (reviewed) set.add(key);
		else set.delete(key);
		this.update({ reviewedFindings: [...set] });
		this.analysed = this.draft; // a click: shown at once
	}

	/** Called when the stored copy changes (this tab or another). Adopts it when safe. */
	storedChanged(stored: Postmortem | undefined): void {
		if (!stored || this.conflict) return;
		if (!this.saver.adopt(stored)) return;
		editing();
		this.draft = this.analysed = stored;
		this.forgetHistory();
	}

	/** Settle a conflict; the losing version is kept as a copy in the library. */
	async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
		const theirs = this.conflict;
		if (!theirs) return;
		const mine = this.draft;
		await create(conflictCopy(choice === 'mine' ? theirs : mine, choice));
		this.conflict = undefined;
		editing();
		if (choice === 'theirs') {
			await this.saver.resolveConflict('theirs', theirs);
			this.draft = this.analysed = theirs;
			this.forgetHistory();
		} else {
			this.draft = this.analysed = { ...mine, revision: theirs.revision };
			await this.saver.resolveConflict('mine', theirs);
		}
	}

	/** The stored postmortem went away (deleted in another tab, or site data cleared): store the text on screen again. */
	saveAgain(): Promise<void> {
		return this.saver.saveAgain(this.draft);
	}

	/** Write pending edits now. */
	flush(): Promise<void> {
		return this.saver.flush();
	}

	/** Flush and stop autosaving (the editor is closing). */
	dispose(): Promise<void> {
		return this.saver.dispose();
	}
}
