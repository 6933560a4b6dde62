/** Times typed into the compact timeline: "09:14", "9:14 pm", "0914", "2026-03-10 09:14". */

import { isWallClock } from './metrics';

/** What a typed time reads as: the entry's new `at` ('' for none), or why it cannot be read. */
export type TypedTime = { ok: true; at: string } | { ok: false; error: string };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Read a time typed for a timeline entry on `day` ('YYYY-MM-DD', the entry's day or the one before
 * it): a time of day keeps the day, a full date and time sets both, an empty text clears the time.
 */
export function readTypedTime(text: string, day: string): TypedTime {
	const t = text.trim().toLowerCase();
	if (!t) return { ok: true, at: '' };
	const full = /^(\d{4}-\d{2}-\d{2})[t\s]+(\d{1,2}):(\d{2})$/.exec(t);
	if (full) {
		const at = `${full[1]}T${pad(Number(full[2]))}:${full[3]}`;
		return isWallClock(at) ? { ok: true, at } : { ok: false, error: 'not a valid date and time' };
	}
	const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?(?::\d{2})?\s*(?:([ap])\.?m?\.?)?$/.exec(t);
	// "0914" reads as 09:14; "9" alone needs am or pm to be a time.
	if (!m || (m[2] === undefined && !m[3])) return { ok: false, error: 'type a time such as 09:14 or 9:14 pm' };
	let hour = Number(m[1]);
	const minute = Number(m[2] ?? 0);
	if (m[3]) {
		if (hour < 1 || hour > 12) return { ok: false, error: 'with am or pm the hour is 1 to 12' };
		hour = (hour % 12) + (m[3] === 'p' ? 12 : 0);
	}
	if (hour > 23 || minute > 59) return { ok: false, error: 'type a time such as 09:14 or 9:14 pm' };
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { ok: false, error: 'give the date too, e.g. 2026-03-10 09:14' };
	return { ok: true, at: `${day}T${pad(hour)}:${pad(minute)}` };
}

/** "09:14" of an entry's time, '' when it has none. */
export function timeOfDay(at: string): string {
	return at.slice(11, 16);
}

/** "Tue, 10 Mar 2026" (or "Tue 10 Mar" when `short`) for a 'YYYY-MM-DD' day: the calendar day as written, no time zone applied. */
export function dayLabel(day: string, { short = false } = {}): string {
	const d = new Date(`${day}T00:00:00Z`);
	if (Number.isNaN(d.getTime())) return '';
	const part = (o: Intl.DateTimeFormatOptions) => d.toLocaleDateString('en-GB', { timeZone: 'UTC', ...o });
	if (short) return `${part({ weekday: 'short' })} ${part({ day: 'numeric' })} ${part({ month: 'short' })}`;
	return part({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}
