/**
 * Reads postmortems written elsewhere (wikis, repositories, published templates and write-ups) from
 * Markdown: headings by their usual names at any level and in any case, overview lines such as
 * `**Date:** …`, timelines as tables or lists, action items as tables or lists, YAML front matter.
 * Nothing is dropped: what maps to no field goes to Supporting information under its own heading,
 * and every field read is reported with where it came from, for the person to check before saving.
 */

import type { Token, Tokens } from 'marked';
import { createPostmortem, newId, type CorrectiveAction, type Postmortem } from './model';
import { createContributingFactor, createCorrectiveAction, createTimelineEntry } from './parts';
import { instantToWallClock, isDateOnly, isValidTimeZone, isWallClock, wallClockToInstant } from './metrics';
import { normalizeMarkdown, UNTITLED } from './markdown';
import { blockTokens, itemText, refuse } from './markdown-read';
import type { FrontMatter } from './front-matter';
import type { ActionStatus, ActionKind, FactorKind, Milestone, Priority, Severity, Status, TimelineEntry } from './model';

import type { RecognisedField } from './schema';

/** A postmortem read from foreign Markdown, with what was recognised in it. */
export interface ForeignRead {
	pm: Postmortem;
	recognised: RecognisedField[];
	warnings: string[];
}

type TextField =
	| 'summary'
	| 'impact'
	| 'trigger'
	| 'detection'
	| 'resolution'
	| 'wentWell'
	| 'wentWrong'
	| 'gotLucky'
	| 'lessons'
	| 'supportingInfo'
	| 'publicSummary'
	| 'riskAccepted'
	| 'finalNote';
type Target = TextField | 'timeline' | 'factors' | 'actions' | 'participants' | 'metadata' | 'parkingLot';

/** Field labels as the editor shows them. */
const FIELD_LABELS: Record<TextField | 'timeline' | 'factors' | 'actions' | 'participants' | 'parkingLot', string> = {
	parkingLot: 'Parking lot',
	summary: 'Summary',
	impact: 'Impact',
	trigger: 'Trigger',
	detection: 'Detection',
	resolution: 'Resolution',
	wentWell: 'What went well',
	wentWrong: 'What went wrong',
	gotLucky: 'Where we got lucky',
	lessons: 'Lessons learned',
	supportingInfo: 'Supporting information',
	publicSummary: 'Public summary',
	riskAccepted: 'Accepted risk',
	finalNote: 'Final note',
	timeline: 'Timeline',
	factors: 'Contributing factors',
	actions: 'Corrective actions',
	participants: 'Participants'
};

/** Section names people use, by the field they fill (matched whole or as the start of a heading). */
const SECTION_NAMES: Record<Target, readonly string[]> = {
	summary: [
		'summary',
		'issue summary',
		'incident summary',
		'executive summary',
		'overview',
		'incident overview',
		'what happened',
		'description',
		'incident description',
		'tl;dr',
		'tldr',
		'abstract',
		'synopsis'
	],
	impact: ['impact', 'customer impact', 'user impact', 'business impact', 'impact assessment', 'blast radius'],
	trigger: ['trigger', 'triggers', 'what triggered it'],
	detection: [
		'detection',
		'how was it detected',
		'how it was detected',
		'how we detected it',
		'how was the incident detected',
		'discovery'
	],
	resolution: [
		'resolution',
		'resolution and recovery',
		'recovery',
		'mitigation',
		'mitigation and resolution',
		'remediation',
		'how it was resolved',
		'how we fixed it',
		'response and recovery',
		'fix'
	],
	timeline: ['timeline', 'incident timeline', 'timeline of events', 'detailed timeline', 'chronology', 'sequence of events', 'events'],
	factors: [
		'root cause',
		'root causes',
		'root cause analysis',
		'contributing factors',
		'contributing factor',
		'causes',
		'cause',
		'why did it happen',
		'why it happened',
		'what caused it',
		'underlying causes'
	],
	wentWell: ['what went well', 'things that went well', 'went well', 'what worked', 'what went right', 'what worked well'],
	wentWrong: [
		'what went wrong',
		"what didn't go well",
		'what did not go well',
		"what didn't go so well",
		'things that went poorly',
		'things that went wrong',
		'what went poorly',
		'went wrong',
		'what could have gone better',
		'what could be improved',
		'what was difficult'
	],
	gotLucky: ['where we got lucky', 'where we were lucky', 'where did we get lucky', 'got lucky', 'lucky breaks', 'luck'],
	actions: [
		'action items',
		'actions',
		'corrective actions',
		'corrective and preventative measures',
		'corrective and preventive measures',
		'corrective and preventive actions',
		'corrective and preventative actions',
		'preventive measures',
		'preventative measures',
		'follow-up actions',
		'follow up actions',
		'follow-up items',
		'follow-ups',
		'followups',
		'remediation items',
		'remediation actions',
		'next steps',
		'action plan',
		'todo',
		'to do',
		'tasks'
	],
	lessons: ['lessons learned', 'lessons learnt', 'lessons', 'learnings', 'takeaways', 'key takeaways', 'what we learned'],
	participants: ['responders', 'participants', 'people involved', 'who was involved', 'incident team', 'attendees', 'people'],
	supportingInfo: ['supporting information', 'supporting info', 'supporting material', 'supporting documents'],
	publicSummary: ['public summary', 'customer-facing summary', 'external summary', 'customer communication'],
	riskAccepted: ['accepted risk', 'risk accepted', 'accepted risks'],
	finalNote: ['final note'],
	parkingLot: ['parking lot'],
	metadata: ['metadata', 'incident details', 'incident information', 'details', 'document information', 'info', 'incident metadata']
};

/** Every name, longest first, so "remediation items" wins over "remediation". */
const NAMES: ReadonlyArray<readonly [string, Target]> = (Object.entries(SECTION_NAMES) as [Target, readonly string[]][])
	.flatMap(([target, names]) => names.map((n) => [n, target] as const))
	.sort((a, b) => b[0].length - a[0].length);

/** Plain text of inline Markdown (emphasis, code and link markup taken off, escapes resolved). */
export function plain(s: string): string {
	const escaped: string[] = [];
	return s
		.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => `\uE000${escaped.push(c) - 1}\uE001`)
		.replace(/!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g, (_, text: string, url: string) =>
			!url || text === url ? text || url : `${text} (${url})`
		)
		.replace(/<(https?:[^>\s]+)>/gi, '$1')
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, '')
		.replace(/(\*\*|__|~~|`)(.+?)\1/g, '$2')
		.replace(/(^|[^\w*])[*_](?=\S)(.+?)[*_](?!\w)/g, '$1$2')
		.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? '')
		.replace(/\\$/gm, '')
		.replace(/\uE000(\d+)\uE001/g, (_, i: string) => escaped[Number(i)])
		.trim();
}

/** A heading's words for matching: lower case, without numbering, emoji, trailing punctuation or a bracketed note. */
function headingKey(text: string): string {
	return plain(text)
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.replace(/^[^\p{L}]+/u, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The field a heading names, or null. A name matches whole or followed by punctuation or a bracketed note. */
export function sectionOf(heading: string): Target | null {
	const key = headingKey(heading);
	for (const [name, target] of NAMES) {
		if (key === name) return target;
		if (key.startsWith(name) && /^(?:\s*[:.(\-–—[/|,?!&]|\s+(?:of|for|and|at|in|on|\(|-))/.test(key.slice(name.length))) return target;
	}
	return null;
}

// ---------------------------------------------------------------- times and zones

/** Time zone names and abbreviations people write, to IANA names. */
const ZONES: ReadonlyArray<readonly [RegExp, string]> = [
	[/\b(?:utc|gmt|zulu)\b|(?<=\d)z\b/i, 'UTC'],
	[/\bpacific\b|\bp[sd]?t\b/i, 'America/Los_Angeles'],
	[/\beastern\b|\be[sd]?t\b/i, 'America/New_York'],
	[/\bcentral european\b|\bcet\b|\bcest\b/i, 'Europe/Berlin'],
	[/\bcentral\b|\bc[sd]t\b|\bct\b/i, 'America/Chicago'],
	[/\bmountain\b|\bm[sd]?t\b/i, 'America/Denver'],
	[/\bbst\b|\buk time\b|\blondon\b/i, 'Europe/London'],
	[/\bjst\b|\bjapan\b/i, 'Asia/Tokyo'],
	[/\baest\b|\baedt\b|\bsydney\b/i, 'Australia/Sydney'],
	[/\bist\b|\bindia\b/i, 'Asia/Kolkata']
];

/** The IANA zone a text names ("all times Pacific Time", "Time (UTC)", "Europe/Berlin"), or ''. */
export function zoneNamed(text: string): string {
	const iana = /\b([A-Z][a-z]+(?:_[A-Z][a-z]+)*\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?)\b/.exec(text)?.[1];
	if (iana && isValidTimeZone(iana)) return iana;
	for (const [re, zone] of ZONES) if (re.test(text)) return zone;
	return '';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
	'(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const pad = (n: number | string) => String(n).padStart(2, '0');

/** A calendar day and the length of text it was read from. */
interface DayRead {
	day: string;
	length: number;
}

/** A date at the start of `text`: 2024-03-01, 2024/03/01, March 1, 2024, 1 March 2024, Friday, March 1 (year from `year`). */
export function readDay(text: string, year = ''): DayRead | null {
	let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/.exec(text);
	if (m) return dayOf(m[1], m[2], m[3], m[0].length);
	m = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i').exec(text);
	if (m && (m[3] || year)) return dayOf(m[3] || year, MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, m[2], m[0].length);
	m = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'i').exec(text);
	if (m && (m[3] || year)) return dayOf(m[3] || year, MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1, m[1], m[0].length);
	return null;
}

function dayOf(y: string, mo: string | number, d: string, length: number): DayRead | null {
	const day = `${y}-${pad(mo)}-${pad(d)}`;
	return isDateOnly(day) ? { day, length } : null;
}

/** A time of day read at the start of a text, with its own zone when it names one. */
interface TimeRead {
	hh: number;
	mm: number;
	zone: string;
	length: number;
}

const TIME =
	/^(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?\s?m\.?(?![a-z]))?(?:\s*(z\b|utc\b|gmt\b|[ecmp][sd]?t\b|cest\b|cet\b|bst\b|jst\b|aest\b|ist\b|[+-]\d{2}:?\d{2}\b))?/i;

/** A time at the start of `text`: 14:02, 14:02:33, 6:19 PM, 12:05 a.m., 14:02 UTC, 13:01:00Z, 14:02+02:00. */
function readTime(text: string): TimeRead | null {
	const m = TIME.exec(text);
	if (!m) return null;
	let hh = Number(m[1]);
	const mm = Number(m[2]);
	if (mm > 59) return null;
	if (m[4]) {
		if (hh < 1 || hh > 12) return null;
		hh = (hh % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
	} else if (hh > 23) return null;
	const z = m[5] ?? '';
	const zone = /^[+-]/.test(z) ? offsetZone(z) : /^z$/i.test(z) ? 'UTC' : z ? zoneNamed(z) : '';
	return { hh, mm, zone, length: m[0].length };
}

/** "+02:00" as a fixed-offset zone name Intl knows ("Etc/GMT-2"), or UTC for a zero or half-hour offset it cannot name. */
function offsetZone(z: string): string {
	const sign = z[0] === '-' ? 1 : -1;
	const digits = z.slice(1).replace(':', '');
	const h = Number(digits.slice(0, 2));
	const min = Number(digits.slice(2));
	if (h === 0 && min === 0) return 'UTC';
	return min === 0 && h <= 14 ? `Etc/GMT${sign > 0 ? '+' : '-'}${h}` : `offset:${z}`;
}

/** Wall clock `at` in `from` (a zone name, or "offset:+05:30") as wall clock in `to`. */
function convert(at: string, from: string, to: string): string {
	if (!from || from === to) return at;
	let ms: number | null;
	if (from.startsWith('offset:')) {
		const z = from.slice(7);
		const sign = z[0] === '-' ? -1 : 1;
		const digits = z.slice(1).replace(':', '');
		const utc = wallClockToInstant(at, 'UTC');
		ms = utc === null ? null : utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
	} else ms = wallClockToInstant(at, from);
	return ms === null ? at : instantToWallClock(ms, to);
}

/** The separator between a time and its text: ":", "-", "–", "—", "|", ">" or nothing but space. */
const AFTER_TIME = /^\s*(?:\*\*|__|`|\])?\s*(?:[:\-–—|>]+\s*)?/;

/** A timestamp at the start of a line of a timeline: an optional day, a time, and the rest of the line. */
interface Stamp {
	day: string;
	time: TimeRead;
	rest: string;
}

/** Read "2024-03-01 14:02 UTC - text", "**14:02**: text", "[6:19 PM] text", "March 1, 14:02 — text". */
function readStamp(line: string, year: string): Stamp | null {
	let s = line.replace(/^\s*(?:\*\*|__|`|\[)?\s*/, '');
	let day = '';
	const d = readDay(s, year);
	if (d) {
		day = d.day;
		s = s.slice(d.length).replace(/^[\s,*_`\]]*(?:at\s+)?(?:T(?=\d))?[\s*_`[]*/i, '');
	}
	const time = readTime(s.replace(/^(?:\*\*|__|`|\[)\s*/, ''));
	if (!time) return null;
	s = s.replace(/^(?:\*\*|__|`|\[)\s*/, '').slice(time.length);
	// A range ("14:02–14:10") keeps its start.
	s = s.replace(/^\s*[-–]\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?/i, '');
	const rest = s.replace(AFTER_TIME, '');
	if (s !== '' && rest === s && !/^\s/.test(s)) return null; // "14:02pm-ish" or "1.5x": not a timestamp
	return { day, time, rest: rest.trim() };
}

// ---------------------------------------------------------------- overview lines

/** Overview labels people write, by the field they fill. */
const LABELS: ReadonlyArray<readonly [RegExp, string]> = [
	[/^(?:incident )?date(?: of (?:the )?incident)?$|^when$|^(?:incident )?(?:start(?:ed)?|began)(?: at| time)?$|^date\/time$/, 'date'],
	[/^(?:start )?time$/, 'time'],
	[/^time ?zone$|^tz$/, 'timeZone'],
	[/^(?:document |postmortem |report )?status$/, 'status'],
	[/^(?:incident )?severity$|^sev(?:erity)? level$|^sev$/, 'severity'],
	[/^authors?$|^written by$|^(?:postmortem |document |report )?owners?$|^prepared by$/, 'authors'],
	[/^(?:incident )?(?:commander|lead|manager)$|^ic$|^incident commander \(ic\)$/, 'incidentLead'],
	[/^facilitator$|^(?:meeting |review )?facilitat(?:or|ed by)$/, 'facilitator'],
	[/^participants$|^responders$|^attendees$|^people involved$|^involved$/, 'participants'],
	[/^(?:affected )?(?:services?|systems?|components?)(?: affected)?$|^products? affected$/, 'services'],
	[/^tags$|^labels$|^keywords$/, 'tags'],
	[/^(?:postmortem |review )?meeting(?: date)?$|^review date$|^postmortem date$/, 'meetingDate'],
	[/^(?:issue |incident |executive )?summary$|^tl;?dr$|^description$/, 'summary'],
	[/^(?:customer |user )?impact$/, 'impact'],
	[/^root causes?$|^causes?$|^contributing factors?$/, 'factors'],
	[/^trigger$/, 'trigger'],
	[/^detection$|^detected(?: by)?$/, 'detection'],
	[/^resolution$|^mitigation$/, 'resolution'],
	[/^title$|^incident(?: name)?$/, 'title'],
	// Our export's derived figures: the app works them out from the timeline.
	[/^time to (?:detect|mitigate|resolve)$|^total duration$/, 'derived']
];

/** The overview field a label names ("Date", "Authors", "Incident commander"), or null. */
function labelOf(label: string): string | null {
	const key = headingKey(label);
	for (const [re, field] of LABELS) if (re.test(key)) return field;
	return null;
}

/** "**Date:** value", "**Date**: value", "Date: value" (plain only for a known label). */
function labelLine(line: string): { label: string; value: string } | null {
	const s = line.trim().replace(/^[-*+]\s+/, '');
	const m =
		/^(?:\*\*|__)([^*_\n]{1,60}?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*(.*)$/.exec(s) ?? /^([A-Za-z][A-Za-z /()-]{0,40}):\s+(.*)$/.exec(s);
	if (!m) return null;
	return { label: m[1].trim(), value: m[2].trim() };
}

const STATUS_WORDS: ReadonlyArray<readonly [RegExp, Status]> = [
	[/^(?:draft|wip|work in progress|in progress|open|todo)\b/i, 'draft'],
	[/review|pending|awaiting/i, 'in-review'],
	[/^(?:final|complete|completed|published|closed|done|approved|resolved)\b/i, 'final']
];

/** Severity from "SEV-1", "Sev 2", "SEV3", "S2", "Critical", "Major" … */
function severityOf(value: string): Severity | null {
	const v = plain(value).toLowerCase();
	const m = /^(?:sev(?:erity)?|s|level)?[\s-]*([0-5])\b/.exec(v);
	if (m) return `sev${Math.max(1, Number(m[1]))}` as Severity;
	if (/^(?:critical|blocker)/.test(v)) return 'sev1';
	if (/^(?:major|high)/.test(v)) return 'sev2';
	if (/^(?:moderate|medium)/.test(v)) return 'sev3';
	if (/^(?:minor|low)/.test(v)) return 'sev4';
	return null;
}

/** Names in "Ana, Ben and Chen", "@ana, @ben", "Ana; Ben". */
function names(value: string): string[] {
	return plain(value)
		.split(/\s*(?:[,;]|\band\b|&)\s*/)
		.map((s) => s.replace(/^@/, '').trim())
		.filter(Boolean);
}

// ---------------------------------------------------------------- actions

const PRIORITY_WORDS: ReadonlyArray<readonly [RegExp, Priority]> = [
	[/^(?:p0|critical|urgent|highest|blocker|sev ?1)$/i, 'critical'],
	[/^(?:p1|high|important)$/i, 'high'],
	[/^(?:p2|medium|med|normal|moderate)$/i, 'medium'],
	[/^(?:p[3-5]|low|lowest|minor|nice to have)$/i, 'low']
];

const ACTION_STATUS_WORDS: ReadonlyArray<readonly [RegExp, ActionStatus]> = [
	[/^(?:\[x\]|done|complete|completed|closed|fixed|resolved|finished|merged|shipped|deployed|✅|✔️?|yes)$/i, 'done'],
	[/^(?:in[- ]progress|wip|started|ongoing|doing|in review|in development|underway)$/i, 'in-progress'],
	[/^(?:won'?t (?:fix|do)|wontfix|rejected|cancell?ed|declined|dropped|not planned)$/i, 'wont-do'],
	[/^(?:\[ \]|open|todo|to do|not started|new|planned|backlog|pending|no|)$/i, 'open']
];

const ACTION_KIND_WORDS: ReadonlyArray<readonly [RegExp, ActionKind]> = [
	[/^(?:mitigate|mitigation|quick[- ]?fix|fix|repair|short[- ]term|hotfix|immediate)$/i, 'quick-fix'],
	[
		/^(?:prevent|prevention|preventive|preventative|design(?:[- ]change)?|architecture|engineering|detect|detection|monitoring|improve|improvement|long[- ]term)$/i,
		'design-change'
	],
	[/^(?:process(?:[- ]change)?|procedure|documentation|docs|training|communication|runbook)$/i, 'process-change']
];

const FACTOR_KIND_WORDS: ReadonlyArray<readonly [RegExp, FactorKind]> = [
	[/^(?:technical|technology|software|system|code|infrastructure)$/i, 'technical'],
	[/^(?:process|procedure)$/i, 'process'],
	[/^(?:tooling|tools|tool)$/i, 'tooling'],
	[/^(?:communication|comms)$/i, 'communication'],
	[/^(?:organisational|organizational|organisation|organization|people)$/i, 'organisational'],
	[/^(?:external|third[- ]party|vendor)$/i, 'external']
];

function pick<T>(words: ReadonlyArray<readonly [RegExp, T]>, value: string): T | null {
	const v = plain(value).trim();
	for (const [re, out] of words) if (re.test(v)) return out;
	return null;
}

const TICKET =
	/\b(?!(?:UTF|ISO|RFC|SHA|AES|TLS|SSL|HTTP|IPV|COVID|MP|GPT)-)(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|(?:[Bb]ug|[Ii]ssue|[Tt]icket)\s*#?\d{2,9})\b|(?<![\w/])#\d{1,7}\b/;
const URL = /https?:\/\/[^\s<>()|]+[^\s<>()|.,;:!?'"]/;

type ActionColumn = 'title' | 'owner' | 'priority' | 'kind' | 'term' | 'tracker' | 'due' | 'status' | 'measure' | 'number' | 'factors';

const ACTION_COLUMNS: ReadonlyArray<readonly [RegExp, ActionColumn]> = [
	[/^(?:#|no\.?|n|id|number)$/, 'number'],
	[/^(?:owner|owners|assignee|assigned(?: to)?|who|responsible|dri|team|owner\(s\))$/, 'owner'],
	[/^(?:priority|pri|prio|p|importance)$/, 'priority'],
	[/^(?:type|kind|category|class)$/, 'kind'],
	[/^(?:term|horizon)$/, 'term'],
	[/^(?:factors?|contributing factors?|addresses|causes?)$/, 'factors'],
	[
		/^(?:ticket|tickets|bug|bugs|issue|issues|tracking|tracker|link|links|jira|url|reference|ref|tracking (?:issue|ticket|bug))$/,
		'tracker'
	],
	[/^(?:due|due date|deadline|target|target date|eta|by when|due by)$/, 'due'],
	[/^(?:status|state|progress|done\??)$/, 'status'],
	[/^(?:success measures?|success criteria|measure of success|done when|definition of done|verification|how we know)$/, 'measure'],
	[
		/^(?:action(?: item)?s?|items?|tasks?|description|title|what|summary|remediation|corrective action|follow[- ]?up|name|to ?do|measures?|step)$/,
		'title'
	]
];

function actionColumn(header: string): ActionColumn | null {
	const key = plain(header).trim() === '#' ? '#' : headingKey(header);
	for (const [re, col] of ACTION_COLUMNS) if (re.test(key)) return col;
	return null;
}

/** A link's target from a cell ("[JIRA-1](https://…)" → the URL) or its text. */
function linkOf(cell: string): string {
	const md = /\[[^\]]*\]\(([^)\s]+)\)/.exec(cell);
	if (md) return md[1];
	const auto = /<(https?:[^>]+)>/.exec(cell);
	return auto ? auto[1] : plain(cell);
}

// ---------------------------------------------------------------- the reader

interface Section {
	/** The heading's text as written ('' for the text before the first heading). */
	heading: string;
	depth: number;
	target: Target | null;
	tokens: Token[];
}

/** What the reader knows while reading, beyond the postmortem itself. */
interface Reading {
	pm: Postmortem;
	recognised: RecognisedField[];
	warnings: string[];
	/** Text that maps to no field, as Markdown blocks with their headings, for Supporting information. */
	extra: string[];
	/** Incident date and time from the overview, each possibly alone. */
	day: string;
	time: string;
	zone: string;
	zoneFrom: string;
	/** The zone of the incident date's own offset ("2024-03-01 14:02 -0800"), used when no zone is named. */
	dateZone: string;
	texts: Map<TextField, string[]>;
	pendingTimeline: PendingEntry[];
	/** Actions' "Factors" cells: numbers of the contributing factors list. */
	factorNumbers: Map<CorrectiveAction, number[]>;
}

const glimpse = (text: string) => {
	const s = plain(text).replace(/\s+/g, ' ');
	return s.length > 90 ? `${s.slice(0, 89)}…` : s;
};

/** Add text to a field (a second section for the same field is added after the first). */
function addText(r: Reading, field: TextField, text: string, from: string): void {
	const t = normalizeMarkdown(text);
	if (!t) return;
	const list = r.texts.get(field) ?? [];
	list.push(t);
	r.texts.set(field, list);
	r.recognised.push({ field: FIELD_LABELS[field], from, detail: glimpse(t) });
}

const raw = (tokens: readonly Token[]) => tokens.map((t) => t.raw).join('');

/** Read overview lines ("**Date:** …") out of a section's paragraphs and lists; returns the tokens left. */
function readOverviewLines(r: Reading, tokens: readonly Token[], where: string): Token[] {
	const left: Token[] = [];
	for (const t of tokens) {
		if (t.type === 'table') {
			const tb = t as Tokens.Table;
			// A two-column table of labels and values: "| Date | 2024-03-01 |".
			const rows = [tb.header, ...tb.rows].map((row) => row.map((c) => c.text));
			if (tb.header.length === 2 && rows.some((row) => labelOf(row[0]))) {
				const unknown = rows.filter((row) => !(labelOf(row[0]) && overviewField(r, row[0], row[1], where)));
				if (unknown.length)
					left.push({ type: 'paragraph', raw: unknown.map((row) => `- **${row[0]}:** ${row[1]}\n`).join(''), text: '' } as Token);
				continue;
			}
		}
		if (t.type !== 'paragraph' && t.type !== 'list') {
			left.push(t);
			continue;
		}
		const lines = t.type === 'list' ? (t as Tokens.List).items.map((i) => itemText(i.raw)) : t.raw.split('\n');
		const kept: string[] = [];
		let any = false;
		for (const line of lines) {
			const l = labelLine(line.split('\n')[0]);
			if (l && line.split('\n').length === 1 && overviewField(r, l.label, l.value, where)) any = true;
			else kept.push(line);
		}
		if (!any) left.push(t);
		else if (kept.some((l) => l.trim())) {
			const text = t.type === 'list' ? kept.map((l) => `- ${l}`).join('\n') : kept.join('\n');
			left.push({ type: 'paragraph', raw: `${text.trim()}\n\n`, text } as Token);
		}
	}
	return left;
}

/** Take one overview line; false when its label or value is not one we read (the line is then kept as text). */
function overviewField(r: Reading, label: string, rawValue: string, where: string): boolean {
	const field = labelOf(label);
	const value = plain(rawValue);
	if (!field || !value) return false;
	const pm = r.pm;
	const from = where === 'front matter' ? `front matter “${plain(label)}”` : `${where} line “${plain(label)}”`;
	const report = (name: string, detail = value) => r.recognised.push({ field: name, from, detail: glimpse(detail) });
	switch (field) {
		case 'date': {
			const d = readDay(value);
			if (!d) return false;
			r.day = d.day;
			const t = readStamp(value, '');
			if (t) {
				r.time = `${pad(t.time.hh)}:${pad(t.time.mm)}`;
				r.dateZone ||= t.time.zone;
			}
			report('Incident date');
			return true;
		}
		case 'time': {
			const t = readTime(value);
			if (!t) return false;
			r.time = `${pad(t.hh)}:${pad(t.mm)}`;
			r.dateZone ||= t.zone;
			return true;
		}
		case 'timeZone': {
			const z = zoneNamed(value);
			if (!z) return false;
			setZone(r, z, from);
			return true;
		}
		case 'status': {
			const s = pick(STATUS_WORDS, value);
			if (!s) return false;
			pm.status = s;
			report('Status');
			return true;
		}
		case 'severity': {
			const s = severityOf(value);
			if (!s) return false;
			pm.severity = s;
			report('Severity');
			return true;
		}
		case 'authors':
			pm.authors = names(value);
			report('Authors');
			return true;
		case 'participants':
			pm.participants = names(value);
			report('Participants');
			return true;
		case 'services':
			pm.services = names(value);
			report('Services');
			return true;
		case 'tags':
			pm.tags = names(value).map((t) => t.replace(/^#/, ''));
			report('Tags');
			return true;
		case 'incidentLead':
			pm.incidentLead = value;
			report('Incident lead');
			return true;
		case 'facilitator':
			pm.facilitator = value;
			report('Facilitator');
			return true;
		case 'meetingDate': {
			const d = readDay(value);
			if (!d) return false;
			pm.meetingDate = d.day;
			report('Postmortem meeting');
			return true;
		}
		case 'title':
			if (pm.title) return false;
			pm.title = value;
			report('Title');
			return true;
		case 'factors':
			pm.contributingFactors.push(createContributingFactor(value));
			report('Contributing factors');
			return true;
		case 'derived':
			return true;
		default:
			addText(r, field as TextField, rawValue, from);
			return true;
	}
}

function setZone(r: Reading, zone: string, from: string): void {
	if (r.zone) return;
	r.zone = zone;
	r.zoneFrom = from;
}

/** A timeline entry before days and zones are settled: the day it names (if any), its time and zone. */
interface PendingEntry {
	day: string;
	time: TimeRead | null;
	who: string;
	what: string;
	link: string;
	milestone: Milestone | '';
	learnedLater: boolean;
	/** The day of the day heading above it. */
	dayAbove: string;
}

const TIME_HEADER = /^(?:time|when|timestamp|date|date ?\/ ?time|datetime|date and time|hour|time stamp)\b/;
const WHAT_HEADER =
	/^(?:event|events|description|what|what happened|details|action|activity|summary|message|update|note|notes|comment|entry)\b/;
const WHO_HEADER = /^(?:who|actor|person|by|source|author|owner|responder|team)\b/;
const LINK_HEADER = /^(?:link|links|url|reference|ref|evidence)\b/;
const MILESTONE_HEADER = /^(?:milestone|phase|stage|marker)\b/;

const MILESTONE_WORDS: ReadonlyArray<readonly [RegExp, Milestone]> = [
	[/^(?:impact (?:began|started|start)|start of impact|incident (?:began|started)|began|start)$/i, 'impact-began'],
	[/^(?:detected|detection|alerted|alert)$/i, 'detected'],
	[/^(?:declared|incident declared|escalated)$/i, 'declared'],
	[/^(?:mitigated|mitigation|impact (?:ended|stopped)|recovered)$/i, 'mitigated'],
	[/^(?:resolved|resolution|closed|fixed|all clear)$/i, 'resolved']
];

function readTimelineSection(r: Reading, section: Section): void {
	const pending: PendingEntry[] = [];
	const leftover: Token[] = [];
	let dayAbove = '';
	const year = r.day.slice(0, 4);
	const fromLine = (line: string): boolean => {
		const s = readStamp(line, year);
		if (!s) return false;
		pending.push({ day: s.day, time: s.time, who: '', ...withLink(s.rest), milestone: '', learnedLater: false, dayAbove });
		return true;
	};
	const zoneIn = (text: string) => {
		if (/\b(?:all )?times?\b|\bin\s+(?:utc|gmt)\b|\bzone\b/i.test(text)) {
			const z = zoneNamed(text);
			if (z) setZone(r, z, `“${glimpse(text)}”`);
		}
	};
	const headingZone = zoneNamed(plain(section.heading).replace(/^\S+/, ''));
	if (headingZone) setZone(r, headingZone, `heading “${plain(section.heading)}”`);
	for (const t of section.tokens) {
		if (t.type === 'space') continue;
		if (t.type === 'heading') {
			const text = plain((t as Tokens.Heading).text);
			const d = readDay(text, year);
			if (d) {
				dayAbove = d.day;
				continue;
			}
			zoneIn(text);
			leftover.push(t);
			continue;
		}
		if (t.type === 'table') {
			const tb = t as Tokens.Table;
			const headers = tb.header.map((c) => headingKey(c.text));
			const col = (re: RegExp) => headers.findIndex((h) => re.test(h));
			const time = col(TIME_HEADER);
			let what = col(WHAT_HEADER);
			const who = col(WHO_HEADER);
			const link = col(LINK_HEADER);
			const milestone = col(MILESTONE_HEADER);
			if (time < 0) {
				leftover.push(t);
				continue;
			}
			const columnZone = zoneNamed(plain(tb.header[time].text).replace(/^\S+/, ''));
			if (columnZone) setZone(r, columnZone, `column “${plain(tb.header[time].text)}”`);
			if (what < 0) what = headers.findIndex((_, i) => i !== time && i !== who && i !== link);
			// A "Date" column beside a "Time" column.
			const dateCol = headers.findIndex((h, i) => i !== time && /^date\b/.test(h));
			const others = headers.map((_, i) => i).filter((i) => ![time, what, who, link, dateCol, milestone].includes(i));
			const { rows, after } = pipedRows(tb);
			if (after) leftover.push({ type: 'paragraph', raw: `${after}\n\n`, text: after } as Token);
			for (const row of rows) {
				const cell = (i: number) => (i >= 0 ? (row[i]?.text ?? '') : '');
				const stampText = [cell(dateCol), cell(time)].filter(Boolean).join(' ');
				const s = readStamp(plain(stampText), year);
				const extras = others.map((i) => (plain(cell(i)) ? `${plain(tb.header[i].text)}: ${plain(cell(i))}` : '')).filter(Boolean);
				let text = [plain(cell(what)), ...extras].filter(Boolean).join(' — ');
				const learnedLater = /^\*?\(learned later\)\*?\s*/i.test(plain(cell(what))) || /^\*\(Learned later\)\*/.test(cell(what));
				if (learnedLater) text = text.replace(/^\(?learned later\)?\s*/i, '');
				const m = plain(cell(milestone));
				const ms = m ? pick(MILESTONE_WORDS, m) : null;
				if (m && !ms) text = [text, `(${plain(tb.header[milestone].text)}: ${m})`].join(' ');
				pending.push({
					milestone: ms ?? '',
					learnedLater,
					day: s?.day ?? '',
					time: s?.time ?? null,
					who: plain(cell(who)),
					what: s ? [s.rest ? plain(s.rest) : '', text].filter(Boolean).join(' ') : [plain(stampText), text].filter(Boolean).join(' '),
					link: link >= 0 ? linkOf(cell(link)) : '',
					dayAbove
				});
			}
			continue;
		}
		if (t.type === 'list') {
			for (const item of (t as Tokens.List).items) {
				const text = itemText(item.raw);
				const [first, ...more] = text.split('\n');
				const d = readDay(plain(first), year);
				if (d && plain(first).length <= d.length + 2 && more.length === 0) {
					dayAbove = d.day;
					continue;
				}
				if (fromLine(first)) {
					const e = pending[pending.length - 1];
					if (more.length) e.what = [e.what, ...more.map((l) => plain(l))].filter(Boolean).join('\n');
				} else {
					// An item with no time of its own: an entry whose time is still to be found.
					pending.push({ day: '', time: null, who: '', what: plain(text), link: '', milestone: '', learnedLater: false, dayAbove });
				}
			}
			continue;
		}
		if (t.type === 'paragraph') {
			const lines = t.raw.split('\n').filter((l) => l.trim());
			const kept: string[] = [];
			for (const line of lines) {
				const d = readDay(plain(line), year);
				if (d && plain(line).replace(/[:.]$/, '').length <= d.length + 1) {
					dayAbove = d.day;
					continue;
				}
				if (!fromLine(line)) {
					zoneIn(line);
					// A line under an entry without a time of its own carries that entry on.
					if (pending.length && kept.length === 0 && /^\s{2,}|^\S/.test(line) && lines.indexOf(line) > 0)
						pending[pending.length - 1].what += `\n${plain(line)}`;
					else kept.push(line);
				}
			}
			if (kept.length) leftover.push({ type: 'paragraph', raw: `${kept.join('\n')}\n\n`, text: '' } as Token);
			continue;
		}
		leftover.push(t);
	}
	r.pendingTimeline.push(...pending);
	if (leftover.length) r.extra.push(`## ${plain(section.heading) || 'Timeline'}\n\n${raw(leftover).trim()}`);
	if (pending.length)
		r.recognised.push({
			field: FIELD_LABELS.timeline,
			from: `section “${plain(section.heading)}”`,
			detail: `${pending.length} ${pending.length === 1 ? 'entry' : 'entries'}`
		});
}

/** An entry's text, its first Markdown link taken as the entry's link. */
function withLink(text: string): { what: string; link: string } {
	const m = /\[([^\]]*)\]\(\s*<?(https?:[^)\s>]+)>?[^)]*\)/.exec(text);
	if (!m) return { what: plain(text), link: '' };
	return { what: plain(text.replace(m[0], m[1])), link: m[2] };
}

/**
 * "Omar: restarted the pod" in a list entry: the speaker, when the name before the colon is one of the
 * people the document names (a participant, author or lead, whole or by first name); else it is text.
 */
function speaker(what: string, people: ReadonlySet<string>): { who: string; what: string } | null {
	const m = /^(@?[\p{L}][\p{L}'’.-]*(?: [\p{L}][\p{L}'’.-]*){0,2})\s*:\s+(\S[\s\S]*)$/u.exec(what);
	if (!m) return null;
	const name = m[1].replace(/^@/, '');
	return people.has(name.toLowerCase()) ? { who: name, what: m[2] } : null;
}

/** Give every read entry its day (written, from a heading above, or carried on, crossing midnight) and zone. */
function settleTimeline(r: Reading): void {
	const pm = r.pm;
	const zone = pm.timeZone;
	let day = '';
	let lastMinutes = -1;
	let lastAbove = '';
	let undated = 0;
	const people = new Set<string>();
	for (const name of [...pm.participants, ...pm.authors, pm.incidentLead, pm.facilitator, ...r.pendingTimeline.map((p) => p.who)]) {
		if (!name.trim()) continue;
		people.add(name.trim().toLowerCase());
		people.add(name.trim().split(/\s+/)[0].toLowerCase());
	}
	for (const p of r.pendingTimeline) {
		const e: TimelineEntry = createTimelineEntry('');
		const said = p.who ? null : speaker(p.what, people);
		e.who = said?.who ?? p.who;
		e.what = said?.what ?? p.what;
		e.link = p.link;
		e.milestone = p.milestone;
		if (p.learnedLater) e.learnedLater = true;
		if (p.time) {
			const minutes = p.time.hh * 60 + p.time.mm;
			if (p.day) day = p.day;
			else if (p.dayAbove && p.dayAbove !== lastAbove) day = p.dayAbove;
			else if (!day) day = p.dayAbove || r.day;
			else if (minutes < lastMinutes) day = nextDay(day);
			if (p.dayAbove) lastAbove = p.dayAbove;
			lastMinutes = minutes;
			if (day) {
				const at = `${day}T${pad(p.time.hh)}:${pad(p.time.mm)}`;
				e.at = isWallClock(at) ? convert(at, p.time.zone || zone, zone) : '';
			} else {
				undated++;
				e.what = `${pad(p.time.hh)}:${pad(p.time.mm)} ${e.what}`.trim();
			}
		}
		if (e.what || e.at) pm.timeline.push(e);
	}
	if (undated)
		r.warnings.push(
			`${undated} timeline ${undated === 1 ? 'entry has' : 'entries have'} a time but no date anywhere in the file; the time was kept in the text. Set the incident date, then the times.`
		);
}

function nextDay(day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

function readFactorsSection(r: Reading, section: Section): void {
	const before = r.pm.contributingFactors.length;
	const narrative: Token[] = [];
	const lists = section.tokens.filter((t) => t.type === 'list');
	for (const t of section.tokens) {
		if (t.type === 'list') {
			for (const item of (t as Tokens.List).items) {
				let text = itemText(item.raw);
				const f = createContributingFactor('');
				const m = /^(?:\*\*|__)([^*_\n]{1,40}?):?(?:\*\*|__):?\s+/.exec(text) ?? /^([A-Za-z -]{1,30}):\s+/.exec(text);
				const kind = m ? pick(FACTOR_KIND_WORDS, m[1]) : null;
				if (m && kind) {
					f.kind = kind;
					text = text.slice(m[0].length);
				}
				f.description = normalizeMarkdown(text);
				if (f.description) r.pm.contributingFactors.push(f);
			}
		} else if (t.type !== 'space') narrative.push(t);
	}
	const prose = normalizeMarkdown(raw(narrative));
	if (!lists.length && prose) r.pm.contributingFactors.push(createContributingFactor(prose));
	else if (prose) addText(r, 'wentWrong', prose, `section “${plain(section.heading)}” (text beside its list)`);
	const n = r.pm.contributingFactors.length - before;
	if (n)
		r.recognised.push({
			field: FIELD_LABELS.factors,
			from: `section “${plain(section.heading)}”`,
			detail: `${n} ${n === 1 ? 'factor' : 'factors'}`
		});
}

function readActionsSection(r: Reading, section: Section): void {
	const before = r.pm.correctiveActions.length;
	const leftover: Token[] = [];
	for (const t of section.tokens) {
		if (t.type === 'table') {
			const after = readActionTable(r, t as Tokens.Table);
			if (after) leftover.push({ type: 'paragraph', raw: `${after}\n\n`, text: after } as Token);
		} else if (t.type === 'list') for (const item of (t as Tokens.List).items) readActionItem(r, item);
		else if (t.type !== 'space') leftover.push(t);
	}
	if (leftover.length) r.extra.push(`## ${plain(section.heading)}\n\n${raw(leftover).trim()}`);
	const n = r.pm.correctiveActions.length - before;
	if (n)
		r.recognised.push({
			field: FIELD_LABELS.actions,
			from: `section “${plain(section.heading)}”`,
			detail: `${n} ${n === 1 ? 'action' : 'actions'}`
		});
}

/**
 * The rows of a table written with pipes, and the lines after it without any: GFM lets a table go
 * on with such lines, but people mean them as text after the table.
 */
function pipedRows(tb: Tokens.Table): { rows: Tokens.TableCell[][]; after: string } {
	const lines = tb.raw.trimEnd().split('\n');
	if (!lines[0]?.trim().startsWith('|')) return { rows: tb.rows, after: '' };
	const rowLines = lines.slice(2);
	const cut = rowLines.findIndex((l) => !l.trim().startsWith('|'));
	if (cut < 0) return { rows: tb.rows, after: '' };
	return { rows: tb.rows.slice(0, cut), after: rowLines.slice(cut).join('\n') };
}

function readActionTable(r: Reading, tb: Tokens.Table): string {
	const cols = tb.header.map((h) => actionColumn(h.text));
	let titleCol = cols.indexOf('title');
	if (titleCol < 0) titleCol = cols.findIndex((c) => c === null);
	// Else the column with the most text.
	if (titleCol < 0) {
		const length = (i: number) => tb.rows.reduce((n, row) => n + (row[i]?.text.length ?? 0), 0);
		titleCol = cols.reduce((best, _, i) => (length(i) > length(best) ? i : best), 0);
	}
	const { rows, after } = pipedRows(tb);
	for (const row of rows) {
		const a = createCorrectiveAction('');
		const notes: string[] = [];
		row.forEach((cell, i) => {
			const text = plain(cell.text);
			if (!text && i !== titleCol) return;
			const col = i === titleCol ? 'title' : cols[i];
			const header = plain(tb.header[i]?.text ?? '');
			switch (col) {
				case 'title':
					a.title = text;
					break;
				case 'owner':
					a.owner = text.replace(/^@/, '');
					break;
				case 'priority': {
					const p = pick(PRIORITY_WORDS, text);
					if (p) a.priority = p;
					else notes.push(`${header}: ${text}`);
					break;
				}
				case 'kind': {
					const k = pick(ACTION_KIND_WORDS, text);
					if (k) a.kind = k;
					else notes.push(`${header}: ${text}`);
					break;
				}
				case 'tracker':
					a.trackerLink = linkOf(cell.text);
					break;
				case 'due': {
					const d = readDay(text, r.day.slice(0, 4));
					if (d) a.dueDate = d.day;
					else notes.push(`${header}: ${text}`);
					break;
				}
				case 'status': {
					const s = pick(ACTION_STATUS_WORDS, text);
					if (s) a.status = s;
					else notes.push(`${header}: ${text}`);
					break;
				}
				case 'measure':
					a.successMeasure = text;
					break;
				case 'number':
					break;
				case 'term': {
					const t = /^short/i.test(text) ? 'short' : /^long/i.test(text) ? 'long' : '';
					if (t) a.term = t;
					else notes.push(`${header}: ${text}`);
					break;
				}
				case 'factors': {
					// "1, 3": the numbers of the contributing factors list, tied once every section is read.
					const numbers = text.split(/[\s,;]+/).filter((x) => /^\d{1,6}$/.test(x));
					if (numbers.length) r.factorNumbers.set(a, numbers.map(Number));
					const rest = text.split(/[\s,;]+/).filter((x) => x && !/^\d{1,6}$/.test(x));
					if (rest.length) notes.push(`${header}: ${rest.join(', ')}`);
					break;
				}
				default:
					notes.push(`${header}: ${text}`);
			}
		});
		if (notes.length) a.title = [a.title, `(${notes.join('; ')})`].filter(Boolean).join(' ');
		if (a.title || a.owner || a.trackerLink) r.pm.correctiveActions.push(a);
	}
	return after;
}

/** "- [ ] Do X (owner: @ana, P1)", "- Do X — Ana — JIRA-123", "1. **Do X** (Bug 123)". */
function readActionItem(r: Reading, item: Tokens.ListItem): void {
	const a = createCorrectiveAction('');
	let text = itemText(item.raw).replace(/^\[([ xX])\]\s*/, '');
	if (item.task) a.status = item.checked ? 'done' : 'open';
	const take = (re: RegExp, use: (m: RegExpExecArray) => void) => {
		const m = re.exec(text);
		if (!m) return;
		use(m);
		text = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/\(\s*[,;]?\s*\)/g, '');
	};
	take(/\b(?:[Oo]wner|[Aa]ssignee|[Aa]ssigned to|DRI)\s*[:=]?\s*@?([\p{L}][\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*)?)/u, (m) => (a.owner = m[1]));
	if (!a.owner) take(/(?<![\w@])@([\w.-]+)/, (m) => (a.owner = m[1]));
	take(/\[?\b(P[0-5])\b\]?/, (m) => (a.priority = pick(PRIORITY_WORDS, m[1]) ?? ''));
	if (!a.priority)
		take(
			/\b(critical|high|medium|low)(?:\s+priority)\b|\bpriority\s*[:=]?\s*(critical|high|medium|low)\b/i,
			(m) => (a.priority = pick(PRIORITY_WORDS, m[1] ?? m[2]) ?? '')
		);
	take(/\bdue\s*(?:by|date)?\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b/i, (m) => (a.dueDate = m[1]));
	take(/\b(?:status\s*[:=]\s*)?(done|complete(?:d)?|in progress|wip|won'?t (?:fix|do))\s*$/i, (m) => {
		const s = pick(ACTION_STATUS_WORDS, m[1]);
		if (s) a.status = s;
	});
	const url = URL.exec(text);
	if (url) {
		a.trackerLink = url[0];
		const md = /\[([^\]]*)\]\(\s*<?https?:[^)]*\)/.exec(text);
		text = md ? text.replace(md[0], md[1]) : text.replace(/<https?:[^>]*>/, '').replace(url[0], '');
	} else take(TICKET, (m) => (a.trackerLink = m[0]));
	// "Do X — Ana — JIRA-123": a short name among the dash-separated parts is the owner.
	const parts = text.split(/\s+[—–]\s+|\s+-\s+(?=\p{Lu})/u);
	if (parts.length > 1 && !a.owner) {
		const who = parts.slice(1).findIndex((p) => /^@?\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2}$/u.test(plain(p)));
		if (who >= 0) {
			a.owner = plain(parts[who + 1]).replace(/^@/, '');
			parts.splice(who + 1, 1);
			text = parts.join(' — ');
		}
	}
	a.title = plain(
		text
			.replace(/\s*[,;]\s*(?=[,;)])/g, '')
			.replace(/\(\s*\)/g, '')
			.replace(/\s+[—–-]\s*$/, '')
	);
	if (a.title || a.owner) r.pm.correctiveActions.push(a);
}

function readParticipants(r: Reading, section: Section): void {
	const people: string[] = [];
	const leftover: Token[] = [];
	for (const t of section.tokens) {
		if (t.type !== 'list') {
			if (t.type !== 'space') leftover.push(t);
			continue;
		}
		for (const item of (t as Tokens.List).items) {
			const text = plain(itemText(item.raw));
			// "Ana Lima (incident commander)", "Ana Lima — IC", "Ana Lima, SRE"
			const m = /^(.+?)(?:\s*\((.*)\)|\s+[—–-]\s+(.*)|,\s*(.*)|:\s*(.*))?$/.exec(text);
			const name = (m?.[1] ?? text).replace(/^@/, '').trim();
			const role = (m?.[2] ?? m?.[3] ?? m?.[4] ?? m?.[5] ?? '').toLowerCase();
			if (!name) continue;
			people.push(name);
			if (/\b(?:incident (?:commander|lead|manager)|\bic\b)/.test(role) && !r.pm.incidentLead) r.pm.incidentLead = name;
			if (role && !/\b(?:incident (?:commander|lead|manager)|\bic\b)/.test(role))
				leftover.push({ type: 'paragraph', raw: `- ${text}\n`, text } as Token);
		}
	}
	if (people.length) {
		r.pm.participants = [...new Set([...r.pm.participants, ...people])];
		r.recognised.push({
			field: FIELD_LABELS.participants,
			from: `section “${plain(section.heading)}”`,
			detail: glimpse(people.join(', '))
		});
	}
	if (leftover.length) r.extra.push(`## ${plain(section.heading)}\n\n${raw(leftover).trim()}`);
}

/** Split the document's tokens at its headings; a heading under a recognised one that names nothing stays inside it. */
function sections(tokens: readonly Token[]): Section[] {
	const out: Section[] = [{ heading: '', depth: 0, target: null, tokens: [] }];
	let owner: Section | null = null;
	for (const t of tokens) {
		if (t.type === 'heading') {
			const h = t as Tokens.Heading;
			const target = sectionOf(h.text);
			const inside = owner && h.depth > owner.depth && (target === null || (owner.target === 'timeline' && readDay(plain(h.text))));
			if (!inside) {
				const s: Section = { heading: h.text, depth: h.depth, target, tokens: [] };
				out.push(s);
				owner = target ? s : null;
				continue;
			}
		}
		out[out.length - 1].tokens.push(t);
	}
	return out;
}

/**
 * Read a postmortem written elsewhere. `title` is the front matter's or the file's name, used when
 * the document does not start with a `# Title`. Refuses a file in which nothing is recognised.
 */
export function readForeignMarkdown(
	body: string,
	{
		now,
		frontMatter,
		unreadFrontMatter = [],
		fileTitle = ''
	}: { now: Date; frontMatter: FrontMatter | null; unreadFrontMatter?: string[]; fileTitle?: string }
): ForeignRead {
	const pm = createPostmortem(now);
	const r: Reading = {
		pm,
		recognised: [],
		warnings: [],
		extra: [],
		day: '',
		time: '',
		zone: '',
		zoneFrom: '',
		dateZone: '',
		texts: new Map(),
		pendingTimeline: [],
		factorNumbers: new Map()
	};
	if (frontMatter) readFrontMatter(r, frontMatter, unreadFrontMatter);
	const tokens = blockTokens(body.split('\n'));
	const first = tokens.find((t) => t.type !== 'space');
	if (first?.type === 'heading' && (first as Tokens.Heading).depth === 1 && !sectionOf((first as Tokens.Heading).text)) {
		const title = plain((first as Tokens.Heading).text);
		if (title && title !== UNTITLED) {
			pm.title = title;
			r.recognised.unshift({ field: 'Title', from: 'the first heading', detail: glimpse(title) });
		}
		tokens.splice(tokens.indexOf(first), 1);
	} else if (!pm.title && fileTitle) {
		pm.title = fileTitle;
		r.recognised.unshift({ field: 'Title', from: 'the file name', detail: glimpse(fileTitle) });
	}
	const all = sections(tokens);
	let leftoverPreamble = '';
	for (const s of all) {
		const from = s.heading ? `section “${plain(s.heading)}”` : 'the text before the first section';
		switch (s.target) {
			case null: {
				const left = readOverviewLines(r, s.tokens, s.heading ? `section “${plain(s.heading)}”` : 'overview');
				const text = raw(left).trim();
				if (!s.heading) leftoverPreamble = text;
				else if (text || s.tokens.length === 0)
					r.extra.push(`${'#'.repeat(Math.min(Math.max(s.depth, 2), 6))} ${plain(s.heading)}${text ? `\n\n${text}` : ''}`);
				break;
			}
			case 'metadata': {
				const text = raw(readOverviewLines(r, s.tokens, from)).trim();
				if (text) r.extra.push(`## ${plain(s.heading)}\n\n${text}`);
				break;
			}
			case 'summary': {
				const text = raw(readOverviewLines(r, s.tokens, from)).trim();
				addText(r, 'summary', text, from);
				break;
			}
			case 'timeline':
				readTimelineSection(r, s);
				break;
			case 'factors':
				readFactorsSection(r, s);
				break;
			case 'actions':
				readActionsSection(r, s);
				break;
			case 'participants':
				readParticipants(r, s);
				break;
			case 'parkingLot': {
				const items = s.tokens.flatMap((t) => (t.type === 'list' ? (t as Tokens.List).items.map((i) => itemText(i.raw)) : []));
				pm.facilitation.parkingLot.push(...items.map((text) => ({ id: newId(), text })));
				const other = raw(s.tokens.filter((t) => t.type !== 'list' && t.type !== 'space')).trim();
				if (other) r.extra.push(`## ${plain(s.heading)}\n\n${other}`);
				if (items.length)
					r.recognised.push({ field: FIELD_LABELS.parkingLot, from, detail: `${items.length} ${items.length === 1 ? 'item' : 'items'}` });
				break;
			}
			default:
				addText(r, s.target, raw(s.tokens), from);
		}
	}
	if (leftoverPreamble) {
		if (!r.texts.has('summary')) addText(r, 'summary', leftoverPreamble, 'the text before the first section');
		else r.extra.unshift(`## Overview\n\n${leftoverPreamble}`);
	}

	if (!r.zone && r.dateZone) setZone(r, r.dateZone, 'the incident date');
	if (r.zone) {
		pm.timeZone = r.zone;
		r.recognised.push({ field: 'Time zone', from: r.zoneFrom, detail: r.zone });
	}
	settleTimeline(r);
	if (r.day) {
		const firstThatDay = pm.timeline.find((e) => e.at.startsWith(r.day));
		pm.incidentDate = `${r.day}T${r.time || firstThatDay?.at.slice(11) || '00:00'}`;
	} else {
		const firstTimed = pm.timeline.find((e) => e.at);
		if (firstTimed) {
			pm.incidentDate = firstTimed.at;
			r.recognised.push({ field: 'Incident date', from: 'the first timeline entry', detail: firstTimed.at.replace('T', ' ') });
		}
	}

	for (const [field, texts] of r.texts) pm[field] = texts.join('\n\n');
	for (const [a, numbers] of r.factorNumbers) {
		const ids = numbers.map((n) => pm.contributingFactors[n - 1]?.id).filter((id): id is string => !!id);
		if (ids.length) a.factorIds = [...new Set(ids)];
		const missing = numbers.filter((n) => !pm.contributingFactors[n - 1]);
		if (missing.length)
			r.warnings.push(
				`“${glimpse(a.title)}” names contributing factor ${missing.join(', ')}, which the list does not have; that link was left out.`
			);
	}
	if (r.extra.length) {
		pm.supportingInfo = [pm.supportingInfo, ...r.extra].filter(Boolean).join('\n\n');
		const headings = r.extra.map((x) => /^#+ (.*)/.exec(x)?.[1] ?? '').filter(Boolean);
		r.recognised.push({
			field: FIELD_LABELS.supportingInfo,
			from: headings.map((h) => `“${h}”`).join(', '),
			detail: 'sections kept as they are, under their own headings'
		});
	}
	const found = r.recognised.filter(
		(f) => f.field !== 'Title' && f.field !== FIELD_LABELS.supportingInfo && !f.from.includes('before the first section')
	);
	if (found.length === 0)
		refuse(
			'Nothing in this Markdown file reads as part of a postmortem: no section such as “Summary”, “Impact”, “Timeline” or “Action items”, and no line such as “**Date:** …”.'
		);
	const order = (f: RecognisedField) => {
		const i = REPORT_ORDER.indexOf(f.field);
		return i < 0 ? REPORT_ORDER.length : i;
	};
	return { pm, recognised: r.recognised.sort((a, b) => order(a) - order(b)), warnings: r.warnings };
}

/** The order of the fields in the report: the editor's. */
const REPORT_ORDER = [
	'Title',
	'Incident date',
	'Time zone',
	'Status',
	'Severity',
	'Incident lead',
	'Facilitator',
	'Authors',
	'Participants',
	'Services',
	'Tags',
	'Postmortem meeting',
	...(
		[
			'summary',
			'impact',
			'trigger',
			'detection',
			'resolution',
			'timeline',
			'wentWell',
			'factors',
			'wentWrong',
			'gotLucky',
			'actions',
			'riskAccepted',
			'parkingLot',
			'lessons',
			'supportingInfo',
			'publicSummary',
			'finalNote'
		] as const
	).map((k) => FIELD_LABELS[k])
];

/** Front matter keys a page generator writes that say nothing about the incident. */
const SITE_KEYS =
	/^(?:layout|permalink|slug|draft|weight|type|template|published|comments|toc|sidebar|nav_order|parent|menu|aliases|url)$/i;

function readFrontMatter(r: Reading, data: FrontMatter, unread: string[]): void {
	const kept: string[] = [];
	for (const [key, value] of Object.entries(data)) {
		const text = Array.isArray(value)
			? value.map(String).join(', ')
			: typeof value === 'object' && value
				? JSON.stringify(value)
				: String(value);
		if (SITE_KEYS.test(key) && !/^(?:title|date)$/i.test(key)) continue;
		if (/^title$/i.test(key) && text) {
			r.pm.title = text;
			r.recognised.push({ field: 'Title', from: 'front matter “title”', detail: glimpse(text) });
		} else if (!(text && overviewField(r, key, text, 'front matter'))) kept.push(`- ${key}: ${text}`);
	}
	kept.push(...unread.map((l) => `    ${l}`));
	if (kept.length) r.extra.push(`## Front matter\n\n${kept.join('\n')}`);
}
