/**
 * Corrective actions handed to a tracker without any token or network call: CSV files that Jira's
 * and GitLab's importers take, a prefilled GitHub "new issue" address, and an .ics calendar.
 */

import { addDays, isPlainDate, type ActionItem } from './action-board';
import { DEFAULT_REVIEW_POLICY, postmortemDeadlines, type ReviewPolicy } from './deadlines';
import { UNTITLED } from './labels';
import { ACTION_KIND_LABELS, ACTION_STATUS_LABELS, PRIORITY_LABELS, TERM_LABELS } from './item-labels';
import type { Postmortem, Priority } from './model';

/**
 * One CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180), and a text a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) made
 * plain text with a leading apostrophe.
 */
export function csvCell(text: string): string {
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file from rows of cells, lines ended with CRLF (RFC 4180). */
export function toCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Jira's names for our priorities. */
const JIRA_PRIORITY: Record<Priority, string> = { critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low' };

/** The lines every tracker's description carries: where the action comes from and how we will know it worked. */
function descriptionLines(item: ActionItem): string[] {
	const a = item.action;
	const lines = [`Corrective action ${item.number} of the postmortem “${item.postmortemTitle || UNTITLED}”.`];
	if (a.successMeasure.trim()) lines.push('', `How we will know it worked: ${a.successMeasure.trim()}`);
	const facts = [
		a.kind && `Kind: ${ACTION_KIND_LABELS[a.kind]}`,
		a.term && `Term: ${TERM_LABELS[a.term]}`,
		a.priority && `Priority: ${PRIORITY_LABELS[a.priority]}`,
		a.owner.trim() && `Owner: ${a.owner.trim()}`,
		isPlainDate(a.dueDate) && `Due: ${a.dueDate}`,
		`Status: ${ACTION_STATUS_LABELS[a.status]}`
	].filter((x): x is string => !!x);
	lines.push('', ...facts);
	return lines;
}

/** The label every exported action carries, so the tracker can list what came from postmortems. */
export const TRACKER_LABEL = 'postmortem';

/** The columns of the Jira CSV, as its importer maps them. */
export const JIRA_COLUMNS = ['Summary', 'Description', 'Issue Type', 'Priority', 'Due Date', 'Labels', 'Assignee'] as const;

/** A CSV for Jira's importer: one Task per action, due dates in ISO form, the owner as assignee. */
export function jiraCsv(items: readonly ActionItem[]): string {
	const rows = items.map((item) => {
		const a = item.action;
		return [
			a.title.trim() || `Corrective action ${item.number}`,
			descriptionLines(item).join('\n'),
			'Task',
			a.priority ? JIRA_PRIORITY[a.priority] : '',
			isPlainDate(a.dueDate) ? a.dueDate : '',
			TRACKER_LABEL,
			a.owner.trim()
		];
	});
	return toCsv([[...JIRA_COLUMNS], ...rows]);
}

/** A GitLab user name the `/assign` quick action takes: one word, '@' optional. */
const GITLAB_USER = /^@?([A-Za-z0-9_][A-Za-z0-9_.-]*)$/;

/**
 * A CSV for GitLab's importer (title, description): labels, due date and, when the owner is written
 * as a user name, the assignee are quick actions at the end of the description.
 */
export function gitlabCsv(items: readonly ActionItem[]): string {
	const rows = items.map((item) => {
		const a = item.action;
		const quick = [`/label ~${TRACKER_LABEL}`];
		if (a.priority) quick.push(`/label ~"priority::${a.priority}"`);
		if (isPlainDate(a.dueDate)) quick.push(`/due ${a.dueDate}`);
		const user = GITLAB_USER.exec(a.owner.trim());
		if (user) quick.push(`/assign @${user[1]}`);
		return [a.title.trim() || `Corrective action ${item.number}`, [...descriptionLines(item), '', ...quick].join('\n')];
	});
	return toCsv([['title', 'description'], ...rows]);
}

/** The longest GitHub "new issue" address made: browsers and GitHub take about 8 KB. */
export const GITHUB_URL_MAX = 8000;

/** True for a GitHub repository written as owner/name. */
export function isGithubRepo(repo: string): boolean {
	return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(repo.trim());
}

/**
 * The address of GitHub's "new issue" page for `repo` (owner/name), prefilled with the action's
 * title, description and label; the description is shortened to keep the address within `max`.
 */
export function githubIssueUrl(repo: string, item: ActionItem, max = GITHUB_URL_MAX): string {
	const base = `https://github.com/${repo.trim()}/issues/new`;
	const title = item.action.title.trim() || `Corrective action ${item.number}`;
	const make = (body: string) => `${base}?${new URLSearchParams({ title, body, labels: TRACKER_LABEL })}`;
	let body = descriptionLines(item).join('\n');
	let url = make(body);
	if (url.length <= max) return url;
	// Cut the description until it fits (an encoded character takes up to 9 characters of address).
	const note = '\n\n… (shortened: the full text is in the postmortem)';
	let keep = body.length;
	while (url.length > max && keep > 0) {
		keep = Math.max(0, keep - Math.ceil((url.length - max) / 3) - 1);
		body = `${[...body].slice(0, keep).join('')}${note}`;
		url = make(body);
	}
	return url.length <= max ? url : make('').slice(0, max);
}

/** Text in an iCalendar property value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
function icsText(s: string): string {
	return s
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded at 75 octets, continuation lines starting with a space (RFC 5545 3.1). */
function fold(line: string): string {
	const bytes = new TextEncoder();
	const out: string[] = [];
	let current = '';
	let size = 0;
	for (const ch of line) {
		const n = bytes.encode(ch).length;
		if (size + n > (out.length ? 74 : 75)) {
			out.push(current);
			current = '';
			size = 0;
		}
		current += ch;
		size += n;
	}
	out.push(current);
	return out.join('\r\n ');
}

const icsDate = (date: string) => date.replace(/-/g, '');

/** One all-day event. */
function allDay(uid: string, date: string, summary: string, description: string, stamp: string): string[] {
	return [
		'BEGIN:VEVENT',
		`UID:${uid}`,
		`DTSTAMP:${stamp}`,
		`DTSTART;VALUE=DATE:${icsDate(date)}`,
		`DTEND;VALUE=DATE:${icsDate(addDays(date, 1))}`,
		`SUMMARY:${icsText(summary)}`,
		`DESCRIPTION:${icsText(description)}`,
		'END:VEVENT'
	];
}

/**
 * An iCalendar file with every due date of these actions (done and won't-do ones left out) and, for
 * each of their postmortems, the review meeting (its date, or the date it is due under `policy`) and
 * the look back a month after it while actions are open.
 */
export function actionsCalendar(
	items: readonly ActionItem[],
	postmortems: readonly Postmortem[],
	now: Date = new Date(),
	policy: ReviewPolicy = DEFAULT_REVIEW_POLICY
): string {
	const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
	const events: string[] = [];
	const ids = new Set(items.map((i) => i.postmortemId));
	for (const pm of postmortems) {
		if (!ids.has(pm.id)) continue;
		const title = pm.title || UNTITLED;
		if (isPlainDate(pm.meetingDate))
			events.push(
				...allDay(
					`review-${pm.id}@postmortem-workbench`,
					pm.meetingDate,
					`Postmortem review: ${title}`,
					`The review meeting of “${title}”.`,
					stamp
				)
			);
		for (const d of postmortemDeadlines(pm, policy)) {
			const [summary, text] =
				d.kind === 'review'
					? [`Postmortem review due: ${title}`, `The review meeting of “${title}” is due by this day.`]
					: [
							`Look back at corrective actions: ${title}`,
							`A month after the review of “${title}”: are its corrective actions done, and did they work?`
						];
			events.push(...allDay(`${d.kind}-due-${pm.id}@postmortem-workbench`, d.date, summary, text, stamp));
		}
	}
	for (const item of items) {
		const a = item.action;
		if (!isPlainDate(a.dueDate) || a.status === 'done' || a.status === 'wont-do') continue;
		const title = a.title.trim() || `Corrective action ${item.number}`;
		events.push(...allDay(`action-${a.id}@postmortem-workbench`, a.dueDate, `Due: ${title}`, descriptionLines(item).join('\n'), stamp));
	}
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Postmortem Workbench//Corrective actions//EN',
		'CALSCALE:GREGORIAN',
		...events,
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}
