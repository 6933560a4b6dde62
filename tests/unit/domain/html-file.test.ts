import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
	embeddedJson,
	escapeHtml,
	htmlDocument,
	protectedHtmlDocument,
	sealedBlock,
	sealedContent,
	UNLOCK_SCRIPT
} from '$lib/domain/html-file';
import { PBKDF2_ITERATIONS, readSealed, seal, unseal } from '$lib/domain/passphrase';
import { parseImport } from '$lib/domain/import';
import { toJson } from '$lib/domain/json';
import { examplePostmortem } from '$lib/domain/example';

const NOW = new Date('2026-03-11T09:00:00Z');

describe('one HTML file', () => {
	it('allows no script and no request, has contents, and carries the JSON export inertly', () => {
		const pm = examplePostmortem(NOW);
		pm.summary = '</script><script>alert(1)</script> <!-- and --> \u2028';
		const json = toJson(pm, NOW);
		const html = htmlDocument({
			title: 'A <b>title</b>',
			body: '<h2 id="summary">Summary</h2><p>x</p>',
			contents: [{ id: 'summary', text: 'Summary & more' }],
			json,
			exportedAt: NOW
		});
		expect(html).toContain(
			`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`
		);
		expect(html).toContain('<title>A &lt;b&gt;title&lt;/b&gt;</title>');
		expect(html).toContain('<li><a href="#summary">Summary &amp; more</a></li>');
		// The only script element is the data block, and nothing in it can close it.
		expect(html.match(/<script/g)).toHaveLength(1);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(embeddedJson(html)).not.toBeNull();
		expect(JSON.parse(embeddedJson(html)!)).toEqual(JSON.parse(json));
	});

	it('imports back as the same postmortem; a public one, or another page, is refused with a reason', () => {
		const pm = examplePostmortem(NOW);
		const html = htmlDocument({ title: 't', body: '', contents: [], json: toJson(pm, NOW), exportedAt: NOW });
		const r = parseImport(html, NOW, 'checkout.html');
		expect(r.ok && r.postmortems[0]).toMatchObject({ id: pm.id, title: pm.title, summary: pm.summary });
		expect(r.ok && r.kind).toBe('postmortem');
		// Recognised by its content too, whatever its name.
		expect(parseImport(html, NOW, 'download').ok).toBe(true);
		const publicOne = htmlDocument({ title: 't', body: '<p>Hi</p>', contents: [], json: null, exportedAt: NOW });
		const refused = parseImport(publicOne, NOW, 'public.html');
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.error).toMatch(/web page with no postmortem in it/);
		const hostile = htmlDocument({
			title: 't',
			body: '',
			contents: [],
			json: '{"format":"postmortem-workbench","version":1,"kind":"postmortem","postmortem":{"__proto__":{}}}',
			exportedAt: NOW
		});
		const bad = parseImport(hostile, NOW, 'x.html');
		expect(bad.ok).toBe(false);
	});

	it('escapes text for HTML', () => {
		expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
	});
});

describe('a file protected by a passphrase', () => {
	it('seals and opens text; a wrong passphrase opens nothing', async () => {
		const sealed = await seal('the postmortem', 'correct horse battery', 1000);
		expect(sealed).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: 1000 });
		expect(sealed.data).not.toContain('postmortem');
		expect(await unseal(sealed, 'correct horse battery')).toBe('the postmortem');
		expect(await unseal(sealed, 'wrong horse')).toBeNull();
		expect(readSealed(JSON.parse(JSON.stringify(sealed)))).toEqual(sealed);
		expect(readSealed({ ...sealed, iterations: 1e12 })).toBeNull();
		expect(readSealed({ ...sealed, data: '<script>' })).toBeNull();
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
	});

	it('shows nothing of the postmortem, allows only its own unlock script, and carries the sealed page and JSON', async () => {
		const pm = examplePostmortem(NOW);
		const parts = {
			title: pm.title,
			body: '<h2 id="s">Summary</h2>',
			contents: [{ id: 's', text: 'Summary' }],
			json: toJson(pm, NOW),
			exportedAt: NOW
		};
		const sealed = await seal(sealedContent(parts), 'a long passphrase', 1000);
		const html = await protectedHtmlDocument(sealed);
		expect(html).not.toContain(pm.title);
		expect(html).toContain('<title>A protected postmortem</title>');
		const digest = createHash('sha256').update(UNLOCK_SCRIPT).digest('base64');
		expect(html).toContain(`script-src 'sha256-${digest}'`);
		expect(html).toContain(`<script>${UNLOCK_SCRIPT}</script>`);
		expect(embeddedJson(html)).toBeNull();
		const opened = JSON.parse((await unseal(readSealed(sealedBlock(html))!, 'a long passphrase'))!);
		expect(opened.title).toBe(pm.title);
		expect(opened.page).toContain('<h2 id="s">Summary</h2>');
		expect(JSON.parse(opened.json)).toEqual(JSON.parse(parts.json));
	});
});
