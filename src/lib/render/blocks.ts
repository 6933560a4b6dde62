/**
 * Markdown to preview blocks, in the Markdown worker: prose becomes HTML (sanitized later on the main
 * thread), tables become rows of cells, so the preview builds a long timeline's table itself and only
 * markup goes through the sanitizer. A 2,000-entry timeline is some 20,000 nodes that would otherwise
 * each be walked by DOMPurify.
 */
import { Marked, type Token, type Tokens } from 'marked';

/**
 * One table cell: plain text (a line break is `\n`), a lone link, or markup that must be sanitized.
 * Text and link cells are exactly what marked would render, only not as HTML.
 */
export type PreviewCell = string | { href: string; text: string } | { html: string };

/** Column alignment, as marked reads it from the delimiter row. */
export type PreviewAlign = 'left' | 'right' | 'center' | null;

/** A GFM table. */
export interface PreviewTable {
	align: PreviewAlign[];
	header: PreviewCell[];
	rows: PreviewCell[][];
}

/** Prose as unsanitized HTML from marked, or a table. */
export type PreviewBlock = { html: string } | { table: PreviewTable };

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const BR = /^<br\s*\/?>$/i;

/** The marked instance of the preview: GFM, raw HTML shown as text except line breaks. */
export const previewMarked = new Marked({
	gfm: true,
	async: false,
	renderer: {
		// Raw HTML typed into a postmortem is shown as the text it is, never parsed as markup. The one
		// exception is `<br>`, which the export itself writes for line breaks inside table cells.
		html: ({ text }) => (BR.test(text.trim()) ? '<br>' : escapeHtml(text))
	}
});

// marked escapes exactly these five; any other entity stays markup and goes through the sanitizer.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const ONLY_KNOWN_ENTITIES = /^(?:[^&<>]|&(?:amp|lt|gt|quot|#39);)*$/;
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
const LONE_LINK = /^<a href="([^"<>]*)">([^<>]*)<\/a>$/;

/** A cell's inline HTML from marked, as text or a lone link when it is nothing more, else as markup. */
export function classifyCell(html: string): PreviewCell {
	const lines = html.split('<br>');
	if (lines.every((l) => ONLY_KNOWN_ENTITIES.test(l))) return lines.map(unescape).join('\n');
	const link = LONE_LINK.exec(html);
	if (link && ONLY_KNOWN_ENTITIES.test(link[1]) && ONLY_KNOWN_ENTITIES.test(link[2]))
		return { href: unescape(link[1]), text: unescape(link[2]) };
	return { html };
}

function tableOf(token: Tokens.Table): PreviewTable {
	const cell = (c: Tokens.TableCell) => classifyCell(previewMarked.Parser.parseInline(c.tokens, previewMarked.defaults));
	return {
		align: token.align.map((a) => a ?? null),
		header: token.header.map(cell),
		rows: token.rows.map((r) => r.map(cell))
	};
}

/** A Markdown document as preview blocks, in document order. */
export function toPreviewBlocks(markdown: string): PreviewBlock[] {
	const tokens = previewMarked.lexer(markdown);
	const blocks: PreviewBlock[] = [];
	let prose: Token[] = [];
	const flush = () => {
		if (prose.length) blocks.push({ html: previewMarked.parser(prose) });
		prose = [];
	};
	for (const t of tokens) {
		if (t.type === 'table') {
			flush();
			blocks.push({ table: tableOf(t as Tokens.Table) });
		} else prose.push(t);
	}
	flush();
	return blocks;
}
