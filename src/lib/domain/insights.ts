/**
 * Insights across incidents: for a period and a filter, how many incidents each month by severity,
 * how long detecting, mitigating and resolving took (every incident, with the median and spread),
 * what recurs (contributing-factor kinds, services, tags), corrective actions proposed more than
 * once, and how the actions stand. Every figure keeps the postmortems behind it.
 */

import { UNTITLED } from './labels';
import { FACTOR_KIND_LABELS } from './item-labels';
import { deriveMetrics } from './metrics';
import type { Postmortem, Severity } from './model';
import {
	DURATION_METRICS,
	SEVERITY_KEYS,
	addMonths,
	isMonth,
	monthLabel,
	type Bucket,
	type CountedBucket,
	type DurationMetric,
	type DurationPoint,
	type Insights,
	type InsightsQuery,
	type MonthRow,
	type SeverityKey
} from './insights-view';

/** The value at fraction `f` of sorted numbers, interpolated (f = 0.5 is the median). */
export function quantile(sorted: readonly number[], f: number): number | null {
	if (!sorted.length) return null;
	const pos = (sorted.length - 1) * f;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return Math.round(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo));
}

/** Buckets from key → ids, the largest first (ties by label). */
function ranked(map: Map<string, { label: string; ids: Set<string> }>): Bucket[] {
	return [...map.entries()]
		.map(([key, v]) => ({ key, label: v.label, ids: [...v.ids] }))
		.sort((a, b) => b.ids.length - a.ids.length || a.label.localeCompare(b.label));
}

function add(map: Map<string, { label: string; ids: Set<string> }>, key: string, label: string, id: string): void {
	let v = map.get(key);
	if (!v) map.set(key, (v = { label, ids: new Set() }));
	v.ids.add(id);
}

/** Words of an action title that say what it is about, for telling the same action written twice. */
function titleWords(title: string): Set<string> {
	const STOP = new Set([
		'a',
		'an',
		'the',
		'to',
		'of',
		'for',
		'and',
		'or',
		'in',
		'on',
		'at',
		'when',
		'with',
		'so',
		'by',
		'is',
		'be',
		'from'
	]);
	return new Set(
		title
			.toLowerCase()
			.split(/[^\p{L}\p{N}]+/u)
			.filter((w) => w.length > 1 && !STOP.has(w))
			.map((w) => w.replace(/(ing|ed|es|s)$/, ''))
	);
}

/** True when two titles share most of their words (Jaccard at least 0.6). */
function similar(a: Set<string>, b: Set<string>): boolean {
	if (!a.size || !b.size) return false;
	let both = 0;
	for (const w of a) if (b.has(w)) both++;
	return both / (a.size + b.size - both) >= 0.6;
}

/** Everything the insights page shows for `query`, counted on `today` ('YYYY-MM-DD'). */
export function computeInsights(pms: readonly Postmortem[], query: InsightsQuery, today: string): Insights {
	// A period given backwards (From after To) is read the right way round.
	const [from, to] = query.from <= query.to ? [query.from, query.to] : [query.to, query.from];
	const sevKey = (s: Severity): SeverityKey => s || 'none';
	const inFilter = pms.filter((pm) => !query.severity || sevKey(pm.severity) === query.severity);
	const undated = inFilter.filter((pm) => !/^\d{4}-\d{2}/.test(pm.incidentDate)).map((pm) => pm.id);
	const chosen = inFilter.filter((pm) => {
		const m = pm.incidentDate.slice(0, 7);
		return isMonth(m) && m >= from && m <= to;
	});
	const names: Insights['names'] = {};
	for (const pm of chosen) names[pm.id] = { title: pm.title || UNTITLED, incidentDate: pm.incidentDate, severity: pm.severity };

	const months: MonthRow[] = [];
	for (let m = from; m <= to && months.length < 240; m = addMonths(m, 1)) {
		const bySeverity = Object.fromEntries(SEVERITY_KEYS.map((k) => [k, [] as string[]])) as Record<SeverityKey, string[]>;
		months.push({ month: m, label: monthLabel(m), bySeverity, total: 0 });
	}
	const byMonth = new Map(months.map((r) => [r.month, r]));

	const factorKinds = new Map<string, { label: string; ids: Set<string> }>();
	const services = new Map<string, { label: string; ids: Set<string> }>();
	const tags = new Map<string, { label: string; ids: Set<string> }>();
	const points: Record<DurationMetric, DurationPoint[]> = { timeToDetect: [], timeToMitigate: [], timeToResolve: [] };
	const lucky: string[] = [];
	const proposed: { id: string; title: string; words: Set<string> }[] = [];
	// Each figure of the actions' standing: how many actions, and the postmortems they belong to.
	const tallyOf = (key: string, label: string): CountedBucket & { seen: Set<string> } => ({
		key,
		label,
		ids: [],
		count: 0,
		seen: new Set()
	});
	const standing = {
		done: tallyOf('done', 'Done'),
		wontDo: tallyOf('wont-do', "Won't do"),
		open: tallyOf('open', 'Open or in progress'),
		overdue: tallyOf('overdue', 'Open and overdue')
	};
	const count = (b: CountedBucket & { seen: Set<string> }, id: string) => {
		b.count++;
		if (!b.seen.has(id)) {
			b.seen.add(id);
			b.ids.push(id);
		}
	};
	let actionTotal = 0;

	for (const pm of chosen) {
		const row = byMonth.get(pm.incidentDate.slice(0, 7));
		if (row) {
			row.bySeverity[sevKey(pm.severity)].push(pm.id);
			row.total++;
		}
		const metrics = deriveMetrics(pm);
		for (const metric of Object.keys(points) as DurationMetric[]) {
			const minutes = metrics[metric];
			if (minutes !== null && minutes >= 0) points[metric].push({ id: pm.id, minutes });
		}
		for (const f of pm.contributingFactors) if (f.kind) add(factorKinds, f.kind, FACTOR_KIND_LABELS[f.kind], pm.id);
		for (const s of pm.services) if (s.trim()) add(services, s.trim().toLowerCase(), s.trim(), pm.id);
		for (const t of pm.tags) if (t.trim()) add(tags, t.trim().toLowerCase(), t.trim(), pm.id);
		if (pm.gotLucky.trim()) lucky.push(pm.id);
		for (const a of pm.correctiveActions) {
			actionTotal++;
			if (a.status === 'done') count(standing.done, pm.id);
			else if (a.status === 'wont-do') count(standing.wontDo, pm.id);
			else {
				count(standing.open, pm.id);
				if (/^\d{4}-\d{2}-\d{2}$/.test(a.dueDate) && a.dueDate < today) count(standing.overdue, pm.id);
			}
			if (a.title.trim()) proposed.push({ id: pm.id, title: a.title.trim(), words: titleWords(a.title) });
		}
	}

	// Actions that rhyme across postmortems: grouped with the first title they resemble.
	const groups: { title: string; words: Set<string>; ids: Set<string> }[] = [];
	for (const p of proposed) {
		const g = groups.find((x) => similar(x.words, p.words));
		if (g) g.ids.add(p.id);
		else groups.push({ title: p.title, words: p.words, ids: new Set([p.id]) });
	}
	const repeatedActions = groups
		.filter((g) => g.ids.size > 1)
		.map((g, i) => ({ key: `a${i}`, label: g.title, ids: [...g.ids] }))
		.sort((a, b) => b.ids.length - a.ids.length);

	const plain = ({ seen: _seen, ...b }: CountedBucket & { seen: Set<string> }): CountedBucket => b;

	return {
		incidents: chosen.map((pm) => pm.id),
		undated,
		months,
		durations: (Object.keys(DURATION_METRICS) as DurationMetric[]).map((metric) => {
			const sorted = points[metric].sort((a, b) => a.minutes - b.minutes);
			const values = sorted.map((p) => p.minutes);
			return {
				metric,
				label: DURATION_METRICS[metric],
				points: sorted,
				median: quantile(values, 0.5),
				p25: quantile(values, 0.25),
				p75: quantile(values, 0.75),
				max: values.length ? values[values.length - 1] : null
			};
		}),
		factorKinds: ranked(factorKinds),
		services: ranked(services),
		tags: ranked(tags),
		repeatedActions,
		lucky,
		actions: {
			total: actionTotal,
			done: plain(standing.done),
			wontDo: plain(standing.wontDo),
			open: plain(standing.open),
			overdue: plain(standing.overdue)
		},
		names
	};
}
