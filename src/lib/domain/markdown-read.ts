/** Reading Markdown, shared by the import of our own export and of postmortems written elsewhere. */

import { Lexer, type Token } from 'marked';

/** A refusal of a Markdown file, with a message meant for the person importing. */
export class MarkdownRefusal extends Error {}

/** Throw a MarkdownRefusal. */
export const refuse = (message: string): never => {
	throw new MarkdownRefusal(message);
};

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Reverse of `escapeInline`: backslash escapes are resolved, `<br>` becomes a newline and its character references their character. */
export function unescapeInline(s: string): string {
	let out = '';
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (c === '\\' && i + 1 < s.length && PUNCTUATION.test(s[i + 1])) {
			out += s[++i];
			continue;
		}
		// The character references escapeInline writes (an `&` typed as text before one is escaped).
		const ref = c === '&' ? /^&#x(0|2028|2029|D[89A-F][0-9A-F]{2});/i.exec(s.slice(i, i + 9)) : null;
		if (ref) {
			out += String.fromCharCode(parseInt(ref[1], 16));
			i += ref[0].length - 1;
			continue;
		}
		const br = /^<br\s*\/?>/i.exec(s.slice(i, i + 6));
		if (br) {
			out += '\n';
			i += br[0].length - 1;
			continue;
		}
		out += c;
	}
	return out;
}

/** Longest part of a Markdown file read with marked: its block lexer slows down on very large input. */
const MAX_MARKDOWN_CHARS = 2_000_000;
/** Lists or quotes nested this deep: marked recurses per level (stack overflow, or seconds per file). */
const TOO_DEEP = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))){64}|^[ \t]{256,}(?:[-*+>]|\d{1,9}[.)])/m;

/**
 * The block tokens of part of the document, as marked reads them (GitHub-flavoured). Only the
 * parts with structure are read this way (the overview list, the tables, the factor and parking-lot
 * lists); section headings are found by `splitAtHeadings`, with the export's own code-fence rule.
 */
export function blockTokens(lines: readonly string[]): Token[] {
	const text = lines.join('\n');
	if (text.length > MAX_MARKDOWN_CHARS)
		refuse(`This Markdown file has a section longer than ${MAX_MARKDOWN_CHARS.toLocaleString('en')} characters.`);
	if (TOO_DEEP.test(text)) refuse('This Markdown file nests lists or quotes too deeply to be read.');
	try {
		return new Lexer({ gfm: true }).blockTokens(text, []);
	} catch (e) {
		return refuse(`This Markdown file could not be read (${e instanceof Error ? e.message : String(e)}).`);
	}
}

/** The text of a list item from its source: the marker taken off, continuation lines un-indented by its width. */
export function itemText(raw: string): string {
	const [first, ...rest] = raw.split('\n');
	const marker = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.exec(first)?.[0] ?? '';
	// An item that starts on the next line ("-" alone) has its text one column after the marker.
	const indent = new RegExp(`^ {0,${/\s$/.test(marker) ? marker.length : marker.length + 1}}`);
	return [first.slice(marker.length), ...rest.map((l) => (l.trim() === '' ? '' : l.replace(indent, '')))].join('\n').trim();
}

/** Lower-cased labels and values to values, for reading a label back. */
export function reverse<T extends string>(labels: Record<T, string>): Map<string, T> {
	const map = new Map<string, T>();
	for (const [value, label] of Object.entries(labels) as [T, string][]) {
		map.set(label.toLowerCase(), value);
		map.set(value.toLowerCase(), value);
	}
	return map;
}
