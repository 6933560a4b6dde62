import { describe, expect, it } from 'vitest';
import { actionItems } from '$lib/domain/action-board';
import { jiraCsv } from '$lib/domain/tracker-export';
import { TrackerCsvError, actionStatusOf, normalizeLink, parseCsv, planTrackerStatuses } from '$lib/domain/tracker-import';
import { createPostmortem, type CorrectiveAction } from '$lib/domain/model';
import { createCorrectiveAction } from '$lib/domain/parts';

const action = (title: string, fields: Partial<CorrectiveAction> = {}): CorrectiveAction => ({
	...createCorrectiveAction(title),
	...fields
});
const pm = {
	...createPostmortem(new Date('2026-03-01T00:00:00Z'), 'UTC'),
	title: 'Checkout outage',
	correctiveActions: [
		action('Alert on pool saturation', { trackerLink: 'https://acme.atlassian.net/browse/PAY-12' }),
		action('Load-test the pool', { trackerLink: 'https://gitlab.com/acme/pay/-/issues/7/', status: 'in-progress' }),
		action('Runbook', { trackerLink: 'PAY-13' }),
		action('Canary for config', { trackerLink: 'https://github.com/acme/pay/issues/3' }),
		action('No ticket yet')
	]
};
const items = actionItems([pm]);
const plan = (csv: string) => planTrackerStatuses(items, csv);
const moves = (csv: string) => plan(csv).changes.map((c) => [c.item.action.title, c.from, c.to, c.ticket]);

describe('reading CSV', () => {
	it('reads quoted cells with commas, doubled quotes and line breaks, CRLF or LF, and drops a BOM and blank lines', () => {
		expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",\n\n')).toEqual([
			['a', 'b'],
			['x, y', 'say "hi"'],
			['two\nlines', '']
		]);
		// Our own export reads back as it was written.
		const own = parseCsv(jiraCsv(items));
		expect(own[0]).toEqual(['Summary', 'Description', 'Issue Type', 'Priority', 'Due Date', 'Labels', 'Assignee']);
		expect(own[1][1]).toContain('Corrective action 1 of the postmortem “Checkout outage”.');
	});

	it('reads the statuses trackers write, and Jira’s resolution', () => {
		expect(actionStatusOf('Done')).toBe('done');
		expect(actionStatusOf('Done', "Won't Do")).toBe('wont-do');
		expect(actionStatusOf('closed')).toBe('done');
		expect(actionStatusOf('In Progress')).toBe('in-progress');
		expect(actionStatusOf('To Do')).toBe('open');
		expect(actionStatusOf('Reopened')).toBe('open');
		expect(actionStatusOf('WONT_FIX')).toBe('wont-do');
		expect(actionStatusOf('Needs a think')).toBeUndefined();
		expect(normalizeLink('HTTPS://GitLab.com/acme/pay/-/issues/7/?tab=notes#n1')).toBe('gitlab.com/acme/pay/-/issues/7');
		expect(normalizeLink('javascript:alert(1)')).toBe('');
	});
});

describe('a tracker’s CSV export read back', () => {
	it('matches Jira rows by issue key, in the link or written alone, and shows each change', () => {
		const csv = "Summary,Issue key,Status,Resolution\r\nAlert,PAY-12,Done,Done\r\nRunbook,PAY-13,Closed,Won't Do\r\nOther,PAY-99,Done,\r\n";
		expect(moves(csv)).toEqual([
			['Alert on pool saturation', 'open', 'done', 'PAY-12'],
			['Runbook', 'open', 'wont-do', 'PAY-13']
		]);
		expect(plan(csv).unmatched).toBe(1);
	});

	it('matches GitLab and GitHub rows by their URL however it is spelled, and counts what is already so', () => {
		const csv =
			'Title,URL,State\nLoad,https://GITLAB.com/acme/pay/-/issues/7,In progress\nCanary,https://github.com/acme/pay/issues/3/,closed\n';
		expect(moves(csv)).toEqual([['Canary for config', 'open', 'done', 'https://github.com/acme/pay/issues/3/']]);
		expect(plan(csv).unchanged).toBe(1);
	});

	it('leaves rows with a status it cannot read alone, and names those statuses', () => {
		const p = plan('key,status\nPAY-12,Needs a think\nPAY-13,Needs a think\n');
		expect(p.changes).toEqual([]);
		expect(p.unknownStatuses).toEqual(['Needs a think']);
	});

	it('refuses a file with no status column, or nothing to match by, saying why', () => {
		expect(() => plan('Summary,Issue key\nA,PAY-12\n')).toThrow(TrackerCsvError);
		expect(() => plan('Summary,Status\nA,Done\n')).toThrow(/Issue key.*URL/);
		expect(() => plan('{"format": "postmortem-workbench"}')).toThrow(/Status/);
		expect(() => plan('')).toThrow(/empty/);
	});
});
