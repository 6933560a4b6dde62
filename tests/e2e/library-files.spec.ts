import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { test, expect, expectSaved, newPostmortem } from './fixtures';

test('the library downloads as Markdown files in a ZIP with an index, and comes back whole from the ZIP or its folder', async ({
	page,
	browser,
	baseURL
}) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	await newPostmortem(page);
	await page.getByLabel('Title').fill('Disk full on | build agents');
	await expectSaved(page);

	await page.goto('/settings');
	const file = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download as Markdown files (ZIP)' }).click();
	const download = await file;
	expect(download.suggestedFilename()).toMatch(/^postmortems-\d{4}-\d{2}-\d{2}\.zip$/);
	await expect(page.getByRole('status').filter({ hasText: '2 postmortems downloaded as Markdown files in a ZIP' })).toBeVisible();
	const zipPath = (await download.path())!;
	const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
	const names = Object.keys(entries).sort();
	expect(names).toEqual([
		'README.md',
		'postmortems/2026-03-10-checkout-errors-after-a-database-pool-size-change.md',
		expect.stringMatching(/^postmortems\/\d{4}-\d{2}-\d{2}-disk-full-on-build-agents\.md$/)
	]);
	const index = strFromU8(entries['README.md']);
	expect(index).toContain('[Disk full on \\| build agents](postmortems/');
	expect(strFromU8(entries[names[1]])).toMatch(/^---\nformat: "postmortem-workbench"\n/);

	// A fresh browser: the ZIP brings the library back.
	const fresh = await browser.newContext({ baseURL });
	const other = await fresh.newPage();
	await other.goto('/settings');
	await other
		.getByLabel('Import a ZIP or Markdown files')
		.setInputFiles({ name: 'library.zip', mimeType: 'application/zip', buffer: readFileSync(zipPath) });
	await expect(other.getByTestId('import-notice')).toContainText('Imported 2 postmortems');
	await expect(other.getByTestId('import-notice')).toContainText('1 other file was left out (the index');
	await other.goto('/');
	const list = other.getByRole('list', { name: 'Postmortems' });
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(list.getByRole('link', { name: 'Disk full on | build agents', exact: true })).toBeVisible();
	await fresh.close();

	// Another: the folder, as a repository holds it.
	const folder = join(mkdtempSync(join(tmpdir(), 'library-')), 'postmortems-repo');
	for (const [name, bytes] of Object.entries(entries)) {
		mkdirSync(dirname(join(folder, name)), { recursive: true });
		writeFileSync(join(folder, name), bytes);
	}
	writeFileSync(join(folder, 'postmortems', 'graph.png'), 'not an image');
	const third = await browser.newContext({ baseURL });
	const p3 = await third.newPage();
	await p3.goto('/settings');
	const chooser = p3.waitForEvent('filechooser');
	await p3.getByRole('button', { name: 'Import a folder…' }).click();
	await (await chooser).setFiles(folder);
	await expect(p3.getByTestId('import-notice')).toContainText('Imported 2 postmortems');
	await expect(p3.getByTestId('import-notice')).toContainText('2 other files were left out');
	await p3.goto('/');
	await expect(p3.getByRole('list', { name: 'Postmortems' }).getByRole('listitem')).toHaveCount(2);
	await third.close();
});

test('a ZIP with no postmortem in it is refused and changes nothing', async ({ page }) => {
	await page.goto('/settings');
	const { zipSync, strToU8 } = await import('fflate');
	const zip = zipSync({ 'notes.txt': strToU8('hello'), 'README.md': strToU8('# Postmortems\n') });
	await page
		.getByLabel('Import a ZIP or Markdown files')
		.setInputFiles({ name: 'empty.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
	await expect(page.getByTestId('import-error')).toContainText('“empty.zip” holds no postmortem files (Markdown, JSON or HTML).');
});
