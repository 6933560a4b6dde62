import type { Postmortem } from '$lib/domain/model';
import {
	ConflictError,
	MissingError,
	STORAGE_TIMEOUT_MS,
	StorageNotRespondingError,
	classifyStorageError,
	databaseGeneration,
	describeStorageError
} from './errors';
import { database, loadedDatabase } from './connection';
import { AUTOSAVE_DELAY_MS, openSavers, type OpenSaver } from './open-editors';
import { closedTabCopy } from '$lib/domain/copies';
import { forgetUnsaved, keepUnsaved } from './unsaved';
import { recoverUnsaved, summarize } from './repository';
import { save } from './saving';
import { withShapeVersion } from './summary';
import { afterPaint } from '$lib/scheduling';

/** What the quiet status line shows. */
export type SaveStatus =
	| { state: 'saved'; at: string }
	| { state: 'pending' }
	| { state: 'saving' }
	| { state: 'error'; reason: string }
	| { state: 'conflict'; stored: Postmortem }
	/** The stored postmortem is gone: deleted in another tab, or `cleared` with the browser's stored data for the site. */
	| { state: 'missing'; cleared: boolean };

export { AUTOSAVE_DELAY_MS } from './open-editors';

/**
 * How long typing may go on without a pause before a save is made anyway, in the gap after the
 * next keystroke's frame (so every edit is stored within a second even while typing goes on).
 */
export const AUTOSAVE_MAX_WAIT_MS = 600;

/**
 * Debounced, serialised saving of one postmortem. Keeps the revision the stored copy has, so a save
 * never overwrites a newer revision written by another tab (that becomes a 'conflict' status).
 */
export class Autosaver implements OpenSaver {
	private pending: Postmortem | undefined;
	/** The edit being written right now (kept until the write is confirmed). */
	private inflight: Postmortem | undefined;
	/** Aborts the write in flight (when the page goes away, see `flushSync`). */
	private inflightAbort: AbortController | undefined;
	/** The newest revision seen in the database, from any tab. */
	private latestStored: number;
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** When the oldest edit not yet taken by a save was made (performance.now()). */
	private waitingSince: number | undefined;
	/** A save is queued for after the next paint (see `schedule`). */
	private saveAfterPaintQueued = false;
	private running: Promise<void> = Promise.resolve();
	private paused = false;
	/** The stored copy went away and the person chose to store this text again (see `saveAgain`). */
	private recreate = false;
	/** The database's generation this editor's stored copy is in (see `databaseGeneration`). */
	private generation = databaseGeneration();
	/** The revision of the stored copy this editor is based on. */
	baseRevision: number;
	private readonly id: string;

	constructor(
		base: Postmortem,
		private readonly onStatus: (s: SaveStatus) => void,
		private readonly onSaved: (stored: Postmortem) => void = () => {},
		private readonly delay = AUTOSAVE_DELAY_MS,
		private readonly write: typeof save = save,
		private readonly maxWait = Math.max(delay, AUTOSAVE_MAX_WAIT_MS)
	) {
		this.id = base.id;
		this.baseRevision = base.revision;
		this.latestStored = base.revision;
		openSavers.add(this);
	}

	/** True while an edit has not reached the database yet. */
	get dirty(): boolean {
		return this.pending !== undefined || this.inflight !== undefined;
	}

	/** Queue the latest version of the document for saving. */
	schedule(pm: Postmortem): void {
		// Open the database with the first edit, so a pagehide before the debounced save can write it.
		if (this.write === save && !loadedDatabase()?.isOpen())
			void database()
				.then((d) => d.open())
				.catch(() => {});
		this.pending = pm;
		// Held back by a conflict or a stored copy gone: the status goes on saying so, not "Saving…".
		if (this.paused) return;
		this.onStatus({ state: 'pending' });
		const now = performance.now();
		this.waitingSince ??= now;
		clearTimeout(this.timer);
		if (now - this.waitingSince >= this.maxWait) {
			// Steady typing with no pause: save now rather than when it stops, right after this
			// keystroke's frame, the moment the next keystroke is furthest away (a large document's
			// save takes the main thread for a few ms, and a keystroke arriving then would wait).
			if (!this.saveAfterPaintQueued) {
				this.saveAfterPaintQueued = true;
				afterPaint(() => {
					this.saveAfterPaintQueued = false;
					void this.flush();
				});
			}
			return;
		}
		this.timer = setTimeout(() => void this.flush(), this.delay);
	}

	/** Write any pending edit now; resolves when the database has it (or the save failed). */
	flush(): Promise<void> {
		clearTimeout(this.timer);
		this.running = this.running.then(() => this.writePending());
		return this.running;
	}

	private async writePending(attempt = 0): Promise<void> {
		const pm = this.pending;
		if (!pm || this.paused) return;
		this.pending = undefined;
		this.waitingSince = undefined;
		this.inflight = pm;
		const abort = (this.inflightAbort = new AbortController());
		this.onStatus({ state: 'saving' });
		// A write the browser's storage does not answer is told as not saved (the edit stays here and is
		// kept aside on pagehide); it is still awaited, and "Saved" follows if it lands after all.
		const slow = setTimeout(
			() => this.onStatus({ state: 'error', reason: describeStorageError(new StorageNotRespondingError()) }),
			STORAGE_TIMEOUT_MS
		);
		try {
			const stored = await this.write(
				{ ...pm, revision: this.baseRevision },
				{ signal: abort.signal, ...(this.recreate ? { recreate: true } : {}) }
			).finally(() => clearTimeout(slow));
			this.inflight = undefined;
			this.recreate = false;
			this.baseRevision = stored.revision;
			this.latestStored = Math.max(this.latestStored, stored.revision);
			// A copy kept by an earlier pagehide (page back from the cache) is superseded; one kept by
			// a pagehide during this write stays (it may not land; the recovery finds it stored).
			if (!abort.signal.aborted) forgetUnsaved(stored.id);
			this.onSaved(stored);
			// Newer typing may have arrived while writing; it is saved by its own timer.
			this.onStatus(this.pending ? { state: 'pending' } : { state: 'saved', at: stored.updatedAt });
		} catch (e) {
			this.inflight = undefined;
			if (abort.signal.aborted) {
				// flushSync wrote this edit instead (the page was restored from the back/forward cache).
				this.onStatus(this.pending ? { state: 'pending' } : { state: 'saved', at: new Date().toISOString() });
				return;
			}
			this.pending ??= pm;
			if (e instanceof ConflictError && e.stored.revision <= this.baseRevision) {
				// The "newer" revision is our own pagehide write (page restored from the back/forward cache).
				this.pending = this.pending === pm ? undefined : this.pending;
				this.onStatus(this.pending ? { state: 'pending' } : { state: 'saved', at: e.stored.updatedAt });
				return;
			}
			if (e instanceof ConflictError) {
				this.paused = true;
				this.onStatus({ state: 'conflict', stored: e.stored });
				return;
			}
			if (e instanceof MissingError) {
				// Saving on would fail the same way: the text stays here until the person stores it again.
				this.paused = true;
				this.onStatus({ state: 'missing', cleared: databaseGeneration() !== this.generation });
				return;
			}
			if (classifyStorageError(e) === 'closed' && attempt === 0) {
				try {
					await (await database()).open();
					return this.writePending(1);
				} catch {
					/* fall through to the error status */
				}
			}
			this.onStatus({ state: 'error', reason: describeStorageError(e) });
		}
	}

	/**
	 * Settle a conflict. 'mine' overwrites the stored copy with this editor's text; 'theirs' drops
	 * the pending edit. The caller keeps the losing version as a copy first.
	 */
	async resolveConflict(choice: 'mine' | 'theirs', stored: Postmortem): Promise<Postmortem | undefined> {
		this.paused = false;
		this.baseRevision = stored.revision;
		if (choice === 'theirs') {
			this.pending = this.waitingSince = undefined;
			this.onStatus({ state: 'saved', at: stored.updatedAt });
			return stored;
		}
		await this.flush();
		return undefined;
	}

	/**
	 * Store this editor's text again after its stored copy went away (deleted in another tab, or the
	 * browser's stored data cleared), as a new copy under the same address. If the postmortem is
	 * stored again meanwhile (an undo in another tab), that is a conflict, told as usual.
	 */
	async saveAgain(pm: Postmortem): Promise<void> {
		this.paused = false;
		this.recreate = true;
		this.generation = databaseGeneration();
		this.pending = pm;
		await this.flush();
	}

	/**
	 * The row an edit that could not be saved the usual way is kept as: on top of the revision it is
	 * based on. `conflict` when another tab has saved since (or a conflict holds it back): then the
	 * recovery (`recoverUnsaved`) stores it as a copy of its own and says so.
	 */
	private keptRow(pm: Postmortem): { row: Postmortem; conflict: boolean } {
		const now = new Date().toISOString();
		const conflict = this.paused || this.latestStored > this.baseRevision;
		return { row: { ...pm, revision: this.baseRevision + 1, updatedAt: now }, conflict };
	}

	/**
	 * Last-chance write when the page is going away (pagehide): the edit is kept in localStorage at
	 * once (see unsaved.ts), and when Dexie is open its transaction starts now (in a microtask, which
	 * the browser runs as soon as the handler returns) rather than after an await of an async save,
	 * whose callbacks would never run in an unloading page. If another tab saved a newer revision
	 * meanwhile, nothing is written over it: the kept edit is stored as a separate copy by the next
	 * start of the app (recoverUnsaved), as is one kept before Dexie has opened. Two tabs closing at
	 * the same moment may both write here; each keeps its own copy, so the recovery stores both.
	 */
	flushSync(): void {
		const pm = this.pending ?? this.inflight;
		if (!pm) return;
		clearTimeout(this.timer);
		// A write still in flight needs callbacks an unloading page never runs, and this write would
		// queue behind it and be lost with it: roll it back now; this write carries the same text.
		if (this.inflight) this.inflightAbort?.abort();
		const { row: kept, conflict } = this.keptRow(pm);
		// Kept outside IndexedDB too: the write below can be lost with the page (see unsaved.ts).
		const keptAside = keepUnsaved(kept);
		// In conflict, a copy goes to IndexedDB only when it could not be kept aside.
		const row = withShapeVersion(conflict && !keptAside ? closedTabCopy(kept) : kept);
		const d = loadedDatabase();
		// The edit stays pending: a page restored from the back/forward cache saves it (or meets the conflict) as usual.
		if (!d?.isOpen() || (conflict && keptAside)) return;
		try {
			void d
				.transaction('rw', d.postmortems, d.summaries, async () => {
					// A tab whose save landed a moment ago (not heard of here yet) is not written over: the
					// kept copy becomes a separate copy at the recovery. Only with nothing kept aside is
					// the write blind, as the one chance this edit has (its callbacks may never run). The
					// summary row carries the revision, as in save's check, and is the smaller read.
					if (keptAside && ((await d.summaries.get(row.id))?.revision ?? 0) >= row.revision) return;
					await Promise.all([d.postmortems.put(row), d.summaries.put(summarize(row))]);
				})
				.catch(() => {}); // the kept copy is recovered at the next start
			this.pending = this.waitingSince = undefined;
			// The rolled-back save's text is older: a second call (pagehide after beforeunload) must
			// not write it over this one before the rollback has been reported.
			this.inflight = undefined;
			if (!conflict) this.baseRevision = this.latestStored = row.revision;
		} catch {
			// Nothing more can be done while unloading; the kept copy is recovered at the next start.
		}
	}

	/** A newer revision of this postmortem was stored (by this page's recovery of a closed tab's edit). */
	heardOf(stored: Postmortem): void {
		if (stored.id === this.id) this.latestStored = Math.max(this.latestStored, stored.revision);
	}

	/** Adopt a newer stored revision (saved by another tab) when nothing local is pending. */
	adopt(stored: Postmortem): boolean {
		this.latestStored = Math.max(this.latestStored, stored.revision);
		if (this.pending || this.inflight || this.paused || stored.revision <= this.baseRevision) return false;
		this.baseRevision = stored.revision;
		return true;
	}

	/**
	 * Flush and stop; call when the editor closes. An edit that still could not be saved (the save
	 * failed, or a conflict holds it back) is kept the way a closing tab keeps it (see unsaved.ts),
	 * as a copy when in conflict, so leaving the editor never drops it.
	 */
	async dispose(): Promise<void> {
		await this.flush();
		clearTimeout(this.timer);
		const pm = this.pending ?? this.inflight;
		if (pm) {
			// The page stays, so no blind write: the recovery stores the kept row with the revision
			// check (a copy if the stored postmortem moved on); if storage still fails, the row stays
			// kept until the app next starts.
			keepUnsaved(this.keptRow(pm).row);
			this.pending = this.waitingSince = undefined;
			await recoverUnsaved().catch(() => {});
		}
		openSavers.delete(this);
	}
}
