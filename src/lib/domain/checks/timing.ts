/** Check that the meeting is held within about five business days of the incident. */

import { plural, type Outcome, type ReviewCheck } from './check';

/** Business days (Mon–Fri) allowed between the incident and the postmortem meeting. */
export const MEETING_WITHIN_BUSINESS_DAYS = 5;

/** Today's date 'YYYY-MM-DD' in a time zone (UTC if the zone is unknown). */
function dateIn(now: Date, timeZone: string): string {
	try {
		const parts = new Intl.DateTimeFormat('en-CA', {
			timeZone: timeZone || 'UTC',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		}).formatToParts(now);
		const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
		return `${get('year')}-${get('month')}-${get('day')}`;
	} catch {
		return now.toISOString().slice(0, 10);
	}
}

function parseDay(d: string): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
	if (!m) return undefined;
	const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
	return Number.isNaN(t) ? undefined : t / 86_400_000;
}

/** Weekdays (Mon–Fri) after `from` up to and including `to`; negative when `to` is earlier. */
export function businessDaysBetween(from: string, to: string): number {
	const a = parseDay(from);
	const b = parseDay(to);
	if (a === undefined || b === undefined) return NaN;
	if (b < a) return -businessDaysBetween(to, from);
	let n = 0;
	for (let d = a + 1; d <= b; d++) {
		const wd = (d + 4) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Sunday
		if (wd !== 0 && wd !== 6) n++;
	}
	return n;
}

/** The date `days` business days after `from`, as 'YYYY-MM-DD'. */
function addBusinessDays(from: string, days: number): string {
	let d = parseDay(from) ?? 0;
	let left = days;
	while (left > 0) {
		d++;
		const wd = (d + 4) % 7;
		if (wd !== 0 && wd !== 6) left--;
	}
	return new Date(d * 86_400_000).toISOString().slice(0, 10);
}

/** The meeting was held (or is due) within five business days of the incident. */
export const timing: ReviewCheck = {
	id: 'timing',
	title: 'Held within five business days',
	section: 'overview',
	run: ({ pm, now }): Outcome => {
		const incidentDay = parseDay(pm.incidentDate) !== undefined ? pm.incidentDate.slice(0, 10) : '';
		if (!incidentDay) return { status: 'warn', message: 'Enter the incident date so the timing can be checked.' };
		const held = parseDay(pm.meetingDate) !== undefined ? pm.meetingDate.slice(0, 10) : '';
		if (held) {
			const days = businessDaysBetween(incidentDay, held);
			return {
				status: days < 0 || days > MEETING_WITHIN_BUSINESS_DAYS ? 'warn' : 'pass',
				message:
					days < 0
						? 'The meeting date is before the incident date: check both dates.'
						: days > MEETING_WITHIN_BUSINESS_DAYS
							? `The meeting was ${days} business days after the incident; aim for five or fewer next time, while memories are fresh.`
							: `The meeting was ${plural(days, 'business day')} after the incident.`
			};
		}
		if (pm.status === 'final') return { status: 'warn', message: 'Record the meeting date.' };
		const days = businessDaysBetween(incidentDay, dateIn(now, pm.timeZone));
		return {
			status: days > MEETING_WITHIN_BUSINESS_DAYS ? 'warn' : 'pass',
			message:
				days > MEETING_WITHIN_BUSINESS_DAYS
					? `It has been ${days} business days since the incident: hold the meeting soon and record its date.`
					: `Hold the meeting by ${addBusinessDays(incidentDay, MEETING_WITHIN_BUSINESS_DAYS)} and record its date.`
		};
	}
};
