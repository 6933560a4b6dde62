/** The review checklist: what a good blameless postmortem has before it is final. Each check is in `checks/`. */

import type { ReviewItem } from './checklist';
import { reviewContext } from './checks/check';
import { CHECKS } from './checks';
import type { PostmortemFinding } from './language';
import type { Postmortem } from './model';

export { isVagueAction, MAX_ACTIONS } from './checks/actions';
export { businessDaysBetween, MEETING_WITHIN_BUSINESS_DAYS } from './checks/timing';

/**
 * Check a postmortem against the review checklist; `now` dates a meeting not yet held and
 * `findings` are its language findings (`lintPostmortem(pm)`, or what an editor already found).
 */
export function reviewPostmortem(pm: Postmortem, now: Date, findings: readonly PostmortemFinding[]): ReviewItem[] {
	const c = reviewContext(pm, now, findings);
	const items: ReviewItem[] = [];
	for (const check of CHECKS) {
		const r = check.run(c);
		if (r) items.push({ id: check.id, status: r.status, title: check.title, message: r.message, section: r.section ?? check.section });
	}
	return items;
}
