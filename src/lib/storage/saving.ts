/**
 * The editor's save: imported by the Autosaver (autosave.ts) directly, not through the storage
 * barrel, so the library's first load leaves it out.
 */
import type { Postmortem } from '$lib/domain/model';
import { database, loadedDatabase } from './connection';
import { dropEarlyRead } from './early';
import { ConflictError, MissingError } from './errors';
import { summarize, withShapeVersion } from './summary';

/**
 * Save an edited postmortem. `pm.revision` is the revision the edit started from: if the stored one
 * is newer (another tab saved meanwhile) this throws ConflictError, unless `force` is set; if it is
 * gone, MissingError, unless `recreate` is set (then it is stored anew).
 * Returns the stored postmortem with its new revision. `signal` aborts the write (rolled back).
 *
 * One Dexie transaction: the revision check and the writes are issued together (the writes are
 * rolled back when the check fails), so the typing path pays one round trip, not two.
 */
export async function save(pm: Postmortem, opts: { force?: boolean; recreate?: boolean; signal?: AbortSignal } = {}): Promise<Postmortem> {
	dropEarlyRead();
	const d = loadedDatabase() ?? (await database());
	const stamp = (revision: number): Postmortem => ({ ...withShapeVersion(pm), revision, updatedAt: new Date().toISOString() });
	const write = (row: Postmortem) => Promise.all([d.postmortems.put(row), d.summaries.put(summarize(row))]);
	try {
		return await d.transaction('rw', d.postmortems, d.summaries, async (tx) => {
			if (opts.signal?.aborted) throw new DOMException('The save was aborted.', 'AbortError');
			// Aborting (see Autosaver.flushSync) rolls the transaction back at once, so a write queued
			// behind it does not wait for callbacks an unloading page will never run.
			opts.signal?.addEventListener(
				'abort',
				() => {
					try {
						tx.abort();
					} catch {
						/* already finished */
					}
				},
				{ once: true }
			);
			if (opts.force) {
				const current = await d.summaries.get(pm.id);
				const row = stamp((current?.revision ?? pm.revision) + 1);
				await write(row);
				return row;
			}
			// Requests run in the order they are issued: the check reads the row as it was before the writes.
			const row = stamp(pm.revision + 1);
			const [current] = await Promise.all([d.summaries.get(pm.id), write(row)]);
			// Throwing rolls the writes back.
			if (current ? current.revision !== pm.revision : !opts.recreate) throw new RevisionCheckFailed(!current);
			return row;
		});
	} catch (e) {
		if (!(e instanceof RevisionCheckFailed)) throw e;
		const stored = e.missing ? undefined : await d.postmortems.get(pm.id);
		if (!stored) throw new MissingError(pm.id);
		throw new ConflictError(stored, pm);
	}
}

/** The stored revision is not the one an edit started from (or the postmortem is gone). */
class RevisionCheckFailed extends Error {
	constructor(readonly missing: boolean) {
		super('The stored revision moved on.');
	}
}
