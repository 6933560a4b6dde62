/**
 * What the insights page shows and how it is asked for: the period and filter (kept in the page
 * address), the shapes of the figures, and their labels. No computation here: computeInsights
 * (insights.ts) runs in a worker, so the page never loads the timeline arithmetic it needs.
 */

import { SEVERITY_LABELS } from './labels';
import { SEVERITIES, type Severity } from './model';

/** The period and filter the page shows: months 'YYYY-MM' (both included) and a severity ('' any, 'none' not set). */
export interface InsightsQuery {
	from: string;
	to: string;
	severity: Severity | 'none';
}

/** A severity as the charts key it: '' becomes 'none'. */
export type SeverityKey = Exclude<Severity, ''> | 'none';
export const SEVERITY_KEYS: readonly SeverityKey[] = [...SEVERITIES, 'none'];
/** Short names of severities for the charts' legends. */
export const SEVERITY_SHORT: Record<SeverityKey, string> = {
	sev1: 'SEV 1',
	sev2: 'SEV 2',
	sev3: 'SEV 3',
	sev4: 'SEV 4',
	sev5: 'SEV 5',
	none: 'Not set'
};

/** A figure and the postmortems behind it. */
export interface Bucket {
	key: string;
	label: string;
	ids: string[];
}

/** A figure that counts actions, with the postmortems they belong to. */
export interface CountedBucket extends Bucket {
	count: number;
}

/** One month of the period: its incidents by severity. */
export interface MonthRow {
	month: string;
	label: string;
	bySeverity: Record<SeverityKey, string[]>;
	total: number;
}

/** One incident's duration for a metric. */
export interface DurationPoint {
	id: string;
	minutes: number;
}

export const DURATION_METRICS = {
	timeToDetect: 'Time to detect',
	timeToMitigate: 'Time to mitigate',
	timeToResolve: 'Time to resolve'
} as const;
export type DurationMetric = keyof typeof DURATION_METRICS;

/** Every incident's duration for one metric, shortest first, with the median and the middle half. */
export interface DurationStat {
	metric: DurationMetric;
	label: string;
	points: DurationPoint[];
	median: number | null;
	p25: number | null;
	p75: number | null;
	max: number | null;
}

/** How the corrective actions of the incidents stand (today). */
export interface ActionStanding {
	total: number;
	done: CountedBucket;
	wontDo: CountedBucket;
	open: CountedBucket;
	/** Open and past their due date. */
	overdue: CountedBucket;
}

/** What the page shows. */
export interface Insights {
	/** The incidents in the period and filter (by incident date). */
	incidents: string[];
	/** Postmortems left out because they have no incident date. */
	undated: string[];
	months: MonthRow[];
	durations: DurationStat[];
	factorKinds: Bucket[];
	services: Bucket[];
	tags: Bucket[];
	/** Corrective actions with the same (or nearly the same) title in more than one postmortem. */
	repeatedActions: Bucket[];
	/** Postmortems that wrote down where they got lucky. */
	lucky: string[];
	actions: ActionStanding;
	/** Title, date and severity of each postmortem named in any figure. */
	names: Record<string, { title: string; incidentDate: string; severity: Severity }>;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'March 2026' for '2026-03'. */
export function monthLabel(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return `${MONTHS[m - 1] ?? '?'} ${y}`;
}

/** The month `n` months after 'YYYY-MM' (negative goes back). */
export function addMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const i = y * 12 + (m - 1) + n;
	return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True for a month written 'YYYY-MM'. */
export const isMonth = (s: string): boolean => MONTH.test(s);

/** The default period: the twelve months up to `today`'s ('YYYY-MM-DD'). */
export function defaultQuery(today: string): InsightsQuery {
	const to = today.slice(0, 7);
	return { from: addMonths(to, -11), to, severity: '' };
}

/** The query in a page address (`?from=2026-01&to=2026-06&severity=sev1`); anything unknown reads as the default. */
export function queryFromParams(params: URLSearchParams, today: string): InsightsQuery {
	const d = defaultQuery(today);
	const from = params.get('from') ?? '';
	const to = params.get('to') ?? '';
	const severity = params.get('severity') ?? '';
	const q: InsightsQuery = {
		from: MONTH.test(from) ? from : d.from,
		to: MONTH.test(to) ? to : d.to,
		severity: (SEVERITY_KEYS as readonly string[]).includes(severity) ? (severity as InsightsQuery['severity']) : ''
	};
	return q.from <= q.to ? q : { ...q, from: q.to, to: q.from };
}

/** Write the query into `params`, leaving out what is at its default. */
export function queryToParams(q: InsightsQuery, params: URLSearchParams, today: string): void {
	const d = defaultQuery(today);
	for (const key of ['from', 'to', 'severity'] as const) {
		if (q[key] && q[key] !== d[key]) params.set(key, q[key]);
		else params.delete(key);
	}
}

/** The severity labels, for the filter. */
export const SEVERITY_FILTER_LABELS: Record<SeverityKey, string> = { ...SEVERITY_LABELS, none: 'Not set' };

/**
 * A duration in minutes as people read it: "45 min", "3 h 5 min", "2 d 4 h"; "–" for none. The same
 * wording as metrics.ts formatDuration, written here because importing metrics.ts (the editor's code)
 * would make the insights page download the editor's chunk (see vite.config.ts).
 */
export function durationText(minutes: number | null): string {
	if (minutes === null) return '–';
	if (minutes < 60) return `${minutes} min`;
	const d = Math.floor(minutes / 1440);
	const h = Math.floor((minutes % 1440) / 60);
	const m = minutes % 60;
	if (d) return h ? `${d} d ${h} h` : `${d} d`;
	return m ? `${h} h ${m} min` : `${h} h`;
}
