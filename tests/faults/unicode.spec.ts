import { test, expect, download } from '../e2e/fixtures';
import type { Page } from '@playwright/test';

// NUL and controls, lone surrogates, bidi marks and overrides, a BOM, joiners, line separators, and
// a character reference typed as text: each inside the texts, where nothing may trim it.
const AWKWARD = 'a\u0000b\u0001\u007f c\ud800d\udfffe \u200f\u202eRTL\u202c\u2067x\u2069 \ufeff\u200d\u2028\u2029 &#xD800; 👩🏽‍💻 עברית z';

async function importFile(page: Page, name: string, buffer: Buffer, mimeType: string): Promise<void> {
	await page.goto('/');
	await page.getByLabel('Import postmortem files (JSON or Markdown)').setInputFiles({ name, mimeType, buffer });
	await expect(page.getByTestId('import-notice')).toContainText('Imported 1 postmortem');
}

type Texts = { title: string; summary: string; what: string[]; actions: string[]; factors: string[]; tags: string[] };
const texts = (pm: {
	title: string;
	summary: string;
	timeline: Array<{ what: string }>;
	correctiveActions: Array<{ title: string }>;
	contributingFactors: Array<{ description: string }>;
	tags: string[];
}): Texts => ({
	title: pm.title,
	summary: pm.summary,
	what: pm.timeline.map((e) => e.what),
	actions: pm.correctiveActions.map((a) => a.title),
	factors: pm.contributingFactors.map((f) => f.description),
	tags: pm.tags
});

test('NUL, lone surrogates and bidi marks round-trip verbatim through the JSON and the Markdown export', async ({ page, browser }) => {
	// A JSON file (the only way such text comes in: no keyboard types a lone surrogate) made from the example.
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	const envelope = JSON.parse((await download(page, 'Download JSON')).toString('utf8'));
	const pm = envelope.postmortem;
	pm.title = `${AWKWARD} title`;
	pm.summary = `${AWKWARD}\n\nSecond paragraph ${AWKWARD}`;
	pm.timeline[0].what = AWKWARD;
	pm.timeline[1].what = `${AWKWARD}\n${AWKWARD}`;
	pm.correctiveActions[0].title = AWKWARD;
	pm.contributingFactors[0].description = AWKWARD;
	pm.tags = [AWKWARD, 'plain'];
	const expected = texts(pm);
	// JSON.stringify writes lone surrogates as \u escapes, so the file is valid UTF-8.
	const awkwardFile = Buffer.from(JSON.stringify(envelope), 'utf8');

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await importFile(other, 'awkward.json', awkwardFile, 'application/json');
	await other.getByRole('list', { name: 'Postmortems' }).getByRole('link').first().click();
	await expect(other.getByLabel('Title', { exact: true })).toHaveValue(pm.title);

	const json = await download(other, 'Download JSON');
	expect(texts(JSON.parse(json.toString('utf8')).postmortem)).toEqual(expected);

	const md = await download(other, 'Download Markdown');
	// A Markdown file is valid UTF-8: a lone surrogate goes as a character reference.
	expect(() => new TextDecoder('utf-8', { fatal: true }).decode(md)).not.toThrow();
	await fresh.close();

	const third = await browser.newContext();
	const last = await third.newPage();
	await importFile(last, 'awkward.md', md, 'text/markdown');
	await last.getByRole('list', { name: 'Postmortems' }).getByRole('link').first().click();
	await expect(last.getByLabel('Title', { exact: true })).toHaveValue(pm.title);
	expect(texts(JSON.parse((await download(last, 'Download JSON')).toString('utf8')).postmortem)).toEqual(expected);
	await third.close();
});
