/** Reads a postmortem from Markdown: our own export exactly, anything else as well as it can (see markdown-foreign.ts). */

import type { Tokens } from 'marked';
import { MarkdownRefusal, blockTokens, itemText, refuse, reverse, unescapeInline } from './markdown-read';

export { unescapeInline };
import { createPostmortem, newId, SECTION_IDS, type Postmortem, type SectionId } from './model';
import { createContributingFactor, createCorrectiveAction, createTimelineEntry } from './parts';
import { restorePostmortem } from './restore';
import { FORBIDDEN_KEYS, FORMAT, FORMAT_VERSION, type ImportResult } from './schema';
import { splitFrontMatter, type FrontMatter } from './front-matter';
import { readForeignMarkdown } from './markdown-foreign';
import { isDateOnly, isWallClock } from './metrics';
import {
	ACTION_COLUMNS,
	LEARNED_LATER,
	MD_HEADINGS,
	OVERVIEW_LABELS,
	TIMELINE_COLUMNS,
	UNTITLED,
	fenceTracker,
	normalizeMarkdown,
	normalizeNewlines,
	textFromDocument
} from './markdown';
import {
	ACTION_KIND_LABELS,
	ACTION_STATUS_LABELS,
	FACTOR_KIND_LABELS,
	MILESTONE_LABELS,
	PRIORITY_LABELS,
	SEVERITY_LABELS,
	STATUS_LABELS,
	TERM_LABELS,
	sectionDef
} from './template';

/** The NUL and lone surrogates a long text was exported with as character references (see markdown.ts `textForDocument`), back as they were. */
function resolveReferences(s: string): string {
	return s.replace(
		/\\(&#x(?:0|D[89A-F][0-9A-F]{2});)|&#x(0|D[89A-F][0-9A-F]{2});/gi,
		(_, typed: string | undefined, hex: string) => typed ?? String.fromCharCode(parseInt(hex, 16))
	);
}

/** Split on a separator character that is not backslash-escaped; parts keep their escapes. */
function splitUnescaped(s: string, sep: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let i = 0; i < s.length; i++) {
		if (s[i] === '\\' && i + 1 < s.length) {
			current += s[i] + s[i + 1];
			i++;
		} else if (s[i] === sep) {
			parts.push(current);
			current = '';
		} else current += s[i];
	}
	parts.push(current);
	return parts;
}

/** A GFM table's decoded header names and its rows of cell text (still escaped, apart from pipes). */
interface Table {
	headers: string[];
	rows: string[][];
}

/** The first GFM table in `lines`, and whether there is anything else besides. */
function readTable(lines: readonly string[]): { table: Table; other: boolean } {
	let table: Table | undefined;
	let other = false;
	for (const t of blockTokens(lines)) {
		if (t.type === 'table' && !table) {
			const { header, rows, raw } = t as Tokens.Table;
			// GFM lets a table go on with lines without pipes; as before, those are text after the table.
			const rowLines = raw.trimEnd().split('\n').slice(2);
			const piped = rows.filter((_, i) => rowLines[i]?.trim().startsWith('|'));
			if (piped.length < rows.length) other = true;
			table = { headers: header.map((c) => unescapeInline(c.text)), rows: piped.map((r) => r.map((c) => c.text)) };
		} else if (t.type !== 'space') other = true;
	}
	return { table: table ?? { headers: [], rows: [] }, other };
}

/** Cell decoder for link columns: `<url>` autolinks or escaped text. */
function linkValue(cell: string): string {
	const m = /^<([^<>\s]*)>$/.exec(cell);
	return m ? m[1].replace(/\\\|/g, '|') : unescapeInline(cell);
}

const STATUS_BY_LABEL = reverse(STATUS_LABELS);
const SEVERITY_BY_LABEL = reverse(SEVERITY_LABELS);
const MILESTONE_BY_LABEL = reverse(MILESTONE_LABELS);
const FACTOR_KIND_BY_LABEL = reverse(FACTOR_KIND_LABELS);
const ACTION_KIND_BY_LABEL = reverse(ACTION_KIND_LABELS);
const TERM_BY_LABEL = reverse(TERM_LABELS);
const PRIORITY_BY_LABEL = reverse(PRIORITY_LABELS);
const ACTION_STATUS_BY_LABEL = reverse(ACTION_STATUS_LABELS);

/**
 * Split lines at headings `prefix` + one of `names`, taken only in the given order and outside code
 * fences (so a user's own heading text stays with the user's text). Returns the lines before the
 * first heading and the lines of each heading found. This is the export's own rule read backwards
 * (`fenceTracker` is what the export closes fences by), not marked's headings: in marked's reading
 * an unclosed `<!--` or `<pre>` in a text, or a fence left open in a list item of a text (closed by
 * the export at the margin), runs on over the sections after it.
 */
function splitAtHeadings<K extends string>(
	lines: string[],
	prefix: string,
	names: readonly (readonly [K, string])[]
): { before: string[]; parts: Map<K, string[]> } {
	const before: string[] = [];
	const parts = new Map<K, string[]>();
	let current = before;
	let next = 0;
	const inFence = fenceTracker();
	for (const line of lines) {
		if (!inFence(line) && line.startsWith(prefix)) {
			const text = line.slice(prefix.length).trim();
			const found = names.findIndex(([, name], i) => i >= next && name === text);
			if (found >= 0) {
				next = found + 1;
				current = [];
				parts.set(names[found][0], current);
				continue;
			}
		}
		current.push(line);
	}
	return { before, parts };
}

/** The items of the lists in `lines` (as exported: `- ` items, continuation lines indented by two) and the source of everything else. */
function readListItems(lines: readonly string[]): { items: string[]; other: string[] } {
	const items: string[] = [];
	const other: string[] = [];
	// An item whose first line is a rule ("- ---", "- - -") reads as a thematic break, and its
	// indented continuation lines as blocks of their own: they are put back together here.
	let ruled: string | undefined;
	const endRuled = () => {
		if (ruled !== undefined) items.push(itemText(ruled.trimEnd()));
		ruled = undefined;
	};
	for (const t of blockTokens(lines)) {
		if (ruled !== undefined && (t.type === 'space' || /^(?:[ \t]+\S[^\n]*)?(?:\n(?:[ \t]+\S[^\n]*)?)*\n*$/.test(t.raw))) {
			ruled += t.raw;
			continue;
		}
		endRuled();
		if (t.type === 'list') for (const item of (t as Tokens.List).items) items.push(itemText(item.raw));
		else if (t.type === 'hr' && /^[-*+] /.test(t.raw)) ruled = t.raw;
		else if (t.type !== 'space') other.push(t.raw);
	}
	endRuled();
	return { items, other };
}

const block = (lines: string[] | undefined) => resolveReferences(textFromDocument(lines ?? []));

type SectionKey = Exclude<SectionId, 'overview'> | 'final-note';

/** Reads the overview's "- **Label:** value" lines into `pm`; returns how many were fields of ours. */
function readOverview(lines: string[], pm: Postmortem, warnings: string[]): number {
	const L = OVERVIEW_LABELS;
	const labels = Object.values(L) as string[];
	let known = 0;
	const list = (value: string) =>
		splitUnescaped(value, ',')
			.map((s) => unescapeInline(s.trim()))
			.filter(Boolean);
	const skip = (line: string) => warnings.push(`An overview line was not recognised and was skipped: ${line.trim().slice(0, 80)}`);
	const fields: Array<RegExpExecArray> = [];
	for (const t of blockTokens(lines)) {
		if (t.type === 'space') continue;
		const items = t.type === 'list' ? (t as Tokens.List).items : [];
		if (!items.length) for (const line of t.raw.split('\n')) if (line.trim() !== '') skip(line);
		for (const item of items) {
			const [first, ...rest] = itemText(item.raw).split('\n');
			const m = /^\*\*(.+?):\*\*(?: (.*))?$/s.exec(first);
			if (m) fields.push(m);
			else skip(item.raw.split('\n')[0]);
			for (const line of rest) if (line.trim() !== '') skip(line);
		}
	}
	for (const m of fields) {
		const [, label, rawValue = ''] = m;
		if (labels.includes(label)) known++;
		const value = rawValue.trim();
		switch (label) {
			case L.incidentDate: {
				const d = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(?: \((.*)\))?$/s.exec(value);
				const at = d ? `${d[1]}T${d[2]}` : '';
				if (!d || !isWallClock(at)) refuse(`The incident date "${value.slice(0, 40)}" is not a valid date and time.`);
				pm.incidentDate = at;
				if (d?.[3]) pm.timeZone = unescapeInline(d[3]);
				break;
			}
			case L.timeZone:
				pm.timeZone = unescapeInline(value) || pm.timeZone;
				break;
			case L.status: {
				const s = STATUS_BY_LABEL.get(value.toLowerCase());
				if (!s) warnings.push(`Unknown status "${value.slice(0, 40)}"; the postmortem is imported as a draft.`);
				pm.status = s ?? 'draft';
				break;
			}
			case L.severity: {
				const s = SEVERITY_BY_LABEL.get(value.toLowerCase());
				if (!s) warnings.push(`Unknown severity "${value.slice(0, 40)}" was left out.`);
				pm.severity = s ?? '';
				break;
			}
			case L.incidentLead:
				pm.incidentLead = unescapeInline(value);
				break;
			case L.facilitator:
				pm.facilitator = unescapeInline(value);
				break;
			case L.authors:
				pm.authors = list(value);
				break;
			case L.participants:
				pm.participants = list(value);
				break;
			case L.services:
				pm.services = list(value);
				break;
			case L.tags:
				pm.tags = list(value);
				break;
			case L.meetingDate:
				if (isDateOnly(value)) pm.meetingDate = value;
				else warnings.push(`The meeting date "${value.slice(0, 40)}" is not a valid date and was left out.`);
				break;
			case L.timeToDetect:
			case L.timeToMitigate:
			case L.timeToResolve:
			case L.totalDuration:
				break; // derived from the timeline
			default:
				warnings.push(`Unknown overview field "${label.slice(0, 40)}" was skipped.`);
		}
	}
	return known;
}

/** Map table columns to their index by header name (the time header also carries the zone). */
function columnIndex(headers: string[], names: readonly string[]): number[] {
	return names.map((name) => headers.findIndex((h) => h === name || (name === TIMELINE_COLUMNS[0] && h.startsWith(`${name} (`))));
}

function readTimeline(lines: string[], pm: Postmortem, warnings: string[]): void {
	const {
		table: { headers, rows },
		other
	} = readTable(lines);
	if (other) warnings.push('Text in the timeline section outside the table was skipped.');
	if (rows.length === 0) return;
	const [time, who, what, milestone, link] = columnIndex(headers, TIMELINE_COLUMNS);
	if (time < 0 || what < 0) refuse('The timeline table has no "Time" or "What" column.');
	const cell = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '') : '');
	rows.forEach((r, n) => {
		const e = createTimelineEntry();
		const t = cell(r, time);
		if (t) {
			const at = t.replace(' ', 'T');
			if (!isWallClock(at)) refuse(`Timeline row ${n + 1} has no valid time ("${t.slice(0, 40)}").`);
			e.at = at;
		}
		e.who = unescapeInline(cell(r, who));
		const text = cell(r, what);
		if (text === LEARNED_LATER || text.startsWith(`${LEARNED_LATER} `)) {
			e.learnedLater = true;
			e.what = unescapeInline(text.slice(LEARNED_LATER.length + 1));
		} else e.what = unescapeInline(text);
		const m = unescapeInline(cell(r, milestone));
		if (m) {
			const id = MILESTONE_BY_LABEL.get(m.toLowerCase());
			if (!id) warnings.push(`Timeline row ${n + 1}: unknown milestone "${m.slice(0, 40)}" was left out.`);
			e.milestone = id ?? '';
		}
		e.link = linkValue(cell(r, link));
		pm.timeline.push(e);
	});
}

function readFactors(lines: string[], pm: Postmortem): void {
	const { before, parts } = splitAtHeadings(lines, '### ', [['wentWrong', MD_HEADINGS.wentWrong]] as const);
	const { items, other } = readListItems(before);
	for (const text of items) {
		const item = resolveReferences(text);
		const f = createContributingFactor();
		const m = /^\*\*([^*]+):\*\*(?:[ \n]|$)/.exec(item);
		const kind = m ? FACTOR_KIND_BY_LABEL.get(m[1].toLowerCase()) : undefined;
		if (m && kind) {
			f.kind = kind;
			f.description = item.slice(m[0].length).trim();
		} else f.description = item;
		pm.contributingFactors.push(f);
	}
	// Hand-written narrative outside the list stays with "what went wrong".
	const narrative = other.flatMap((raw) => raw.split('\n').filter((l) => l.trim() !== ''));
	pm.wentWrong = [resolveReferences(normalizeMarkdown(narrative.join('\n'))), block(parts.get('wentWrong'))].filter(Boolean).join('\n\n');
}

function readActions(lines: string[], pm: Postmortem, warnings: string[]): void {
	const { before, parts } = splitAtHeadings(lines, '### ', [
		['riskAccepted', MD_HEADINGS.riskAccepted],
		['parkingLot', MD_HEADINGS.parkingLot]
	] as const);
	pm.riskAccepted = block(parts.get('riskAccepted'));
	pm.facilitation.parkingLot = readListItems(parts.get('parkingLot') ?? []).items.map((text) => ({
		id: newId(),
		text: resolveReferences(text)
	}));

	const {
		table: { headers, rows },
		other
	} = readTable(before);
	if (other) warnings.push('Text in the corrective actions section outside the table was skipped.');
	const [, title, kind, term, priority, owner, due, status, tracker, measure, factors] = columnIndex(headers, ACTION_COLUMNS);
	if (rows.length > 0 && title < 0) refuse('The corrective actions table has no "Action" column.');
	const cell = (r: string[], i: number) => (i >= 0 ? unescapeInline(r[i] ?? '') : '');
	const pick = <T extends string>(value: string, map: Map<string, T>, what: string, n: number): T | '' => {
		if (!value) return '';
		const v = map.get(value.toLowerCase());
		if (!v) warnings.push(`Corrective action ${n}: unknown ${what} "${value.slice(0, 40)}" was left out.`);
		return v ?? '';
	};
	rows.forEach((r, i) => {
		const n = i + 1;
		const a = createCorrectiveAction(cell(r, title));
		a.kind = pick(cell(r, kind), ACTION_KIND_BY_LABEL, 'kind', n);
		a.term = pick(cell(r, term), TERM_BY_LABEL, 'term', n);
		a.priority = pick(cell(r, priority), PRIORITY_BY_LABEL, 'priority', n);
		a.owner = cell(r, owner);
		const d = cell(r, due);
		if (d && !isDateOnly(d)) refuse(`Corrective action ${n} has no valid due date ("${d.slice(0, 40)}").`);
		a.dueDate = d;
		a.status = pick(cell(r, status), ACTION_STATUS_BY_LABEL, 'status', n) || 'open';
		a.trackerLink = tracker >= 0 ? linkValue(r[tracker] ?? '') : '';
		a.successMeasure = cell(r, measure);
		const linked = cell(r, factors);
		if (linked) {
			// "1, 3": the numbers of the factors list above (read before this section).
			const ids = linked.split(/[\s,;]+/).flatMap((x) => {
				const f = /^\d{1,6}$/.test(x) ? pm.contributingFactors[Number(x) - 1] : undefined;
				if (!f)
					warnings.push(`Corrective action ${n}: factor "${x.slice(0, 20)}" is not in the contributing factors list and was left out.`);
				return f ? [f.id] : [];
			});
			if (ids.length) a.factorIds = [...new Set(ids)];
		}
		pm.correctiveActions.push(a);
	});
}

/** Our export's prose read into a new postmortem; `text` has its newlines normalized and no BOM (see parseMarkdownImport). */
function read(text: string, now: Date, warnings: string[]): Postmortem {
	const lines = text.split('\n');
	const start = lines.findIndex((l) => l.trim() !== '');
	const titleLine = start >= 0 ? /^# (.*)$/s.exec(lines[start].trim()) : null;
	if (!titleLine) {
		refuse('This Markdown file does not start with a "# Title" line, so it does not look like a postmortem exported by this app.');
	}
	const pm = createPostmortem(now);
	const title = unescapeInline(titleLine![1].trim());
	pm.title = title === UNTITLED ? '' : title;

	const sectionIds = SECTION_IDS.filter((id) => id !== 'overview') as SectionKey[];
	const names: [SectionKey, string][] = [
		...sectionIds.map((id): [SectionKey, string] => [id, sectionDef(id as SectionId).title]),
		['final-note', MD_HEADINGS.finalNote]
	];
	const { before, parts } = splitAtHeadings(lines.slice(start + 1), '## ', names);
	const fields = readOverview(before, pm, warnings);
	// Any Markdown starts with "# Something": text with none of our fields or sections is not ours.
	if (parts.size === 0 && fields === 0 && before.some((l) => l.trim() !== '')) {
		refuse(
			'This Markdown file has a title but none of the fields or sections of a postmortem exported by this app (such as "## Summary"), so it was not imported.'
		);
	}

	pm.summary = block(parts.get('summary'));
	pm.impact = block(parts.get('impact'));
	const trig = splitAtHeadings(parts.get('trigger') ?? [], '### ', [
		['trigger', MD_HEADINGS.trigger],
		['detection', MD_HEADINGS.detection],
		['resolution', MD_HEADINGS.resolution]
	] as const);
	pm.trigger = [block(trig.before), block(trig.parts.get('trigger'))].filter(Boolean).join('\n\n');
	pm.detection = block(trig.parts.get('detection'));
	pm.resolution = block(trig.parts.get('resolution'));
	readTimeline(parts.get('timeline') ?? [], pm, warnings);
	pm.wentWell = block(parts.get('went-well'));
	readFactors(parts.get('factors') ?? [], pm);
	pm.gotLucky = block(parts.get('lucky'));
	readActions(parts.get('actions') ?? [], pm, warnings);
	pm.lessons = block(parts.get('lessons'));
	pm.supportingInfo = block(parts.get('supporting'));
	pm.publicSummary = block(parts.get('public-summary'));
	pm.finalNote = block(parts.get('final-note'));
	return pm;
}

/** Options of `parseMarkdownImport`. */
export interface MarkdownImportOptions {
	/** The file's name: a document without a title is named after it. */
	fileName?: string;
}

/**
 * Whether a file without our front matter is an older export of ours: its overview list, before the
 * first section, has the "Status" line our export always writes.
 */
function looksExported(lines: readonly string[]): boolean {
	const end = lines.findIndex((l) => l.startsWith('## '));
	const statuses = Object.values(STATUS_LABELS).join('|');
	const status = new RegExp(`^- \\*\\*${OVERVIEW_LABELS.status}:\\*\\* (?:${statuses})$`);
	return lines.slice(0, end < 0 ? lines.length : end).some((l) => status.test(l));
}

/** A title from a file name: "2024-03-01-checkout-outage.md" → "Checkout outage". */
export function titleFromFileName(fileName: string): string {
	const base = fileName
		.replace(/^.*[\\/]/, '')
		.replace(/\.(?:md|markdown|txt)$/i, '')
		.replace(/^\d{4}-\d{2}-\d{2}[-_ ]*/, '')
		.replace(/[-_]+/g, ' ')
		.trim();
	return base ? base[0].toUpperCase() + base.slice(1) : '';
}

/**
 * Read a postmortem from Markdown into a new postmortem. Our own export is read exactly: with its
 * front matter, ids and everything without a prose form come back too; without it (an older
 * export), it gets new ids. Any other Markdown is read by `readForeignMarkdown`, and the result
 * says what was recognised, field by field. Call through `parseImport`, which checks the size first.
 */
export function parseMarkdownImport(text: string, now: Date = new Date(), options: MarkdownImportOptions = {}): ImportResult {
	try {
		const normal = normalizeNewlines(text.replace(/^\uFEFF/, ''));
		const { data, body, unread } = splitFrontMatter(normal);
		const ours = data?.format === FORMAT;
		if (ours && (typeof data.version !== 'number' || data.version > FORMAT_VERSION))
			refuse(
				`This Markdown file was exported by a newer version of the app (format version ${String(data.version)}). Please update the app and try again.`
			);
		const lines = body.split('\n');
		if (ours || looksExported(lines)) {
			const own = readOwn(body, now, ours ? data : null);
			if (own) return own;
		}
		const foreign = readForeignMarkdown(body, {
			now,
			frontMatter: data,
			unreadFrontMatter: unread,
			fileTitle: titleFromFileName(options.fileName ?? '')
		});
		const r = restorePostmortem(foreign.pm, { now });
		if (!r.ok) return { ok: false, error: r.error };
		return {
			ok: true,
			postmortems: [r.postmortem],
			kind: 'markdown',
			warnings: [...foreign.warnings, ...r.warnings],
			recognised: foreign.recognised
		};
	} catch (e) {
		if (e instanceof MarkdownRefusal) return { ok: false, error: e.message };
		throw e;
	}
}

/** Our own export; null when it does not read cleanly as one (it is then read as foreign Markdown). */
function readOwn(body: string, now: Date, frontMatter: FrontMatter | null): ImportResult | null {
	const own: string[] = [];
	let pm: Postmortem;
	try {
		pm = read(body, now, own);
	} catch (e) {
		if (frontMatter || !(e instanceof MarkdownRefusal)) throw e;
		return null;
	}
	// An older export of ours, or Markdown in its shape: read it as foreign Markdown when the strict
	// reading would skip some of its text.
	if (!frontMatter && own.some((w) => w.includes('skipped'))) return null;
	if (frontMatter) applyFrontMatter(pm, frontMatter, own);
	// The fields read go through the one restore path, so the schema's limits hold here too.
	const r = restorePostmortem(pm, { now });
	if (!r.ok) return { ok: false, error: r.error };
	return {
		ok: true,
		postmortems: [r.postmortem],
		kind: frontMatter ? 'postmortem' : 'markdown',
		warnings: [...own, ...r.warnings]
	};
}

/** Put back what our front matter carries: ids, times, and the fields with no prose form. */
function applyFrontMatter(pm: Postmortem, data: FrontMatter, warnings: string[]): void {
	const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
	pm.id = str(data.id) ?? pm.id;
	pm.createdAt = str(data.createdAt) ?? pm.createdAt;
	pm.updatedAt = str(data.updatedAt) ?? pm.updatedAt;
	if (typeof data.revision === 'number') pm.revision = data.revision;
	const ids = (key: string, items: Array<{ id: string }>) => {
		const list = data[key];
		if (!Array.isArray(list)) return;
		if (list.length !== items.length || !list.every((x) => typeof x === 'string')) {
			warnings.push(`The ${key} of this file were edited by hand; they were given new ids.`);
			return;
		}
		items.forEach((item, i) => (item.id = list[i] as string));
	};
	// Actions refer to factors by id: keep the links while the factors' ids change.
	const factorIds = new Map(pm.contributingFactors.map((f, i) => [f.id, i]));
	ids('timeline', pm.timeline);
	ids('factors', pm.contributingFactors);
	ids('actions', pm.correctiveActions);
	ids('parkingLot', pm.facilitation.parkingLot);
	for (const a of pm.correctiveActions)
		if (a.factorIds) a.factorIds = a.factorIds.map((id) => pm.contributingFactors[factorIds.get(id) ?? -1]?.id ?? id);
	const sources = data.sources;
	if (sources && typeof sources === 'object')
		for (const e of pm.timeline) {
			const s = (sources as Record<string, unknown>)[e.id];
			if (s && typeof s === 'object') e.source = s as Postmortem['timeline'][number]['source'];
		}
	if (Array.isArray(data.reviewedFindings)) pm.reviewedFindings = data.reviewedFindings as string[];
	if (Array.isArray(data.finalChecks)) pm.finalChecks = data.finalChecks as string[];
	if (Array.isArray(data.agenda)) pm.facilitation.agenda = data.agenda as Postmortem['facilitation']['agenda'];
	if (data.extra && typeof data.extra === 'object')
		for (const [k, v] of Object.entries(data.extra))
			if (!(k in pm) && !FORBIDDEN_KEYS.includes(k)) (pm as unknown as Record<string, unknown>)[k] = v;
}
