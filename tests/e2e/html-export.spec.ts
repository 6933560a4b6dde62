import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download, Page } from '@playwright/test';
import { test, expect, expectStepReady, gotoStep, download } from './fixtures';

const HOSTILE = [
	'<img src="/nothing.png" onerror="window.__xss=1">',
	'<script>window.__xss=2</script>',
	'[click](javascript:window.__xss=3)',
	'</script><script>window.__xss=4</script>',
	'<svg onload="window.__xss=5"></svg>'
].join('\n\n');

/** Open the worked example in the editor. */
async function openExample(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
}

/** Save a download under its own name (a file without the .html ending would open as text); returns its path. */
async function saveDownload(download: Download): Promise<string> {
	const path = join(mkdtempSync(join(tmpdir(), 'html-export-')), download.suggestedFilename());
	await download.saveAs(path);
	return path;
}

test('a postmortem downloads as one HTML file that opens without the app or a network, runs nothing, and imports back', async ({
	page,
	browser
}) => {
	await openExample(page);
	await gotoStep(page, 'Summary');
	await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(`Checkout failed for 42 minutes.\n\n${HOSTILE}`);
	await page.getByText('Export', { exact: true }).click();
	const file = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download HTML (one file)' }).click();
	const html = await file;
	expect(html.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}-checkout-errors[-a-z]*\.html$/);
	const path = await saveDownload(html);
	const text = readFileSync(path, 'utf8');
	expect(text.match(/<script/g)).toHaveLength(1);

	// Opened as a file, in a browser with no app and no network.
	const reader = await browser.newContext({ offline: true });
	const requests: string[] = [];
	reader.on('request', (r) => {
		if (!r.url().startsWith('file:')) requests.push(r.url());
	});
	const doc = await reader.newPage();
	await doc.goto(pathToFileURL(path).href);
	await expect(doc).toHaveTitle('Checkout errors after a database pool size change');
	await expect(doc.getByRole('heading', { level: 1 })).toHaveText('Checkout errors after a database pool size change');
	const contents = doc.getByRole('navigation', { name: 'Contents' });
	await contents.getByRole('link', { name: 'Timeline' }).click();
	await expect(doc).toHaveURL(/#timeline$/);
	await expect(doc.getByRole('table').first()).toContainText('Rollout complete. Pods reopen their pools as traffic arrives.');
	await expect(doc.getByText('Checkout failed for 42 minutes.')).toBeVisible();
	expect(await doc.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(requests).toEqual([]);
	// Light and dark follow the reader's system.
	await doc.emulateMedia({ colorScheme: 'dark' });
	const dark = await doc.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await doc.emulateMedia({ colorScheme: 'light' });
	const light = await doc.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(light).toBe('rgb(255, 255, 255)');
	expect(dark).not.toBe(light);
	await reader.close();

	// Imported into the app, it is the same postmortem.
	await page.goto('/');
	await page.getByLabel('Import postmortem files (JSON or Markdown)').setInputFiles(path);
	await page.getByRole('dialog', { name: 'This postmortem is already here' }).getByRole('button', { name: 'Keep both' }).click();
	await expect(page.getByTestId('import-notice')).toContainText('Imported 1 postmortem');
	const list = page.getByRole('list', { name: 'Postmortems' });
	await list
		.getByRole('link', { name: /\(imported\)$/ })
		.first()
		.click();
	await expectStepReady(page, 'Overview');
	await gotoStep(page, 'Summary');
	await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue(`Checkout failed for 42 minutes.\n\n${HOSTILE}`);
});

test('the public summary as HTML carries nothing internal and is not taken for a postmortem', async ({ page }) => {
	await openExample(page);
	const html = (await download(page, 'Download HTML of the public summary')).toString('utf8');
	expect(html).not.toContain('postmortem-workbench-data');
	expect(html).not.toContain('Rollout complete. Pods reopen their pools');
	expect(html).toContain('(public summary)</title>');
	await page.goto('/');
	await page
		.getByLabel('Import postmortem files (JSON or Markdown)')
		.setInputFiles({ name: 'public.html', mimeType: 'text/html', buffer: Buffer.from(html) });
	await expect(page.getByTestId('import-error')).toContainText('web page with no postmortem in it');
});

test('a file protected by a passphrase shows nothing without it, opens with it, and imports back only with it', async ({
	page,
	browser
}) => {
	await openExample(page);
	await page.getByText('Export', { exact: true }).click();
	await page.getByRole('button', { name: 'Download HTML with a passphrase…' }).click();
	const set = page.getByRole('dialog', { name: 'Protect the file with a passphrase' });
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	await set.getByLabel('Passphrase', { exact: true }).fill('short');
	await set.getByLabel('The same passphrase again').fill('short');
	await set.getByRole('button', { name: 'Download protected file' }).click();
	await expect(set.getByRole('alert')).toHaveText(/at least 8 characters/);
	await set.getByLabel('Passphrase', { exact: true }).fill('blue harbour lanterns');
	await set.getByLabel('The same passphrase again').fill('blue harbour lantern');
	await set.getByRole('button', { name: 'Download protected file' }).click();
	await expect(set.getByRole('alert')).toHaveText('The two passphrases are not the same.');
	await set.getByLabel('The same passphrase again').fill('blue harbour lanterns');
	const file = page.waitForEvent('download');
	await set.getByRole('button', { name: 'Download protected file' }).click();
	const download = await file;
	const path = await saveDownload(download);
	const text = readFileSync(path, 'utf8');
	expect(text).not.toContain('Checkout errors');
	expect(text).not.toContain('orders-db');

	// Opened as a file: nothing to read until the passphrase is typed.
	const reader = await browser.newContext({ offline: true });
	const doc = await reader.newPage();
	await doc.goto(pathToFileURL(path).href);
	await expect(doc).toHaveTitle('A protected postmortem');
	await doc.getByLabel('Passphrase').fill('blue harbour');
	await doc.getByRole('button', { name: 'Open' }).click();
	await expect(doc.getByRole('alert')).toHaveText('That passphrase is not right. Nothing was opened.');
	await expect(doc.getByRole('heading', { level: 1 })).toHaveText('A protected postmortem');
	await doc.getByLabel('Passphrase').fill('blue harbour lanterns');
	await doc.getByRole('button', { name: 'Open' }).click();
	await expect(doc.getByRole('heading', { level: 1 })).toHaveText('Checkout errors after a database pool size change');
	await expect(doc).toHaveTitle('Checkout errors after a database pool size change');
	await expect(doc.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Timeline' })).toBeVisible();
	await reader.close();

	// Imported: a wrong passphrase says so and changes nothing; the right one brings the postmortem.
	await page.goto('/');
	const list = page.getByRole('list', { name: 'Postmortems' });
	await expect(list.getByRole('listitem')).toHaveCount(1);
	const input = page.getByLabel('Import postmortem files (JSON or Markdown)');
	await input.setInputFiles(path);
	const ask = page.getByRole('dialog', { name: `“${download.suggestedFilename()}” is protected` });
	await ask.getByLabel('Passphrase').fill('not it at all');
	await ask.getByRole('button', { name: 'Open' }).click();
	await expect(ask.getByRole('alert')).toHaveText('That passphrase is not right. Nothing was imported; try again or cancel.');
	await ask.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('import-notice')).toHaveText('Import cancelled. Nothing was changed.');
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await input.setInputFiles(path);
	await ask.getByLabel('Passphrase').fill('blue harbour lanterns');
	await ask.getByRole('button', { name: 'Open' }).click();
	await page.getByRole('dialog', { name: 'This postmortem is already here' }).getByRole('button', { name: 'Keep both' }).click();
	await expect(page.getByTestId('import-notice')).toContainText('Imported 1 postmortem');
	await expect(list.getByRole('listitem')).toHaveCount(2);
});
