/**
 * Preview blocks to safe DOM: prose and any cell with markup go through DOMPurify; tables are built
 * from fixed elements, with text cells set as text and lone links kept only when DOMPurify accepts
 * their address. Same result as sanitizing marked's whole HTML, without walking every table cell.
 */
import DOMPurify from 'dompurify';
import type { PreviewBlock, PreviewCell, PreviewTable } from './blocks';

const CONFIG = {
	USE_PROFILES: { html: true },
	FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
	FORBID_ATTR: ['style']
};

/** Links open in a new tab without giving it a handle on this page. */
function openSafely(a: Element): void {
	a.setAttribute('rel', 'noopener noreferrer');
	a.setAttribute('target', '_blank');
}

let hooked = false;
function hook(): void {
	if (hooked) return;
	hooked = true;
	// Nothing leaves the machine: images from other origins become plain links instead of requests.
	DOMPurify.addHook('afterSanitizeAttributes', (node) => {
		if (node.tagName === 'IMG') {
			const src = node.getAttribute('src') ?? '';
			let sameOrigin: boolean;
			try {
				const u = new URL(src, location.href);
				sameOrigin = u.origin === location.origin || u.protocol === 'data:' || u.protocol === 'blob:';
			} catch {
				sameOrigin = false;
			}
			if (!sameOrigin) {
				const a = node.ownerDocument.createElement('a');
				a.setAttribute('href', src);
				a.textContent = `[image: ${node.getAttribute('alt') || src}]`;
				node.replaceWith(a);
			}
		}
		if (node.tagName === 'A' && node.getAttribute('href')) openSafely(node);
	});
}

/** HTML sanitized for the preview, as a fragment of the current document. */
export function sanitizeToFragment(html: string): DocumentFragment {
	hook();
	// The fragment belongs to DOMPurify's inert document; inserting it adopts the nodes without copying.
	return DOMPurify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}

function appendText(parent: Element, text: string): void {
	if (!text.includes('\n')) {
		if (text) parent.textContent = text;
		return;
	}
	text.split('\n').forEach((line, i) => {
		if (i > 0) parent.append(document.createElement('br'));
		if (line) parent.append(line);
	});
}

function buildTable(table: PreviewTable, markup: { cell: Element; html: string }[]): HTMLTableElement {
	const el = document.createElement('table');
	const fill = (cell: Element, content: PreviewCell, column: number) => {
		const align = table.align[column];
		if (align === 'left' || align === 'right' || align === 'center') cell.setAttribute('align', align);
		if (typeof content === 'string') appendText(cell, content);
		else if ('href' in content) {
			const a = document.createElement('a');
			if (DOMPurify.isValidAttribute('a', 'href', content.href)) {
				a.setAttribute('href', content.href);
				if (content.href) openSafely(a);
			}
			a.textContent = content.text;
			cell.append(a);
		} else markup.push({ cell, html: content.html });
	};
	const row = (parent: Element, cells: PreviewCell[], tag: 'th' | 'td') => {
		const tr = document.createElement('tr');
		for (let i = 0; i < cells.length; i++) {
			const cell = document.createElement(tag);
			fill(cell, cells[i], i);
			tr.append(cell);
		}
		parent.append(tr);
	};
	const head = document.createElement('thead');
	row(head, table.header, 'th');
	el.append(head);
	if (table.rows.length) {
		const body = document.createElement('tbody');
		for (const r of table.rows) row(body, r, 'td');
		el.append(body);
	}
	return el;
}

/** Cells with markup, sanitized in one pass; each cell is wrapped so its nodes can be handed back. */
function fillMarkup(markup: { cell: Element; html: string }[]): void {
	if (!markup.length) return;
	const all = sanitizeToFragment(markup.map((m) => `<div>${m.html}</div>`).join(''));
	const wrappers = [...all.childNodes];
	if (wrappers.length === markup.length && wrappers.every((w) => w.nodeName === 'DIV')) {
		markup.forEach((m, i) => m.cell.append(...wrappers[i].childNodes));
		return;
	}
	// A cell that did not come back as one wrapper: sanitize each on its own.
	for (const m of markup) m.cell.append(sanitizeToFragment(m.html));
}

/** The preview's DOM: sanitized prose and tables built from their cells. */
export function buildPreview(blocks: PreviewBlock[]): DocumentFragment {
	const out = document.createDocumentFragment();
	const markup: { cell: Element; html: string }[] = [];
	for (const b of blocks) {
		if ('table' in b) out.append(buildTable(b.table, markup));
		else out.append(sanitizeToFragment(b.html));
	}
	fillMarkup(markup);
	return out;
}
