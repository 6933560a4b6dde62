/**
 * The shape of a review checklist item and its tally. The checks themselves (`review.ts`) load with
 * the language engine, after the editor has painted.
 */

import type { SectionId } from './model';

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
