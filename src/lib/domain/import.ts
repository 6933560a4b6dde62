/** The import dispatcher: decides what kind of file a text is and hands it to the JSON or the Markdown reader. */

import { parseJsonImport, isTooLarge } from './json';
import { parseMarkdownImport } from './markdown-import';
import { ImportRefusal, MAX_IMPORT_BYTES, refuse, type ImportResult } from './schema';

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
		if (first === '{' || first === '[') return parseJsonImport(body, now);
		return parseMarkdownImport(body, now);
	} catch (e) {
		if (e instanceof ImportRefusal) return { ok: false, error: e.message };
		return { ok: false, error: `This file could not be imported (${e instanceof Error ? e.message : String(e)}).` };
	}
}
