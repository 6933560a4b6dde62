import {
	DEFAULT_BOARD_VIEW,
	actionItems,
	applyActionPatch,
	boardGroups,
	localDate,
	showCounts,
	type ActionBoardView,
	type ActionItem,
	type ActionPatch
} from '$lib/domain/action-board';
import type { Postmortem } from '$lib/domain/model';
import { Live, MissingError, describeStorageError } from '$lib/storage';
import {
	ActionMissingError,
	listDocuments,
	loadGithubRepo,
	saveGithubRepo,
	updateAction,
	updateActionNow,
	updateActions
} from '$lib/storage/actions';
import { MAX_TRACKER_CSV_BYTES, TrackerCsvError, planTrackerStatuses, type TrackerStatusPlan } from '$lib/domain/tracker-import';
import { AUTOSAVE_DELAY_MS, openSavers, type OpenSaver } from '$lib/storage/open-editors';
import { describeReviewPolicy, postmortemDeadlines, type PostmortemDeadline } from '$lib/domain/deadlines';
import { loadReviewPolicy } from '$lib/storage/review-policy';
import { downloadText } from '$lib/format';
import { actionsCalendar, githubIssueUrl, gitlabCsv, isGithubRepo, jiraCsv } from '$lib/domain/tracker-export';

/** A review meeting or a look back due for a postmortem. */
export interface DueReview extends PostmortemDeadline {
	postmortemId: string;
	postmortemTitle: string;
}

/** What the Actions page's status line says of its edits. */
export type BoardSaveStatus = { state: 'saved' } | { state: 'saving' } | { state: 'error'; reason: string };

/** An edit of one action not yet stored. */
interface PendingEdit {
	postmortemId: string;
	actionId: string;
	patch: ActionPatch;
}

const keyOf = (postmortemId: string, actionId: string) => `${postmortemId}\n${actionId}`;

/**
 * The Actions page: every corrective action of every stored postmortem, following the database (a
 * save in the editor or another tab shows up), grouped and filtered by `view`, with in-place edits
 * of status, owner and due date. Each edit is written into its own postmortem on top of what is
 * stored (see `updateAction`): a choice at once, typing after a pause as in the editor, and whatever
 * is left when the page is hidden or closed. Create it in a component's setup; `stop()` it after.
 */
export class ActionBoard implements OpenSaver {
	private readonly docs = new Live<Postmortem[]>(listDocuments);
	/** Which actions are shown, and how they are grouped. */
	view: ActionBoardView = $state({ ...DEFAULT_BOARD_VIEW });
	/** Today where the person is ('YYYY-MM-DD'): what is overdue or due soon is counted from it. */
	readonly today = localDate();
	/** Edits not yet stored, by postmortem and action; shown over the stored values. */
	private pending = $state.raw<ReadonlyMap<string, PendingEdit>>(new Map());
	/** What the status line says. */
	status = $state<BoardSaveStatus>({ state: 'saved' });
	private timer: ReturnType<typeof setTimeout> | undefined;
	private running: Promise<void> = Promise.resolve();

	constructor() {
		openSavers.add(this);
	}

	/** True once the stored postmortems are known. */
	get loaded(): boolean {
		return this.docs.loaded;
	}

	/** Why the postmortems could not be read, if they could not. */
	get readError(): string | undefined {
		return this.docs.error;
	}

	/** Every action, as stored with the edits not yet stored on top. */
	readonly items: ActionItem[] = $derived.by(() => {
		const pending = this.pending;
		let pms = this.docs.current ?? [];
		if (pending.size)
			pms = pms.map((pm) => {
				let out = pm;
				for (const e of pending.values()) if (e.postmortemId === pm.id) out = applyActionPatch(out, e.actionId, e.patch) ?? out;
				return out;
			});
		return actionItems(pms);
	});

	/** The shown actions in their groups. */
	readonly groups = $derived(boardGroups(this.items, this.view, this.today));
	/** How many actions each choice of what to show would list. */
	readonly counts = $derived(showCounts(this.items, this.today));
	/** The actions shown, in the order the groups list them. */
	readonly shown: ActionItem[] = $derived(this.groups.flatMap((g) => g.items));

	/** How long after an incident its review meeting is due (chosen in Settings). */
	readonly policy = loadReviewPolicy();
	/** The policy in words. */
	readonly policyText = describeReviewPolicy(this.policy);

	/** The review meetings and look backs due, soonest first. */
	readonly reviews: DueReview[] = $derived(
		(this.docs.current ?? [])
			.flatMap((pm) => postmortemDeadlines(pm, this.policy).map((d) => ({ ...d, postmortemId: pm.id, postmortemTitle: pm.title })))
			.sort((a, b) => a.date.localeCompare(b.date))
	);

	/** The GitHub repository (owner/name) "New GitHub issue" opens, kept in this browser; '' for none. */
	get githubRepo(): string {
		return this.repo;
	}
	set githubRepo(repo: string) {
		this.repo = repo.trim();
		saveGithubRepo(this.repo);
	}
	private repo = $state(loadGithubRepo());

	/** True when the repository is written as owner/name. */
	get githubRepoValid(): boolean {
		return isGithubRepo(this.repo);
	}

	/** The prefilled GitHub "new issue" address of an action, when a valid repository is set. */
	githubUrl(item: ActionItem): string | undefined {
		return isGithubRepo(this.repo) ? githubIssueUrl(this.repo, item) : undefined;
	}

	/** Download the shown actions as a file for a tracker or a calendar. */
	download(kind: 'jira' | 'gitlab' | 'calendar'): void {
		const day = this.today;
		if (kind === 'calendar')
			downloadText(
				`corrective-actions-${day}.ics`,
				actionsCalendar(this.shown, this.docs.current ?? [], new Date(), this.policy),
				'text/calendar'
			);
		else downloadText(`corrective-actions-${kind}-${day}.csv`, kind === 'jira' ? jiraCsv(this.shown) : gitlabCsv(this.shown), 'text/csv');
	}

	/** True while an edit has not reached the database yet. */
	get dirty(): boolean {
		return this.pending.size > 0;
	}

	/**
	 * Change an action's status, owner or due date. A choice is stored at once; `typing` (the owner,
	 * as it is typed) waits for a pause, as the editor's autosave does.
	 */
	edit(item: Pick<ActionItem, 'postmortemId' | 'action'>, patch: ActionPatch, typing = false): void {
		const key = keyOf(item.postmortemId, item.action.id);
		const before = this.pending.get(key);
		const next = new Map(this.pending);
		next.set(key, { postmortemId: item.postmortemId, actionId: item.action.id, patch: { ...before?.patch, ...patch } });
		this.pending = next;
		this.status = { state: 'saving' };
		clearTimeout(this.timer);
		if (typing) this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
		else void this.flush();
	}

	/** Store every pending edit now; resolves when the database has them (or a write failed). */
	flush(): Promise<void> {
		clearTimeout(this.timer);
		this.running = this.running.then(() => this.writePending());
		return this.running;
	}

	private async writePending(): Promise<void> {
		// Nothing waiting: the status stays as the last write left it (an error stays said).
		if (!this.pending.size) return;
		for (const [key, edit] of this.pending) {
			try {
				await updateAction(edit.postmortemId, edit.actionId, edit.patch);
				this.settle(key, edit);
			} catch (e) {
				if (e instanceof MissingError || e instanceof ActionMissingError) {
					// Nothing to write it into: drop the edit and say why.
					this.settle(key, edit);
					this.status = {
						state: 'error',
						reason:
							e instanceof MissingError ? 'its postmortem was deleted meanwhile.' : 'that action was removed from its postmortem meanwhile.'
					};
					return;
				}
				this.status = { state: 'error', reason: describeStorageError(e) };
				return;
			}
		}
		if (!this.pending.size) this.status = { state: 'saved' };
	}

	/** The edit is stored (or given up): forget it, unless a newer one replaced it meanwhile. */
	private settle(key: string, edit: PendingEdit): void {
		if (this.pending.get(key) !== edit) return;
		const next = new Map(this.pending);
		next.delete(key);
		this.pending = next;
	}

	/** The page is going away: start every pending write now (see `updateActionNow`). */
	flushSync(): void {
		clearTimeout(this.timer);
		for (const edit of this.pending.values()) updateActionNow(edit.postmortemId, edit.actionId, edit.patch);
	}

	heardOf(): void {
		// Each edit is written on top of whatever is stored: another tab's save needs no tracking here.
	}

	/** What a tracker's CSV export would change (shown before it is applied), and the file's name. */
	trackerPlan = $state.raw<(TrackerStatusPlan & { file: string }) | undefined>();
	/** Why the tracker's file was refused or its changes could not be applied, or ''. */
	trackerError = $state('');
	/** What the last applied tracker file did, or ''. */
	trackerNotice = $state('');

	/** Read a tracker's CSV export and work out the status changes it makes; nothing is stored yet. */
	async readTrackerCsv(file: File): Promise<void> {
		this.trackerPlan = undefined;
		this.trackerError = this.trackerNotice = '';
		try {
			if (file.size > MAX_TRACKER_CSV_BYTES) throw new TrackerCsvError(`“${file.name}” is over ${MAX_TRACKER_CSV_BYTES / 1024 / 1024} MB.`);
			const text = await file.text();
			if (text.includes('\0')) throw new TrackerCsvError(`“${file.name}” is not a text file.`);
			this.trackerPlan = { ...planTrackerStatuses(this.items, text), file: file.name };
		} catch (e) {
			this.trackerError = e instanceof TrackerCsvError ? e.message : `“${file.name}” could not be read.`;
		}
	}

	/** Apply the tracker's status changes, all of them or none. */
	async applyTrackerPlan(): Promise<void> {
		const plan = this.trackerPlan;
		if (!plan) return;
		try {
			await this.flush();
			await updateActions(
				plan.changes.map((c) => ({ postmortemId: c.item.postmortemId, actionId: c.item.action.id, patch: { status: c.to } }))
			);
			const n = plan.changes.length;
			this.trackerNotice = `${n} corrective action${n === 1 ? '' : 's'} updated from “${plan.file}”.`;
			this.trackerPlan = undefined;
		} catch (e) {
			const why =
				e instanceof MissingError || e instanceof ActionMissingError
					? 'a postmortem or an action it names was removed meanwhile.'
					: describeStorageError(e);
			this.trackerError = `Nothing was changed: ${why}`;
		}
	}

	/** Drop the tracker's changes unapplied. */
	cancelTrackerPlan(): void {
		this.trackerPlan = undefined;
	}

	/** Store what is pending, then stop following the database. */
	async stop(): Promise<void> {
		this.docs.stop();
		await this.flush();
		openSavers.delete(this);
	}
}
