/** The deadlines the practice asks for: the review meeting after an incident, and a look back a month after it. */

import { addDays, isPlainDate } from './action-board';
import type { Postmortem, Severity } from './model';

/** How long after the incident the review meeting is due, by severity. */
export interface ReviewPolicy {
	/** Days for a SEV 1 incident. */
	sev1Days: number;
	/** Whether those are business days (Monday to Friday) or calendar days. */
	sev1Business: boolean;
	/** Days for any other severity (or none set). */
	otherDays: number;
	otherBusiness: boolean;
}

/** Three calendar days for a SEV 1, five business days otherwise. */
export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { sev1Days: 3, sev1Business: false, otherDays: 5, otherBusiness: true };

/** The look back at corrective actions comes this many days after the meeting. */
export const FOLLOW_UP_DAYS = 30;

/** The date `days` business days (Monday to Friday) after `date` ('YYYY-MM-DD'). */
export function addBusinessDays(date: string, days: number): string {
	let d = date;
	let left = days;
	while (left > 0) {
		d = addDays(d, 1);
		const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
		if (weekday !== 0 && weekday !== 6) left--;
	}
	return d;
}

/** The date the review meeting is due for an incident on `incidentDate` ('YYYY-MM-DD…'); '' without a date. */
export function reviewDueDate(incidentDate: string, severity: Severity, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): string {
	const day = incidentDate.slice(0, 10);
	if (!isPlainDate(day)) return '';
	const [days, business] = severity === 'sev1' ? [policy.sev1Days, policy.sev1Business] : [policy.otherDays, policy.otherBusiness];
	return business ? addBusinessDays(day, days) : addDays(day, days);
}

/** What is due for a postmortem: its review meeting (until one is held) and the look back at its open actions. */
export interface PostmortemDeadline {
	kind: 'review' | 'follow-up';
	/** 'YYYY-MM-DD'. */
	date: string;
}

/**
 * The deadlines still ahead of, or missed by, a postmortem: the review meeting while no meeting date
 * is set and it is not final, and, once it was held, the look back a month later while any action is open.
 */
export function postmortemDeadlines(pm: Postmortem, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): PostmortemDeadline[] {
	if (!isPlainDate(pm.meetingDate)) {
		// A final postmortem was reviewed, whether or not the meeting's date was written down.
		if (pm.status === 'final') return [];
		const date = reviewDueDate(pm.incidentDate, pm.severity, policy);
		return date ? [{ kind: 'review', date }] : [];
	}
	const open = pm.correctiveActions.some((a) => a.status === 'open' || a.status === 'in-progress');
	return open ? [{ kind: 'follow-up', date: addDays(pm.meetingDate, FOLLOW_UP_DAYS) }] : [];
}

/** The longest review deadline a policy may set, in days. */
export const MAX_REVIEW_DAYS = 60;

/** A policy read from anything stored: each part that is not a whole number of days from 0 to 60 (or not a yes/no) is the default's. */
export function readReviewPolicy(value: unknown): ReviewPolicy {
	const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
	const days = (x: unknown, d: number) =>
		Number.isInteger(x) && (x as number) >= 0 && (x as number) <= MAX_REVIEW_DAYS ? (x as number) : d;
	const yes = (x: unknown, d: boolean) => (typeof x === 'boolean' ? x : d);
	const d = DEFAULT_REVIEW_POLICY;
	return {
		sev1Days: days(v.sev1Days, d.sev1Days),
		sev1Business: yes(v.sev1Business, d.sev1Business),
		otherDays: days(v.otherDays, d.otherDays),
		otherBusiness: yes(v.otherBusiness, d.otherBusiness)
	};
}

/** The policy in words: "3 days after a SEV 1 incident and 5 business days after any other". */
export function describeReviewPolicy(p: ReviewPolicy): string {
	const span = (n: number, business: boolean) => `${n} ${business ? 'business ' : ''}day${n === 1 ? '' : 's'}`;
	return `${span(p.sev1Days, p.sev1Business)} after a SEV 1 incident and ${span(p.otherDays, p.otherBusiness)} after any other`;
}
