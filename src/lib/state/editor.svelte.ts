import {
	createContributingFactor,
	createCorrectiveAction,
	createTimelineEntry,
	deriveMetrics,
	findingKey,
	sortTimeline,
	textFields,
	type ContributingFactor,
	type CorrectiveAction,
	type LanguageFinding,
	type Metrics,
	type Postmortem,
	type ReviewItem,
	type TextField,
	type TimelineEntry
} from '$lib/domain';
import { Autosaver, create, type SaveStatus } from '$lib/storage';
import AnalysisWorker from './analysis.worker?worker';
import { idleOnce, lazy, nextTask, whenIdle } from '$lib/scheduling';

/** The language engine and the checklist's checks: the largest part of the editor's code. */
interface Linter {
	lintText: typeof import('$lib/domain/lint').lintText;
	reviewPostmortem: typeof import('$lib/domain/review').reviewPostmortem;
}
/**
 * Loaded on first need: opening a postmortem should not wait for the linter and the checklist (the
 * first analysis runs in a worker anyway).
 */
export const linter = lazy(async (): Promise<Linter> => {
	const [lint, review] = await Promise.all([import('$lib/domain/lint'), import('$lib/domain/review')]);
	return { lintText: lint.lintText, reviewPostmortem: review.reviewPostmortem };
});

const lintCache = new Map<string, LanguageFinding[]>();
/**
 * lintText with a cache, so re-linting a long document on each keystroke only reads the changed
 * field. Finds nothing until the linter has loaded (the editor waits for it before linting).
 */
export function cachedLint(text: string): LanguageFinding[] {
	let hit = lintCache.get(text);
	if (!hit) {
		if (!linter.now) return [];
		hit = linter.now.lintText(text);
		if (lintCache.size > 5000) lintCache.clear();
		lintCache.set(text, hit);
	}
	return hit;
}

let warmedUp = false;
/**
 * Load the linter and run it once on this thread (called when a text field first gets focus), so
 * compiling its patterns happens then rather than on the first keystroke.
 */
export function warmUpLint(): void {
	if (warmedUp) return;
	warmedUp = true;
	linter.load().then(
		(l) => l.lintText('We should have known; they failed to check it. Obviously human error, the root cause. Why did you?'),
		() => (warmedUp = false)
	);
}

/** A language finding located in the document. */
export interface LocatedFinding {
	field: TextField;
	finding: LanguageFinding;
	key: string;
	reviewed: boolean;
}

/** What a text field needs to show and settle its language findings. */
export interface Coach {
	reviewed: readonly string[];
	key(ref: string, f: LanguageFinding): string;
	setReviewed(key: string, reviewed: boolean): void;
}

/** The id of the input that edits a field reference from `textFields`. */
export function fieldElementId(ref: string): string {
	const [kind, id, prop] = ref.split('.');
	if (kind === 'timeline') return `t-${id}-what`;
	if (kind === 'factors') return `c-${id}-desc`;
	if (kind === 'actions') return prop === 'title' ? `a-${id}-title` : `a-${id}-measure`;
	return `f-${ref}`;
}

/** The open postmortem being edited: the draft, what is derived from it, and its autosave. */
export class EditorState {
	draft: Postmortem = $state.raw() as Postmortem;
	status: SaveStatus = $state.raw({ state: 'saved', at: '' });
	/** The other tab's version while a conflict is unresolved. */
	conflict: Postmortem | undefined = $state.raw();

	/** The timeline as opened and, from the analysis worker, its durations; set once that analysis is done. */
	private opened = $state.raw<{ timing: Pick<Postmortem, 'timeline' | 'timeZone'>; metrics?: Metrics }>();
	/**
	 * Derived durations, undefined until the first analysis is done: the first time-zone conversion
	 * sets up the browser's date formatting (tens of milliseconds), so while the timeline is as
	 * opened the worker's result is used, and this thread only pays for it once the timeline changes.
	 */
	readonly metrics: Metrics | undefined = $derived.by(() => {
		const o = this.opened;
		if (!o) return undefined;
		if (o.metrics && o.timing.timeline === this.draft.timeline && o.timing.timeZone === this.draft.timeZone)
			return o.metrics;
		return deriveMetrics(this.draft);
	});
	/**
	 * Whole-document analysis (language review, checklist) starts once the editor has painted; true
	 * only once the linter has loaded.
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
		const reviewed = new Set(this.analysed.reviewedFindings);
		const out: LocatedFinding[] = [];
		for (const field of textFields(this.analysed))
			for (const finding of cachedLint(field.text)) {
				const key = findingKey(field.ref, finding);
				out.push({ field, finding, key, reviewed: reviewed.has(key) });
			}
		return out;
	});
	readonly openFindings = $derived(this.findings.filter((f) => !f.reviewed));
	readonly review: ReviewItem[] = $derived(
		this.analysisReady && linter.now ? linter.now.reviewPostmortem(this.analysed, new Date(), this.findings) : []
	);
	readonly failing = $derived(this.review.filter((r) => r.status === 'fail'));
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
		// After the first paint: the worker and the linter are fetched then, not ahead of the page.
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
	 * Lint every field of the opened document and derive its durations in a worker (filling the lint
	 * cache) while this thread loads the linter, then switch the language review, checklist and
	 * durations on. Opening a postmortem never waits for any of it. Without workers, fields are
	 * linted here one per idle slice.
	 */
	private analyse(pm: Postmortem): void {
		const texts = [...new Set(textFields(pm).map((f) => f.text))].filter((t) => !lintCache.has(t));
		const timing = { timeline: pm.timeline, timeZone: pm.timeZone };
		let settled = false;
		const done = (metrics?: Metrics) => {
			if (settled) return;
			settled = true;
			this.opened = { timing, metrics };
			const ready = () =>
				linter.load().then(
					() => (this.analysisReady = true),
					() => setTimeout(ready, 2000)
				);
			void ready();
		};
		const inSlices = () => {
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
		// Its own task: fetching and starting the linter's modules is not short either.
		nextTask(() => void linter.load().catch(() => {}));
		worker.onmessage = (e: MessageEvent<{ results: LanguageFinding[][]; metrics: Metrics }>) => {
			e.data.results.forEach((r, i) => lintCache.set(texts[i], r));
			worker.terminate();
			done(e.data.metrics);
		};
		worker.onerror = () => {
			worker.terminate();
			inSlices();
		};
		worker.postMessage({ texts, timing });
	}

	/** Change top-level fields and schedule a save. */
	update(patch: Partial<Postmortem>): void {
		this.draft = { ...this.draft, ...patch };
		this.analyseSoon();
		this.saver.schedule(this.draft);
	}

	/** Replace the whole document (e.g. after a facilitation capture). */
	replace(pm: Postmortem): void {
		this.draft = this.analysed = pm;
		this.saver.schedule(pm);
	}

	// Timeline: always kept in chronological order.
	addTimelineEntry(at = ''): TimelineEntry {
		const e = createTimelineEntry(at);
		this.update({ timeline: sortTimeline([...this.draft.timeline, e]) });
		return e;
	}
	updateTimelineEntry(id: string, patch: Partial<TimelineEntry>): void {
		this.update({ timeline: this.draft.timeline.map((e) => (e.id === id ? { ...e, ...patch } : e)) });
	}
	/** Put the timeline back in time order (called when focus leaves an edited entry). */
	sortTimeline(): void {
		const sorted = sortTimeline(this.draft.timeline);
		if (sorted.some((e, i) => e !== this.draft.timeline[i])) this.update({ timeline: sorted });
	}
	removeTimelineEntry(id: string): void {
		this.update({ timeline: this.draft.timeline.filter((e) => e.id !== id) });
	}

	addFactor(): ContributingFactor {
		const f = createContributingFactor();
		this.update({ contributingFactors: [...this.draft.contributingFactors, f] });
		return f;
	}
	updateFactor(id: string, patch: Partial<ContributingFactor>): void {
		this.update({
			contributingFactors: this.draft.contributingFactors.map((f) => (f.id === id ? { ...f, ...patch } : f))
		});
	}
	removeFactor(id: string): void {
		this.update({ contributingFactors: this.draft.contributingFactors.filter((f) => f.id !== id) });
	}

	addAction(): CorrectiveAction {
		const a = createCorrectiveAction();
		this.update({ correctiveActions: [...this.draft.correctiveActions, a] });
		return a;
	}
	updateAction(id: string, patch: Partial<CorrectiveAction>): void {
		this.update({
			correctiveActions: this.draft.correctiveActions.map((a) => (a.id === id ? { ...a, ...patch } : a))
		});
	}
	removeAction(id: string): void {
		this.update({ correctiveActions: this.draft.correctiveActions.filter((a) => a.id !== id) });
	}
	/** Move a corrective action up (-1) or down (+1). */
	moveAction(id: string, by: -1 | 1): void {
		const list = [...this.draft.correctiveActions];
		const i = list.findIndex((a) => a.id === id);
		const j = i + by;
		if (i < 0 || j < 0 || j >= list.length) return;
		[list[i], list[j]] = [list[j], list[i]];
		this.update({ correctiveActions: list });
	}

	/** Change the status; moving to final with failing checks asks first (see `confirmFinal`). */
	requestStatus(status: Postmortem['status']): void {
		if (status === 'final' && this.draft.status !== 'final') {
			// Going final runs the whole checklist now, which needs the linter.
			if (!linter.now) {
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
		}
		this.update({ status });
	}

	/** Go ahead to final despite failing checks, with a note saying why. */
	confirmFinal(note: string): void {
		this.finalCheck = false;
		this.update({ status: 'final', finalNote: note });
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
		if (this.saver.adopt(stored)) this.draft = this.analysed = stored;
	}

	/** Settle a conflict; the losing version is kept as a copy in the library. */
	async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
		const theirs = this.conflict;
		if (!theirs) return;
		const mine = this.draft;
		const loser = choice === 'mine' ? theirs : mine;
		const suffix = choice === 'mine' ? 'version from another tab' : 'my unsaved version';
		await create({
			...loser,
			id: crypto.randomUUID(),
			title: `${loser.title || 'Untitled'} (${suffix})`,
			createdAt: new Date().toISOString()
		});
		this.conflict = undefined;
		if (choice === 'theirs') {
			await this.saver.resolveConflict('theirs', theirs);
			this.draft = this.analysed = theirs;
		} else {
			this.draft = this.analysed = { ...mine, revision: theirs.revision };
			await this.saver.resolveConflict('mine', theirs);
		}
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

