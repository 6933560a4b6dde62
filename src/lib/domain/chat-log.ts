/**
 * Chat logs read into timeline candidates: Slack exports (a day's JSON file, or a whole export's
 * files), Slack and Teams text copied from the app, Zoom meeting chats, IRC logs (irssi, WeeChat,
 * ZNC) and generic dated lines. The format is recognised from the text; nothing is sent anywhere.
 */

import { fingerprint } from './fingerprint';
import { instantToWallClock, wallClockToInstant } from './metrics';
import type { Postmortem, TimelineEntry } from './model';
import { createTimelineEntry } from './parts';

/** The shapes `parseChatLog` recognises. */
export type ChatLogFormat = 'slack-export' | 'chat-copy' | 'zoom' | 'irc' | 'generic';

/** One message of a chat log: when (an ISO instant), who wrote it, what was said. */
export interface ChatMessage {
	at: string;
	who: string;
	text: string;
	/** The channel of a Slack export with several, else ''. */
	channel: string;
	/** A fingerprint of the message (time, author, text): the same message read again has the same key. */
	key: string;
}

/** What a log read as: its format, its messages in time order, and how many system lines were dropped. */
export interface ChatLog {
	format: ChatLogFormat | 'unknown';
	messages: ChatMessage[];
	/** Joins, leaves, topic changes and other lines that are not messages. */
	dropped: number;
}

/** How to read times a log gives without a date or an offset. */
export interface ChatLogOptions {
	/** The day ('YYYY-MM-DD') of a log whose lines carry only times: usually the incident's day. */
	date: string;
	/** The IANA zone of times without an offset: usually the incident's time zone. */
	timeZone: string;
	/** Slack user ids to names (an export's users.json), for messages that carry only an id. */
	users?: Readonly<Record<string, string>>;
}

/** At most this many messages are read from one log; the rest are left out (and `parseChatLog` says so by its count). */
export const MAX_CHAT_MESSAGES = 100_000;

/** Read a chat log pasted or dropped as text. Unrecognised text gives format 'unknown' and no messages. */
export function parseChatLog(text: string, options: ChatLogOptions): ChatLog {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (/^[[{]/.test(trimmed)) {
		const json = parseJson(trimmed);
		if (json !== undefined) return readSlackJson([{ channel: '', value: json }], options);
	}
	const lines = trimmed.split(/\r\n?|\n/);
	let best: LineFormat | undefined;
	let bestScore = 0;
	for (const f of LINE_FORMATS) {
		const score = scoreLines(f, lines);
		if (score > bestScore) [best, bestScore] = [f, score];
	}
	if (!best) return { format: 'unknown', messages: [], dropped: 0 };
	return readLines(best, lines, options);
}

/** One file of a Slack export: its path inside the export ('users.json', 'incident-42/2018-02-10.json') and its text. */
export interface ExportFile {
	path: string;
	text: string;
}

/** Read the files of a whole Slack export (the unzipped ZIP): names from users.json, every channel's days merged in time order. */
export function parseSlackExport(files: readonly ExportFile[], options: ChatLogOptions): ChatLog {
	const users: Record<string, string> = { ...options.users };
	const days: { channel: string; value: unknown }[] = [];
	for (const f of files) {
		const parts = f.path.replace(/\\/g, '/').split('/').filter(Boolean);
		const name = parts.at(-1) ?? '';
		if (name === 'users.json') {
			const list = parseJson(f.text);
			if (Array.isArray(list))
				for (const u of list) {
					if (!isRecord(u) || typeof u.id !== 'string') continue;
					const profile = isRecord(u.profile) ? u.profile : {};
					const n = str(u.real_name) || str(profile.real_name) || str(profile.display_name) || str(u.name);
					if (n) users[u.id] = n;
				}
		} else if (/^\d{4}-\d{2}-\d{2}\.json$/.test(name) && parts.length >= 2) {
			const value = parseJson(f.text);
			if (value !== undefined) days.push({ channel: parts.at(-2)!, value });
		}
	}
	const channels = new Set(days.map((d) => d.channel));
	// One channel needs no name on each message.
	return readSlackJson(channels.size > 1 ? days : days.map((d) => ({ ...d, channel: '' })), { ...options, users });
}

/** What a person may change in a message before it becomes a timeline entry. */
export interface ChatEntryEdit {
	/** 'YYYY-MM-DDTHH:mm' in the postmortem's zone. */
	at?: string;
	what?: string;
	milestone?: TimelineEntry['milestone'];
}

/** The timeline entry for one message, its time as a wall-clock time in `timeZone`, remembering the message it came from. */
export function chatEntry(m: ChatMessage, timeZone: string, edit: ChatEntryEdit = {}): TimelineEntry {
	return {
		...createTimelineEntry(edit.at ?? instantToWallClock(Date.parse(m.at), timeZone)),
		who: m.who,
		what: edit.what ?? m.text,
		milestone: edit.milestone ?? '',
		source: { kind: 'chat', author: m.who, key: m.key }
	};
}

/** The timeline entries for `messages` (see `chatEntry`), leaving out messages added before (by their key). */
export function chatEntries(pm: Pick<Postmortem, 'timeline' | 'timeZone'>, messages: readonly ChatMessage[]): TimelineEntry[] {
	const known = keysInTimeline(pm);
	return messages.filter((m) => !known.has(m.key)).map((m) => chatEntry(m, pm.timeZone));
}

/** The keys of the messages of a log that the timeline already holds (to show them as added). */
export function keysInTimeline(pm: Pick<Postmortem, 'timeline'>): Set<string> {
	return new Set(pm.timeline.flatMap((e) => (e.source ? [e.source.key] : [])));
}

// ---------------------------------------------------------------- helpers

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x.trim() : '');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function message(ms: number, who: string, text: string, channel = ''): ChatMessage {
	const at = new Date(ms).toISOString();
	const clean = text.replace(/\s+$/, '');
	return { at, who, text: clean, channel, key: fingerprint(at, who, clean) };
}

// ---------------------------------------------------------------- Slack JSON

/** Subtypes of a Slack export's messages that are not something somebody said. */
const SLACK_SYSTEM = new Set([
	'channel_join',
	'channel_leave',
	'channel_topic',
	'channel_purpose',
	'channel_name',
	'channel_archive',
	'channel_unarchive',
	'group_join',
	'group_leave',
	'group_topic',
	'group_purpose',
	'group_name',
	'pinned_item',
	'unpinned_item',
	'bot_add',
	'bot_remove',
	'reminder_add',
	'tombstone'
]);

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** Slack's markup of mentions, channels and links as the text a person reads. */
function slackText(text: string, users: Readonly<Record<string, string>>): string {
	return text
		.replace(/<([^<>]*)>/g, (_, inner: string) => {
			const [target, label] = inner.split('|', 2);
			if (target.startsWith('@')) return `@${label || users[target.slice(1)] || target.slice(1)}`;
			if (target.startsWith('#')) return `#${label || target.slice(1)}`;
			if (target.startsWith('!')) return `@${label || target.slice(1).replace(/\^.*/, '')}`;
			return label && label !== target ? `${label} (${target})` : target;
		})
		.replace(/&(?:lt|gt|amp);/g, (e) => ENTITIES[e]);
}

function readSlackJson(days: readonly { channel: string; value: unknown }[], options: ChatLogOptions): ChatLog {
	const users = options.users ?? {};
	const messages: ChatMessage[] = [];
	let dropped = 0;
	let any = false;
	for (const { channel, value } of days) {
		if (!Array.isArray(value)) continue;
		for (const m of value) {
			if (!isRecord(m) || typeof m.ts !== 'string' || !/^\d+(\.\d+)?$/.test(m.ts)) continue;
			any = true;
			const subtype = str(m.subtype);
			if (m.type !== 'message' || SLACK_SYSTEM.has(subtype)) {
				dropped++;
				continue;
			}
			const profile = isRecord(m.user_profile) ? m.user_profile : {};
			const bot = isRecord(m.bot_profile) ? m.bot_profile : {};
			const user = str(m.user);
			const who = str(profile.real_name) || str(profile.display_name) || users[user] || str(m.username) || str(bot.name) || user;
			let text = typeof m.text === 'string' ? m.text : '';
			// An alert posted by an integration often carries its words in attachments only.
			if (!text.trim() && Array.isArray(m.attachments))
				text = m.attachments
					.map((a) => (isRecord(a) ? str(a.fallback) || str(a.text) || str(a.title) : ''))
					.filter(Boolean)
					.join('\n');
			if (!text.trim() || messages.length >= MAX_CHAT_MESSAGES) continue;
			messages.push(message(Math.round(Number(m.ts) * 1000), who, slackText(text, users), channel));
		}
	}
	messages.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
	return { format: any ? 'slack-export' : 'unknown', messages, dropped };
}

// ---------------------------------------------------------------- line formats

/** What one line of a log is. */
type LineKind =
	/** A message starts: its time, author and the first part of its text (maybe empty, the text following on the next lines). */
	| { kind: 'message'; time: ClockTime; date?: string; offset?: number; who: string; text: string }
	/** A new message by the author of the last one (a chat copy shows only a time). */
	| { kind: 'same-author'; time: ClockTime }
	/** A line that is not a message (a join, a topic change). */
	| { kind: 'system' }
	/** The log moves to another day ("Day changed", a date divider). */
	| { kind: 'day'; date: string }
	/** Anything else: more text of the message before it. */
	| { kind: 'text' };

/** A time of day in seconds since midnight. */
type ClockTime = number;

interface LineFormat {
	format: ChatLogFormat;
	read(line: string, year: number): LineKind;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?`;

/** Seconds since midnight of a matched TIME (hours, minutes, seconds, a/p), or undefined when out of range. */
function clock(h: string, m: string, s: string | undefined, ap: string | undefined): ClockTime | undefined {
	let hours = Number(h);
	const minutes = Number(m);
	const seconds = s ? Number(s) : 0;
	if (ap) {
		if (hours < 1 || hours > 12) return undefined;
		hours = (hours % 12) + (/p/i.test(ap) ? 12 : 0);
	}
	if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
	return hours * 3600 + minutes * 60 + seconds;
}

/** 'YYYY-MM-DD' of a month name (or its first three letters), a day and a year; undefined when not a date. */
function dateOf(month: string, day: string, year: number | string): string | undefined {
	const mi = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
	const d = Number(day);
	if (mi < 0 || d < 1 || d > 31) return undefined;
	return `${String(year).padStart(4, '0')}-${String(mi + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Lines that say somebody joined, left or changed the channel, in the words chat apps use (a name of up to four words may come first). */
const SYSTEM_LINE =
	/^(?:\S+(?: \S+){0,3} )?(?:has )?(?:joined|left|was added to|was removed from) (?:#|the (?:channel|chat|conversation|meeting))|^(?:\S+(?: \S+){0,3} )?(?:has )?(?:set|changed|cleared|renamed) the (?:channel |chat )?(?:topic|description|purpose|name)\b/i;

// A name as chat apps show it: a handle, or a few words (particles such as "van" or "de" in lower case).
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'du', 'la', 'le', 'bin', 'al', 'el', 'y', 'dos', 'das']);
function looksLikeName(s: string): boolean {
	if (s.length === 0 || s.length > 60 || /[.:,;!?]$/.test(s) || /^[-*>#]/.test(s)) return false;
	const words = s.split(/\s+/);
	if (words.length === 1) return /^[\p{L}\p{N}@][\p{L}\p{N}._'’@-]*(?:\s*\([^()]{1,30}\))?$/u.test(s);
	if (words.length > 5) return false;
	return words.every(
		(w, i) => /^[\p{Lu}\p{N}(@]/u.test(w) || (i > 0 && PARTICLES.has(w)) || /^\([^()]*\)?$/.test(w) || /^[^\p{L}]+$/u.test(w)
	);
}

const ZOOM_NEW = new RegExp(String.raw`^${TIME}\s+From\s+(.+?)\s+to\s+(.+?)\s*:\s*(.*)$`, 'i');
const ZOOM_OLD = new RegExp(String.raw`^${TIME}\s+From\s+(.+?)\s*:\s*(.*)$`, 'i');
const IRSSI = new RegExp(String.raw`^\[?${TIME}\]?\s+<[ @+%&~]?([^>\s]+)>\s?(.*)$`);
const IRC_ACTION = new RegExp(String.raw`^\[?${TIME}\]?\s+\*\s+([^\s*]+)\s(.*)$`);
const IRC_SYSTEM = new RegExp(String.raw`^\[?${TIME}\]?\s+(?:-!-|\*\*\*|--|->|<-|-->|<--)\s`);
const IRC_DAY = /^---\s+(?:Day changed|Log opened)\s+(?:\w{3},?\s+)?(\w{3,9})\s+(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(\d{4})/i;
const WEECHAT = /^(\d{4}-\d{2}-\d{2})\s(\d{2}):(\d{2}):(\d{2})\t([^\t]*)\t(.*)$/;
const GENERIC = new RegExp(
	String.raw`^\[?(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?\]?\s*(?:[-–|]\s*)?(.+?):\s+(.*)$`
);
const COPY_NAME_FIRST = new RegExp(String.raw`^(.+?)[\s,·–-]*\s\[?${TIME}\]?$`);
const COPY_TIME_FIRST = new RegExp(String.raw`^\[${TIME}\]\s*(.+)$`);
const COPY_TIME_ONLY = new RegExp(String.raw`^\[?${TIME}\]?$`);
const DAY_DIVIDER =
	/^(?:today|yesterday|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:,?\s+(\w+)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?)?|(\w+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))$/i;

function offsetMinutes(zone: string | undefined): number | undefined {
	if (!zone) return undefined;
	if (zone === 'Z' || zone === 'UTC') return 0;
	const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
	return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const LINE_FORMATS: readonly LineFormat[] = [
	{
		format: 'zoom',
		read(line) {
			const to = ZOOM_NEW.exec(line);
			const m = to ?? ZOOM_OLD.exec(line);
			if (!m) return { kind: 'text' };
			const time = clock(m[1], m[2], m[3], m[4]);
			if (time === undefined) return { kind: 'text' };
			return { kind: 'message', time, who: m[5].trim(), text: (to ? m[7] : m[6]) ?? '' };
		}
	},
	{
		format: 'irc',
		read(line, year) {
			const day = IRC_DAY.exec(line);
			if (day) {
				const date = dateOf(day[1], day[2], day[3] ?? year);
				return date ? { kind: 'day', date } : { kind: 'system' };
			}
			if (/^---\s/.test(line)) return { kind: 'system' };
			const w = WEECHAT.exec(line);
			if (w) {
				const nick = w[5].trim();
				if (/^(?:-->|<--|--|=!=|-|\s*\*?)$/.test(nick) || nick === '') return { kind: 'system' };
				const time = clock(w[2], w[3], w[4], undefined)!;
				return { kind: 'message', time, date: w[1], who: nick.replace(/^[@+%&~]/, ''), text: w[6] };
			}
			if (IRC_SYSTEM.test(line)) return { kind: 'system' };
			const m = IRSSI.exec(line) ?? IRC_ACTION.exec(line);
			if (!m) return { kind: 'text' };
			const time = clock(m[1], m[2], m[3], m[4]);
			if (time === undefined) return { kind: 'text' };
			const action = !IRSSI.test(line);
			return { kind: 'message', time, who: m[5], text: action ? `* ${m[5]} ${m[6]}` : m[6] };
		}
	},
	{
		format: 'generic',
		read(line) {
			const m = GENERIC.exec(line);
			if (!m) return { kind: 'text' };
			const time = clock(m[2], m[3], m[4], undefined);
			const who = m[6].trim();
			if (time === undefined || !looksLikeName(who)) return { kind: 'text' };
			return { kind: 'message', time, date: m[1], offset: offsetMinutes(m[5]), who, text: m[7] };
		}
	},
	{
		format: 'chat-copy',
		read(line, year) {
			const t = line.trim();
			const only = COPY_TIME_ONLY.exec(t);
			if (only) {
				const time = clock(only[1], only[2], only[3], only[4]);
				return time === undefined ? { kind: 'text' } : { kind: 'same-author', time };
			}
			const first = COPY_TIME_FIRST.exec(t);
			if (first && looksLikeName(first[5].trim())) {
				const time = clock(first[1], first[2], first[3], first[4]);
				if (time !== undefined) return { kind: 'message', time, who: first[5].trim(), text: '' };
			}
			const named = COPY_NAME_FIRST.exec(t);
			if (named && looksLikeName(named[1].trim())) {
				const time = clock(named[2], named[3], named[4], named[5]);
				if (time !== undefined) return { kind: 'message', time, who: named[1].trim(), text: '' };
			}
			const divider = DAY_DIVIDER.exec(t);
			if (divider) {
				const date = divider[1]
					? dateOf(divider[1], divider[2], divider[3] ?? year)
					: divider[4]
						? dateOf(divider[4], divider[5], divider[6])
						: undefined;
				if (date) return { kind: 'day', date };
				if (!divider[4]) return { kind: 'system' }; // "Today", "Yesterday": the given date stands
			}
			if (SYSTEM_LINE.test(t)) return { kind: 'system' };
			return { kind: 'text' };
		}
	}
];

/** How many of the first lines read as a message start in format `f`. */
function scoreLines(f: LineFormat, lines: readonly string[]): number {
	let score = 0;
	let seen = 0;
	for (const line of lines) {
		if (line.trim() === '') continue;
		if (++seen > 400) break;
		const k = f.read(line, 2000).kind;
		if (k === 'message') score += 2;
		else if (k === 'day' || (k === 'system' && f.format !== 'chat-copy')) score += 1;
	}
	// A copy's headers are lines of their own, which a time in a sentence of another format rarely makes.
	return f.format === 'chat-copy' ? score * 0.9 : score;
}

function readLines(f: LineFormat, lines: readonly string[], options: ChatLogOptions): ChatLog {
	const messages: ChatMessage[] = [];
	let dropped = 0;
	let date = /^\d{4}-\d{2}-\d{2}$/.test(options.date) ? options.date : new Date().toISOString().slice(0, 10);
	let last: ClockTime | undefined;
	let current: { ms: number; who: string; lines: string[] } | undefined;
	let lastWho: string | undefined;
	const end = () => {
		if (!current) return;
		const text = current.lines.join('\n').trim();
		if (text && messages.length < MAX_CHAT_MESSAGES) messages.push(message(current.ms, current.who, text));
		current = undefined;
	};
	const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	const instant = (day: string, time: ClockTime, offset: number | undefined) => {
		const hm = `${day}T${String(Math.floor(time / 3600)).padStart(2, '0')}:${String(Math.floor(time / 60) % 60).padStart(2, '0')}`;
		const seconds = (time % 60) * 1000;
		if (offset !== undefined) return Date.parse(`${hm}:00Z`) - offset * 60_000 + seconds;
		return (wallClockToInstant(hm, options.timeZone) ?? Date.parse(`${hm}:00Z`)) + seconds;
	};
	for (const line of lines) {
		const k = f.read(line, Number(date.slice(0, 4)));
		if (k.kind === 'day') {
			end();
			date = k.date;
			last = undefined;
		} else if (k.kind === 'system') {
			end();
			dropped++;
		} else if (k.kind === 'message' || (k.kind === 'same-author' && lastWho !== undefined)) {
			const who = k.kind === 'message' ? k.who : lastWho!;
			lastWho = who;
			end();
			if (k.kind === 'message' && k.date) date = k.date;
			// A log with times only: a clock going backwards means midnight has passed.
			else if (last !== undefined && k.time < last) date = nextDay(date);
			last = k.time;
			current = {
				ms: instant(date, k.time, k.kind === 'message' ? k.offset : undefined),
				who,
				lines: k.kind === 'message' && k.text ? [k.text] : []
			};
		} else if (current) current.lines.push(line.replace(/^\t/, '')); // Zoom indents a message's lines with a tab
	}
	end();
	return { format: f.format, messages, dropped };
}
