import { lazy, nextTask } from '$lib/scheduling';
import type { WorkbenchDB } from './db';

/**
 * Dexie and the schema (./db) load when storage is first used rather than with the page: each
 * first screen renders from app.html's early read, so Dexie (~90 KB) stays out of the page's first
 * tasks and its download out of the way of the first paint. Nothing else in the app imports ./db
 * or dexie.
 */
// The module's evaluation (Dexie's is ~10 ms on a fast machine) is a task of its own: what uses it
// (the first query, the probe, the live queries) carries on in the next task, so neither makes
// the other's task long.
const storage = lazy(() =>
	import('./db')
		// An upgrade runs the domain's restore over every stored postmortem: load it first, when one is due.
		.then(async (m) => {
			if (await m.upgradeDue()) await m.loadUpgrader();
			return m;
		})
		.then((m) => new Promise<typeof m>((resolve) => nextTask(() => resolve(m))))
);
const loadedListeners: Array<(d: WorkbenchDB) => void> = [];

/** Dexie and the app's schema, loaded once (tried again after a failed load). */
export async function loadStorage(): Promise<typeof import('./db')> {
	const m = await storage.load();
	for (const fn of loadedListeners.splice(0)) fn(m.db());
	return m;
}

/** The app's database connection; loads Dexie on first use. */
export async function database(): Promise<WorkbenchDB> {
	return (storage.now ?? (await loadStorage())).db();
}

/** The connection if Dexie has loaded, for the synchronous write as the page goes away. */
export function loadedDatabase(): WorkbenchDB | undefined {
	return storage.now?.db();
}

/** Run `fn` with the connection once something has loaded Dexie (now, if it has), without loading it. */
export function whenStorageLoads(fn: (d: WorkbenchDB) => void): void {
	const d = loadedDatabase();
	if (d) fn(d);
	else loadedListeners.push(fn);
}

/**
 * Run `read` with the connection. Once Dexie has loaded, the read is made in the same call, with no
 * await before it: a live query (liveQuery) only follows what its querier reads in its own context.
 */
export function reading<T>(read: (d: WorkbenchDB) => PromiseLike<T>): Promise<T> {
	const d = loadedDatabase();
	return d ? Promise.resolve(read(d)) : database().then(read);
}
