/** How copies of a postmortem are named: duplicates, imported copies, closed-tab and conflict copies. */

import { newId, type Postmortem } from './model';

export { UNTITLED } from './labels';

/** The short stand-in for a missing title inside a copy's title ("Untitled (copy of …)"). */
const UNTITLED_SHORT = 'Untitled';

/** The title of a duplicate: "Title (copy)", or "(copy)" for an untitled one. */
export function copyTitle(title: string): string {
	return title ? `${title} (copy)` : '(copy)';
}

/**
 * A duplicate of `pm` under a new id, as a new draft: the note on why the original went final does
 * not apply to it. The caller stores it (which sets its revision and updatedAt).
 */
export function duplicatePostmortem(pm: Postmortem, now: Date = new Date(), id: string = newId()): Postmortem {
	const copy: Postmortem = {
		...structuredClone(pm),
		id,
		title: copyTitle(pm.title),
		status: 'draft',
		finalNote: '',
		createdAt: now.toISOString()
	};
	delete copy.finalChecks;
	return copy;
}

/**
 * The title of an imported copy beside a postmortem already here: "Title (imported)", or
 * "Title (imported 2)" and on when that one is taken too.
 */
export function importedTitle(title: string, taken: ReadonlySet<string> = new Set()): string {
	const base = title ? `${title} (imported` : '(imported';
	for (let n = 1; ; n++) {
		const candidate = n === 1 ? `${base})` : `${base} ${n})`;
		if (!taken.has(candidate)) return candidate;
	}
}

/** An edit from a closing tab that cannot go over the stored postmortem, as a postmortem of its own. */
export function closedTabCopy(pm: Postmortem, updatedAt: string = pm.updatedAt, id: string = newId()): Postmortem {
	return { ...pm, id, title: `${pm.title || UNTITLED_SHORT} (unsaved version from a closed tab)`, revision: 1, updatedAt };
}

/** Which side of a two-tab conflict a kept copy holds. */
export type ConflictSide = 'mine' | 'theirs';

/**
 * The version that lost a two-tab conflict, kept as a postmortem of its own: "(version from another
 * tab)" when `kept` is 'mine' (theirs is the copy), "(my unsaved version)" when `kept` is 'theirs'.
 */
export function conflictCopy(loser: Postmortem, kept: ConflictSide, now: Date = new Date(), id: string = newId()): Postmortem {
	const suffix = kept === 'mine' ? 'version from another tab' : 'my unsaved version';
	return { ...loser, id, title: `${loser.title || UNTITLED_SHORT} (${suffix})`, createdAt: now.toISOString() };
}
