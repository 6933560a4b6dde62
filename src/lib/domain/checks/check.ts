/** The shape of a review check, what every check reads, and the wording helpers they share. */

import type { ReviewItem } from '../checklist';
import type { PostmortemFinding } from '../language';
import type { ContributingFactor, CorrectiveAction, Postmortem, SectionId } from '../model';

/** What the checks read: the postmortem, today, its language findings and what several checks share. */
export interface ReviewContext {
	pm: Postmortem;
	/** Dates a meeting not yet held. */
	now: Date;
	findings: readonly PostmortemFinding[];
	/** Contributing factors with a description, numbered from 1 as the editor shows them. */
	factors: Array<{ f: ContributingFactor; n: number; d: string }>;
	/** Corrective actions the team will carry out ("won't do" ones are kept for the record, not checked), with their index. */
	actions: Array<{ a: CorrectiveAction; i: number }>;
}

/** The context the checks of one review share. */
export function reviewContext(pm: Postmortem, now: Date, findings: readonly PostmortemFinding[]): ReviewContext {
	return {
		pm,
		now,
		findings,
		factors: pm.contributingFactors.map((f, i) => ({ f, n: i + 1, d: f.description.trim() })).filter((x) => x.d),
		actions: pm.correctiveActions.map((a, i) => ({ a, i })).filter((x) => x.a.status !== 'wont-do')
	};
}

/** How a postmortem fares on one check: its status, what to do, and where (if not the check's own section). */
export interface Outcome {
	status: ReviewItem['status'];
	message: string;
	section?: SectionId;
}

/** One check of the review checklist. */
export interface ReviewCheck {
	id: string;
	/** What it checks, as the checklist shows it. */
	title: string;
	/** Where in the editor the user fixes it. */
	section: SectionId;
	/** This postmortem's outcome, or undefined when the check does not apply (e.g. no actions to check). */
	run: (c: ReviewContext) => Outcome | undefined;
}

/** "a", "a and b", "a, b and c". */
export function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "1 factor", "2 factors". */
export function plural(n: number, one: string, many = one + 's'): string {
	return `${n} ${n === 1 ? one : many}`;
}
