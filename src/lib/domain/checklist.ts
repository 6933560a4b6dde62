/**
 * The shape of a review checklist item and its tally. The checks themselves (`review.ts`) load with
 * the language engine, after the editor has painted.
 */

import type { Postmortem, SectionId } from './model';

/** One check of the review checklist and how this postmortem fares. */
export interface ReviewItem {
	id: string;
	status: 'pass' | 'warn' | 'fail';
	title: string;
	/** One sentence saying what to do (or that all is well). */
	message: string;
	/** Where in the editor the user fixes it. */
	section: SectionId;
}

/** How many checklist items pass, warn and fail. */
export function readiness(items: readonly ReviewItem[]): { pass: number; warn: number; fail: number } {
	const out = { pass: 0, warn: 0, fail: 0 };
	for (const i of items) out[i.status]++;
	return out;
}

/**
 * A final postmortem's checks that fail now but did not when it was marked final (see
 * `Postmortem.finalChecks`); none while it is not final. One marked final by an older version counts
 * its final note as accepting what fails, and, without a note, nothing as accepted.
 */
export function failingSinceFinal(
	pm: Pick<Postmortem, 'status' | 'finalChecks' | 'finalNote'>,
	items: readonly ReviewItem[]
): ReviewItem[] {
	if (pm.status !== 'final') return [];
	const failing = items.filter((r) => r.status === 'fail');
	const accepted = new Set(pm.finalChecks ?? (pm.finalNote.trim() ? failing.map((r) => r.id) : []));
	return failing.filter((r) => !accepted.has(r.id));
}
