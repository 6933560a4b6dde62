import { describe, expect, it } from 'vitest';
import { accountEntry, mergeAccounts, parseAccount, toAccountJson, type Account } from '$lib/domain/accounts';
import { parseImport } from '$lib/domain/import';
import { restorePostmortem } from '$lib/domain/restore';
import { createPostmortem, type Postmortem } from '$lib/domain/model';
import { createTimelineEntry } from '$lib/domain/parts';

const NOW = new Date('2026-03-11T09:00:00Z');

function postmortem(timeZone = 'Europe/Berlin'): Postmortem {
	const pm = createPostmortem(NOW, timeZone);
	pm.title = 'Checkout errors';
	return pm;
}

function account(author: string, entries: Array<Partial<Account['entries'][number]>>, timeZone = 'Europe/Berlin', notes = ''): Account {
	const pm = postmortem(timeZone);
	pm.timeline = entries.map((e) => ({
		...createTimelineEntry(e.at ?? ''),
		who: e.who ?? author,
		what: e.what ?? '',
		milestone: e.milestone ?? '',
		learnedLater: e.learnedLater
	}));
	const r = parseAccount(toAccountJson(pm, author, { notes }, NOW));
	if (!r.ok) throw new Error(r.error);
	return r.account;
}

describe('my account', () => {
	it('exports the chosen entries and the notes in a small file with the export envelope, and reads it back', () => {
		const pm = postmortem();
		pm.timeline = [
			{ ...createTimelineEntry('2026-03-10T14:02'), who: 'Ana', what: 'Saw the error rate climb', milestone: 'detected' },
			{ ...createTimelineEntry('2026-03-10T14:05'), who: 'Ben', what: 'Paged' }
		];
		const text = toAccountJson(pm, ' Ana ', { entryIds: new Set([pm.timeline[0].id]), notes: 'I expected the canary to catch it.' }, NOW);
		const file = JSON.parse(text);
		expect(file).toMatchObject({ format: 'postmortem-workbench', kind: 'account', version: 1, exportedAt: NOW.toISOString() });
		const r = parseAccount(text);
		expect(r).toEqual({
			ok: true,
			account: {
				author: 'Ana',
				postmortemId: pm.id,
				title: 'Checkout errors',
				timeZone: 'Europe/Berlin',
				entries: [
					{ at: '2026-03-10T14:02', who: 'Ana', what: 'Saw the error rate climb', milestone: 'detected', link: '', learnedLater: false }
				],
				notes: 'I expected the canary to catch it.',
				exportedAt: NOW.toISOString()
			}
		});
	});

	it('refuses files that are not accounts, with a reason', () => {
		const ok = JSON.parse(toAccountJson(postmortem(), 'Ana', {}, NOW));
		const cases: Array<[unknown, RegExp]> = [
			['not json', /not valid JSON/],
			[{ format: 'postmortem-workbench', kind: 'postmortem', version: 1 }, /not an account/],
			[{ ...ok, version: 9 }, /newer version/],
			[{ ...ok, account: { ...ok.account, author: '' } }, /whose account/],
			[{ ...ok, account: { ...ok.account, timeZone: 'Mars/Olympus' } }, /time zone/],
			[{ ...ok, account: { ...ok.account, entries: [{ at: 'yesterday', what: 'x' }] } }, /Entry 1 has no valid time/],
			[{ ...ok, account: { ...ok.account, entries: [{ what: 7 }] } }, /Entry 1's text must be text/]
		];
		for (const [data, message] of cases) {
			const r = parseAccount(typeof data === 'string' ? data : JSON.stringify(data));
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error).toMatch(message);
		}
	});

	it('is pointed to the Timeline step when imported into the library as a postmortem', () => {
		const r = parseImport(toAccountJson(postmortem(), 'Ana', {}, NOW), NOW, 'ana.json');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/participant’s account.*“Merge accounts…” in its Timeline step/);
	});
});

describe('merging accounts', () => {
	const ana = () =>
		account('Ana', [
			{ at: '2026-03-10T14:02', what: 'Error rate on checkout climbs past 5%', milestone: 'detected' },
			{ at: '2026-03-10T14:20', what: 'Rolled back the pool size change' },
			{ at: '2026-03-10T15:00', what: 'Pool limit was the cause', learnedLater: true }
		]);
	const ben = () =>
		account(
			'Ben',
			[
				{ at: '2026-03-10T13:09', what: 'Checkout error rate climbing, paged the on-call', milestone: 'declared' },
				{ at: '2026-03-10T13:40', what: 'Customers report slow pages' }
			],
			'UTC'
		);

	it('puts entries by time, in the postmortem’s zone, groups those that tell the same moment and says where they disagree', () => {
		const moments = mergeAccounts(postmortem(), [ana(), ben()]);
		expect(moments.map((m) => [m.at, m.items.map((i) => `${i.author}: ${i.entry.at.slice(11)} ${i.entry.what}`)])).toEqual([
			[
				'2026-03-10T14:02',
				['Ana: 14:02 Error rate on checkout climbs past 5%', 'Ben: 14:09 Checkout error rate climbing, paged the on-call']
			],
			['2026-03-10T14:20', ['Ana: 14:20 Rolled back the pool size change']],
			['2026-03-10T14:40', ['Ben: 14:40 Customers report slow pages']],
			['2026-03-10T15:00', ['Ana: 15:00 Pool limit was the cause']]
		]);
		expect(moments[0].disagreements).toEqual([
			'Times differ: Ana 14:02, Ben 14:09.',
			'Milestones differ: Ana “Detected”, Ben “Incident declared”.'
		]);
		expect(moments.slice(1).flatMap((m) => m.disagreements)).toEqual([]);
	});

	it('says when one account learned later what another knew at the time', () => {
		const cleo = account('Cleo', [{ at: '2026-03-10T15:01', what: 'We knew the pool limit was the cause' }]);
		const [, , moment] = mergeAccounts(postmortem(), [ana(), cleo]);
		expect(moment.items.map((i) => i.author)).toEqual(['Ana', 'Cleo']);
		expect(moment.disagreements).toEqual(['Ana learned it later; Cleo knew it at the time.']);
	});

	it('does not group different things said at the same time, nor two entries of one account', () => {
		const one = account('Ana', [
			{ at: '2026-03-10T14:02', what: 'Deploy finished' },
			{ at: '2026-03-10T14:03', what: 'Deploy finished for the second region' }
		]);
		const other = account('Ben', [{ at: '2026-03-10T14:02', what: 'Lunch order arrived' }]);
		const moments = mergeAccounts(postmortem(), [one, other]);
		expect(moments.map((m) => m.items.map((i) => i.author))).toEqual([['Ana'], ['Ben'], ['Ana']]);
	});

	it('shows timeline entries that tell the same moment, and marks entries merged before so they are not added twice', () => {
		const pm = postmortem();
		pm.timeline = [{ ...createTimelineEntry('2026-03-10T14:21'), what: 'Rollback of the pool size change done' }];
		let moments = mergeAccounts(pm, [ana()]);
		expect(moments[1].timeline.map((e) => e.what)).toEqual(['Rollback of the pool size change done']);
		pm.timeline = [...pm.timeline, accountEntry(moments[0].items[0])];
		moments = mergeAccounts(pm, [ana()]);
		expect(moments[0].items[0].added).toBe(true);
		expect(moments[0].timeline).toEqual([]);
	});

	it('makes timeline entries that remember whose account they came from, valid for storage', () => {
		const [first] = mergeAccounts(postmortem(), [ana()]);
		const e = accountEntry(first.items[0]);
		expect(e).toMatchObject({ at: '2026-03-10T14:02', who: 'Ana', what: 'Error rate on checkout climbs past 5%', milestone: 'detected' });
		expect(e.source).toEqual({ kind: 'account', author: 'Ana', key: first.items[0].key });
		const pm = postmortem();
		pm.timeline = [e];
		const r = restorePostmortem(pm, { now: NOW });
		expect(r.ok && r.postmortem.timeline[0].source).toEqual(e.source);
	});
});
