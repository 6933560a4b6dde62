/**
 * A tracker's CSV export read back: the status of each ticket, matched to the corrective actions
 * whose tracker link names it (by its link or its key), as changes to show before they are applied.
 */

import type { ActionItem } from './action-board';
import type { ActionStatus } from './model';

/** The largest tracker export read (a tracker's whole project is a few MB). */
export const MAX_TRACKER_CSV_BYTES = 32 * 1024 * 1024;

/** A file that is not a tracker's CSV export we can read; the message says why, for the person. */
export class TrackerCsvError extends Error {
	override name = 'TrackerCsvError';
}

/** Rows of CSV text (RFC 4180): quoted cells may hold commas, doubled quotes and line breaks; a BOM is dropped. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const s = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (quoted) {
			if (c === '"' && s[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && s[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += c;
	}
	if (cell !== '' || row.length) {
		row.push(cell);
		rows.push(row);
	}
	return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const KEY_COLUMNS = ['issue key', 'key', 'ticket', 'ticket key', 'issue'];
const LINK_COLUMNS = ['url', 'link', 'issue url', 'web url', 'web_url', 'html_url', 'html url', 'tracker link'];
const STATUS_COLUMNS = ['status', 'state', 'issue status'];
const RESOLUTION_COLUMNS = ['resolution'];

/** A ticket key such as PAY-123 (Jira, YouTrack, Linear). */
const TICKET_KEY = /\b([A-Z][A-Z0-9_]{0,30}-\d{1,9})\b/;

/** A link written so that two spellings of one address compare equal: no scheme, query, fragment or trailing slash; host in lower case. */
export function normalizeLink(link: string): string {
	const t = link.trim();
	try {
		const u = new URL(t);
		if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
		return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
	} catch {
		return '';
	}
}

/** What a tracker link names: its normalised address and, where it has one, its ticket key. */
function ticketsOf(trackerLink: string): string[] {
	const out: string[] = [];
	const link = normalizeLink(trackerLink);
	if (link) out.push(`link:${link}`);
	const key = TICKET_KEY.exec(trackerLink.trim())?.[1];
	if (key) out.push(`key:${key}`);
	return out;
}

/**
 * Our status for a tracker's status (and Jira's resolution): done, won't do, in progress or open;
 * undefined for a status we cannot read.
 */
export function actionStatusOf(status: string, resolution = ''): ActionStatus | undefined {
	const words = (s: string) => s.toLowerCase().replace(/[’']/g, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
	const r = words(resolution);
	if (/^(wont (do|fix)|declined|rejected|cancell?ed|duplicate|obsolete|not a bug|cannot reproduce)$/.test(r)) return 'wont-do';
	const s = words(status);
	if (/^(wont (do|fix)|wontfix|declined|rejected|cancell?ed|abandoned|obsolete|duplicate|not planned|closed as not planned)$/.test(s))
		return 'wont-do';
	if (/^(done|closed|resolved|complete|completed|fixed|released|shipped|merged|finished|verified)$/.test(s)) return 'done';
	if (/^(in progress|in review|review|in development|doing|started|in testing|testing|qa|code review|under review|blocked)$/.test(s))
		return 'in-progress';
	if (/^(to do|todo|open|opened|new|backlog|reopened|selected for development|ready|triage|planned|not started)$/.test(s)) return 'open';
	return undefined;
}

/** One action whose status the file changes. */
export interface TrackerStatusChange {
	item: ActionItem;
	from: ActionStatus;
	to: ActionStatus;
	/** The ticket as the file names it (its key or link). */
	ticket: string;
	/** The status as the tracker writes it. */
	trackerStatus: string;
}

/** What a tracker's CSV would change, before anything is applied. */
export interface TrackerStatusPlan {
	changes: TrackerStatusChange[];
	/** Actions the file names whose status is already the same. */
	unchanged: number;
	/** Rows that name no action here (by key or link). */
	unmatched: number;
	/** Statuses the file uses that we cannot read (their rows change nothing). */
	unknownStatuses: string[];
}

const columnOf = (header: string[], names: readonly string[]) => header.findIndex((h) => names.includes(h.trim().toLowerCase()));

/**
 * The status changes a tracker's CSV export makes to `items`: each row's ticket (its key column or
 * its link column) is matched to the actions whose tracker link names it. Throws TrackerCsvError
 * when the file has no status column or nothing to match by.
 */
export function planTrackerStatuses(items: readonly ActionItem[], csv: string): TrackerStatusPlan {
	const [header, ...rows] = parseCsv(csv);
	if (!header) throw new TrackerCsvError('The file is empty.');
	const status = columnOf(header, STATUS_COLUMNS);
	const key = columnOf(header, KEY_COLUMNS);
	const link = columnOf(header, LINK_COLUMNS);
	const resolution = columnOf(header, RESOLUTION_COLUMNS);
	if (status < 0) throw new TrackerCsvError('The file has no “Status” or “State” column, so it cannot say where tickets stand.');
	if (key < 0 && link < 0)
		throw new TrackerCsvError('The file has no “Issue key” or “URL” column, so its tickets cannot be matched to corrective actions.');

	const byTicket = new Map<string, ActionItem[]>();
	for (const item of items) for (const t of ticketsOf(item.action.trackerLink)) byTicket.set(t, [...(byTicket.get(t) ?? []), item]);

	const plan: TrackerStatusPlan = { changes: [], unchanged: 0, unmatched: 0, unknownStatuses: [] };
	const seen = new Set<string>();
	for (const row of rows) {
		const k = key >= 0 ? TICKET_KEY.exec(row[key] ?? '')?.[1] : undefined;
		const l = link >= 0 ? normalizeLink(row[link] ?? '') : '';
		const matched = [...(k ? (byTicket.get(`key:${k}`) ?? []) : []), ...(l ? (byTicket.get(`link:${l}`) ?? []) : [])];
		if (!matched.length) {
			plan.unmatched++;
			continue;
		}
		const trackerStatus = (row[status] ?? '').trim();
		const to = actionStatusOf(trackerStatus, resolution >= 0 ? (row[resolution] ?? '') : '');
		if (!to) {
			if (trackerStatus && !plan.unknownStatuses.includes(trackerStatus)) plan.unknownStatuses.push(trackerStatus);
			continue;
		}
		for (const item of matched) {
			const id = `${item.postmortemId}\n${item.action.id}`;
			if (seen.has(id)) continue;
			seen.add(id);
			if (item.action.status === to) plan.unchanged++;
			else plan.changes.push({ item, from: item.action.status, to, ticket: k ?? (row[link] ?? '').trim(), trackerStatus });
		}
	}
	return plan;
}
