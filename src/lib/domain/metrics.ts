/** Durations derived from the timeline milestones, and wall-clock time zone arithmetic. */

import { type Milestone, type Postmortem, type TimelineEntry } from './model';
import { sortTimeline } from './parts';
import { MILESTONE_LABELS } from './item-labels';

/** What the timeline tells us about how long the incident took. Durations are in whole minutes. */
export interface Metrics {
	timeToDetect: number | null;
	timeToMitigate: number | null;
	timeToResolve: number | null;
	totalDuration: number | null;
	/** Instants of the first entry with each milestone, or null. */
	impactStart: Date | null;
	detectedAt: Date | null;
	declaredAt: Date | null;
	mitigatedAt: Date | null;
	resolvedAt: Date | null;
	/** The earliest timed entry (start of the total duration). */
	firstEntryAt: Date | null;
	/** Human-readable reasons some durations could not be derived. */
	problems: string[];
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** True when `s` is a valid 'YYYY-MM-DDTHH:mm' wall-clock time. */
export function isWallClock(s: string): boolean {
	return wallClockParts(s) !== null;
}

/** True when `s` is a valid 'YYYY-MM-DD' date. */
export function isDateOnly(s: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(s) && isWallClock(`${s}T00:00`);
}

function wallClockParts(s: string): number[] | null {
	const m = WALL_CLOCK.exec(s);
	if (!m) return null;
	const [y, mo, d, h, mi] = m.slice(1).map(Number);
	if (mo < 1 || mo > 12 || h > 23 || mi > 59 || d < 1) return null;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	const daysInMonth = mo === 2 ? (leap ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
	if (d > daysInMonth) return null;
	return [y, mo, d, h, mi];
}

/** The wall-clock fields read as if they were UTC, in epoch ms. */
function utcOf(p: number[]): number {
	const d = new Date(Date.UTC(2000, p[1] - 1, p[2], p[3], p[4]));
	d.setUTCFullYear(p[0]); // Date.UTC maps years 0-99 to 1900-1999
	return d.getTime();
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
	if (!formatters.has(timeZone)) {
		let f: Intl.DateTimeFormat | null;
		try {
			f = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric',
				era: 'short'
			});
		} catch {
			f = null;
		}
		formatters.set(timeZone, f);
	}
	return formatters.get(timeZone) ?? null;
}

/** True when the runtime knows this IANA time zone. */
export function isValidTimeZone(timeZone: string): boolean {
	return typeof timeZone === 'string' && timeZone !== '' && formatter(timeZone) !== null;
}

/** Offset of `timeZone` from UTC at the instant `ms`, in ms (positive east of Greenwich). */
function offsetAt(f: Intl.DateTimeFormat, ms: number): number {
	const parts: Record<string, string> = {};
	for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
	let year = Number(parts.year);
	if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
	const local = utcOf([year, Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute)]);
	const seconds = Number(parts.second) * 1000;
	const whole = Math.floor(ms / 1000) * 1000;
	return local + seconds - whole;
}

/**
 * The instant (epoch ms) of a 'YYYY-MM-DDTHH:mm' wall-clock time in an IANA zone, or null if the
 * text is not a valid time. An unknown zone is read as UTC. Times skipped by a DST jump are moved
 * forward by the gap; times that occur twice take the earlier instant.
 */
export function wallClockToInstant(at: string, timeZone: string): number | null {
	return resolveWallClock(at, timeZone)?.t ?? null;
}

/** The 'YYYY-MM-DDTHH:mm' wall-clock time of the instant `ms` in an IANA zone (an unknown zone reads as UTC). */
export function instantToWallClock(ms: number, timeZone: string): string {
	const f = formatter(timeZone);
	const local = new Date(ms + (f ? offsetAt(f, ms) : 0));
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/**
 * `wallClockToInstant`, saying too whether the time occurs twice (clocks going back: the earlier
 * instant is taken) or not at all (clocks going forward: `shift` is how far it was moved, in ms).
 */
function resolveWallClock(at: string, timeZone: string): { t: number; twice?: true; shift?: number } | null {
	const p = wallClockParts(at);
	if (!p) return null;
	const guess = utcOf(p);
	const f = formatter(timeZone);
	if (!f) return { t: guess };
	const before = offsetAt(f, guess - DAY);
	const after = offsetAt(f, guess + DAY);
	const candidates = [...new Set([guess - before, guess - after])].filter((t) => t + offsetAt(f, t) === guess);
	if (candidates.length > 1) return { t: Math.min(...candidates), twice: true };
	if (candidates.length === 1) return { t: candidates[0] };
	// In a DST gap: keep the offset from before the jump, which lands after the gap.
	return { t: guess - before, shift: before - after };
}

/** Why a time on the timeline gives a duration that may not be what the writer meant, or null. */
function clockChangeProblem(what: string, at: string, zone: string, r: ReturnType<typeof resolveWallClock>): string | null {
	const when = at.replace('T', ' ');
	if (r?.twice)
		return `${what} (${when}) happens twice in ${zone}, as the clocks go back; durations take the first. Times written in UTC avoid this.`;
	if (r?.shift)
		return `${what} (${when}) does not exist in ${zone}, as the clocks go forward; durations read it as ${Math.abs(r.shift) / MINUTE} minutes later.`;
	return null;
}

/** True when the timed entries are in chronological order as stored (entries without a time are ignored). */
export function isTimelineInOrder(entries: readonly TimelineEntry[]): boolean {
	let last = '';
	for (const e of entries) {
		if (!e.at) continue;
		if (e.at < last) return false;
		last = e.at;
	}
	return true;
}

const minutesBetween = (a: number, b: number) => Math.round((b - a) / MINUTE);

/** Derive time to detect, mitigate, resolve and the total duration from the timeline milestones. */
export function deriveMetrics(pm: Pick<Postmortem, 'timeline' | 'timeZone'>): Metrics {
	const problems: string[] = [];
	const zone = isValidTimeZone(pm.timeZone) ? pm.timeZone : 'UTC';
	if (zone !== pm.timeZone) problems.push(`Unknown time zone "${pm.timeZone}"; times are read as UTC`);

	const at: Partial<Record<Milestone, number>> = {};
	let first: number | null = null;
	const repeated = new Set<Milestone>();
	for (const e of sortTimeline(pm.timeline)) {
		// Sorted by wall-clock text, so only the first timed entry and milestones need converting.
		if (first !== null && !e.milestone) continue;
		const resolved = e.at ? resolveWallClock(e.at, zone) : null;
		const t = resolved?.t ?? null;
		if (t !== null && (first === null || t < first)) first = t;
		if (!e.milestone) continue;
		if (t === null) {
			problems.push(`${MILESTONE_LABELS[e.milestone]} milestone has no valid time`);
			continue;
		}
		if (at[e.milestone] === undefined) {
			at[e.milestone] = t;
			const problem = clockChangeProblem(`${MILESTONE_LABELS[e.milestone]} milestone`, e.at, zone, resolved!);
			if (problem) problems.push(problem);
		} else if (!repeated.has(e.milestone)) {
			repeated.add(e.milestone);
			problems.push(`More than one entry is marked ${MILESTONE_LABELS[e.milestone]}; durations use the earliest.`);
		}
	}

	for (const m of ['impact-began', 'detected', 'resolved'] as const) {
		if (at[m] === undefined) problems.push(`${MILESTONE_LABELS[m]} milestone missing`);
	}

	const start = at['impact-began'];
	const since = (m: Milestone): number | null => {
		const t = at[m];
		if (start === undefined || t === undefined) return null;
		if (t < start) {
			problems.push(`${MILESTONE_LABELS[m]} is before impact began`);
			return null;
		}
		return minutesBetween(start, t);
	};
	const timeToDetect = since('detected');
	const timeToMitigate = since('mitigated');
	const timeToResolve = since('resolved');

	// Order checks that do not feed a metric directly.
	const order: [Milestone, Milestone][] = [
		['detected', 'declared'],
		['detected', 'resolved'],
		['mitigated', 'resolved']
	];
	for (const [a, b] of order) {
		const ta = at[a];
		const tb = at[b];
		if (ta !== undefined && tb !== undefined && tb < ta) {
			problems.push(`${MILESTONE_LABELS[b]} is before ${MILESTONE_LABELS[a].toLowerCase()}`);
		}
	}

	let totalDuration: number | null = null;
	const resolved = at.resolved;
	if (resolved !== undefined && first !== null) {
		const from = Math.min(first, start ?? first);
		if (resolved < from) problems.push('Resolved is before the first timeline entry');
		else totalDuration = minutesBetween(from, resolved);
	}

	const date = (m: Milestone) => (at[m] === undefined ? null : new Date(at[m]!));
	return {
		timeToDetect,
		timeToMitigate,
		timeToResolve,
		totalDuration,
		impactStart: date('impact-began'),
		detectedAt: date('detected'),
		declaredAt: date('declared'),
		mitigatedAt: date('mitigated'),
		resolvedAt: date('resolved'),
		firstEntryAt: first === null ? null : new Date(first),
		problems: [...new Set(problems)]
	};
}

/** A duration in minutes as "45 min", "2 h 5 min" or "1 d 3 h"; '' for null or negative input. */
export function formatDuration(minutes: number | null): string {
	if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return '';
	const total = Math.round(minutes);
	const d = Math.floor(total / 1440);
	const h = Math.floor((total % 1440) / 60);
	const m = total % 60;
	if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
	if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
	return `${m} min`;
}
