/** JSON export (single and bundle) and the guarded JSON import, which reads each postmortem with `restorePostmortem`. */

import { POSTMORTEM_VERSION, UNSAVED_ID, createPostmortem, type Postmortem } from './model';
import {
	FORBIDDEN_KEYS,
	FORMAT,
	FORMAT_VERSION,
	ImportRefusal,
	LIMITS,
	MAX_DEPTH,
	MAX_IMPORT_BYTES,
	isRecord,
	quote,
	refuse,
	typeName,
	type ImportResult
} from './schema';
import { restorePostmortem } from './restore';

// The limits and the import's result type are defined in schema.ts; re-exported for the modules that import them from here.
export {
	FORBIDDEN_KEYS,
	FORMAT,
	FORMAT_VERSION,
	ImportRefusal,
	LIMITS,
	MAX_DEPTH,
	MAX_FIELD_CHARS,
	MAX_IMPORT_BYTES,
	MAX_TIMEBOX_MINUTES,
	type ImportKind,
	type ImportResult
} from './schema';

/** Upgrades a raw file object from version N to version N + 1. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrade steps keyed by the version they upgrade from. Version 0 (or a missing version) is the
 * pre-release shape, identical to version 1.
 */
export const MIGRATIONS: Record<number, Migration> = {
	0: (raw) => ({ ...raw, version: 1 })
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
	// A row read before restore ran on every read has no version: it is in the current shape.
	out.schemaVersion = pm.schemaVersion ?? POSTMORTEM_VERSION;
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

/** Ids the app's own pages use in place of a postmortem's id. */
const RESERVED_IDS: string[] = [UNSAVED_ID];

/**
 * A postmortem's id is part of its page's address (/p/<id>): one that would not survive there
 * (a slash, a space, "..", a reserved word) is replaced, with a warning. The replacement is worked
 * out from the id, so importing the same file again finds the same postmortem (and asks whether to
 * replace it or keep both) instead of adding another copy.
 */
function addressableId(id: string, warnings: string[], prefix: string): string {
	if (/^[A-Za-z0-9_-]+$/.test(id) && !RESERVED_IDS.includes(id)) return id;
	const readable = id
		.replace(/[^A-Za-z0-9_-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
	const replacement = `${readable || 'imported'}-${fnv1a(id)}`;
	warnings.push(`${prefix}the id ${quote(id)} cannot be part of a page address and was replaced by ${quote(replacement)}`);
	return replacement;
}

/** A short fingerprint of a text (32-bit FNV-1a, base 36). */
function fnv1a(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return (h >>> 0).toString(36);
}

/**
 * One postmortem of a file through the restore path. A literal "extra" key in the file is one of
 * its unknown fields (the stored row's `extra` bag never appears in a file), so it is handed over
 * inside the bag.
 */
function readPostmortem(raw: Record<string, unknown>, now: Date, warnings: string[], prefix: string): Postmortem {
	const { extra, ...rest } = raw;
	const r = restorePostmortem(extra === undefined ? rest : { ...rest, extra: { extra } }, { now });
	if (!r.ok) return refuse(r.error);
	for (const w of r.warnings) warnings.push(prefix + w);
	const pm = r.postmortem;
	pm.id = addressableId(pm.id, warnings, prefix);
	return pm;
}

function label(raw: unknown, n: number, bundle: boolean): string {
	const title = isRecord(raw) && typeof raw.title === 'string' && raw.title.trim() ? raw.title.trim() : '';
	const named = title ? ` (${quote(title)})` : '';
	return bundle ? `Postmortem ${n}${named}` : title ? `Postmortem ${quote(title)}` : 'The postmortem';
}

/** Read the JSON envelope, migrate it and validate every postmortem (all or nothing). Throws ImportRefusal. */
export function parseJsonImport(text: string, now: Date = new Date()): ImportResult {
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
		try {
			return readPostmortem(raw, now, warnings, `${name}: `);
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
