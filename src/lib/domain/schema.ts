/**
 * The postmortem defined once for reading: every field's type, default, limit and allowed values,
 * as a valibot schema that validates any stored or imported object into a fresh current one. The
 * allowed values are the model's lists (model.ts); the limits are here, shared by import, export and
 * the UI. `restorePostmortem` (restore.ts) is the one way in.
 */

import * as v from 'valibot';
import {
	ACTION_KINDS,
	ACTION_STATUSES,
	ACTION_TERMS,
	AGENDA_IDS,
	DEFAULT_AGENDA,
	FACTOR_KINDS,
	MILESTONES,
	POSTMORTEM_VERSION,
	PRIORITIES,
	SEVERITIES,
	STATUSES,
	defaultTimeZone,
	newId,
	type AgendaItem,
	type Facilitation,
	type Postmortem
} from './model';
import { isDateOnly, isValidTimeZone, isWallClock } from './metrics';

// ---------------------------------------------------------------- limits

// The limits are plain numbers in limits.ts, so the editor can show them without loading valibot.
import { pruneFactorLinks } from './links';
import { FORBIDDEN_KEYS, LIMITS, MAX_FIELD_CHARS, MAX_ID_CHARS, MAX_SHORT_CHARS, MAX_TIMEBOX_MINUTES } from './limits';
export * from './limits';

export { POSTMORTEM_VERSION };

/** What kind of file an import read. */
export type ImportKind = 'postmortem' | 'bundle' | 'markdown';

/** One field an import of Markdown written elsewhere recognised: which field, where in the file it came from, and a glimpse of it. */
export interface RecognisedField {
	field: string;
	from: string;
	detail: string;
}

/**
 * The outcome of an import: every postmortem, or one clear reason nothing was imported.
 * `recognised` is there for Markdown written elsewhere: what was read into which field, to show
 * before anything is saved.
 */
export type ImportResult =
	| { ok: true; postmortems: Postmortem[]; kind: ImportKind; warnings: string[]; recognised?: RecognisedField[] }
	| { ok: false; error: string };

/** A refusal with a message meant for the person importing. */
export class ImportRefusal extends Error {}

/** Throw an ImportRefusal. */
export const refuse = (message: string): never => {
	throw new ImportRefusal(message);
};

// ---------------------------------------------------------------- wording

/** A plain record (not null, not a list). */
export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What a value is, in words for a message. */
export function typeName(v: unknown): string {
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

/** A text in quotes, shortened for a message. */
export const quote = (s: string, max = 60) => `"${s.length > max ? s.slice(0, max) + '…' : s}"`;

// ---------------------------------------------------------------- the read in progress

/**
 * What the read under way collects. The schema's transforms run synchronously inside one
 * `readPostmortemFields` call, which sets this first, so they can warn and default without a
 * context argument valibot does not have.
 */
interface Read {
	warnings: string[];
	/** The nested object being read, e.g. 'timeline entry 2'; '' at the top. */
	where: string;
	droppedNested: boolean;
	/** ISO instant used for a missing or unreadable createdAt/updatedAt. */
	now: string;
}
let read: Read = { warnings: [], where: '', droppedNested: false, now: '' };

const warnHere = (message: string) => read.warnings.push(read.where ? `${read.where}: ${message}` : message);

/** The message for the first problem valibot found, naming the field like the importer always has. */
function describe(issue: v.BaseIssue<unknown>, where: string): string {
	const keys = issue.path?.map((p) => p.key) ?? [];
	const at = where ? `${where}: "${String(keys[0])}"` : `"${String(keys[0])}"`;
	const item = typeof keys[1] === 'number' ? ` item ${keys[1] + 1}` : '';
	const limit = typeof issue.requirement === 'number' ? issue.requirement.toLocaleString('en') : '';
	switch (issue.type) {
		case 'string':
			return `${at}${item} must be text, not ${typeName(issue.input)}`;
		case 'array':
			return `${at} must be a list, not ${typeName(issue.input)}`;
		case 'max_length':
			if (typeof issue.input !== 'string') return `${at} has more than ${limit} items`;
			return item ? `${at}${item} is too long` : `${at} is longer than ${limit} characters`;
		default:
			// Our own checks' messages: whole sentences at the top, "has no valid ..." inside an item.
			return where ? `${where} ${issue.message}` : issue.message;
	}
}

/** Validate `raw` with an object schema into a fresh object, or refuse naming the first problem. */
function parseObject<S extends v.GenericSchema>(schema: S, raw: unknown, where: string): v.InferOutput<S> {
	const outer = read.where;
	read.where = where;
	try {
		const result = v.safeParse(schema, raw, { abortEarly: true });
		if (!result.success) refuse(describe(result.issues[0], where));
		return result.output;
	} finally {
		read.where = outer;
	}
}

/** A nested object (a list item, the meeting state): its unknown keys are dropped, with one note. */
function readNested<S extends v.ObjectSchema<v.ObjectEntries, undefined>>(schema: S, raw: unknown, where: string): v.InferOutput<S> {
	if (!isRecord(raw)) return refuse(`${where} must be an object, not ${typeName(raw)}`);
	for (const key of Object.keys(raw)) {
		if (FORBIDDEN_KEYS.includes(key)) refuse(`${where} has the key "${key}", which is not allowed for safety reasons`);
		if (!Object.hasOwn(schema.entries, key)) read.droppedNested = true;
	}
	return parseObject(schema, raw, where);
}

/** Give duplicate ids in a list fresh ones, so every item stays addressable. */
function dedupeIds<T extends { id: string }>(items: T[], what: string): T[] {
	const seen = new Set<string>();
	let changed = false;
	for (const item of items) {
		if (seen.has(item.id)) {
			item.id = newId();
			changed = true;
		}
		seen.add(item.id);
	}
	if (changed) read.warnings.push(`some ${what} shared an id and got a new one`);
	return items;
}

// ---------------------------------------------------------------- field kinds

/** Text up to `max` characters; missing or null reads as ''. */
/* @__NO_SIDE_EFFECTS__ */
function text(max: number = MAX_FIELD_CHARS) {
	return v.nullish(v.pipe(v.string(), v.maxLength(max)), '');
}

/** An id; missing or '' gets a fresh one. */
const id = v.nullish(
	v.pipe(
		v.string(),
		v.maxLength(MAX_ID_CHARS),
		v.transform((s) => s || newId())
	),
	''
);

/** One of `allowed`; an unknown value is replaced by `fallback` with a warning, not refused. */
/* @__NO_SIDE_EFFECTS__ */
function choice<const T extends readonly string[], const F extends string>(allowed: T, fallback: F, label: string) {
	return v.nullish(
		v.pipe(
			v.string(),
			v.maxLength(MAX_ID_CHARS),
			v.transform((s): T[number] | F => {
				if (s === fallback || allowed.includes(s)) return s as T[number] | F;
				warnHere(`unknown ${label} ${quote(s)} was replaced by ${fallback ? quote(fallback) : 'nothing'}`);
				return fallback;
			})
		),
		fallback
	);
}

/** '' or text that `valid` accepts; anything else is refused with `message`. */
/* @__NO_SIDE_EFFECTS__ */
function formatted(valid: (s: string) => boolean, message: string) {
	return v.nullish(
		v.pipe(
			v.string(),
			v.maxLength(MAX_SHORT_CHARS),
			v.check((s) => s === '' || valid(s), message)
		),
		''
	);
}

/** An ISO instant; an unreadable one is set to now with a warning. */
/* @__NO_SIDE_EFFECTS__ */
function instant(key: string) {
	return v.nullish(
		v.pipe(
			v.string(),
			v.maxLength(MAX_SHORT_CHARS),
			v.transform((s) => {
				if (!Number.isNaN(Date.parse(s))) return s;
				warnHere(`"${key}" was not a valid date and was set to now`);
				return read.now;
			})
		),
		() => read.now
	);
}

/** A list of texts, at most `max` of them. */
/* @__NO_SIDE_EFFECTS__ */
function texts(max: number = LIMITS.listItems) {
	return v.nullish(v.pipe(v.array(v.unknown()), v.maxLength(max), v.array(v.pipe(v.string(), v.maxLength(MAX_FIELD_CHARS)))), []);
}

/** A list of at most `max` objects read with `item`; ids made unique when `what` names them. */
/* @__NO_SIDE_EFFECTS__ */
function items<S extends v.ObjectSchema<v.ObjectEntries, undefined>>(item: S, max: number, noun: string, what?: string) {
	return v.pipe(
		v.array(v.unknown()),
		v.maxLength(max),
		v.transform((list): v.InferOutput<S>[] => {
			const out = list.map((raw, i) => readNested(item, raw, `${noun} ${i + 1}`));
			if (what) dedupeIds(out as { id: string }[], what);
			return out;
		})
	);
}

// ---------------------------------------------------------------- the shapes

/** One timeline entry. */
export const TimelineEntrySchema = v.object({
	id,
	at: formatted(isWallClock, 'has no valid time (expected YYYY-MM-DDTHH:mm)'),
	who: text(),
	what: text(),
	link: text(),
	milestone: choice(MILESTONES, '', 'milestone'),
	source: v.optional(v.object({ kind: v.picklist(['chat', 'account']), author: text(MAX_SHORT_CHARS), key: text(MAX_SHORT_CHARS) })),
	learnedLater: v.optional(v.boolean())
});

/** One contributing factor. */
export const ContributingFactorSchema = v.object({
	id,
	description: text(),
	kind: choice(FACTOR_KINDS, '', 'factor kind')
});

/** One corrective action. */
export const CorrectiveActionSchema = v.object({
	id,
	title: text(),
	kind: choice(ACTION_KINDS, '', 'action kind'),
	term: choice(ACTION_TERMS, '', 'term'),
	priority: choice(PRIORITIES, '', 'priority'),
	owner: text(),
	dueDate: formatted(isDateOnly, 'has no valid due date (expected YYYY-MM-DD)'),
	status: choice(ACTION_STATUSES, 'open', 'action status'),
	trackerLink: text(),
	successMeasure: text(),
	// Links to factors the postmortem lacks are dropped once the whole postmortem is read.
	factorIds: v.optional(
		v.pipe(
			v.array(v.unknown()),
			v.maxLength(LIMITS.factors),
			v.array(v.pipe(v.string(), v.maxLength(MAX_ID_CHARS))),
			v.transform((ids) => [...new Set(ids)])
		)
	)
});

/** One agenda item as written; unknown ids and long timeboxes are handled by `agendaOf`. */
const AgendaEntrySchema = v.object({
	id: text(MAX_SHORT_CHARS),
	// Missing reads as -1, which the check refuses like any other unusable number.
	minutes: v.optional(
		v.custom<number>((m) => typeof m === 'number' && Number.isFinite(m) && m >= 0, 'has no valid number of minutes'),
		-1
	)
});

/** One parking lot item. */
export const ParkingLotItemSchema = v.object({ id, text: text() });

const FacilitationEntriesSchema = v.object({
	agenda: v.nullish(items(AgendaEntrySchema, LIMITS.agenda, 'agenda item')),
	parkingLot: v.nullish(items(ParkingLotItemSchema, LIMITS.parkingLot, 'parking lot item', 'parking lot items'), [])
});

/** The agenda as the meeting runs it: known items once each, timeboxes at most MAX_TIMEBOX_MINUTES, never empty. */
function agendaOf(written: { id: string; minutes: number }[] | null | undefined): AgendaItem[] {
	const usual = () => DEFAULT_AGENDA.map((a) => ({ ...a }));
	if (written === undefined || written === null) return usual();
	const seen = new Set<string>();
	const agenda: AgendaItem[] = [];
	for (const { id, minutes } of written) {
		if (!(AGENDA_IDS as readonly string[]).includes(id) || seen.has(id)) {
			read.warnings.push(`unknown agenda item ${quote(id)} was dropped`);
			continue;
		}
		seen.add(id);
		if (minutes > MAX_TIMEBOX_MINUTES) {
			read.warnings.push(
				`the agenda item ${quote(id)} had ${minutes.toLocaleString('en')} minutes, more than the longest timebox; it was shortened to ${MAX_TIMEBOX_MINUTES}`
			);
		}
		agenda.push({ id: id as AgendaItem['id'], minutes: Math.min(minutes, MAX_TIMEBOX_MINUTES) });
	}
	if (agenda.length) return agenda;
	// The meeting needs at least one item to run.
	read.warnings.push('the meeting agenda had no known items; the usual agenda is used');
	return usual();
}

const facilitation = v.nullish(
	v.pipe(
		v.custom<Record<string, unknown>>(isRecord, (issue) => `"facilitation" must be an object, not ${typeName(issue.input)}`),
		v.transform((raw): Facilitation => {
			const f = readNested(FacilitationEntriesSchema, raw, 'facilitation');
			return { agenda: agendaOf(f.agenda), parkingLot: f.parkingLot };
		})
	),
	() => ({})
);

/** Every known field of a postmortem, in the order they are written. `extra` is handled by restore. */
export const PostmortemSchema = v.object({
	id,
	schemaVersion: v.nullish(v.number(), POSTMORTEM_VERSION),
	revision: v.nullish(
		v.custom<number>(
			(r) => typeof r === 'number' && Number.isSafeInteger(r) && r >= 0,
			(issue) => `"revision" must be a whole number of 0 or more, not ${typeName(issue.input)}`
		),
		0
	),
	createdAt: instant('createdAt'),
	updatedAt: instant('updatedAt'),
	title: text(),
	incidentDate: formatted(isWallClock, 'the incident date is not a valid date and time (expected YYYY-MM-DDTHH:mm)'),
	timeZone: v.nullish(
		v.pipe(
			v.string(),
			v.maxLength(MAX_SHORT_CHARS),
			v.transform((s) => {
				const zone = s || defaultTimeZone();
				if (!isValidTimeZone(zone)) warnHere(`unknown time zone ${quote(zone)}; times will be read as UTC`);
				return zone;
			})
		),
		''
	),
	status: choice(STATUSES, 'draft', 'status'),
	severity: choice(SEVERITIES, '', 'severity'),
	incidentLead: text(),
	facilitator: text(),
	authors: texts(),
	participants: texts(),
	services: texts(),
	tags: texts(),
	meetingDate: formatted(isDateOnly, 'the meeting date is not a valid date (expected YYYY-MM-DD)'),
	summary: text(),
	impact: text(),
	trigger: text(),
	detection: text(),
	resolution: text(),
	timeline: v.nullish(items(TimelineEntrySchema, LIMITS.timeline, 'timeline entry', 'timeline entries'), []),
	wentWell: text(),
	wentWrong: text(),
	contributingFactors: v.nullish(items(ContributingFactorSchema, LIMITS.factors, 'contributing factor', 'contributing factors'), []),
	gotLucky: text(),
	correctiveActions: v.nullish(items(CorrectiveActionSchema, LIMITS.actions, 'corrective action', 'corrective actions'), []),
	riskAccepted: text(),
	lessons: text(),
	supportingInfo: text(),
	publicSummary: text(),
	reviewedFindings: texts(LIMITS.reviewedFindings),
	finalNote: text(),
	finalChecks: v.optional(
		v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.listItems), v.array(v.pipe(v.string(), v.maxLength(MAX_SHORT_CHARS))))
	),
	facilitation
});

/** True when `key` is a known postmortem field (`extra` is not one: it holds the unknown ones). */
export const isPostmortemKey = (key: string): boolean => Object.hasOwn(PostmortemSchema.entries, key);

// The model's types and the schema cannot drift apart: this fails to compile when they differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _ShapesAgree = Assert<Same<Omit<Postmortem, 'extra'>, v.InferOutput<typeof PostmortemSchema>>>;

/**
 * Validate the known fields of a raw postmortem into a fresh object (unknown keys left out).
 * Returns the fields and the warnings; throws ImportRefusal on anything it cannot repair.
 */
export function readPostmortemFields(raw: Record<string, unknown>, now: Date): { fields: Omit<Postmortem, 'extra'>; warnings: string[] } {
	const outer = read;
	read = { warnings: [], where: '', droppedNested: false, now: now.toISOString() };
	try {
		const fields = parseObject(PostmortemSchema, raw, '');
		fields.correctiveActions = pruneFactorLinks(fields);
		if (read.droppedNested) {
			read.warnings.push('unknown fields inside timeline entries, factors, actions or the agenda were dropped');
		}
		return { fields, warnings: read.warnings };
	} finally {
		read = outer;
	}
}
