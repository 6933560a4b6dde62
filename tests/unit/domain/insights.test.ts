import { describe, expect, it } from 'vitest';
import { computeInsights } from '$lib/domain/insights';
import { addMonths, defaultQuery, durationText, queryFromParams, queryToParams, type InsightsQuery } from '$lib/domain/insights-view';
import { createPostmortem, type Postmortem, type TimelineEntry } from '$lib/domain/model';
import { createContributingFactor, createCorrectiveAction, createTimelineEntry } from '$lib/domain/parts';

const TODAY = '2026-06-25';
const entry = (at: string, milestone: TimelineEntry['milestone']): TimelineEntry => ({
	...createTimelineEntry(at),
	milestone,
	what: milestone
});
/** An incident whose impact began at `start` and was detected, mitigated and resolved after these minutes. */
function incident(title: string, start: string, fields: Partial<Postmortem>, minutes?: [number, number, number]): Postmortem {
	const at = (m: number) => new Date(Date.parse(`${start}:00Z`) + m * 60_000).toISOString().slice(0, 16);
	return {
		...createPostmortem(new Date('2026-01-01T00:00:00Z'), 'UTC'),
		title,
		incidentDate: start,
		timeZone: 'UTC',
		timeline: minutes
			? [
					entry(start, 'impact-began'),
					entry(at(minutes[0]), 'detected'),
					entry(at(minutes[1]), 'mitigated'),
					entry(at(minutes[2]), 'resolved')
				]
			: [],
		...fields
	};
}

const pool = incident(
	'Pool exhausted',
	'2026-03-10T14:02',
	{
		severity: 'sev1',
		services: ['orders-db', 'checkout'],
		tags: ['capacity'],
		gotLucky: 'It was a quiet Tuesday.',
		contributingFactors: [
			{ ...createContributingFactor('a'), kind: 'technical' },
			{ ...createContributingFactor('b'), kind: 'process' }
		],
		correctiveActions: [
			{ ...createCorrectiveAction('Alert on connection pool saturation'), status: 'done' },
			{ ...createCorrectiveAction('Load-test the pool'), dueDate: '2026-04-01' }
		]
	},
	[5, 30, 120]
);
const cache = incident(
	'Cache stampede',
	'2026-03-28T09:00',
	{
		severity: 'sev2',
		services: ['Checkout '],
		contributingFactors: [{ ...createContributingFactor('c'), kind: 'technical' }],
		correctiveActions: [{ ...createCorrectiveAction('Alerting on pool saturation of connections'), status: 'wont-do' }]
	},
	[20, 50, 60]
);
const dns = incident(
	'DNS',
	'2026-05-02T23:00',
	{ tags: ['Capacity', 'dns'], correctiveActions: [{ ...createCorrectiveAction('Cache the resolver'), dueDate: '2026-07-01' }] },
	[1, 2, 3000]
);
const old = incident('Old one', '2025-01-15T10:00', { severity: 'sev1' }, [1, 1, 1]);
const undated = incident('No date', '', {});
const all = [pool, cache, dns, old, undated];
const q = (v: Partial<InsightsQuery> = {}): InsightsQuery => ({ ...defaultQuery(TODAY), ...v });

describe('insights across incidents', () => {
	it('counts the incidents of the period month by month and by severity, each figure with its postmortems', () => {
		const ins = computeInsights(all, q(), TODAY);
		expect(ins.incidents).toEqual([pool.id, cache.id, dns.id]);
		expect(ins.undated).toEqual([undated.id]);
		expect(ins.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => addMonths('2025-07', i)));
		const march = ins.months.find((m) => m.month === '2026-03')!;
		expect(march).toMatchObject({ label: 'March 2026', total: 2 });
		expect(march.bySeverity.sev1).toEqual([pool.id]);
		expect(march.bySeverity.sev2).toEqual([cache.id]);
		expect(ins.months.find((m) => m.month === '2026-05')!.bySeverity.none).toEqual([dns.id]);
		expect(ins.names[pool.id]).toEqual({ title: 'Pool exhausted', incidentDate: '2026-03-10T14:02', severity: 'sev1' });
	});

	it('gives every incident’s durations with the median and the middle half, not an average', () => {
		const [detect, mitigate, resolve] = computeInsights(all, q(), TODAY).durations;
		expect(detect.points.map((p) => p.minutes)).toEqual([1, 5, 20]);
		expect(detect).toMatchObject({ label: 'Time to detect', median: 5, p25: 3, p75: 13, max: 20 });
		expect(mitigate.median).toBe(30);
		expect(resolve.points.map((p) => [p.id, p.minutes])).toEqual([
			[cache.id, 60],
			[pool.id, 120],
			[dns.id, 3000]
		]);
	});

	it('ranks what recurs: factor kinds, services and tags (however written), and actions proposed twice', () => {
		const ins = computeInsights(all, q(), TODAY);
		expect(ins.factorKinds.map((b) => [b.label, b.ids.length])).toEqual([
			['Technical', 2],
			['Process', 1]
		]);
		expect(ins.services.map((b) => [b.label, b.ids])).toEqual([
			['checkout', [pool.id, cache.id]],
			['orders-db', [pool.id]]
		]);
		expect(ins.tags[0]).toMatchObject({ label: 'capacity', ids: [pool.id, dns.id] });
		expect(ins.repeatedActions).toEqual([{ key: 'a0', label: 'Alert on connection pool saturation', ids: [pool.id, cache.id] }]);
		expect(ins.lucky).toEqual([pool.id]);
	});

	it('says how the actions stand today', () => {
		const { actions } = computeInsights(all, q(), TODAY);
		expect(actions.total).toBe(4);
		expect(actions.done).toMatchObject({ count: 1, ids: [pool.id] });
		expect(actions.wontDo).toMatchObject({ count: 1, ids: [cache.id] });
		expect(actions.open).toMatchObject({ count: 2, ids: [pool.id, dns.id] });
		expect(actions.overdue).toMatchObject({ count: 1, ids: [pool.id] });
	});

	it('narrows by severity and period', () => {
		expect(computeInsights(all, q({ severity: 'sev1' }), TODAY).incidents).toEqual([pool.id]);
		expect(computeInsights(all, q({ severity: 'none' }), TODAY).incidents).toEqual([dns.id]);
		expect(computeInsights(all, q({ from: '2025-01', to: '2025-01' }), TODAY).incidents).toEqual([old.id]);
		const backwards = computeInsights(all, q({ from: '2026-05', to: '2026-03' }), TODAY);
		expect(backwards.months.map((m) => m.month)).toEqual(['2026-03', '2026-04', '2026-05']);
		expect(backwards.incidents).toHaveLength(3);
	});

	it('keeps the period and filter in the page address', () => {
		expect(queryFromParams(new URLSearchParams(''), TODAY)).toEqual({ from: '2025-07', to: '2026-06', severity: '' });
		expect(queryFromParams(new URLSearchParams('from=2026-05&to=2026-01&severity=sev2'), TODAY)).toEqual({
			from: '2026-01',
			to: '2026-05',
			severity: 'sev2'
		});
		expect(queryFromParams(new URLSearchParams('from=2026-13&severity=sev9'), TODAY)).toEqual(defaultQuery(TODAY));
		const params = new URLSearchParams();
		queryToParams({ from: '2026-01', to: '2026-06', severity: '' }, params, TODAY);
		expect(params.toString()).toBe('from=2026-01');
		expect(durationText(45)).toBe('45 min');
		expect(durationText(185)).toBe('3 h 5 min');
		expect(durationText(3000)).toBe('2 d 2 h');
	});
});
