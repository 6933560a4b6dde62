/**
 * Every participant's account: people remember different things. One person exports "my account"
 * (the timeline entries and notes they add) as a small file; the facilitator merges several
 * accounts into the timeline by time, sees whose account each entry comes from, which entries
 * describe the same moment, and where the accounts disagree.
 */

import { fingerprint } from './fingerprint';
import { FORMAT, FORMAT_VERSION, MAX_FIELD_CHARS, MAX_ID_CHARS, MAX_SHORT_CHARS } from './limits';
import { instantToWallClock, isValidTimeZone, isWallClock, wallClockToInstant } from './metrics';
import { MILESTONES, newId, type Milestone, type Postmortem, type TimelineEntry } from './model';
import { MILESTONE_LABELS } from './item-labels';

/** The `kind` of an account file (beside "postmortem" and "bundle"). */
export const ACCOUNT_KIND = 'account';

/** Most entries one account holds. */
export const MAX_ACCOUNT_ENTRIES = 5000;

/** One timeline entry of an account, its time a wall-clock time in the account's `timeZone`. */
export interface AccountEntry {
	at: string;
	who: string;
	what: string;
	milestone: Milestone | '';
	link: string;
	learnedLater: boolean;
}

/** One participant's account of an incident. */
export interface Account {
	/** Who gives this account. */
	author: string;
	/** The postmortem it was written in (its id and title), for the person merging it. */
	postmortemId: string;
	title: string;
	timeZone: string;
	entries: AccountEntry[];
	notes: string;
	exportedAt: string;
}

/** The account file of `author`: the chosen timeline entries of `pm` (all when `entryIds` is null) and their notes. */
export function toAccountJson(
	pm: Postmortem,
	author: string,
	{ entryIds = null, notes = '' }: { entryIds?: ReadonlySet<string> | null; notes?: string },
	now: Date = new Date()
): string {
	const entries = pm.timeline
		.filter((e) => (entryIds ? entryIds.has(e.id) : true) && (e.what.trim() || e.at))
		.map((e): AccountEntry => ({
			at: e.at,
			who: e.who,
			what: e.what,
			milestone: e.milestone,
			link: e.link,
			learnedLater: !!e.learnedLater
		}));
	return JSON.stringify(
		{
			format: FORMAT,
			kind: ACCOUNT_KIND,
			version: FORMAT_VERSION,
			exportedAt: now.toISOString(),
			account: { author: author.trim(), postmortemId: pm.id, title: pm.title, timeZone: pm.timeZone, entries, notes: notes.trim() }
		},
		null,
		2
	);
}

/** The people whose timeline entries name them, most entries first (to offer as "my name"). */
export function accountAuthors(pm: Pick<Postmortem, 'timeline'>): string[] {
	const counts = new Map<string, number>();
	for (const e of pm.timeline) if (e.who.trim()) counts.set(e.who.trim(), (counts.get(e.who.trim()) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([who]) => who);
}

/** An account read from a file, or why it could not be. */
export type AccountRead = { ok: true; account: Account } | { ok: false; error: string };

class AccountRefusal extends Error {}

const fail = (message: string): never => {
	throw new AccountRefusal(message);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, what: string, max: number): string {
	if (v === undefined || v === null) return '';
	if (typeof v !== 'string') return fail(`${what} must be text.`);
	if (v.length > max) fail(`${what} is longer than ${max.toLocaleString('en')} characters.`);
	return v;
}

/** Whether a parsed JSON file is an account file (so the library's import can point to the Timeline step). */
export function isAccountFile(data: unknown): boolean {
	return isRecord(data) && data.format === FORMAT && data.kind === ACCOUNT_KIND;
}

/** Read an account file. Anything wrong refuses the whole file with a message naming it. */
export function parseAccount(json: string): AccountRead {
	try {
		let data: unknown;
		try {
			data = JSON.parse(json);
		} catch {
			fail('It is not valid JSON.');
		}
		if (!isAccountFile(data)) fail('It is not an account exported by this app (“Export my account…” in a Timeline step).');
		const file = data as Record<string, unknown>;
		if (typeof file.version !== 'number' || file.version > FORMAT_VERSION)
			fail('It was exported by a newer version of the app. Please update the app and try again.');
		const a = file.account;
		if (!isRecord(a)) fail('It holds no account.');
		const account = a as Record<string, unknown>;
		const author = text(account.author, 'The author', MAX_SHORT_CHARS).trim();
		if (!author) fail('It does not say whose account it is.');
		const timeZone = text(account.timeZone, 'The time zone', MAX_SHORT_CHARS) || 'UTC';
		if (!isValidTimeZone(timeZone)) fail(`Its time zone “${timeZone.slice(0, 40)}” is not one this browser knows.`);
		if (!Array.isArray(account.entries)) fail('Its entries are not a list.');
		const list = account.entries as unknown[];
		if (list.length > MAX_ACCOUNT_ENTRIES) fail(`It has more than ${MAX_ACCOUNT_ENTRIES.toLocaleString('en')} entries.`);
		const entries = list.map((e, i): AccountEntry => {
			if (!isRecord(e)) return fail(`Entry ${i + 1} is not an entry.`);
			const at = text(e.at, `Entry ${i + 1}'s time`, MAX_SHORT_CHARS);
			if (at && !isWallClock(at)) fail(`Entry ${i + 1} has no valid time (“${at.slice(0, 40)}”).`);
			const milestone = text(e.milestone, `Entry ${i + 1}'s milestone`, MAX_SHORT_CHARS);
			return {
				at,
				who: text(e.who, `Entry ${i + 1}'s “who”`, MAX_FIELD_CHARS),
				what: text(e.what, `Entry ${i + 1}'s text`, MAX_FIELD_CHARS),
				milestone: (MILESTONES as readonly string[]).includes(milestone) ? (milestone as Milestone) : '',
				link: text(e.link, `Entry ${i + 1}'s link`, MAX_FIELD_CHARS),
				learnedLater: e.learnedLater === true
			};
		});
		return {
			ok: true,
			account: {
				author,
				postmortemId: text(account.postmortemId, 'The postmortem id', MAX_ID_CHARS),
				title: text(account.title, 'The title', MAX_FIELD_CHARS),
				timeZone,
				entries,
				notes: text(account.notes, 'The notes', MAX_FIELD_CHARS),
				exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt : ''
			}
		};
	} catch (e) {
		if (e instanceof AccountRefusal) return { ok: false, error: e.message };
		throw e;
	}
}

/** One entry of one account, its time in the postmortem's zone, ready to add. */
export interface AccountItem {
	author: string;
	entry: AccountEntry;
	/** A fingerprint of the entry and its author: the same account merged again adds nothing twice. */
	key: string;
	/** Whether the timeline holds it already (merged before). */
	added: boolean;
}

/** Entries of several accounts (and the timeline) that describe the same moment, and where they disagree. */
export interface Moment {
	/** The earliest time of its entries ('' when none has one). */
	at: string;
	items: AccountItem[];
	/** Timeline entries (not from these accounts) that describe the same moment. */
	timeline: TimelineEntry[];
	/** Where the accounts disagree, said in words ("Times differ: Ana 14:02, Ben 14:09"). */
	disagreements: string[];
}

/** How far apart two entries may be and still describe the same moment, in minutes. */
export const SAME_MOMENT_MINUTES = 10;

const STOP = new Set(
	'the a an and or but of to in on at for from with by was were is are be been it its this that we our they their i my me he she his her them then there as not no so up out into after before when while'.split(
		' '
	)
);

/** The content words of a text, lower case, lightly stemmed. */
function words(s: string): Set<string> {
	const out = new Set<string>();
	for (const w of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
		if (w.length < 3 || STOP.has(w)) continue;
		out.add(w.replace(/(?:ing|ed|es|s)$/, '') || w);
	}
	return out;
}

/** How much two texts share (Jaccard over their content words), 0 to 1. */
function similarity(a: Set<string>, b: Set<string>): number {
	if (!a.size || !b.size) return 0;
	let both = 0;
	for (const w of a) if (b.has(w)) both++;
	return both / (a.size + b.size - both);
}

const minutes = (at: string, zone: string) => (at ? (wallClockToInstant(at, zone) ?? NaN) / 60_000 : NaN);

/**
 * Merge accounts into moments, in time order: an entry joins a moment when it is at most
 * `SAME_MOMENT_MINUTES` from it and says the same (the same milestone, or enough of the same
 * words), and no entry of the same account is in it yet. Timeline entries that describe a moment
 * are shown with it; entries merged before are marked `added`.
 */
export function mergeAccounts(pm: Pick<Postmortem, 'timeline' | 'timeZone'>, accounts: readonly Account[]): Moment[] {
	const zone = pm.timeZone;
	const known = new Set(pm.timeline.flatMap((e) => (e.source ? [e.source.key] : [])));
	const items: Array<AccountItem & { t: number; w: Set<string> }> = [];
	for (const account of accounts)
		for (const original of account.entries) {
			const t = minutes(original.at, account.timeZone);
			const entry = { ...original, at: Number.isNaN(t) ? '' : instantToWallClock(t * 60_000, zone) };
			const key = fingerprint(original.at && `${original.at} ${account.timeZone}`, account.author, original.what);
			items.push({ author: account.author, entry, key, added: known.has(key), t, w: words(original.what) });
		}
	items.sort((a, b) => (Number.isNaN(a.t) ? 1 : Number.isNaN(b.t) ? -1 : a.t - b.t));

	type Open = Moment & { t: number[]; w: Set<string>[]; milestones: Set<string>; authors: Set<string> };
	const moments: Open[] = [];
	for (const item of items) {
		let best: Open | undefined;
		let bestScore = 0;
		for (const m of moments) {
			if (m.authors.has(item.author)) continue;
			const timed = !Number.isNaN(item.t) && m.t.length > 0;
			if (timed && m.t.some((t) => Math.abs(t - item.t) > SAME_MOMENT_MINUTES)) continue;
			if (!timed && (m.t.length > 0 || !Number.isNaN(item.t))) continue;
			const sameMilestone = item.entry.milestone !== '' && m.milestones.has(item.entry.milestone);
			const score = Math.max(sameMilestone ? 1 : 0, ...m.w.map((w) => similarity(w, item.w)));
			if (score >= (timed ? 0.3 : 0.5) && score > bestScore) {
				best = m;
				bestScore = score;
			}
		}
		if (!best) {
			best = { at: item.entry.at, items: [], timeline: [], disagreements: [], t: [], w: [], milestones: new Set(), authors: new Set() };
			moments.push(best);
		}
		best.items.push({ author: item.author, entry: item.entry, key: item.key, added: item.added });
		if (!Number.isNaN(item.t)) best.t.push(item.t);
		best.w.push(item.w);
		if (item.entry.milestone) best.milestones.add(item.entry.milestone);
		best.authors.add(item.author);
	}

	const fromAccounts = new Set(items.map((i) => i.key));
	const others = pm.timeline.filter((e) => !(e.source && fromAccounts.has(e.source.key)));
	return moments.map((m): Moment => {
		const mt = m.t;
		const timeline = others.filter((e) => {
			const t = minutes(e.at, zone);
			const near = Number.isNaN(t) ? mt.length === 0 : mt.length > 0 && mt.every((x) => Math.abs(x - t) <= SAME_MOMENT_MINUTES);
			if (!near) return false;
			const w = words(e.what);
			return (e.milestone !== '' && m.milestones.has(e.milestone)) || m.w.some((x) => similarity(x, w) >= 0.3);
		});
		return { at: m.items.find((i) => i.entry.at)?.entry.at ?? '', items: m.items, timeline, disagreements: disagreements(m.items) };
	});
}

/** Minutes from wall clock `a` to `b` (both in one zone, so read as UTC). */
const minutesBetween = (a: string, b: string) => ((wallClockToInstant(b, 'UTC') ?? 0) - (wallClockToInstant(a, 'UTC') ?? 0)) / 60_000;

/** Where the entries of one moment disagree: their times, or the milestone they mark it as. */
function disagreements(items: readonly AccountItem[]): string[] {
	if (new Set(items.map((i) => i.author)).size < 2) return [];
	const out: string[] = [];
	const timed = items.filter((i) => i.entry.at);
	const sorted = timed.map((i) => i.entry.at).sort();
	// A minute apart is the same moment told by two clocks; two or more is a different memory.
	if (sorted.length > 1 && minutesBetween(sorted[0], sorted[sorted.length - 1]) >= 2)
		out.push(`Times differ: ${timed.map((i) => `${i.author} ${i.entry.at.slice(11)}`).join(', ')}.`);
	const marked = items.filter((i) => i.entry.milestone);
	if (new Set(marked.map((i) => i.entry.milestone)).size > 1)
		out.push(`Milestones differ: ${marked.map((i) => `${i.author} “${MILESTONE_LABELS[i.entry.milestone as Milestone]}”`).join(', ')}.`);
	const later = items.filter((i) => i.entry.learnedLater);
	if (later.length && later.length < items.length)
		out.push(
			`${later.map((i) => i.author).join(', ')} learned it later; ${items
				.filter((i) => !i.entry.learnedLater)
				.map((i) => i.author)
				.join(', ')} knew it at the time.`
		);
	return out;
}

/** The timeline entry for an account's entry, remembering whose account it came from. */
export function accountEntry(item: AccountItem): TimelineEntry {
	const e = item.entry;
	return {
		id: newId(),
		at: e.at,
		who: e.who || item.author,
		what: e.what,
		link: e.link,
		milestone: e.milestone,
		...(e.learnedLater ? { learnedLater: true } : {}),
		source: { kind: 'account', author: item.author, key: item.key }
	};
}
