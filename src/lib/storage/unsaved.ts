import type { Postmortem } from '$lib/domain/model';
import { restorer } from './restoring';
import { withShapeVersion } from './summary';
import { localStore } from './local-storage';

/**
 * A copy of each edit written as a page goes away (Autosaver.flushSync), kept in localStorage until
 * the next start of the app has checked that IndexedDB has it (`recoverUnsaved`). An IndexedDB
 * write issued in `pagehide` is lost when the tab is torn down before the transaction could start
 * (it waits behind the page's own transactions still under way, such as a live query's read);
 * localStorage holds the copy in the browser itself, so it outlives the page.
 */
const PREFIX = 'postmortem-workbench:unsaved:';

/**
 * Each page keeps its copies under keys of its own (`<prefix><id>:<page>`): two tabs of one
 * postmortem closing at the same moment each keep theirs, and the next start stores both.
 */
const PAGE = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random()).slice(2);

function keyOf(id: string): string {
	return `${PREFIX}${id}:${PAGE}`;
}

/** Whether `key` holds a kept copy of postmortem `id` (kept by any page, or by an older build: no page part). */
function isKeyOf(key: string, id: string): boolean {
	return key === PREFIX + id || (key.startsWith(`${PREFIX}${id}:`) && !key.slice(PREFIX.length + id.length + 1).includes(':'));
}

/** Ids this page has kept a copy of, so its own later saves can drop the copy. */
const keptHere = new Set<string>();

/** Keep a copy of `row`, the postmortem as the page-going-away write stores it; false when it could not be kept. */
export function keepUnsaved(row: Postmortem): boolean {
	try {
		const s = localStore();
		if (!s) return false;
		s.setItem(keyOf(row.id), JSON.stringify(withShapeVersion(row)));
		keptHere.add(row.id);
		return true;
	} catch {
		return false; // full or disabled: the caller writes to IndexedDB anyway
	}
}

/**
 * Drop this page's kept copy of postmortem `id` (only touching localStorage when there may be one),
 * or with `always`, every page's.
 */
export function forgetUnsaved(id: string, always = false): void {
	if (!always && !keptHere.has(id)) return;
	keptHere.delete(id);
	try {
		const s = localStore();
		if (!s) return;
		if (!always) return s.removeItem(keyOf(id));
		for (const key of keys(s)) if (isKeyOf(key, id)) s.removeItem(key);
	} catch {
		/* nothing to drop */
	}
}

/** Drop one kept copy by its key (once it is stored). */
export function forgetKept(key: string): void {
	try {
		localStore()?.removeItem(key);
	} catch {
		/* nothing to drop */
	}
}

/** Whether the kept copy under `key` is still there (another tab may have stored it meanwhile). */
export function stillKept(key: string): boolean {
	try {
		return localStore()?.getItem(key) != null;
	} catch {
		return false;
	}
}

function keys(s: Storage): string[] {
	const out: string[] = [];
	for (let i = 0; i < s.length; i++) out.push(s.key(i) ?? '');
	return out;
}

/**
 * Every kept copy, through the domain's restore (a copy kept by an older version of the app comes
 * back in today's shape). Entries that are not a kept postmortem at all are dropped; one this
 * version cannot read (kept by a newer version) stays kept for that version to store.
 */
export async function unsavedRows(): Promise<Postmortem[]> {
	return (await unsavedEntries()).map((e) => e.row);
}

/** Every kept copy with the key it is kept under (see `unsavedRows`). */
export async function unsavedEntries(): Promise<Array<{ key: string; row: Postmortem }>> {
	const s = localStore();
	if (!s) return [];
	const kept: Array<{ key: string; raw: unknown }> = [];
	for (const key of keys(s)) {
		if (!key.startsWith(PREFIX)) continue;
		let raw: unknown;
		try {
			raw = JSON.parse(s.getItem(key) ?? '');
		} catch {
			s.removeItem(key);
			continue;
		}
		const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
		if (typeof id !== 'string' || !isKeyOf(key, id)) {
			s.removeItem(key);
			continue;
		}
		kept.push({ key, raw });
	}
	if (!kept.length) return []; // the usual case: the restore path is not even loaded
	const restorePostmortem = await restorer();
	return kept.flatMap(({ key, raw }) => {
		const restored = restorePostmortem(raw);
		return restored.ok ? [{ key, row: restored.postmortem }] : [];
	});
}

/**
 * Call `fn` when another tab keeps a copy (it is closing): that tab's last write may land after
 * this page has read the postmortem, and such a raw write does not tell other tabs. Returns a
 * function that stops listening.
 */
export function onUnsavedKept(fn: () => void): () => void {
	if (typeof window === 'undefined') return () => {};
	const listener = (e: StorageEvent) => {
		if (e.key?.startsWith(PREFIX) && e.newValue) fn();
	};
	window.addEventListener('storage', listener);
	return () => window.removeEventListener('storage', listener);
}
