/**
 * The Actions page: every corrective action of every postmortem, what is due, and the in-place
 * edits of its status, owner and due date (written into the action's own postmortem).
 */

import { ACTION_STATUSES, PRIORITIES, type ActionStatus, type CorrectiveAction, type Postmortem, type Severity } from './model';
import { UNTITLED } from './labels';

/** A corrective action as the Actions page lists it, with the postmortem it belongs to. */
export interface ActionItem {
	postmortemId: string;
	/** The postmortem's title ('' when it has none). */
	postmortemTitle: string;
	severity: Severity;
	/** 'YYYY-MM-DDTHH:mm' or ''. */
	incidentDate: string;
	/** Its number in the postmortem's list, as the editor and the exports show it (1 for the first). */
	number: number;
	action: CorrectiveAction;
}

/** Where an action stands against its due date on `today`. */
export type ActionDue = 'overdue' | 'due-soon' | 'later' | 'no-date' | 'done' | 'wont-do';

/** Display labels for where an action stands, as the groups by due date are headed. */
export const ACTION_DUE_LABELS: Record<ActionDue, string> = {
	overdue: 'Overdue',
	'due-soon': 'Due within a week',
	later: 'Due later',
	'no-date': 'No due date',
	done: 'Done',
	'wont-do': "Won't do"
};

/** An open action due within this many days (today included) is "due soon". */
export const DUE_SOON_DAYS = 7;

/** Which actions the page shows: the open ones (in progress included) by default. */
export const ACTION_SHOWS = {
	open: 'Open',
	overdue: 'Overdue',
	'due-soon': 'Due within a week',
	done: 'Done',
	'wont-do': "Won't do",
	all: 'All'
} as const;
export type ActionShow = keyof typeof ACTION_SHOWS;

/** How the shown actions are grouped. */
export const ACTION_GROUPS = {
	due: 'Due date',
	owner: 'Owner',
	postmortem: 'Postmortem'
} as const;
export type ActionGroup = keyof typeof ACTION_GROUPS;

/** What the Actions page shows, as its address keeps it (`/actions?show=overdue&group=owner&q=pool`). */
export interface ActionBoardView {
	show: ActionShow;
	group: ActionGroup;
	/** Words every shown action matches (in its title, owner, or its postmortem's title), or ''. */
	q: string;
}

/** The view a bare `/actions` shows. */
export const DEFAULT_BOARD_VIEW: ActionBoardView = { show: 'open', group: 'due', q: '' };

/** A group of shown actions under its heading. */
export interface ActionGroupOf {
	key: string;
	label: string;
	items: ActionItem[];
}

/** The owner group's heading for actions nobody owns yet. */
export const NO_OWNER = 'No owner yet';

/** Every corrective action of these postmortems, postmortem by postmortem, in each one's order. */
export function actionItems(pms: readonly Postmortem[]): ActionItem[] {
	return pms.flatMap((pm) =>
		pm.correctiveActions.map((action, i) => ({
			postmortemId: pm.id,
			postmortemTitle: pm.title,
			severity: pm.severity,
			incidentDate: pm.incidentDate,
			number: i + 1,
			action
		}))
	);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isPlainDate(s: string): boolean {
	const m = DATE.exec(s);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The calendar date `days` after `date` ('YYYY-MM-DD'; negative goes back). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** `now` as a calendar date ('YYYY-MM-DD') where the person is (the machine's own time zone). */
export function localDate(now: Date = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Where `action` stands on `today` ('YYYY-MM-DD'): done or won't do, else by its due date. */
export function actionDue(action: Pick<CorrectiveAction, 'status' | 'dueDate'>, today: string): ActionDue {
	if (action.status === 'done') return 'done';
	if (action.status === 'wont-do') return 'wont-do';
	if (!isPlainDate(action.dueDate)) return 'no-date';
	if (action.dueDate < today) return 'overdue';
	return action.dueDate <= addDays(today, DUE_SOON_DAYS - 1) ? 'due-soon' : 'later';
}

/** Whether an action that stands at `due` is among those `show` asks for. */
function shows(show: ActionShow, due: ActionDue): boolean {
	switch (show) {
		case 'all':
			return true;
		case 'open':
			return due !== 'done' && due !== 'wont-do';
		default:
			return due === show;
	}
}

/** How many actions each choice of `show` would list. */
export function showCounts(items: readonly ActionItem[], today: string): Record<ActionShow, number> {
	const counts = Object.fromEntries(Object.keys(ACTION_SHOWS).map((k) => [k, 0])) as Record<ActionShow, number>;
	for (const item of items) {
		const due = actionDue(item.action, today);
		for (const show of Object.keys(ACTION_SHOWS) as ActionShow[]) if (shows(show, due)) counts[show]++;
	}
	return counts;
}

const words = (q: string) => q.toLowerCase().split(/\s+/).filter(Boolean);

/** True when every word of `q` is in the action's title, owner, or its postmortem's title. */
function matches(item: ActionItem, q: string[]): boolean {
	if (!q.length) return true;
	const text = `${item.action.title}\n${item.action.owner}\n${item.postmortemTitle || UNTITLED}`.toLowerCase();
	return q.every((w) => text.includes(w));
}

const DUE_ORDER: readonly ActionDue[] = ['overdue', 'due-soon', 'later', 'no-date', 'done', 'wont-do'];
const priorityRank = (a: CorrectiveAction) => (a.priority ? PRIORITIES.indexOf(a.priority) : PRIORITIES.length);

/** Soonest due first (no date last), then the most urgent, then as each postmortem lists them. */
function byDue(a: ActionItem, b: ActionItem): number {
	const da = isPlainDate(a.action.dueDate) ? a.action.dueDate : '\uffff';
	const db = isPlainDate(b.action.dueDate) ? b.action.dueDate : '\uffff';
	if (da !== db) return da < db ? -1 : 1;
	return priorityRank(a.action) - priorityRank(b.action);
}

/** The actions `view` shows, grouped and ordered: groups by due date in the order of urgency, others by name. */
export function boardGroups(items: readonly ActionItem[], view: ActionBoardView, today: string): ActionGroupOf[] {
	const q = words(view.q);
	const shown = items.filter((item) => shows(view.show, actionDue(item.action, today)) && matches(item, q));
	const groups = new Map<string, ActionGroupOf>();
	const groupOf = (key: string, label: string) => {
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { key, label, items: [] }));
		return g;
	};
	for (const item of [...shown].sort(byDue)) {
		if (view.group === 'due') {
			const due = actionDue(item.action, today);
			groupOf(due, ACTION_DUE_LABELS[due]).items.push(item);
		} else if (view.group === 'owner') {
			const owner = item.action.owner.trim();
			// Owners written with other capitals or spaces are one person.
			groupOf(owner ? `o:${owner.toLowerCase().replace(/\s+/g, ' ')}` : '', owner || NO_OWNER).items.push(item);
		} else groupOf(`p:${item.postmortemId}`, item.postmortemTitle || UNTITLED).items.push(item);
	}
	const all = [...groups.values()];
	if (view.group === 'due') return all.sort((a, b) => DUE_ORDER.indexOf(a.key as ActionDue) - DUE_ORDER.indexOf(b.key as ActionDue));
	// The actions nobody owns come first: they are the ones that need someone.
	if (view.group === 'owner') return all.sort((a, b) => (!a.key ? -1 : !b.key ? 1 : a.label.localeCompare(b.label)));
	return all.sort((a, b) => a.label.localeCompare(b.label));
}

/** The view in a page address; anything unknown reads as the default. */
export function boardViewFromParams(params: URLSearchParams): ActionBoardView {
	const show = params.get('show') ?? '';
	const group = params.get('group') ?? '';
	return {
		show: show in ACTION_SHOWS ? (show as ActionShow) : DEFAULT_BOARD_VIEW.show,
		group: group in ACTION_GROUPS ? (group as ActionGroup) : DEFAULT_BOARD_VIEW.group,
		q: (params.get('q') ?? '').slice(0, 200)
	};
}

/** Write the view into `params`, leaving out what is at its default. */
export function boardViewToParams(view: ActionBoardView, params: URLSearchParams): void {
	for (const key of ['show', 'group', 'q'] as const) {
		const v = key === 'q' ? view.q.trim() : view[key];
		if (v && v !== DEFAULT_BOARD_VIEW[key]) params.set(key, v);
		else params.delete(key);
	}
}

/** The longest owner the Actions page takes: a name or two, well inside the model's limit on any field. */
export const MAX_OWNER_CHARS = 500;

/** What the Actions page can change of an action in place. */
export type ActionPatch = Partial<Pick<CorrectiveAction, 'status' | 'owner' | 'dueDate'>>;

/** Why a patch was refused, or '' when it is fine. */
export function checkActionPatch(patch: ActionPatch): string {
	if (patch.status !== undefined && !(ACTION_STATUSES as readonly string[]).includes(patch.status)) return 'That is not a status.';
	if (patch.dueDate !== undefined && patch.dueDate !== '' && !isPlainDate(patch.dueDate))
		return 'A due date is a date, such as 2026-03-31.';
	if (patch.owner !== undefined && (typeof patch.owner !== 'string' || patch.owner.length > MAX_OWNER_CHARS))
		return 'That owner is too long.';
	return '';
}

/**
 * The postmortem with `patch` applied to action `actionId`; undefined when it has no such action
 * (removed meanwhile). Throws on a patch `checkActionPatch` refuses. Only the patch's own fields change.
 */
export function applyActionPatch(pm: Postmortem, actionId: string, patch: ActionPatch): Postmortem | undefined {
	const why = checkActionPatch(patch);
	if (why) throw new RangeError(why);
	const i = pm.correctiveActions.findIndex((a) => a.id === actionId);
	if (i < 0) return undefined;
	const own: ActionPatch = {};
	if (patch.status !== undefined) own.status = patch.status as ActionStatus;
	if (patch.owner !== undefined) own.owner = patch.owner;
	if (patch.dueDate !== undefined) own.dueDate = patch.dueDate;
	const correctiveActions = pm.correctiveActions.slice();
	correctiveActions[i] = { ...correctiveActions[i], ...own };
	return { ...pm, correctiveActions };
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How a due date reads on `today`: "Overdue by 3 days", "Due today", "Due in 5 days" ('' without a date). */
export function dueText(dueDate: string, today: string): string {
	if (!isPlainDate(dueDate)) return '';
	const n = daysBetween(today, dueDate);
	const days = (k: number) => `${k} day${k === 1 ? '' : 's'}`;
	if (n < 0) return `Overdue by ${days(-n)}`;
	if (n === 0) return 'Due today';
	if (n === 1) return 'Due tomorrow';
	return `Due in ${days(n)}`;
}
