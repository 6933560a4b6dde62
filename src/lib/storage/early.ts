import type { Postmortem } from '$lib/domain/model';
import { restorer } from './restoring';
import type { PostmortemSummary } from './db';

/**
 * The read that src/app.html's inline script starts while the page's HTML parses: the library rows
 * (`key` null) or one postmortem (`key` its id), with plain IndexedDB, long before Dexie and the
 * app's code have loaded.
 */
interface EarlyRead {
	key: string | null;
	done: boolean;
	ok?: boolean;
	value?: unknown;
	promise: Promise<void>;
}

declare global {
	interface Window {
		__earlyRead?: EarlyRead;
	}
}

function earlyRead(): EarlyRead | undefined {
	return typeof window === 'undefined' ? undefined : window.__earlyRead;
}

/** Forget the page's early read: each is used once, and a write in this tab makes it stale. */
export function dropEarlyRead(): void {
	if (earlyRead()) window.__earlyRead = undefined;
}

/**
 * The library rows read as the page loaded, most recently edited first, once: the rows themselves if
 * the read is done, a promise of them while it is still under way (undefined if it fails), or
 * undefined when the page started no such read.
 */
export function takeEarlyList(): PostmortemSummary[] | Promise<PostmortemSummary[] | undefined> | undefined {
	const read = earlyRead();
	if (!read || read.key !== null) return undefined;
	dropEarlyRead();
	// Read in index order (oldest edit first), like list()'s reversed Dexie query, ties included.
	// Rows of a shape this build does not know (another version's database) are read again by Dexie.
	const rows = () =>
		read.ok && Array.isArray(read.value) && read.value.every(isSummary) ? (read.value as PostmortemSummary[]).reverse() : undefined;
	return read.done ? rows() : read.promise.then(rows);
}

/**
 * The early read of postmortem `id`, if the page started one: resolves to what it found, or to
 * undefined when it failed (then read it again the usual way). Any call drops the early read, so
 * it is never served later, stale.
 */
export function takeEarlyPostmortem(id: string): Promise<{ found: Postmortem | undefined } | undefined> | undefined {
	const read = earlyRead();
	dropEarlyRead();
	if (!read || read.key !== id) return undefined;
	return Promise.all([read.promise, restorer()]).then(([, restorePostmortem]) => {
		if (!read.ok) return undefined;
		if (read.value === undefined) return { found: undefined };
		// Read past Dexie, so possibly an older shape (a database Dexie has not upgraded yet): the
		// same restore as every other read of a stored or kept postmortem. One it cannot read (a
		// newer version's) is read again by Dexie, which reports why.
		const restored = restorePostmortem(read.value);
		return restored.ok ? { found: restored.postmortem } : undefined;
	});
}

/** A library row as this build writes it. */
function isSummary(row: unknown): row is PostmortemSummary {
	if (typeof row !== 'object' || row === null) return false;
	const r = row as Record<string, unknown>;
	return (
		typeof r.id === 'string' &&
		typeof r.title === 'string' &&
		typeof r.incidentDate === 'string' &&
		typeof r.severity === 'string' &&
		typeof r.status === 'string' &&
		typeof r.updatedAt === 'string' &&
		typeof r.revision === 'number' &&
		typeof r.filled === 'number' &&
		typeof r.total === 'number'
	);
}
