/**
 * Reading exported files: the guards every file passes, the JSON reader (each postmortem through
 * `restorePostmortem`) and the dispatcher that tells JSON from Markdown.
 */

import { UNSAVED_ID, type Postmortem } from './model';
import { migrate } from './json';
import { parseMarkdownImport } from './markdown-import';
import { embeddedJson, looksLikeHtml } from './html-file';
import { restorePostmortem } from './restore';
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

// ---------------------------------------------------------------- guards

/** Characters encoded per step of utf8Length: its buffer holds their UTF-8 (at most 3 bytes each). */
const UTF8_STEP = 1 << 16;

/**
 * UTF-8 size of a string (as TextEncoder writes it: a lone surrogate becomes U+FFFD), stopping
 * early once it exceeds `limit`. Encoded a slice at a time into one small buffer, so a large file's
 * text is never copied whole.
 */
export function utf8Length(text: string, limit = Infinity): number {
	const encoder = new TextEncoder();
	const buffer = new Uint8Array(UTF8_STEP * 3);
	let bytes = 0;
	for (let i = 0; i < text.length && bytes <= limit;) {
		let end = Math.min(text.length, i + UTF8_STEP);
		// Never split a surrogate pair between two slices.
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
		bytes += encoder.encodeInto(text.slice(i, end), buffer).written;
		i = end;
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
	if (!isRecord(data)) {
		const what =
			data === null
				? 'null'
				: Array.isArray(data)
					? 'a list'
					: typeof data === 'number'
						? 'a number'
						: typeof data === 'string'
							? 'a text'
							: typeof data === 'boolean'
								? `${data}`
								: typeName(data);
		return refuse(`This JSON file holds ${what}, not a postmortem. ${ACCEPTED}`);
	}
	if (data.format === undefined) {
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
		if (kind === 'account')
			return refuse(
				'It is a participant’s account of an incident, not a postmortem. To merge it into a timeline, open the postmortem and use “Merge accounts…” in its Timeline step.'
			);
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

// ---------------------------------------------------------------- the dispatcher

/**
 * Read an exported file: our JSON (single or bundle, any older version) or our Markdown. Nothing is
 * partly imported: any problem refuses the whole file with a message naming it.
 */
export function parseImport(text: string, now: Date = new Date(), fileName = ''): ImportResult {
	try {
		if (typeof text !== 'string') return refuse('This file could not be read as text.');
		if (isTooLarge(text)) {
			return refuse(`This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, too large to import.`);
		}
		const body = text.replace(/^\uFEFF/, '');
		const first = body.trimStart()[0];
		if (first === undefined) return refuse('This file is empty.');
		const kind = fileKind(body, fileName);
		if (kind === 'binary') return refuse(`It is not a text file (an image, an archive or a document?). ${ACCEPTED}`);
		if (kind === 'json') return parseJsonImport(body, now);
		if (kind === 'html') {
			const json = embeddedJson(body);
			if (json === null)
				return refuse(
					'It is a web page with no postmortem in it (a public summary exported as HTML carries none, and pages from elsewhere are not read). ' +
						ACCEPTED
				);
			return parseJsonImport(json, now);
		}
		if (kind === 'text') {
			const what = describeText(body);
			// A chat log has a home of its own: the Timeline step's picker.
			const chat = what.includes('chat log')
				? ' To turn a chat log into timeline entries, open a postmortem and use “Add from a chat log…” in its Timeline step.'
				: '';
			return refuse(`It is plain text (${what}), not a postmortem. ${ACCEPTED}${chat}`);
		}
		return parseMarkdownImport(body, now, { fileName });
	} catch (e) {
		if (e instanceof ImportRefusal) return { ok: false, error: e.message };
		return { ok: false, error: `This file could not be imported (${e instanceof Error ? e.message : String(e)}).` };
	}
}

/** What the import takes, said after a refusal of a file of another kind. */
const ACCEPTED =
	'The app imports its own JSON exports and backups (.json), its HTML files (.html) and postmortems written in Markdown (.md), its own or from a wiki or a repository.';

/**
 * What a file holds, by its content and its name together: bytes that are no text (NUL or many
 * undecodable characters early on), JSON (a .json name, or text that starts like a JSON object or
 * list and parses), Markdown (a .md name, or a "#" heading first), or other text.
 */
function fileKind(body: string, fileName: string): 'binary' | 'json' | 'markdown' | 'html' | 'text' {
	const head = body.slice(0, 4096);
	const undecodable = head.match(/\uFFFD/g)?.length ?? 0;
	if (head.includes('\u0000') || undecodable > 8) return 'binary';
	const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
	if (ext === 'json') return 'json';
	if (ext === 'html' || ext === 'htm' || looksLikeHtml(head)) return 'html';
	if (ext === 'md' || ext === 'markdown') return 'markdown';
	const start = body.trimStart();
	if (start[0] === '{' || start[0] === '[') {
		// A chat log's "[10:02] name: …" starts like a JSON list too.
		if (start[0] === '{' || looksLikeJson(body)) return 'json';
		return 'text';
	}
	if (start[0] === '#') return 'markdown';
	// Without a name saying otherwise, a file whose first line is no heading is read as Markdown
	// only if it has a heading further on (the Markdown reader then says what it lacks).
	return /^#{1,6} /m.test(head) ? 'markdown' : 'text';
}

/**
 * Whether text that starts with "[" is JSON rather than a log whose lines start with a bracketed
 * time or date ("[10:02] <ana> …", "[2018-02-10 15:20] …"). Decided from the start of the text, so
 * a large file is parsed once, by the JSON import.
 */
function looksLikeJson(body: string): boolean {
	return !/^\s*\[\s*\d{1,4}[:\-/.]\d/.test(body);
}

/** A few words on what a text file seems to be, for the refusal. */
function describeText(body: string): string {
	const lines = body.split('\n', 40).filter((l) => l.trim());
	const timed = lines.filter(
		(l) => /^\s*\[?\d{1,2}:\d{2}(:\d{2})?\s*([ap]\.?m\.?)?\]?\s/i.test(l) || /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(l)
	).length;
	if (lines.length && timed / lines.length >= 0.3) return 'it looks like a chat log or a log file';
	return 'with no "# Title" heading';
}
