/**
 * The Actions page's reads and writes: every whole postmortem, and an edit of one corrective action
 * written into its postmortem. Imported directly (not through the barrel), so the library's first
 * load leaves it out.
 */
import { applyActionPatch, type ActionPatch } from '$lib/domain/action-board';
import type { Postmortem } from '$lib/domain/model';
import { database, loadedDatabase, reading } from './connection';
import type { WorkbenchDB } from './db';
import { dropEarlyRead } from './early';
import { MissingError } from './errors';
import { localStore } from './local-storage';
import { summarize, withShapeVersion } from './summary';

/** Every stored postmortem, whole (the Actions page reads their corrective actions). */
export function listDocuments(): Promise<Postmortem[]> {
	return reading((d) => d.postmortems.toArray());
}

/** The corrective action to change is no longer in its postmortem (removed in an editor meanwhile). */
export class ActionMissingError extends Error {
	override name = 'ActionMissingError';
	constructor() {
		super('This corrective action was removed from its postmortem meanwhile.');
	}
}

/** The write of `updateAction`, in one transaction on connection `d`. */
function write(d: WorkbenchDB, postmortemId: string, actionId: string, patch: ActionPatch): Promise<Postmortem> {
	return d.transaction('rw', d.postmortems, d.summaries, async () => {
		const pm = await d.postmortems.get(postmortemId);
		if (!pm) throw new MissingError(postmortemId);
		const next = applyActionPatch(pm, actionId, patch);
		if (!next) throw new ActionMissingError();
		const row = { ...withShapeVersion(next), revision: pm.revision + 1, updatedAt: new Date().toISOString() };
		await d.postmortems.put(row);
		await d.summaries.put(summarize(row));
		return row;
	});
}

/**
 * Change a corrective action's status, owner or due date in its stored postmortem: the read and the
 * write are one transaction, so the change goes on top of whatever is stored now (another tab's
 * save included) and only the patched fields change. The revision moves on, so an editor of the
 * same postmortem with edits of its own meets the usual conflict instead of writing over it.
 * Returns the stored postmortem. Throws MissingError (postmortem gone) or ActionMissingError.
 */
export async function updateAction(postmortemId: string, actionId: string, patch: ActionPatch): Promise<Postmortem> {
	dropEarlyRead();
	return write(loadedDatabase() ?? (await database()), postmortemId, actionId, patch);
}

/**
 * The same write started at once, for a page going away (pagehide): no await comes before the
 * transaction, whose callbacks an unloading page may never run. False when Dexie is not open.
 */
export function updateActionNow(postmortemId: string, actionId: string, patch: ActionPatch): boolean {
	const d = loadedDatabase();
	if (!d?.isOpen()) return false;
	write(d, postmortemId, actionId, patch).catch(() => {});
	return true;
}

const GITHUB_REPO_KEY = 'postmortem-workbench:github-repo';

/** The GitHub repository (owner/name) the Actions page prefills "new issue" pages for; '' until one is given. */
export function loadGithubRepo(): string {
	try {
		return localStore()?.getItem(GITHUB_REPO_KEY) ?? '';
	} catch {
		return '';
	}
}

/** Keep the GitHub repository for the next visit (quietly not, where localStorage is full or disabled). */
export function saveGithubRepo(repo: string): void {
	try {
		if (repo) localStore()?.setItem(GITHUB_REPO_KEY, repo);
		else localStore()?.removeItem(GITHUB_REPO_KEY);
	} catch {
		/* a convenience: the repository still applies on this page */
	}
}

/** One action's change, as `updateActions` takes them. */
export interface ActionEdit {
	postmortemId: string;
	actionId: string;
	patch: ActionPatch;
}

/**
 * Apply several actions' changes (a tracker's statuses) in one transaction: all of them or, if a
 * postmortem or an action is gone or a write fails, none. Each postmortem is written once.
 */
export async function updateActions(edits: readonly ActionEdit[]): Promise<void> {
	dropEarlyRead();
	const d = loadedDatabase() ?? (await database());
	await d.transaction('rw', d.postmortems, d.summaries, async () => {
		const ids = [...new Set(edits.map((e) => e.postmortemId))];
		const found = await d.postmortems.bulkGet(ids);
		const now = new Date().toISOString();
		const rows = ids.map((id, i) => {
			const pm = found[i];
			if (!pm) throw new MissingError(id);
			let next: Postmortem = pm;
			for (const e of edits.filter((x) => x.postmortemId === id)) {
				const patched = applyActionPatch(next, e.actionId, e.patch);
				if (!patched) throw new ActionMissingError();
				next = patched;
			}
			return { ...withShapeVersion(next), revision: pm.revision + 1, updatedAt: now };
		});
		await d.postmortems.bulkPut(rows);
		await d.summaries.bulkPut(rows.map(summarize));
	});
}
