import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { actionItems } from '$lib/domain/action-board';
import { actionsCalendar, csvCell, githubIssueUrl, gitlabCsv, isGithubRepo, jiraCsv, toCsv } from '$lib/domain/tracker-export';
import { createPostmortem, type CorrectiveAction, type Postmortem } from '$lib/domain/model';
import { createCorrectiveAction } from '$lib/domain/parts';

const action = (title: string, fields: Partial<CorrectiveAction> = {}): CorrectiveAction => ({
	...createCorrectiveAction(title),
	...fields
});
const pm: Postmortem = {
	...createPostmortem(new Date('2026-03-01T00:00:00Z'), 'UTC'),
	title: 'Checkout outage, "the pool"',
	incidentDate: '2026-03-10T14:02',
	severity: 'sev1',
	correctiveActions: [
		action('Alert on pool saturation, at 80 %', {
			owner: 'Ana Lima',
			dueDate: '2026-03-20',
			priority: 'high',
			kind: 'quick-fix',
			term: 'short',
			successMeasure: 'An alert fires\nbefore the pool is full; "early" enough'
		}),
		action('=cmd|" /C calc"!A0', { owner: '@ben-k', priority: 'critical', dueDate: '2026-04-01' }),
		action('Retry policy', { status: 'done', dueDate: '2026-03-12' })
	]
};
const items = actionItems([pm]);
const rows = (csv: string) => parse(csv, { columns: true, relax_column_count: false }) as Record<string, string>[];

describe('CSV for trackers', () => {
	it('quotes commas, quotes and line breaks, and makes formula-like cells plain text', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		for (const f of ['=cmd()', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(f).replace(/^"/, '').startsWith("'")).toBe(true);
		const back = parse(toCsv([['h'], ['=1+1'], ['a,"b"\r\nc']])) as string[][];
		expect(back).toEqual([['h'], ["'=1+1"], ['a,"b"\r\nc']]);
	});

	it('gives Jira its columns: a task per action, ISO due dates, the owner as assignee', () => {
		const csv = jiraCsv(items);
		expect(csv.split('\r\n')[0]).toBe('Summary,Description,Issue Type,Priority,Due Date,Labels,Assignee');
		const [first, second, third] = rows(csv);
		expect(first).toMatchObject({
			Summary: 'Alert on pool saturation, at 80 %',
			'Issue Type': 'Task',
			Priority: 'High',
			'Due Date': '2026-03-20',
			Labels: 'postmortem',
			Assignee: 'Ana Lima'
		});
		expect(first.Description).toContain('Corrective action 1 of the postmortem “Checkout outage, "the pool"”.');
		expect(first.Description).toContain('How we will know it worked: An alert fires\nbefore the pool is full; "early" enough');
		expect(second.Summary).toBe(`'=cmd|" /C calc"!A0`); // neutralised, not run by a spreadsheet
		expect(second.Priority).toBe('Highest');
		expect(third['Due Date']).toBe('2026-03-12');
	});

	it('gives GitLab title and description, with labels, due date and a user-name owner as quick actions', () => {
		const [first, second] = rows(gitlabCsv(items));
		expect(Object.keys(first)).toEqual(['title', 'description']);
		expect(first.description).toMatch(/\n\/label ~postmortem\n\/label ~"priority::high"\n\/due 2026-03-20$/);
		expect(first.description).not.toContain('/assign'); // "Ana Lima" is a name, not a user name
		expect(first.description).toContain('Owner: Ana Lima');
		expect(second.description).toMatch(/\n\/assign @ben-k$/);
	});
});

describe('GitHub new-issue link', () => {
	it('prefills title, body and label, and stays within the length browsers and GitHub take', () => {
		expect(isGithubRepo('acme/payments')).toBe(true);
		expect(isGithubRepo('acme')).toBe(false);
		expect(isGithubRepo('https://github.com/acme/payments')).toBe(false);
		const url = new URL(githubIssueUrl('acme/payments', items[0]));
		expect(url.origin + url.pathname).toBe('https://github.com/acme/payments/issues/new');
		expect(url.searchParams.get('title')).toBe('Alert on pool saturation, at 80 %');
		expect(url.searchParams.get('labels')).toBe('postmortem');
		expect(url.searchParams.get('body')).toContain('How we will know it worked');

		const long = actionItems([{ ...pm, correctiveActions: [action('Long', { successMeasure: 'ü€ '.repeat(20_000) })] }])[0];
		const cut = githubIssueUrl('acme/payments', long);
		expect(cut.length).toBeLessThanOrEqual(8000);
		expect(new URL(cut).searchParams.get('body')).toMatch(/shortened: the full text is in the postmortem\)$/);
	});
});

describe('calendar', () => {
	it('is an iCalendar file a parser reads: every open due date, and the review meeting due', () => {
		const ics = actionsCalendar(items, [pm], new Date('2026-03-11T08:00:00Z'));
		expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
		const cal = new ICAL.Component(ICAL.parse(ics));
		const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		const summary = events.map((e) => [e.summary, e.startDate.toString()]);
		expect(summary).toEqual([
			['Postmortem review due: Checkout outage, "the pool"', '2026-03-13'],
			['Due: Alert on pool saturation, at 80 %', '2026-03-20'],
			['Due: =cmd|" /C calc"!A0', '2026-04-01']
		]);
		expect(events[1].description).toContain('An alert fires\nbefore the pool is full; "early" enough');
		expect(events[1].endDate.toString()).toBe('2026-03-21');
		expect(new Set(events.map((e) => e.uid)).size).toBe(3);
	});

	it('has the meeting and the look back a month later once the meeting date is set', () => {
		const held = { ...pm, meetingDate: '2026-03-12' };
		const cal = new ICAL.Component(ICAL.parse(actionsCalendar(actionItems([held]), [held])));
		const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events.slice(0, 2).map((e) => [e.summary, e.startDate.toString()])).toEqual([
			['Postmortem review: Checkout outage, "the pool"', '2026-03-12'],
			['Look back at corrective actions: Checkout outage, "the pool"', '2026-04-11']
		]);
	});
});
