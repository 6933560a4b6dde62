/**
 * YAML front matter of Markdown files: the `---` block at the top that static-site generators and
 * wikis use. We write ours as one `key: value` line each, with the value in JSON (which YAML reads as
 * flow values), and read the common subset people write by hand: plain, quoted and JSON values,
 * `[a, b]` lists and `- item` lists, `|` and `>` blocks, and comments. Nested maps are kept as text.
 */

/** Front matter as read: its values by key (strings, numbers, booleans, lists or, for JSON values, anything JSON holds). */
export type FrontMatter = Record<string, unknown>;

/** A Markdown text split into its front matter (null when it has none) and the rest. */
export interface SplitFrontMatter {
	data: FrontMatter | null;
	body: string;
	/** Lines of the front matter that could not be read (kept by the caller, never dropped silently). */
	unread: string[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const KEY = /^([A-Za-z_][\w .-]*?)[ \t]*:(?:[ \t]+(.*))?$/;

/** Read a scalar or flow value as written after `key: `. */
function scalar(raw: string): unknown {
	const s = raw.replace(/[ \t]+#.*$/, '').trim();
	if (s === '' || s === '~' || s === 'null') return '';
	if (s === 'true' || s === 'false') return s === 'true';
	if (/^-?\d+(?:\.\d+)?$/.test(s) && !/^0\d/.test(s)) return Number(s);
	const first = s[0];
	if (first === '"' || first === '[' || first === '{') {
		try {
			return JSON.parse(raw.trim());
		} catch {
			/* not JSON: read below */
		}
	}
	if (first === "'" && s.endsWith("'") && s.length > 1) return s.slice(1, -1).replace(/''/g, "'");
	if (first === '"' && s.endsWith('"') && s.length > 1) return s.slice(1, -1).replace(/\\"/g, '"');
	if (first === '[' && s.endsWith(']'))
		return flowItems(s.slice(1, -1))
			.map((x) => scalar(x))
			.filter((x) => x !== '');
	return s;
}

/** The items of a flow list's inside, split at commas outside quotes. */
function flowItems(s: string): string[] {
	const items: string[] = [];
	let current = '';
	let quote = '';
	for (const c of s) {
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || c === "'") quote = c;
		else if (c === ',') {
			items.push(current);
			current = '';
			continue;
		}
		current += c;
	}
	items.push(current);
	return items;
}

/**
 * Split off the front matter of a Markdown text. Only a block that starts on the first line with
 * `---` and ends with `---` (or `...`) is front matter; anything else is all body.
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
	const lines = text.split('\n');
	if (!OPEN.test(lines[0] ?? '')) return { data: null, body: text, unread: [] };
	const end = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
	if (end < 0) return { data: null, body: text, unread: [] };
	const data: FrontMatter = Object.create(null);
	const unread: string[] = [];
	let i = 1;
	while (i < end) {
		const line = lines[i];
		if (line.trim() === '' || /^\s*#/.test(line)) {
			i++;
			continue;
		}
		const m = KEY.exec(line);
		if (!m || /^\s/.test(line)) {
			unread.push(line);
			i++;
			continue;
		}
		const key = m[1].trim();
		const rest = (m[2] ?? '').trim();
		i++;
		// Indented lines (and "- " lines right under the key) belong to this key.
		const nested: string[] = [];
		while (i < end && (/^[ \t]/.test(lines[i]) || (/^- /.test(lines[i]) && rest === '') || lines[i].trim() === '')) nested.push(lines[i++]);
		while (nested.length && nested[nested.length - 1].trim() === '') nested.pop();
		if (/^[|>][+-]?$/.test(rest)) {
			const indent = Math.min(...nested.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
			const body = nested.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
			data[key] = rest[0] === '|' ? body.join('\n') : body.join('\n').replace(/([^\n])\n(?=[^\n])/g, '$1 ');
		} else if (rest === '' && nested.length && nested.every((l) => l.trim() === '' || /^\s*- /.test(l))) {
			data[key] = nested.filter((l) => l.trim()).map((l) => scalar(l.replace(/^\s*- /, '')));
		} else if (rest === '' && nested.length) {
			unread.push(line, ...nested);
		} else data[key] = scalar(rest);
	}
	// The blank line after the closing fence is part of the front matter's layout, not of the body.
	const rest = lines.slice(end + 1);
	if (rest[0]?.trim() === '') rest.shift();
	return { data, body: rest.join('\n'), unread };
}

/** Front matter lines for `data` (values in JSON, which YAML reads), with the closing `---` and a blank line. */
export function writeFrontMatter(data: FrontMatter): string {
	const lines = Object.entries(data)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
	return `---\n${lines.join('\n')}\n---\n\n`;
}
