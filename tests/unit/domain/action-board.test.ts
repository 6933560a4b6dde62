import { describe, expect, it } from 'vitest';
import {
	actionDue,
	actionItems,
	addDays,
	applyActionPatch,
	boardGroups,
	boardViewFromParams,
	boardViewToParams,
	dueText,
	isPlainDate,
	showCounts,
	type ActionBoardView
} from '$lib/domain/action-board';
import {
	addBusinessDays,
	describeReviewPolicy,
	postmortemDeadlines,
	readReviewPolicy,
	reviewDueDate,
	DEFAULT_REVIEW_POLICY
} from '$lib/domain/deadlines';
import { createPostmortem, type CorrectiveAction, type Postmortem } from '$lib/domain/model';
import { createCorrectiveAction } from '$lib/domain/parts';

const TODAY = '2026-03-10'; // a Tuesday

const action = (title: string, fields: Partial<CorrectiveAction> = {}): CorrectiveAction => ({
	...createCorrectiveAction(title),
	...fields
});
const pm = (title: string, actions: CorrectiveAction[], fields: Partial<Postmortem> = {}): Postmortem => ({
	...createPostmortem(new Date('2026-03-01T00:00:00Z'), 'UTC'),
	title,
	correctiveActions: actions,
	...fields
});

const checkout = pm('Checkout outage', [
	action('Alert on pool saturation', { owner: 'Ana', dueDate: '2026-03-09', priority: 'high' }),
	action('Load-test the pool', { owner: 'ana ', dueDate: '2026-03-16', priority: 'medium' }),
	action('Runbook for pool resets', { owner: 'Ben', dueDate: '2026-03-12', status: 'in-progress' })
]);
const login = pm('', [
	action('Cache the resolver', { dueDate: '2026-04-30', priority: 'critical' }),
	action('Rewrite auth', { owner: 'Ben', status: 'wont-do' }),
	action('Retry policy', { owner: 'Chen', status: 'done', dueDate: '2026-03-01' }),
	action('Write the playbook')
]);
const items = actionItems([checkout, login]);
const view = (v: Partial<ActionBoardView>): ActionBoardView => ({ show: 'open', group: 'due', q: '', ...v });
const titles = (v: Partial<ActionBoardView>) =>
	boardGroups(items, view(v), TODAY).map((g) => [g.label, g.items.map((i) => i.action.title)]);

describe('the Actions page', () => {
	it('lists every action of every postmortem with its number and its postmortem', () => {
		expect(items).toHaveLength(7);
		expect(items[1]).toMatchObject({ postmortemId: checkout.id, postmortemTitle: 'Checkout outage', number: 2 });
		expect(items[6]).toMatchObject({ postmortemId: login.id, number: 4 });
	});

	it('tells overdue, due within a week, later, undated, done and won’t do apart', () => {
		const due = (dueDate: string, status: CorrectiveAction['status'] = 'open') => actionDue({ dueDate, status }, TODAY);
		expect(due('2026-03-09')).toBe('overdue');
		expect(due('2026-03-10')).toBe('due-soon');
		expect(due('2026-03-16')).toBe('due-soon'); // the seventh day, today counted
		expect(due('2026-03-17')).toBe('later');
		expect(due('')).toBe('no-date');
		expect(due('someday')).toBe('no-date');
		expect(due('2026-03-01', 'done')).toBe('done');
		expect(due('2026-03-01', 'wont-do')).toBe('wont-do');
		expect(due('2026-03-01', 'in-progress')).toBe('overdue');
	});

	it('groups by due date in order of urgency, soonest and most urgent first, open ones by default', () => {
		expect(titles({})).toEqual([
			['Overdue', ['Alert on pool saturation']],
			['Due within a week', ['Runbook for pool resets', 'Load-test the pool']],
			['Due later', ['Cache the resolver']],
			['No due date', ['Write the playbook']]
		]);
		expect(titles({ show: 'all' }).map(([label]) => label)).toEqual([
			'Overdue',
			'Due within a week',
			'Due later',
			'No due date',
			'Done',
			"Won't do"
		]);
		expect(titles({ show: 'done' })).toEqual([['Done', ['Retry policy']]]);
		expect(titles({ show: 'overdue' })).toEqual([['Overdue', ['Alert on pool saturation']]]);
	});

	it('groups by owner (one person however the name is spaced or capitalised, no owner first) and by postmortem', () => {
		expect(titles({ group: 'owner' })).toEqual([
			['No owner yet', ['Cache the resolver', 'Write the playbook']],
			['Ana', ['Alert on pool saturation', 'Load-test the pool']],
			['Ben', ['Runbook for pool resets']]
		]);
		expect(titles({ group: 'postmortem' }).map(([label]) => label)).toEqual(['Checkout outage', 'Untitled postmortem']);
	});

	it('filters by words in the title, the owner or the postmortem’s title', () => {
		expect(titles({ q: 'POOL ana' })).toEqual([
			['Overdue', ['Alert on pool saturation']],
			['Due within a week', ['Load-test the pool']]
		]);
		expect(titles({ q: 'untitled', show: 'all' }).flatMap(([, t]) => t)).toHaveLength(4);
	});

	it('counts what each choice would show', () => {
		expect(showCounts(items, TODAY)).toEqual({ open: 5, overdue: 1, 'due-soon': 2, done: 1, 'wont-do': 1, all: 7 });
	});

	it('keeps its view in the page address, defaults left out, anything unknown read as the default', () => {
		const params = new URLSearchParams('show=overdue&group=owner&q=pool');
		expect(boardViewFromParams(params)).toEqual({ show: 'overdue', group: 'owner', q: 'pool' });
		expect(boardViewFromParams(new URLSearchParams('show=everything&group=colour'))).toEqual(view({}));
		boardViewToParams(view({ group: 'postmortem' }), params);
		expect(params.toString()).toBe('group=postmortem');
	});

	it('changes only the patched fields of the one action, and refuses a bad status or date', () => {
		const target = checkout.correctiveActions[1];
		const next = applyActionPatch(checkout, target.id, { status: 'done', owner: 'Chen' })!;
		expect(next.correctiveActions[1]).toEqual({ ...target, status: 'done', owner: 'Chen' });
		expect(next.correctiveActions[0]).toBe(checkout.correctiveActions[0]);
		expect(checkout.correctiveActions[1].status).toBe('open'); // not changed in place
		expect(applyActionPatch(checkout, 'gone', { status: 'done' })).toBeUndefined();
		expect(() => applyActionPatch(checkout, target.id, { status: 'finished' as 'done' })).toThrow(/status/);
		expect(() => applyActionPatch(checkout, target.id, { dueDate: '2026-02-30' })).toThrow(/date/);
		expect(applyActionPatch(checkout, target.id, { dueDate: '' })!.correctiveActions[1].dueDate).toBe('');
	});

	it('reads due dates as people do', () => {
		expect(dueText('2026-03-07', TODAY)).toBe('Overdue by 3 days');
		expect(dueText('2026-03-09', TODAY)).toBe('Overdue by 1 day');
		expect(dueText(TODAY, TODAY)).toBe('Due today');
		expect(dueText('2026-03-11', TODAY)).toBe('Due tomorrow');
		expect(dueText('2026-04-09', TODAY)).toBe('Due in 30 days');
		expect(dueText('', TODAY)).toBe('');
		expect(isPlainDate('2028-02-29')).toBe(true);
		expect(isPlainDate('2027-02-29')).toBe(false);
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});
});

describe('deadlines', () => {
	it('counts business days across weekends', () => {
		expect(addBusinessDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
		expect(addBusinessDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
		expect(addBusinessDays('2026-03-10', 5)).toBe('2026-03-17'); // Tuesday → next Tuesday
		expect(addBusinessDays('2026-03-13', 5)).toBe('2026-03-20'); // Friday → next Friday
	});

	it('gives the review meeting 3 calendar days after a SEV 1 and 5 business days otherwise', () => {
		expect(reviewDueDate('2026-03-13T23:10', 'sev1')).toBe('2026-03-16');
		expect(reviewDueDate('2026-03-13T23:10', 'sev2')).toBe('2026-03-20');
		expect(reviewDueDate('2026-03-13T23:10', '')).toBe('2026-03-20');
		expect(reviewDueDate('', 'sev1')).toBe('');
		expect(reviewDueDate('2026-03-13', 'sev2', { sev1Days: 1, sev1Business: true, otherDays: 10, otherBusiness: false })).toBe(
			'2026-03-23'
		);
	});

	it('asks for the review until a meeting date is set, then a look back a month later while actions are open', () => {
		const incident = pm('Pool', [action('Alert', { status: 'open' })], { incidentDate: '2026-03-10T14:02', severity: 'sev1' });
		expect(postmortemDeadlines(incident)).toEqual([{ kind: 'review', date: '2026-03-13' }]);
		expect(postmortemDeadlines({ ...incident, status: 'final' })).toEqual([]);
		const held = { ...incident, meetingDate: '2026-03-12' };
		expect(postmortemDeadlines(held)).toEqual([{ kind: 'follow-up', date: '2026-04-11' }]);
		const allDone = { ...held, correctiveActions: [action('Alert', { status: 'done' })] };
		expect(postmortemDeadlines(allDone)).toEqual([]);
	});

	it('reads a stored policy part by part, keeping the default for anything that is not a sensible number of days', () => {
		expect(readReviewPolicy({ sev1Days: 1, sev1Business: true, otherDays: 10, otherBusiness: false })).toEqual({
			sev1Days: 1,
			sev1Business: true,
			otherDays: 10,
			otherBusiness: false
		});
		expect(readReviewPolicy({ sev1Days: -1, otherDays: 2.5, otherBusiness: 'yes' })).toEqual(DEFAULT_REVIEW_POLICY);
		expect(readReviewPolicy({ sev1Days: 61 })).toEqual(DEFAULT_REVIEW_POLICY);
		expect(readReviewPolicy(null)).toEqual(DEFAULT_REVIEW_POLICY);
		expect(describeReviewPolicy(DEFAULT_REVIEW_POLICY)).toBe('3 days after a SEV 1 incident and 5 business days after any other');
		expect(describeReviewPolicy({ sev1Days: 1, sev1Business: true, otherDays: 1, otherBusiness: false })).toBe(
			'1 business day after a SEV 1 incident and 1 day after any other'
		);
	});
});
