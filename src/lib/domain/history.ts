/** Undo history of the editor: which edits are one step. */

import type { Postmortem } from './model';

/**
 * What an edit (a patch over `before`) changes, when it is typing into one text: the field, or the
 * item's field in a list (`timeline.<id>.what`). Consecutive edits with the same key a moment apart
 * are one undo step. '' for any other edit (adding, removing or moving an item, several fields at
 * once), which is a step of its own.
 */
export function editKey(before: Postmortem, patch: Partial<Postmortem>): string {
	const keys = Object.keys(patch) as Array<keyof Postmortem>;
	if (keys.length !== 1) return '';
	const [key] = keys;
	const was: unknown = before[key];
	const now: unknown = patch[key];
	if (typeof was === 'string' && typeof now === 'string') return key;
	if (!Array.isArray(was) || !Array.isArray(now) || was.length !== now.length) return '';
	let changed = -1;
	for (let i = 0; i < now.length; i++) {
		if (was[i] === now[i]) continue;
		if (changed >= 0) return '';
		changed = i;
	}
	if (changed < 0) return '';
	const [a, b] = [was[changed], now[changed]];
	if (typeof a === 'string' && typeof b === 'string') return `${key}.${changed}`;
	if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || a.id !== b.id) return '';
	const props = Object.keys(b).filter((p) => a[p] !== b[p]);
	return props.length === 1 && typeof b[props[0]] === 'string' ? `${key}.${b.id}.${props[0]}` : '';
}

/** How long a pause in typing into one field ends its undo step. */
export const UNDO_STEP_PAUSE_MS = 1000;

/** How many undo steps are kept. */
export const UNDO_STEPS_KEPT = 500;
