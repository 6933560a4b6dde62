/**
 * A postmortem as one self-contained HTML file: readable and printable in any browser without the
 * app and without a network (a Content-Security-Policy that allows no script and no request), with
 * a table of contents, light and dark, and the JSON export embedded as an inert data block so the
 * app can import the file back. The document's body is rendered and sanitized by the caller.
 */

/** Whether a text starts like an HTML document (its first 512 characters are enough). */
export function looksLikeHtml(text: string): boolean {
	return /^\s*<(?:!doctype html|html)[\s>]/i.test(text.slice(0, 512));
}

/** The id of the data block that carries the JSON export. */
export const HTML_DATA_ID = 'postmortem-workbench-data';

/** Text as HTML text or attribute value. */
export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** What the HTML file is made of. */
export interface HtmlParts {
	title: string;
	/** Sanitized HTML of the document (its headings carry the ids `contents` links to). */
	body: string;
	/** The table of contents: heading ids and texts. */
	contents: ReadonlyArray<{ id: string; text: string }>;
	/** The JSON export to embed, or null (a public summary carries none). */
	json: string | null;
	exportedAt: Date;
}

// Light and dark follow the reader's system; print is dark on white.
const STYLE = `.unlock{max-width:32rem;margin:3rem auto}
:root{color-scheme:light dark;--bg:light-dark(#fff,#14171c);--fg:light-dark(#1b1f24,#e6e8eb);--muted:light-dark(#5b6470,#a3acb8);--border:light-dark(#d5d9de,#3a414b);--accent:light-dark(#0b5cad,#7fb5ff)}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.page{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 4rem}
a{color:var(--accent)}
h1{font-size:1.9rem;line-height:1.2}h2{margin-top:2.2rem;border-bottom:1px solid var(--border);padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.92rem;display:block;overflow-x:auto}
th,td{border:1px solid var(--border);padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
pre{overflow-x:auto;padding:.75rem;border:1px solid var(--border);border-radius:6px;white-space:pre-wrap}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--border);color:var(--muted)}
nav.contents{border:1px solid var(--border);border-radius:6px;padding:.5rem 1rem;margin:1rem 0 2rem}
nav.contents h2{margin:.25rem 0;border:0;font-size:1rem}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--border);padding-top:.75rem}
@media print{:root{color-scheme:light}body{background:#fff;color:#000}nav.contents{display:none}a{color:#000}.page{max-width:none;padding:0}}`;

/** The readable part of the file: the table of contents, the document and a footer. */
function page({ body, contents, json, exportedAt }: HtmlParts): string {
	const toc = contents.length
		? `<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ol>${contents
				.map((c) => `<li><a href="#${escapeHtml(c.id)}">${escapeHtml(c.text)}</a></li>`)
				.join('')}</ol></nav>`
		: '';
	const when = exportedAt.toISOString().slice(0, 16).replace('T', ' ');
	const note = json
		? `Exported on ${when} UTC from Postmortem workbench. To edit it, import this file into the app: the postmortem is inside.`
		: `Exported on ${when} UTC from Postmortem workbench.`;
	return `${toc}\n<main>\n${body}\n</main>\n<footer>${escapeHtml(note)}</footer>`;
}

/** JSON in a data block: "<" is escaped inside it, so no text in it can end it or open anything. */
const dataBlock = (id: string, json: string) => `\n<script type="application/json" id="${id}">${json.replace(/</g, '\\u003c')}</script>`;

function shell(title: string, csp: string, inside: string, after: string): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Postmortem workbench">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
${inside}
</div>${after}
</body>
</html>
`;
}

/** The whole HTML file. */
export function htmlDocument(parts: HtmlParts): string {
	const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
	return shell(parts.title, csp, page(parts), parts.json === null ? '' : dataBlock(HTML_DATA_ID, parts.json));
}

/** The id of the data block of a file protected by a passphrase. */
export const HTML_SEALED_ID = 'postmortem-workbench-sealed';

/**
 * The one script of a protected file (allowed by its hash, nothing else runs): it opens the sealed
 * page with the passphrase typed, in the browser, and shows it; a wrong one is said so.
 */
export const UNLOCK_SCRIPT = `(() => {
const sealed = JSON.parse(document.getElementById('${HTML_SEALED_ID}').textContent);
const form = document.getElementById('unlock');
const message = document.getElementById('unlock-message');
const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
form.addEventListener('submit', async (e) => {
e.preventDefault();
message.textContent = 'Opening…';
try {
const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(form.elements.passphrase.value), 'PBKDF2', false, ['deriveKey']);
const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt: bytes(sealed.salt), iterations: sealed.iterations, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(sealed.iv) }, key, bytes(sealed.data));
const opened = JSON.parse(new TextDecoder().decode(plain));
const doc = document.getElementById('sealed-page');
doc.innerHTML = opened.page;
document.title = opened.title;
form.remove();
doc.hidden = false;
} catch {
message.textContent = 'That passphrase is not right. Nothing was opened.';
}
});
})();`;

/** What a protected file seals: its title, its readable page and (full version) the JSON export. */
export interface SealedContent {
	title: string;
	page: string;
	json: string | null;
}

/** The sealed content of a protected file, as text to seal (see passphrase.ts `seal`). */
export function sealedContent(parts: HtmlParts): string {
	return JSON.stringify({ title: parts.title, page: page(parts), json: parts.json } satisfies SealedContent);
}

/**
 * A file protected by a passphrase: a form asks for it, and the hashed unlock script opens the
 * sealed page in the browser. Nothing of the postmortem, not even its title, is readable without it.
 */
export async function protectedHtmlDocument(sealed: object): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(UNLOCK_SCRIPT));
	const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
	const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; form-action 'none'`;
	const form = `<form id="unlock" class="unlock"><h1>A protected postmortem</h1>
<p>This file was exported from Postmortem workbench with a passphrase. Type it to read the postmortem; it is opened here, in your browser.</p>
<p><label for="passphrase">Passphrase</label> <input id="passphrase" name="passphrase" type="password" autocomplete="off" required autofocus> <button type="submit">Open</button></p>
<p id="unlock-message" role="alert"></p></form>
<div id="sealed-page" hidden></div>`;
	return shell(
		'A protected postmortem',
		csp,
		form,
		`${dataBlock(HTML_SEALED_ID, JSON.stringify(sealed))}\n<script>${UNLOCK_SCRIPT}</script>`
	);
}

/** The sealed block of a protected file (still to be opened with its passphrase), or null. */
export function sealedBlock(html: string): unknown {
	const json = lastBlock(html, HTML_SEALED_ID);
	if (json === null) return null;
	try {
		return JSON.parse(json);
	} catch {
		return null;
	}
}

function lastBlock(html: string, id: string): string | null {
	const open = new RegExp(`<script type="application/json" id="${id}">`, 'g');
	let start = -1;
	// The last block is ours: a page's own text can only hold the opening tag escaped.
	for (let m = open.exec(html); m; m = open.exec(html)) start = m.index + m[0].length;
	if (start < 0) return null;
	const end = html.indexOf('</script>', start);
	return end < 0 ? null : html.slice(start, end);
}

/** The JSON export embedded in an HTML file made by `htmlDocument`, or null when it has none. */
export function embeddedJson(html: string): string | null {
	return lastBlock(html, HTML_DATA_ID);
}
