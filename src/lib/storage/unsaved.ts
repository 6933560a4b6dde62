import type { Postmortem } from '$lib/domain/model';

/**
 * A copy of each edit written as a page goes away (Autosaver.flushSync), kept in localStorage until
 * the next start of the app has checked that IndexedDB has it (`recoverUnsaved`). An IndexedDB
 * write issued in `pagehide` is lost when the tab is torn down before the transaction could start
 * (it waits behind the page's own transactions still under way, such as a live query's read);
 * localStorage holds the copy in the browser itself, so it outlives the page.
 */
const PREFIX = 'postmortem-workbench:unsaved:';

/** An edit from a closing tab that cannot go over the stored postmortem, as a postmortem of its own. */
export function closedTabCopy(pm: Postmortem, updatedAt = pm.updatedAt): Postmortem {
	return { ...pm, id: crypto.randomUUID(), title: `${pm.title || 'Untitled'} (unsaved version from a closed tab)`, revision: 1, updatedAt };
}

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
		store()?.setItem(PREFIX + row.id, JSON.stringify(row));
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

/** Every kept copy (unreadable entries are dropped). */
export function unsavedRows(): Postmortem[] {
	const s = store();
	if (!s) return [];
	const rows: Postmortem[] = [];
	const keys: string[] = [];
	for (let i = 0; i < s.length; i++) keys.push(s.key(i) ?? '');
	for (const key of keys) {
		if (!key.startsWith(PREFIX)) continue;
		try {
			const row = JSON.parse(s.getItem(key) ?? '') as Postmortem;
			if (row && typeof row.id === 'string' && PREFIX + row.id === key && typeof row.revision === 'number') rows.push(row);
			else s.removeItem(key);
		} catch {
			s.removeItem(key);
		}
	}
	return rows;
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
