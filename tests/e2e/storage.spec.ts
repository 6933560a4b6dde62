import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

test('when the browser refuses storage, the app says so and the text stays exportable', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', {
			get() {
				throw new DOMException('The user denied permission to access the database.', 'SecurityError');
			}
		});
	});
	await page.goto('/');
	const notice = page.getByTestId('storage-unavailable');
	await expect(notice).toContainText('Your work cannot be saved in this browser');
	await notice.getByRole('link', { name: 'Write without saving' }).click();
	await expect(page.getByRole('note')).toContainText('not being saved');
	await page.getByLabel('Title').fill('Written with storage blocked');
	await expect(page.getByTestId('save-status')).toContainText('Not saved: this browser does not allow');
	await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^2\. Summary/ }).click();
	await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Still here after moving between steps.');
	await page.getByText('Export', { exact: true }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download Markdown' }).click();
	const md = readFileSync((await (await download).path())!, 'utf8');
	expect(md).toContain('# Written with storage blocked');
	expect(md).toContain('Still here after moving between steps.');
});

test('settings show where data lives, and a backup downloads every postmortem and can be restored', async ({ page, browser }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	await page.goto('/');
	await page.getByRole('button', { name: 'New postmortem' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	await page.getByLabel('Title').fill('Second one');
	await page.goto('/settings');
	const summary = page.getByTestId('storage-summary');
	await expect(summary).toContainText('Your drafts are stored only in this browser');
	await expect(summary).toContainText('Last full backup: never');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a backup of everything' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^postmortems-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const bundle = JSON.parse(readFileSync((await file.path())!, 'utf8'));
	expect(bundle.kind).toBe('bundle');
	expect(bundle.postmortems.map((p: { title: string }) => p.title).sort()).toEqual([
		'Checkout errors after a database pool size change',
		'Second one'
	]);
	await expect(summary).toContainText(/Last full backup: (just now|\d+ seconds? ago)/);

	// Restore into a fresh browser profile.
	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('/settings');
	await other.getByLabel('Restore from a backup file').setInputFiles((await file.path())!);
	await expect(other.getByTestId('import-notice')).toContainText('Imported 2 postmortems');
	await other.goto('/');
	await expect(other.getByRole('list', { name: 'Postmortems' }).getByRole('listitem')).toHaveCount(2);
	await fresh.close();
});
