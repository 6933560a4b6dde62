import type { Postmortem } from '$lib/domain/model';
import { restorer } from './restoring';
import { withShapeVersion } from './summary';

/**
 * A copy of each edit written as a page goes away (Autosaver.flushSync), kept in localStorage until
 * the next start of the app has checked that IndexedDB has it (`recoverUnsaved`). An IndexedDB
 * write issued in `pagehide` is lost when the tab is torn down before the transaction could start
 * (it waits behind the page's own transactions still under way, such as a live query's read);
 * localStorage holds the copy in the browser itself, so it outlives the page.
 */
const PREFIX = 'postmortem-workbench:unsaved:';

/** Ids this page has kept a copy of, so its own later saves can drop the copy. */
const keptHere = new Set<string>();

function store(): Storage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined; // storage disabled
	}
}

/** Keep a copy of `row`, the postmortem as the page-going-away write stores it. */
export function keepUnsaved(row: Postmortem): void {
	try {
		store()?.setItem(PREFIX + row.id, JSON.stringify(withShapeVersion(row)));
		keptHere.add(row.id);
	} catch {
		/* full or disabled: the IndexedDB write is still made */
	}
}

/** Drop the kept copy of postmortem `id`. Only touches localStorage when there may be one. */
export function forgetUnsaved(id: string, always = false): void {
	if (!always && !keptHere.has(id)) return;
	keptHere.delete(id);
	try {
		store()?.removeItem(PREFIX + id);
	} catch {
		/* nothing to drop */
	}
}

/**
 * Every kept copy, through the domain's restore (a copy kept by an older version of the app comes
 * back in today's shape). Entries that are not a kept postmortem at all are dropped; one this
 * version cannot read (kept by a newer version) stays kept for that version to store.
 */
export async function unsavedRows(): Promise<Postmortem[]> {
	const s = store();
	if (!s) return [];
	const kept: unknown[] = [];
	const keys: string[] = [];
	for (let i = 0; i < s.length; i++) keys.push(s.key(i) ?? '');
	for (const key of keys) {
		if (!key.startsWith(PREFIX)) continue;
		let raw: unknown;
		try {
			raw = JSON.parse(s.getItem(key) ?? '');
		} catch {
			s.removeItem(key);
			continue;
		}
		const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
		if (typeof id !== 'string' || PREFIX + id !== key) {
			s.removeItem(key);
			continue;
		}
		kept.push(raw);
	}
	if (!kept.length) return []; // the usual case: the restore path is not even loaded
	const restorePostmortem = await restorer();
	return kept.flatMap((raw) => {
		const restored = restorePostmortem(raw);
		return restored.ok ? [restored.postmortem] : [];
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
