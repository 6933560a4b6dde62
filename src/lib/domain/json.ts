/** JSON export (single and bundle) and the guarded import of JSON and Markdown files. */

import {
	ACTION_KINDS,
	ACTION_STATUSES,
	ACTION_TERMS,
	DEFAULT_AGENDA,
	FACTOR_KINDS,
	MILESTONES,
	PRIORITIES,
	SEVERITIES,
	STATUSES,
	createPostmortem,
	newId,
	UNSAVED_ID,
	type AgendaItem,
	type ContributingFactor,
	type CorrectiveAction,
	type Facilitation,
	type ParkingLotItem,
	type Postmortem,
	type TimelineEntry
} from './model';
import { isDateOnly, isValidTimeZone, isWallClock } from './metrics';
import { parseMarkdownImport } from './markdown-import';

/** The format name written into every JSON export. */
export const FORMAT = 'postmortem-workbench';
/** The current JSON format version. */
export const FORMAT_VERSION = 1;
/** Files above this size (UTF-8 bytes) are refused before parsing. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Deepest bracket nesting accepted in a JSON file. */
export const MAX_DEPTH = 64;
/** Longest accepted text field, in characters. */
export const MAX_FIELD_CHARS = 1_000_000;
/** Most items accepted per list. */
export const LIMITS = {
	postmortems: 10_000,
	timeline: 20_000,
	factors: 10_000,
	actions: 10_000,
	parkingLot: 10_000,
	listItems: 10_000,
	reviewedFindings: 100_000
} as const;

/** Keys that are refused anywhere in an imported file (prototype pollution). */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** What kind of file an import read. */
export type ImportKind = 'postmortem' | 'bundle' | 'markdown';

/** The outcome of an import: every postmortem, or one clear reason nothing was imported. */
export type ImportResult = { ok: true; postmortems: Postmortem[]; kind: ImportKind; warnings: string[] } | { ok: false; error: string };

/** Upgrades a raw file object from version N to version N + 1. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrade steps keyed by the version they upgrade from. Version 0 (or a missing version) is the
 * pre-release shape, identical to version 1.
 */
export const MIGRATIONS: Record<number, Migration> = {
	0: (raw) => ({ ...raw, version: 1 })
};

/** A refusal with a message meant for the person importing. */
export class ImportRefusal extends Error {}

const refuse = (message: string): never => {
	throw new ImportRefusal(message);
};

/** Apply migrations step by step from `from` up to `to`. Throws ImportRefusal when a step is missing. */
export function migrate(
	raw: Record<string, unknown>,
	from: number,
	to: number = FORMAT_VERSION,
	migrations: Record<number, Migration> = MIGRATIONS
): Record<string, unknown> {
	let current = raw;
	for (let v = from; v < to; v++) {
		const step = migrations[v];
		if (!step) refuse(`This file uses format version ${v}, which this app cannot upgrade.`);
		current = step(current);
	}
	return current;
}

// ---------------------------------------------------------------- export

/** The known postmortem keys, in the order they are written. */
const KNOWN_KEYS = Object.keys(createPostmortem(new Date(0), 'UTC')).filter((k) => k !== 'extra') as (keyof Postmortem)[];
const KNOWN = new Set<string>(KNOWN_KEYS);

/** The postmortem as a plain JSON object, with `extra` fields back at the top level. */
function serialise(pm: Postmortem): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of KNOWN_KEYS) out[k] = pm[k];
	for (const [k, v] of Object.entries(pm.extra ?? {})) {
		if (!KNOWN.has(k) && !FORBIDDEN_KEYS.includes(k)) out[k] = v;
	}
	return out;
}

/** One postmortem as a pretty-printed JSON export. */
export function toJson(pm: Postmortem, now: Date = new Date()): string {
	const file = {
		format: FORMAT,
		kind: 'postmortem',
		version: FORMAT_VERSION,
		exportedAt: now.toISOString(),
		postmortem: serialise(pm)
	};
	return JSON.stringify(file, null, 2);
}

/** Many postmortems as a pretty-printed JSON bundle (backup or sharing). */
export function toJsonBundle(pms: readonly Postmortem[], now: Date = new Date()): string {
	const file = {
		format: FORMAT,
		kind: 'bundle',
		version: FORMAT_VERSION,
		exportedAt: now.toISOString(),
		postmortems: pms.map(serialise)
	};
	return JSON.stringify(file, null, 2);
}

// ---------------------------------------------------------------- import: guards

/** UTF-8 size of a string, stopping early once it exceeds `limit`. */
export function utf8Length(text: string, limit = Infinity): number {
	let bytes = 0;
	for (let i = 0; i < text.length && bytes <= limit; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

/** True when the text is larger than MAX_IMPORT_BYTES. */
export function isTooLarge(text: string): boolean {
	if (text.length > MAX_IMPORT_BYTES) return true;
	if (text.length * 3 <= MAX_IMPORT_BYTES) return false;
	return utf8Length(text, MAX_IMPORT_BYTES) > MAX_IMPORT_BYTES;
}

/** Deepest bracket nesting of JSON text, found by scanning (no recursion, stops past `limit`). */
function jsonDepth(text: string, limit: number): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92 /* \ */) i++;
			else if (c === 34 /* " */) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91 /* { [ */) {
			if (++depth > max) max = depth;
			if (max > limit) return max;
		} else if (c === 125 || c === 93 /* } ] */) depth--;
	}
	return max;
}

/** The first forbidden key anywhere in a parsed value, with its path; walked iteratively. */
function findForbiddenKey(root: unknown): { key: string; path: string } | null {
	const stack: [unknown, string][] = [[root, '']];
	while (stack.length > 0) {
		const [value, path] = stack.pop()!;
		if (value === null || typeof value !== 'object') continue;
		if (Array.isArray(value)) {
			for (let i = 0; i < value.length; i++) stack.push([value[i], `${path}[${i}]`]);
			continue;
		}
		for (const key of Object.keys(value)) {
			const p = path ? `${path}.${key}` : key;
			if (FORBIDDEN_KEYS.includes(key)) return { key, path: p };
			stack.push([(value as Record<string, unknown>)[key], p]);
		}
	}
	return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function typeName(v: unknown): string {
	if (v === null) return 'empty (null)';
	if (Array.isArray(v)) return 'a list';
	switch (typeof v) {
		case 'string':
			return 'text';
		case 'number':
			return 'a number';
		case 'boolean':
			return 'true/false';
		case 'object':
			return 'an object';
		default:
			return typeof v;
	}
}

const quote = (s: string, max = 60) => `"${s.length > max ? s.slice(0, max) + '…' : s}"`;

// ---------------------------------------------------------------- import: validation

/** Where warnings go while one postmortem is validated. */
interface Ctx {
	warnings: string[];
	/** e.g. 'Postmortem 2 ("Title"): ' */
	prefix: string;
	droppedNested: boolean;
}

/** Reads known fields of one raw object into fresh values; `where` names the object in messages. */
class Reader {
	constructor(
		private readonly obj: Record<string, unknown>,
		private readonly where: string,
		private readonly ctx: Ctx
	) {}

	private at(key: string): string {
		return this.where ? `${this.where}: "${key}"` : `"${key}"`;
	}

	/** The raw value, with null read as missing. */
	raw(key: string): unknown {
		const v = this.obj[key];
		return v === null ? undefined : v;
	}

	str(key: string, fallback: string, max = MAX_FIELD_CHARS): string {
		const v = this.raw(key);
		if (v === undefined) return fallback;
		if (typeof v !== 'string') return refuse(`${this.at(key)} must be text, not ${typeName(v)}`);
		if (v.length > max) return refuse(`${this.at(key)} is longer than ${max.toLocaleString('en')} characters`);
		return v;
	}

	id(key = 'id'): string {
		const v = this.str(key, '', 200);
		return v || newId();
	}

	enumValue<T extends string, F extends string>(key: string, allowed: readonly T[], fallback: F, label: string): T | F {
		const v = this.str(key, fallback, 200);
		if (v === fallback || (allowed as readonly string[]).includes(v)) return v as T | F;
		this.ctx.warnings.push(
			`${this.ctx.prefix}${this.where ? this.where + ': ' : ''}unknown ${label} ${quote(v)} was replaced by ${fallback ? quote(fallback) : 'nothing'}`
		);
		return fallback;
	}

	/** '' or a valid value checked by `valid`; otherwise a refusal saying what was expected. */
	formatted(key: string, valid: (s: string) => boolean, refusal: string): string {
		const v = this.str(key, '', 100);
		if (v !== '' && !valid(v)) refuse(refusal);
		return v;
	}

	strings(key: string, fallback: string[], max: number = LIMITS.listItems): string[] {
		const v = this.raw(key);
		if (v === undefined) return fallback;
		if (!Array.isArray(v)) return refuse(`${this.at(key)} must be a list, not ${typeName(v)}`);
		if (v.length > max) return refuse(`${this.at(key)} has more than ${max.toLocaleString('en')} items`);
		return v.map((item, i) => {
			if (typeof item !== 'string') return refuse(`${this.at(key)} item ${i + 1} must be text, not ${typeName(item)}`);
			if (item.length > MAX_FIELD_CHARS) return refuse(`${this.at(key)} item ${i + 1} is too long`);
			return item;
		});
	}

	list<T>(key: string, max: number, noun: string, read: (r: Reader, n: number) => T): T[] {
		const v = this.raw(key);
		if (v === undefined) return [];
		if (!Array.isArray(v)) return refuse(`${this.at(key)} must be a list, not ${typeName(v)}`);
		if (v.length > max) return refuse(`${this.at(key)} has more than ${max.toLocaleString('en')} items`);
		return v.map((item, i) => {
			const where = `${noun} ${i + 1}`;
			if (!isRecord(item)) return refuse(`${where} must be an object, not ${typeName(item)}`);
			return read(new Reader(item, where, this.ctx), i + 1);
		});
	}

	/** Notes (once per postmortem) that unknown keys of a nested object are dropped. */
	onlyKeys(known: readonly string[]): void {
		if (Object.keys(this.obj).some((k) => !known.includes(k))) this.ctx.droppedNested = true;
	}
}

/** Give duplicate ids in a list fresh ones, so every item stays addressable. */
function dedupeIds<T extends { id: string }>(items: T[], what: string, ctx: Ctx): T[] {
	const seen = new Set<string>();
	let changed = false;
	for (const item of items) {
		if (seen.has(item.id)) {
			item.id = newId();
			changed = true;
		}
		seen.add(item.id);
	}
	if (changed) ctx.warnings.push(`${ctx.prefix}some ${what} shared an id and got a new one`);
	return items;
}

function readTimelineEntry(r: Reader, n: number): TimelineEntry {
	r.onlyKeys(['id', 'at', 'who', 'what', 'link', 'milestone']);
	return {
		id: r.id(),
		at: r.formatted('at', isWallClock, `timeline entry ${n} has no valid time (expected YYYY-MM-DDTHH:mm)`),
		who: r.str('who', ''),
		what: r.str('what', ''),
		link: r.str('link', ''),
		milestone: r.enumValue('milestone', MILESTONES, '', 'milestone')
	};
}

function readFactor(r: Reader): ContributingFactor {
	r.onlyKeys(['id', 'description', 'kind']);
	return {
		id: r.id(),
		description: r.str('description', ''),
		kind: r.enumValue('kind', FACTOR_KINDS, '', 'factor kind')
	};
}

function readAction(r: Reader, n: number): CorrectiveAction {
	r.onlyKeys(['id', 'title', 'kind', 'term', 'priority', 'owner', 'dueDate', 'status', 'trackerLink', 'successMeasure']);
	return {
		id: r.id(),
		title: r.str('title', ''),
		kind: r.enumValue('kind', ACTION_KINDS, '', 'action kind'),
		term: r.enumValue('term', ACTION_TERMS, '', 'term'),
		priority: r.enumValue('priority', PRIORITIES, '', 'priority'),
		owner: r.str('owner', ''),
		dueDate: r.formatted('dueDate', isDateOnly, `corrective action ${n} has no valid due date (expected YYYY-MM-DD)`),
		status: r.enumValue('status', ACTION_STATUSES, 'open', 'action status'),
		trackerLink: r.str('trackerLink', ''),
		successMeasure: r.str('successMeasure', '')
	};
}

const AGENDA_IDS = DEFAULT_AGENDA.map((a) => a.id);

function readFacilitation(raw: unknown, fallback: Facilitation, ctx: Ctx): Facilitation {
	if (raw === undefined || raw === null) return fallback;
	if (!isRecord(raw)) return refuse(`"facilitation" must be an object, not ${typeName(raw)}`);
	const r = new Reader(raw, 'facilitation', ctx);
	r.onlyKeys(['agenda', 'parkingLot']);
	let agenda: AgendaItem[] = fallback.agenda;
	if (r.raw('agenda') !== undefined) {
		const seen = new Set<string>();
		agenda = [];
		const items = r.list('agenda', 100, 'agenda item', (item, n) => {
			item.onlyKeys(['id', 'minutes']);
			const id = item.str('id', '', 100);
			const minutes = item.raw('minutes');
			if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0 || minutes > 1440) {
				return refuse(`agenda item ${n} has no valid number of minutes`);
			}
			return { id, minutes };
		});
		for (const { id, minutes } of items) {
			if (!(AGENDA_IDS as string[]).includes(id) || seen.has(id)) {
				ctx.warnings.push(`${ctx.prefix}unknown agenda item ${quote(id)} was dropped`);
				continue;
			}
			seen.add(id);
			agenda.push({ id: id as AgendaItem['id'], minutes });
		}
		if (!agenda.length) {
			// The meeting needs at least one item to run.
			ctx.warnings.push(`${ctx.prefix}the meeting agenda had no known items; the usual agenda is used`);
			agenda = fallback.agenda;
		}
	}
	const parkingLot: ParkingLotItem[] = dedupeIds(
		r.list('parkingLot', LIMITS.parkingLot, 'parking lot item', (item) => {
			item.onlyKeys(['id', 'text']);
			return { id: item.id(), text: item.str('text', '') };
		}),
		'parking lot items',
		ctx
	);
	return { agenda, parkingLot };
}

/** Ids the app's own pages use in place of a postmortem's id. */
const RESERVED_IDS: string[] = [UNSAVED_ID];

/**
 * A postmortem's id is part of its page's address (/p/<id>): one that would not survive there
 * (a slash, a space, "..", a reserved word) is replaced, with a warning. The replacement is worked
 * out from the id, so importing the same file again finds the same postmortem (and asks whether to
 * replace it or keep both) instead of adding another copy.
 */
function addressableId(id: string, ctx: Ctx): string {
	if (/^[A-Za-z0-9_-]+$/.test(id) && !RESERVED_IDS.includes(id)) return id;
	const readable = id
		.replace(/[^A-Za-z0-9_-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
	const replacement = `${readable || 'imported'}-${fnv1a(id)}`;
	ctx.warnings.push(`${ctx.prefix}the id ${quote(id)} cannot be part of a page address and was replaced by ${quote(replacement)}`);
	return replacement;
}

/** A short fingerprint of a text (32-bit FNV-1a, base 36). */
function fnv1a(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return (h >>> 0).toString(36);
}

/** Validate one raw postmortem into a fresh object; unknown top-level keys go to `extra`. */
function readPostmortem(raw: Record<string, unknown>, now: Date, ctx: Ctx): Postmortem {
	const d = createPostmortem(now);
	const r = new Reader(raw, '', ctx);
	const time = (key: 'createdAt' | 'updatedAt') => {
		const v = r.str(key, d[key], 100);
		if (Number.isNaN(Date.parse(v))) {
			ctx.warnings.push(`${ctx.prefix}"${key}" was not a valid date and was set to now`);
			return d[key];
		}
		return v;
	};
	const revision = r.raw('revision');
	if (revision !== undefined && (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0)) {
		refuse(`"revision" must be a whole number of 0 or more, not ${typeName(revision)}`);
	}
	const timeZone = r.str('timeZone', d.timeZone, 100) || d.timeZone;
	if (!isValidTimeZone(timeZone)) {
		ctx.warnings.push(`${ctx.prefix}unknown time zone ${quote(timeZone)}; times will be read as UTC`);
	}
	const pm: Postmortem = {
		id: addressableId(r.id(), ctx),
		revision: (revision as number | undefined) ?? 0,
		createdAt: time('createdAt'),
		updatedAt: time('updatedAt'),
		title: r.str('title', ''),
		incidentDate: r.formatted('incidentDate', isWallClock, 'the incident date is not a valid date and time (expected YYYY-MM-DDTHH:mm)'),
		timeZone,
		status: r.enumValue('status', STATUSES, 'draft', 'status'),
		severity: r.enumValue('severity', SEVERITIES, '', 'severity'),
		incidentLead: r.str('incidentLead', ''),
		facilitator: r.str('facilitator', ''),
		authors: r.strings('authors', []),
		participants: r.strings('participants', []),
		services: r.strings('services', []),
		tags: r.strings('tags', []),
		meetingDate: r.formatted('meetingDate', isDateOnly, 'the meeting date is not a valid date (expected YYYY-MM-DD)'),
		summary: r.str('summary', ''),
		impact: r.str('impact', ''),
		trigger: r.str('trigger', ''),
		detection: r.str('detection', ''),
		resolution: r.str('resolution', ''),
		timeline: dedupeIds(r.list('timeline', LIMITS.timeline, 'timeline entry', readTimelineEntry), 'timeline entries', ctx),
		wentWell: r.str('wentWell', ''),
		wentWrong: r.str('wentWrong', ''),
		contributingFactors: dedupeIds(
			r.list('contributingFactors', LIMITS.factors, 'contributing factor', readFactor),
			'contributing factors',
			ctx
		),
		gotLucky: r.str('gotLucky', ''),
		correctiveActions: dedupeIds(r.list('correctiveActions', LIMITS.actions, 'corrective action', readAction), 'corrective actions', ctx),
		riskAccepted: r.str('riskAccepted', ''),
		lessons: r.str('lessons', ''),
		supportingInfo: r.str('supportingInfo', ''),
		publicSummary: r.str('publicSummary', ''),
		reviewedFindings: r.strings('reviewedFindings', [], LIMITS.reviewedFindings),
		finalNote: r.str('finalNote', ''),
		facilitation: readFacilitation(raw.facilitation, d.facilitation, ctx),
		extra: {}
	};
	for (const key of Object.keys(raw)) {
		if (!KNOWN.has(key)) pm.extra[key] = raw[key];
	}
	if (ctx.droppedNested) {
		ctx.warnings.push(`${ctx.prefix}unknown fields inside timeline entries, factors, actions or the agenda were dropped`);
	}
	return pm;
}

function label(raw: unknown, n: number, bundle: boolean): string {
	const title = isRecord(raw) && typeof raw.title === 'string' && raw.title.trim() ? raw.title.trim() : '';
	const named = title ? ` (${quote(title)})` : '';
	return bundle ? `Postmortem ${n}${named}` : title ? `Postmortem ${quote(title)}` : 'The postmortem';
}

/** Read the JSON envelope, migrate it and validate every postmortem (all or nothing). */
function parseJson(text: string, now: Date): ImportResult {
	if (jsonDepth(text, MAX_DEPTH) > MAX_DEPTH) {
		return refuse(`This file is nested more than ${MAX_DEPTH} levels deep, so it was not read.`);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return refuse('This file is not valid JSON (it may be truncated).');
	}
	const bad = findForbiddenKey(data);
	if (bad) {
		return refuse(`This file contains the key "${bad.key}" (at ${bad.path}), which is not allowed for safety reasons.`);
	}
	if (!isRecord(data) || data.format === undefined) {
		return refuse('This JSON file is not a Postmortem Workbench export (it has no "format": "postmortem-workbench").');
	}
	if (data.format !== FORMAT) {
		const f = typeof data.format === 'string' ? quote(data.format) : typeName(data.format);
		return refuse(`This JSON file has the format ${f}, not a Postmortem Workbench export.`);
	}
	const version = data.version ?? 0;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
		return refuse(`This file has an unreadable format version (${typeName(version)}).`);
	}
	if (version > FORMAT_VERSION) {
		return refuse(
			`This file was made by a newer version of the app (format version ${version}; this app reads up to ${FORMAT_VERSION}). Please update the app and try again.`
		);
	}
	const file = migrate(data, version);

	const kind = file.kind ?? (file.postmortems !== undefined ? 'bundle' : 'postmortem');
	let raws: unknown[];
	if (kind === 'postmortem') {
		if (!isRecord(file.postmortem)) return refuse('This file has no postmortem in it.');
		raws = [file.postmortem];
	} else if (kind === 'bundle') {
		if (!Array.isArray(file.postmortems)) return refuse('This bundle has no list of postmortems.');
		if (file.postmortems.length === 0) return refuse('This bundle holds no postmortems.');
		if (file.postmortems.length > LIMITS.postmortems) {
			return refuse(`This bundle holds more than ${LIMITS.postmortems.toLocaleString('en')} postmortems.`);
		}
		raws = file.postmortems;
	} else {
		return refuse(`This file is of an unknown kind (${typeof kind === 'string' ? quote(kind) : typeName(kind)}).`);
	}

	const bundle = kind === 'bundle';
	const warnings: string[] = [];
	const postmortems = raws.map((raw, i) => {
		const name = label(raw, i + 1, bundle);
		if (!isRecord(raw)) return refuse(`${name} is not an object.`);
		const ctx: Ctx = { warnings, prefix: `${name}: `, droppedNested: false };
		try {
			return readPostmortem(raw, now, ctx);
		} catch (e) {
			if (e instanceof ImportRefusal) throw new ImportRefusal(`${name}: ${e.message}`);
			throw e;
		}
	});
	const ids = new Map<string, number>();
	postmortems.forEach((pm, i) => {
		const before = ids.get(pm.id);
		if (before !== undefined) warnings.push(`Postmortems ${before + 1} and ${i + 1} have the same id`);
		else ids.set(pm.id, i);
	});
	return { ok: true, postmortems, kind, warnings };
}

/**
 * Read an exported file: our JSON (single or bundle, any older version) or our Markdown. Nothing is
 * partly imported: any problem refuses the whole file with a message naming it.
 */
export function parseImport(text: string, now: Date = new Date()): ImportResult {
	try {
		if (typeof text !== 'string') return refuse('This file could not be read as text.');
		if (isTooLarge(text)) {
			return refuse(`This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, too large to import.`);
		}
		const body = text.replace(/^\uFEFF/, '');
		const first = body.trimStart()[0];
		if (first === undefined) return refuse('This file is empty.');
		if (first === '{' || first === '[') return parseJson(body, now);
		return parseMarkdownImport(body, now);
	} catch (e) {
		if (e instanceof ImportRefusal) return { ok: false, error: e.message };
		return { ok: false, error: `This file could not be imported (${e instanceof Error ? e.message : String(e)}).` };
	}
}
