import { describe, expect, it } from 'vitest';
import {
	AGENDA_ITEMS,
	BIAS_CARDS,
	captureInto,
	capturedTime,
	CAUSE_TRAPS_CARD,
	formatClock,
	isOverrun,
	parkingLotToActions,
	PRIME_DIRECTIVE,
	timerState,
	totalAgendaMinutes,
	WHAT_HOW_QUESTIONS
} from '$lib/domain/facilitation';
import { lintText } from '$lib/domain/lint';
import { createPostmortem, DEFAULT_AGENDA, type AgendaItem } from '$lib/domain/model';

const NOW = new Date('2026-03-05T10:00:00Z');

function pm() {
	return createPostmortem(new Date('2026-03-02T10:00:00Z'), 'UTC');
}

describe('content', () => {
	it('has guidance for every agenda item', () => {
		for (const a of DEFAULT_AGENDA) {
			const g = AGENDA_ITEMS[a.id];
			expect(g.title).toBeTruthy();
			expect(g.questions.length).toBeGreaterThan(0);
			if (g.captureTarget !== 'none') expect(g.captureLabel).toBeTruthy();
		}
		expect(AGENDA_ITEMS['went-wrong'].captureTarget).toBe('wentWrong');
		expect(AGENDA_ITEMS.actions.captureTarget).toBe('actions');
	});

	it('names the six biases and the cause traps', () => {
		expect(BIAS_CARDS.map((b) => b.id)).toEqual([
			'fundamental-attribution',
			'confirmation',
			'hindsight',
			'negativity',
			'curse-of-knowledge',
			'outcome'
		]);
		for (const b of BIAS_CARDS) expect(b.what && b.counterMove).toBeTruthy();
		expect(CAUSE_TRAPS_CARD.traps).toHaveLength(3);
	});

	it('offers 8 to 12 what/how questions', () => {
		expect(WHAT_HOW_QUESTIONS.length).toBeGreaterThanOrEqual(8);
		expect(WHAT_HOW_QUESTIONS.length).toBeLessThanOrEqual(12);
		for (const q of WHAT_HOW_QUESTIONS) expect(q).toMatch(/^(What|How|Who)\b.*\?$/);
	});

	it('practises what it preaches: no flagged language in questions or the premise', () => {
		const texts = [
			PRIME_DIRECTIVE.directive,
			...PRIME_DIRECTIVE.premise,
			...WHAT_HOW_QUESTIONS,
			...Object.values(AGENDA_ITEMS).flatMap((g) => g.questions),
			...BIAS_CARDS.map((b) => b.counterMove)
		];
		for (const t of texts) expect(lintText(t), t).toEqual([]);
	});
});

describe('captureInto', () => {
	it('appends to impact and what went well as new paragraphs', () => {
		const a = captureInto(pm(), 'impact', '  Checkout failed for 12% of users.  ', NOW);
		expect(a.impact).toBe('Checkout failed for 12% of users.');
		const b = captureInto(a, 'impact', 'About 3,000 orders were delayed.', NOW);
		expect(b.impact).toBe('Checkout failed for 12% of users.\n\nAbout 3,000 orders were delayed.');
		expect(b.updatedAt).toBe(NOW.toISOString());
		const c = captureInto({ ...b, wentWell: 'Runbook worked.\n\n' }, 'went-well', 'Alert fired fast.', NOW);
		expect(c.wentWell).toBe('Runbook worked.\n\nAlert fired fast.');
	});

	it('adds a timeline entry without a time', () => {
		const out = captureInto(pm(), 'timeline', 'Alice rolled back the config', NOW);
		expect(out.timeline).toHaveLength(1);
		expect(out.timeline[0]).toMatchObject({ at: '', what: 'Alice rolled back the config', milestone: '' });
	});

	it('a time at the start of a timeline capture is the entry’s time, on the incident’s day, in time order', () => {
		const base = { ...pm(), incidentDate: '2026-03-11T09:02', timeZone: 'Europe/Berlin' };
		const a = captureInto(base, 'timeline', '09:45 Marco pages the gateway team', NOW);
		expect(a.timeline[0]).toMatchObject({ at: '2026-03-11T09:45', what: 'Marco pages the gateway team' });
		const b = captureInto(a, 'timeline', '9:14 am Alert fires', NOW);
		expect(b.timeline.map((e) => [e.at, e.what])).toEqual([
			['2026-03-11T09:14', 'Alert fires'],
			['2026-03-11T09:45', 'Marco pages the gateway team']
		]);
		const c = captureInto(b, 'timeline', 'no time here', NOW);
		expect(c.timeline.at(-1)).toMatchObject({ at: '', what: 'no time here' });
	});

	it('reads the ways people write a time, and the day after midnight', () => {
		const p = { timeline: [], incidentDate: '2026-03-11T22:30' };
		expect(capturedTime(p, '23:05 Deploy starts')).toEqual({ at: '2026-03-11T23:05', what: 'Deploy starts' });
		expect(capturedTime(p, '9:45 pm Rollback')).toEqual({ at: '2026-03-11T21:45', what: 'Rollback' });
		expect(capturedTime(p, '12:10 a.m. Paged')).toEqual({ at: '2026-03-12T00:10', what: 'Paged' });
		expect(capturedTime(p, '[00:40] Mitigated')).toEqual({ at: '2026-03-12T00:40', what: 'Mitigated' });
		expect(capturedTime(p, '23.50 – Status page updated')).toEqual({ at: '2026-03-11T23:50', what: 'Status page updated' });
		expect(capturedTime(p, '23:50:12 seconds are dropped')).toEqual({ at: '2026-03-11T23:50', what: 'seconds are dropped' });
		// Not a time: the text stays whole.
		for (const t of ['25:00 nope', '9:7 nope', '13:00 pm nope', '2026 was the year', '10:30'])
			expect(capturedTime(p, t), t).toBeUndefined();
		// No day known yet: the entry has no time, and the text keeps it.
		expect(capturedTime({ timeline: [], incidentDate: '' }, '09:45 Marco')).toBeUndefined();
	});

	it('adds a contributing factor for what went wrong', () => {
		const out = captureInto(pm(), 'went-wrong', 'No canary for config pushes', NOW);
		expect(out.contributingFactors.map((f) => f.description)).toEqual(['No canary for config pushes']);
		expect(out.wentWrong).toBe('');
	});

	it('parks recommendations during action items', () => {
		const out = captureInto(pm(), 'actions', 'Add a canary stage', NOW);
		expect(out.facilitation.parkingLot.map((p) => p.text)).toEqual(['Add a canary stage']);
		expect(out.correctiveActions).toEqual([]);
	});

	it('leaves the postmortem unchanged for the opening and for blank text', () => {
		const p = pm();
		expect(captureInto(p, 'opening', 'hello', NOW)).toBe(p);
		expect(captureInto(p, 'impact', '   ', NOW)).toBe(p);
	});

	it('never mutates its input', () => {
		const p = pm();
		const snapshot = structuredClone(p);
		captureInto(p, 'impact', 'x', NOW);
		captureInto(p, 'timeline', 'x', NOW);
		captureInto(p, 'went-wrong', 'x', NOW);
		captureInto(p, 'actions', 'x', NOW);
		expect(p).toEqual(snapshot);
	});
});

describe('parkingLotToActions', () => {
	it('turns parked items into draft actions and clears the lot', () => {
		let p = pm();
		p = captureInto(p, 'actions', 'Add a canary stage', NOW);
		p = captureInto(p, 'actions', 'Alert on error rate', NOW);
		p = { ...p, facilitation: { ...p.facilitation, parkingLot: [...p.facilitation.parkingLot, { id: 'x', text: ' ' }] } };
		const before = structuredClone(p);
		const out = parkingLotToActions(p, NOW);
		expect(out.correctiveActions.map((a) => [a.title, a.status, a.owner])).toEqual([
			['Add a canary stage', 'open', ''],
			['Alert on error rate', 'open', '']
		]);
		expect(out.facilitation.parkingLot).toEqual([]);
		expect(out.facilitation.agenda).toEqual(p.facilitation.agenda);
		expect(p).toEqual(before);
	});

	it('returns the same postmortem when the lot is empty', () => {
		const p = pm();
		expect(parkingLotToActions(p)).toBe(p);
	});
});

describe('timers', () => {
	it('totals the default agenda to about an hour', () => {
		expect(totalAgendaMinutes(DEFAULT_AGENDA)).toBe(56);
		expect(totalAgendaMinutes([])).toBe(0);
	});

	it('detects overrun only past the timebox', () => {
		const item: AgendaItem = { id: 'impact', minutes: 5 };
		expect(isOverrun(item, 300)).toBe(false);
		expect(isOverrun(item, 301)).toBe(true);
	});

	it('reports per-item and whole-meeting timers', () => {
		const s = timerState(DEFAULT_AGENDA, { opening: 90, impact: 120 });
		expect(s.items[0]).toMatchObject({
			id: 'opening',
			plannedSeconds: 60,
			elapsedSeconds: 90,
			remainingSeconds: -30,
			overrun: true,
			progress: 1
		});
		expect(s.items[1]).toMatchObject({ id: 'impact', remainingSeconds: 180, overrun: false, progress: 0.4 });
		expect(s.items[2]).toMatchObject({ elapsedSeconds: 0, progress: 0 });
		expect(s.plannedSeconds).toBe(56 * 60);
		expect(s.elapsedSeconds).toBe(210);
		expect(s.overrun).toBe(false);
	});

	it('formats a countdown clock', () => {
		expect(formatClock(125)).toBe('2:05');
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(-30)).toBe('-0:30');
		expect(formatClock(3725)).toBe('1:02:05');
	});
});
