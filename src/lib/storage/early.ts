import type { PostmortemSummary } from './db';

/**
 * The read that src/app.html's inline script starts on the library while the page's HTML parses:
 * the library rows (`key` null), with plain IndexedDB, long before Dexie and the app's code have
 * loaded. (Opening a postmortem the same way measured no faster: bench/README.md.)
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
