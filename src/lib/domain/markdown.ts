/** Markdown export (GitHub-flavoured) of a postmortem, full or public, and safe export file names. */

import { type ContributingFactor, type CorrectiveAction, type Postmortem } from './model';
import { sortTimeline } from './parts';
import { factorIdsOf } from './links';
import { deriveMetrics, formatDuration } from './metrics';
import {
	ACTION_KIND_LABELS,
	ACTION_STATUS_LABELS,
	FACTOR_KIND_LABELS,
	MILESTONE_LABELS,
	PRIORITY_LABELS,
	SEVERITY_LABELS,
	STATUS_LABELS,
	TERM_LABELS,
	isActionEmpty,
	isFactorEmpty,
	isTimelineEntryEmpty,
	SECTIONS,
	sectionDef
} from './template';
import { UNTITLED } from './labels';
import { FORBIDDEN_KEYS, FORMAT, FORMAT_VERSION } from './limits';
import { writeFrontMatter, type FrontMatter } from './front-matter';

/** Options for `toMarkdown`. */
export interface MarkdownOptions {
	/** 'full' (default) exports everything; 'public' only what is fit for customers. */
	variant?: 'full' | 'public';
	/**
	 * For a file (full variant): YAML front matter with the format, the ids and the fields that have
	 * no prose form, so that importing the file gives the postmortem back exactly. `exportedAt` is now.
	 */
	frontMatter?: { exportedAt: Date };
}

// Defined with the other display labels, which the library loads without this module.
export { UNTITLED };

/** Labels of the overview bullet list, shared with the Markdown import. */
export const OVERVIEW_LABELS = {
	incidentDate: 'Incident date',
	timeZone: 'Time zone',
	status: 'Status',
	severity: 'Severity',
	incidentLead: 'Incident lead',
	facilitator: 'Facilitator',
	authors: 'Authors',
	participants: 'Participants',
	services: 'Services',
	tags: 'Tags',
	meetingDate: 'Postmortem meeting',
	timeToDetect: 'Time to detect',
	timeToMitigate: 'Time to mitigate',
	timeToResolve: 'Time to resolve',
	totalDuration: 'Total duration'
} as const;

/** Sub-headings and extra headings the export uses, shared with the Markdown import. */
export const MD_HEADINGS = {
	trigger: 'Trigger',
	detection: 'Detection',
	resolution: 'Resolution',
	wentWrong: 'What went wrong',
	riskAccepted: 'Accepted risk',
	parkingLot: 'Parking lot',
	finalNote: 'Final note'
} as const;

/** Every heading text the full export writes at level 2 or 3. */
const OWN_HEADINGS = new Set<string>([...SECTIONS.map((d) => d.title), ...Object.values(MD_HEADINGS)]);

/** Column headers of the timeline table (the time column also names the zone). */
export const TIMELINE_COLUMNS = ['Time', 'Who', 'What', 'Milestone', 'Link'] as const;

/** Column headers of the corrective actions table. */
export const ACTION_COLUMNS = [
	'#',
	'Action',
	'Kind',
	'Term',
	'Priority',
	'Owner',
	'Due',
	'Status',
	'Tracker',
	"How we'll know",
	'Factors'
] as const;

const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '[', ']', '<', '>', '|', '~']);
const WORD = /[\p{L}\p{N}]/u;

/** True when `s[i]` is half of a surrogate pair without its other half. */
function isLoneSurrogate(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	if (c >= 0xd800 && c <= 0xdbff) return !(s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff);
	if (c >= 0xdc00 && c <= 0xdfff) return !(s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff);
	return false;
}

/**
 * NUL (which makes a file read as binary) and lone surrogates (which UTF-8 cannot hold) as character
 * references; `resolveReferences` in markdown-import reads them back.
 */
function referUnwritable(s: string): string {
	return s.replace(/&#x(?=(?:0|D[89A-F][0-9A-F]{2});)|[\u0000\ud800-\udfff]/gi, (c: string, i: number) =>
		// Such a reference typed as text is escaped, so it reads back as typed.
		c.length > 1 ? `\\${c}` : c === '\u0000' || isLoneSurrogate(s, i) ? `&#x${c.charCodeAt(0).toString(16).toUpperCase()};` : c
	);
}

/** Unify line endings. */
export function normalizeNewlines(s: string): string {
	return s.replace(/\r\n?/g, '\n');
}

/**
 * Plain text made safe to embed in one line of Markdown (and in a table cell): Markdown punctuation
 * is backslash-escaped, newlines become `<br>`, NUL, line separators and lone surrogates
 * character references. `extra` lists further characters to escape.
 * Exactly reversible with `unescapeInline` in markdown-import.
 */
export function escapeInline(text: string, extra = ''): string {
	const s = normalizeNewlines(text).trim();
	let out = '';
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (c === '\n') out += '<br>';
		// Line and paragraph separators end a line for marked (a table row would break there), a lone
		// surrogate cannot be written in UTF-8, and a NUL makes the file read as binary: each goes as a
		// character reference, which renderers show as the character (or U+FFFD) and unescapeInline
		// reads back as it was.
		else if (c === '\u0000' || c === '\u2028' || c === '\u2029' || isLoneSurrogate(s, i))
			out += `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
		else if (ALWAYS_ESCAPED.has(c) || extra.includes(c)) out += '\\' + c;
		// Intraword underscores are literal in GFM; escaping them only adds noise.
		else if (c === '_' && !(WORD.test(s[i - 1] ?? '') && WORD.test(s[i + 1] ?? ''))) out += '\\_';
		// An ampersand only needs escaping where it would start an entity.
		else if (c === '&' && /^&#?[a-zA-Z0-9]+;/.test(s.slice(i, i + 34))) out += '\\&';
		else out += c;
	}
	return out;
}

/** A Markdown long-text field, with line endings unified, leading blank lines and trailing space removed. */
export function normalizeMarkdown(s: string): string {
	return normalizeNewlines(s)
		.replace(/^(?:[ \t]*\n)+/, '')
		.replace(/\s+$/, '');
}

/** Tracks fenced code blocks line by line: true for a fence line or a line inside a fence. */
export function fenceTracker(): ((line: string) => boolean) & { unclosed: () => string | null } {
	let open: string | null = null;
	const track = (line: string): boolean => {
		const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
		if (m) {
			if (open === null) open = m[1];
			else if (m[1][0] === open[0] && m[1].length >= open.length && line.trim() === m[1]) open = null;
			return true;
		}
		return open !== null;
	};
	return Object.assign(track, { unclosed: () => open });
}

/** True for a line that reads like one of the document's own section or sub-section headings. */
function isOwnHeading(line: string): boolean {
	const m = /^(##|###) (.*)$/.exec(line);
	return !!m && OWN_HEADINGS.has(m[2].trim());
}

/**
 * A long text as it goes into the document: a line of its own that reads like one of the
 * document's headings gets one space of indent (rendered the same; `textFromDocument` takes it off
 * again), and a code fence left open is closed, so neither can take the sections after it. NUL and
 * lone surrogates become character references (see `escapeInline`).
 */
function textForDocument(s: string, { indentHeadings = true } = {}): string {
	const text = referUnwritable(normalizeMarkdown(s));
	if (!text) return text;
	const inFence = fenceTracker();
	const lines = text.split('\n').map((line) => (!inFence(line) && indentHeadings && isOwnHeading(line) ? ` ${line}` : line));
	const open = inFence.unclosed();
	if (open) lines.push(open);
	return lines.join('\n');
}

/** The reverse of `textForDocument` (a fence it closed stays closed). */
export function textFromDocument(lines: readonly string[]): string {
	const inFence = fenceTracker();
	return normalizeMarkdown(lines.map((l) => (!inFence(l) && l.startsWith(' ') && isOwnHeading(l.slice(1)) ? l.slice(1) : l)).join('\n'));
}

/**
 * A URL written as a CommonMark autolink. Only web and mail links: another renderer (a wiki, a code
 * host) makes an autolink clickable, so a `javascript:` or `data:` URL typed as a link stays text.
 */
const AUTOLINK = /^(https?:\/\/|mailto:)[^\s<>\\]*$/i;

/** A link for a table cell: an autolink when it is a plain web or mail URL, escaped text otherwise. */
function linkCell(link: string): string {
	const s = link.trim();
	if (s && AUTOLINK.test(s)) return `<${s.replace(/\|/g, '\\|')}>`;
	return escapeInline(s);
}

function row(cells: readonly string[]): string {
	return `| ${cells.join(' | ')} |`;
}

function table(headers: readonly string[], rows: string[][]): string {
	return [row(headers), row(headers.map(() => '---')), ...rows.map(row)].join('\n');
}

/** A list item whose continuation lines are indented so they stay inside the item. */
function listItem(prefix: string, text: string, marker = '-'): string {
	const lines = textForDocument(normalizeNewlines(text).trim(), { indentHeadings: false }).split('\n');
	// A code fence cannot open after "- ": one that starts the text gets a line of its own in the item.
	const first = /^(`{3,}|~{3,})/.test(lines[0]) ? '' : lines.shift()!;
	const head = [prefix, first].filter(Boolean).join(' ');
	const indent = ' '.repeat(marker.length + 1);
	const rest = lines.map((l) => (l.trim() === '' ? '' : `${indent}${l}`));
	return [head ? `${marker} ${head}` : marker, ...rest].join('\n');
}

const wall = (at: string) => at.replace('T', ' ');

function overview(pm: Postmortem): string {
	const lines: string[] = [];
	const add = (label: string, value: string) => {
		if (value) lines.push(`- **${label}:** ${value}`);
	};
	const list = (items: readonly string[]) =>
		items
			.map((i) => escapeInline(i, ','))
			.filter(Boolean)
			.join(', ');
	const L = OVERVIEW_LABELS;
	const zone = escapeInline(pm.timeZone);
	if (pm.incidentDate) add(L.incidentDate, `${wall(pm.incidentDate)}${zone ? ` (${zone})` : ''}`);
	else add(L.timeZone, zone);
	add(L.status, STATUS_LABELS[pm.status] ?? '');
	add(L.severity, pm.severity ? SEVERITY_LABELS[pm.severity] : '');
	add(L.incidentLead, escapeInline(pm.incidentLead));
	add(L.facilitator, escapeInline(pm.facilitator));
	add(L.authors, list(pm.authors));
	add(L.participants, list(pm.participants));
	add(L.services, list(pm.services));
	add(L.tags, list(pm.tags));
	add(L.meetingDate, pm.meetingDate);
	const m = deriveMetrics(pm);
	add(L.timeToDetect, formatDuration(m.timeToDetect));
	add(L.timeToMitigate, formatDuration(m.timeToMitigate));
	add(L.timeToResolve, formatDuration(m.timeToResolve));
	add(L.totalDuration, formatDuration(m.totalDuration));
	return lines.join('\n');
}

/** How the timeline table marks an entry that was learned later (its text follows; typed text never reads so: `*` is escaped). */
export const LEARNED_LATER = '*(Learned later)*';

function timelineTable(pm: Postmortem): string {
	const entries = sortTimeline(pm.timeline).filter((e) => !isTimelineEntryEmpty(e));
	if (entries.length === 0) return '';
	const headers = [`${TIMELINE_COLUMNS[0]} (${escapeInline(pm.timeZone)})`, ...TIMELINE_COLUMNS.slice(1)];
	return table(
		headers,
		entries.map((e) => [
			wall(e.at),
			escapeInline(e.who),
			e.learnedLater ? `${LEARNED_LATER} ${escapeInline(e.what)}`.trimEnd() : escapeInline(e.what),
			e.milestone ? MILESTONE_LABELS[e.milestone] : '',
			linkCell(e.link)
		])
	);
}

/** The contributing factors the document lists, numbered from 1 (the actions table refers to them by these numbers). */
function listedFactors(pm: Postmortem): ContributingFactor[] {
	return pm.contributingFactors.filter((f) => !isFactorEmpty(f));
}

function factorsList(pm: Postmortem): string {
	return listedFactors(pm)
		.map((f, i) => listItem(f.kind ? `**${FACTOR_KIND_LABELS[f.kind]}:**` : '', f.description, `${i + 1}.`))
		.join('\n');
}

function actionsTable(pm: Postmortem): string {
	const actions = pm.correctiveActions.filter((a) => !isActionEmpty(a));
	if (actions.length === 0) return '';
	const factorNumber = new Map(listedFactors(pm).map((f, i) => [f.id, i + 1]));
	const factors = (a: CorrectiveAction) =>
		factorIdsOf(a)
			.map((id) => factorNumber.get(id))
			.filter((n) => n !== undefined)
			.sort((x, y) => x - y)
			.join(', ');
	return table(
		ACTION_COLUMNS,
		actions.map((a, i) => [
			String(i + 1),
			escapeInline(a.title),
			a.kind ? ACTION_KIND_LABELS[a.kind] : '',
			a.term ? TERM_LABELS[a.term] : '',
			a.priority ? PRIORITY_LABELS[a.priority] : '',
			escapeInline(a.owner),
			a.dueDate,
			ACTION_STATUS_LABELS[a.status] ?? '',
			linkCell(a.trackerLink),
			escapeInline(a.successMeasure),
			factors(a)
		])
	);
}

/** Join non-empty blocks with blank lines. */
function blocks(...parts: string[]): string {
	return parts.filter((p) => p !== '').join('\n\n');
}

function sub(heading: string, body: string): string {
	return body ? `### ${heading}\n\n${body}` : '';
}

/**
 * The public summary as a document: only what the person wrote in the Public summary step. Nothing
 * internal goes into it unseen (an empty step gives the title and date alone; see `draftPublicSummary`).
 */
function publicMarkdown(pm: Postmortem): string {
	const title = `# ${escapeInline(pm.title) || UNTITLED}`;
	const date = pm.incidentDate ? `**Date:** ${pm.incidentDate.slice(0, 10)}` : '';
	return blocks(title, date, textForDocument(pm.publicSummary, { indentHeadings: false })) + '\n';
}

/** Whether the Public summary step has text (without it, no public summary goes out). */
export function hasPublicSummary(pm: Pick<Postmortem, 'publicSummary'>): boolean {
	return pm.publicSummary.trim() !== '';
}

/**
 * A first draft of the public summary from the internal summary, impact and resolution, for the
 * person to read and rework in the Public summary step (it may hold names, figures and internal
 * detail): never exported until it is put there. Empty when those fields are.
 */
export function draftPublicSummary(pm: Postmortem): string {
	return blocks(
		...(
			[
				['What happened', pm.summary],
				['Impact', pm.impact],
				['How it was resolved', pm.resolution]
			] as const
		).map(([h, text]) => (text.trim() ? `## ${h}\n\n${text.trim()}` : ''))
	);
}

/** Our front matter: the export envelope, and what the prose of the document does not carry. */
function ownFrontMatter(pm: Postmortem, exportedAt: Date): FrontMatter {
	const sources = Object.fromEntries(pm.timeline.filter((e) => e.source).map((e) => [e.id, e.source]));
	const extra = Object.fromEntries(Object.entries(pm.extra ?? {}).filter(([k]) => !FORBIDDEN_KEYS.includes(k)));
	return {
		format: FORMAT,
		version: FORMAT_VERSION,
		exportedAt: exportedAt.toISOString(),
		id: pm.id,
		revision: pm.revision,
		createdAt: pm.createdAt,
		updatedAt: pm.updatedAt,
		// The ids in the order of the tables and lists below.
		timeline: sortTimeline(pm.timeline)
			.filter((e) => !isTimelineEntryEmpty(e))
			.map((e) => e.id),
		factors: listedFactors(pm).map((f) => f.id),
		actions: pm.correctiveActions.filter((a) => !isActionEmpty(a)).map((a) => a.id),
		parkingLot: pm.facilitation.parkingLot.filter((p) => p.text.trim() !== '').map((p) => p.id),
		sources: Object.keys(sources).length ? sources : undefined,
		reviewedFindings: pm.reviewedFindings.length ? pm.reviewedFindings : undefined,
		finalChecks: pm.finalChecks,
		agenda: pm.facilitation.agenda,
		extra: Object.keys(extra).length ? extra : undefined
	};
}

/** The postmortem as a GitHub-flavoured Markdown document. */
export function toMarkdown(pm: Postmortem, options: MarkdownOptions = {}): string {
	if (options.variant === 'public') return publicMarkdown(pm);
	const md = textForDocument;
	const H = MD_HEADINGS;
	const section = (id: Parameters<typeof sectionDef>[0], body: string) => (body ? `## ${sectionDef(id).title}\n\n${body}` : '');
	const parkingLot = pm.facilitation.parkingLot
		.filter((p) => p.text.trim() !== '')
		.map((p) => listItem('', p.text))
		.join('\n');
	const out = blocks(
		`# ${escapeInline(pm.title) || UNTITLED}`,
		overview(pm),
		section('summary', md(pm.summary)),
		section('impact', md(pm.impact)),
		section('trigger', blocks(sub(H.trigger, md(pm.trigger)), sub(H.detection, md(pm.detection)), sub(H.resolution, md(pm.resolution)))),
		section('timeline', timelineTable(pm)),
		section('went-well', md(pm.wentWell)),
		section('factors', blocks(factorsList(pm), sub(H.wentWrong, md(pm.wentWrong)))),
		section('lucky', md(pm.gotLucky)),
		section('actions', blocks(actionsTable(pm), sub(H.riskAccepted, md(pm.riskAccepted)), sub(H.parkingLot, parkingLot))),
		section('lessons', md(pm.lessons)),
		section('supporting', md(pm.supportingInfo)),
		section('public-summary', md(pm.publicSummary)),
		md(pm.finalNote) ? `## ${H.finalNote}\n\n${md(pm.finalNote)}` : ''
	);
	return (options.frontMatter ? writeFrontMatter(ownFrontMatter(pm, options.frontMatter.exportedAt)) : '') + out + '\n';
}

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** ASCII slug of a title: lowercase letters, digits and single hyphens, at most `max` characters. */
export function slugify(text: string, max = 60): string {
	let slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ß/g, 'ss')
		.replace(/æ/gi, 'ae')
		.replace(/ø/gi, 'o')
		.replace(/œ/gi, 'oe')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length > max) {
		slug = slug.slice(0, max);
		const cut = slug.lastIndexOf('-');
		if (cut > max / 2) slug = slug.slice(0, cut);
		slug = slug.replace(/-+$/, '');
	}
	return slug;
}

/** A safe file name such as `2026-11-03-checkout-outage.md`, from the incident (or creation) date and title. */
export function exportFileName(pm: Pick<Postmortem, 'title' | 'incidentDate' | 'createdAt'>, ext: string): string {
	const dateOf = (s: string) => (/^\d{4}-\d{2}-\d{2}/.test(s ?? '') ? s.slice(0, 10) : '');
	const date = dateOf(pm.incidentDate) || dateOf(pm.createdAt);
	let slug = slugify(pm.title ?? '') || 'postmortem';
	if (RESERVED.test(slug)) slug = `${slug}-postmortem`;
	const base = [date, slug].filter(Boolean).join('-');
	const cleanExt = ext
		.replace(/^\.+/, '')
		.toLowerCase()
		.replace(/[^a-z0-9.]/g, '')
		.replace(/\.+$/, '');
	return cleanExt ? `${base}.${cleanExt}` : base;
}
