import type { Postmortem } from '$lib/domain/model';
import { closedTabCopy, duplicatePostmortem, importedTitle } from '$lib/domain/copies';
import { restorer } from './restoring';
import { summarize, withShapeVersion } from './summary';
import type { PostmortemSummary, WorkbenchDB } from './db';
import { database, reading } from './connection';
import { StorageNotRespondingError, answeredWithin } from './errors';
import { dropEarlyRead } from './early';
import { forgetKept, forgetUnsaved, onUnsavedKept, stillKept, unsavedEntries } from './unsaved';

export { summarize } from './summary';

/** Every postmortem's library row, most recently edited first. */
export function list(): Promise<PostmortemSummary[]> {
	return reading((d) => d.summaries.orderBy('updatedAt').reverse().toArray());
}

/** One whole postmortem, or undefined. */
export function get(id: string): Promise<Postmortem | undefined> {
	return reading((d) => d.postmortems.get(id));
}

async function put(row: Postmortem): Promise<void> {
	const pm = withShapeVersion(row);
	dropEarlyRead();
	const d = await database();
	await d.transaction('rw', d.postmortems, d.summaries, async () => {
		await d.postmortems.put(pm);
		await d.summaries.put(summarize(pm));
	});
}

/** Store a new postmortem (revision 1) and return it. */
export async function create(pm: Postmortem): Promise<Postmortem> {
	const stored = { ...pm, revision: 1, updatedAt: new Date().toISOString() };
	await put(stored);
	return stored;
}

/** Delete a postmortem; returns it so the deletion can be undone with `restore`. */
export async function remove(id: string): Promise<Postmortem | undefined> {
	forgetUnsaved(id, true); // a deleted postmortem is not brought back by a copy kept on leaving a page
	dropEarlyRead();
	const d = await database();
	return d.transaction('rw', d.postmortems, d.summaries, async () => {
		const pm = await d.postmortems.get(id);
		await d.postmortems.delete(id);
		await d.summaries.delete(id);
		return pm;
	});
}

/** Put a deleted postmortem back exactly as it was. */
export async function restore(pm: Postmortem): Promise<void> {
	await put(pm);
}

/** A copy under a new id, "(copy)" after the title, as a new draft (see `duplicatePostmortem`). */
export async function duplicate(id: string): Promise<Postmortem | undefined> {
	const pm = await get(id);
	return pm && create(duplicatePostmortem(pm));
}

/** Which of these ids are already stored. */
export async function existingIds(ids: string[]): Promise<string[]> {
	const found = await (await database()).postmortems.bulkGet(ids);
	return found.filter((x): x is Postmortem => !!x).map((x) => x.id);
}

/** How to treat imported postmortems whose id is already stored. */
export type OnExisting = 'replace' | 'keep-both';

/**
 * Store imported postmortems in one transaction: all of them or, on any failure, none.
 * With 'keep-both', clashing ones get a new id and "(imported)" after the title (see `importedTitle`).
 * Those read from Markdown (ids in `markdownIds`) have no id to clash by: one whose title is already
 * in the library (or earlier in this import) gets "(imported)" the same way, so each row can be told
 * apart. Returns the ids stored.
 */
export async function importPostmortems(
	pms: Postmortem[],
	onExisting: OnExisting,
	markdownIds: ReadonlySet<string> = new Set()
): Promise<string[]> {
	dropEarlyRead();
	const d = await database();
	return d.transaction('rw', d.postmortems, d.summaries, async () => {
		const existing = new Map(
			(await d.postmortems.bulkGet(pms.map((p) => p.id))).filter((p): p is Postmortem => !!p).map((p) => [p.id, p.revision] as const)
		);
		const copyOf = (pm: Postmortem) => onExisting === 'keep-both' && existing.has(pm.id);
		const retitle = pms.some((pm) => copyOf(pm) || markdownIds.has(pm.id));
		const titles = new Set(retitle ? (await d.summaries.toArray()).map((s) => s.title) : []);
		const rows = pms.map((pm) => {
			if (copyOf(pm)) {
				const title = importedTitle(pm.title, titles);
				titles.add(title);
				return { ...pm, id: crypto.randomUUID(), title };
			}
			if (!markdownIds.has(pm.id)) return pm;
			const title = titles.has(pm.title) ? importedTitle(pm.title, titles) : pm.title;
			titles.add(title);
			return title === pm.title ? pm : { ...pm, title };
		});
		const now = new Date().toISOString();
		// The revision is this browser's own counter of saves, never the file's: conflict detection
		// must not rest on a number a file (or another machine) can set, near MAX_SAFE_INTEGER where
		// adding 1 no longer changes it. A replaced postmortem gets one above the stored revision, so an
		// open editor sees the change. An edit time in the future (a file from a machine whose clock is
		// ahead) becomes now, so it cannot sit above every edit made here.
		const stored = rows.map((pm) => ({
			...withShapeVersion(pm),
			revision: (existing.get(pm.id) ?? 0) + 1,
			updatedAt: Date.parse(pm.updatedAt) <= Date.now() ? pm.updatedAt : now
		}));
		await d.postmortems.bulkPut(stored);
		await d.summaries.bulkPut(stored.map(summarize));
		return stored.map((p) => p.id);
	});
}

/** The same document, leaving out the bookkeeping a write sets (revision, updatedAt). */
function sameText(a: Postmortem, b: Postmortem, restorePostmortem: Awaited<ReturnType<typeof restorer>>): boolean {
	// Both in today's shape and key order (a stored row may predate schemaVersion, or come from another writer).
	const text = (pm: Postmortem) => {
		const r = restorePostmortem(pm);
		return r.ok ? JSON.stringify({ ...r.postmortem, revision: 0, updatedAt: '' }) : '';
	};
	const t = text(a);
	return t !== '' && t === text(b);
}

/** A closing tab's edit that could not go over the stored postmortem, stored as a copy of its own. */
export interface ClosedTabCopy {
	/** The copy's id and title. */
	id: string;
	title: string;
	/** The postmortem it is an edit of. */
	of: { id: string; title: string };
}

const copyListeners = new Set<(copy: ClosedTabCopy) => void>();
const overListeners = new Set<(row: Postmortem) => void>();

/**
 * Call `fn` when `recoverUnsaved` writes a closed tab's edit over a stored postmortem, so an editor
 * of it in this page knows its base moved on at once (before its live query hears of it).
 */
export function onRecoveredOver(fn: (row: Postmortem) => void): void {
	overListeners.add(fn);
}

/** The meta row listing closed-tab copies stored (newest last), so they are told at the next start and stored once. */
const COPIES_KEY = 'closedTabCopies';
interface CopyRecord extends ClosedTabCopy {
	/** Which kept edit it was made from (its localStorage key and time), so a second recovery skips it. */
	source: string;
	/** The person has seen the notice. */
	seen?: boolean;
}
const COPY_RECORDS_KEPT = 50;

/** The closed-tab copy records, read inside a transaction that includes `meta`. */
async function copyRecords(d: WorkbenchDB): Promise<CopyRecord[]> {
	return ((await d.meta.get(COPIES_KEY))?.value as CopyRecord[] | undefined) ?? [];
}

/** The closed-tab copies stored and not yet acknowledged (see `acknowledgeClosedTabCopies`). */
export async function unseenClosedTabCopies(): Promise<ClosedTabCopy[]> {
	const records = await copyRecords(await database());
	return records.filter((r) => !r.seen).map(({ id, title, of }) => ({ id, title, of }));
}

/** The person has seen the notice of closed-tab copies. */
export async function acknowledgeClosedTabCopies(): Promise<void> {
	const d = await database();
	await d.transaction('rw', d.meta, async () => {
		const records = await copyRecords(d);
		await d.meta.put({ key: COPIES_KEY, value: records.map((r) => ({ ...r, seen: true })) });
	});
}

/** Call `fn` each time `recoverUnsaved` stores a closing tab's edit as a copy; returns a function that stops it. */
export function onClosedTabCopy(fn: (copy: ClosedTabCopy) => void): () => void {
	copyListeners.add(fn);
	return () => copyListeners.delete(fn);
}

/**
 * Store the edits that pages going away kept outside IndexedDB (see unsaved.ts) and IndexedDB
 * does not have: written over the stored copy it was based on, or, when the stored copy has moved
 * on without it (another tab saved meanwhile, or two tabs closed at once), as a separate copy,
 * told to `onClosedTabCopy` listeners. Returns how many were stored.
 */
export async function recoverUnsaved(): Promise<number> {
	const entries = await unsavedEntries();
	if (!entries.length) return 0;
	const restorePostmortem = await restorer();
	const d = await database();
	let stored = 0;
	for (const { key, row } of entries) {
		// Another tab's recovery may have stored this one meanwhile.
		if (!stillKept(key)) continue;
		let copy: ClosedTabCopy | undefined;
		const source = `${key}@${row.updatedAt}`;
		await d.transaction('rw', d.postmortems, d.summaries, d.meta, async () => {
			const records = await copyRecords(d);
			// Stored already, by a recovery whose page went away before it could drop the kept edit.
			if (records.some((r) => r.source === source)) return;
			const current = await d.postmortems.get(row.id);
			if (current && sameText(current, row, restorePostmortem)) {
				// The closing tab's write made it, but it may have gone unannounced (the tab was gone
				// before Dexie could tell other tabs): writing the row again through Dexie tells every
				// live query of this postmortem to read it again.
				await d.summaries.put(summarize(current));
				return;
			}
			const over = !current || current.revision < row.revision;
			const keep = withShapeVersion(over ? row : closedTabCopy(row));
			await d.postmortems.put(keep);
			await d.summaries.put(summarize(keep));
			stored++;
			if (over) {
				for (const fn of overListeners) fn(keep);
				return;
			}
			copy = { id: keep.id, title: keep.title, of: { id: current.id, title: current.title } };
			await d.meta.put({ key: COPIES_KEY, value: [...records, { ...copy, source }].slice(-COPY_RECORDS_KEPT) });
		});
		forgetKept(key);
		if (copy) for (const fn of copyListeners) fn(copy);
	}
	return stored;
}

let recoveryInstalled = false;
/**
 * When another tab keeps a copy as it closes, run `recoverUnsaved` here: that tab's last write may
 * land after this page has read the postmortem, and such a raw write does not tell other tabs. A
 * moment later, so that tab's own write has landed first.
 */
export function installUnsavedRecovery(): void {
	if (recoveryInstalled) return;
	recoveryInstalled = true;
	onUnsavedKept(() => setTimeout(() => void recoverUnsaved().catch(() => {}), 100));
}

/** Every stored postmortem, for a full backup. */
export async function exportAll(): Promise<Postmortem[]> {
	return (await database()).postmortems.toArray();
}

/** Read a setting. */
export async function getMeta<T>(key: string): Promise<T | undefined> {
	return (await (await database()).meta.get(key))?.value as T | undefined;
}

/** Write a setting. */
export async function setMeta(key: string, value: unknown): Promise<void> {
	await (await database()).meta.put({ key, value });
}

/**
 * Open the database once to find out whether this browser lets us store anything; null when it
 * does. Storage that does not answer within a few seconds is told to `onSlow` (a wedged profile, some
 * privacy modes), and the open is still awaited: a long upgrade can answer late, and then all is well.
 */
export async function probeStorage(onSlow?: (e: unknown) => void): Promise<unknown | null> {
	const opening = database().then((d) => d.open());
	try {
		await answeredWithin(opening).catch(async (e: unknown) => {
			if (!(e instanceof StorageNotRespondingError) || !onSlow) throw e;
			onSlow(e);
			await opening;
		});
		return null;
	} catch (e) {
		return e;
	}
}
