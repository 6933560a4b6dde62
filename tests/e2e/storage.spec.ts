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
	// A failed save is announced to screen readers.
	await expect(page.getByRole('status').filter({ hasText: 'Not saved: this browser does not allow' })).toBeAttached();
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: /^2\. Summary/ })
		.click();
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

test('where the browser may evict data, the library says so once, and Settings can ask to keep it', async ({ page }) => {
	// The browser decides persistence (engagement, installation); here it refuses until `__grant` is set.
	await page.addInitScript(() => {
		const w = window as unknown as { __grant: boolean };
		w.__grant = false;
		Object.defineProperty(navigator.storage, 'persisted', { value: async () => w.__grant });
		Object.defineProperty(navigator.storage, 'persist', { value: async () => w.__grant });
	});
	await page.goto('/');
	const notice = page.getByTestId('eviction-notice');
	await expect(notice).toContainText('This browser may delete stored drafts');
	await expect(notice.getByRole('link', { name: 'Download a backup' })).toHaveAttribute('href', '/settings');
	await notice.getByRole('button', { name: 'Got it' }).click();
	await expect(notice).toBeHidden();

	// Said once: not again on the next visit.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Write a blameless postmortem, step by step' })).toBeVisible();
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Postmortems' }).getByRole('listitem')).toHaveCount(1);
	await expect(notice).toBeHidden();

	// Settings keeps saying it, and asks the browser again on request.
	await page.goto('/settings');
	const summary = page.getByTestId('storage-summary');
	await expect(summary).toContainText('Persistent storage: not granted');
	await expect(page.getByText('The browser may delete these drafts')).toBeVisible();
	const ask = page.getByRole('button', { name: 'Ask the browser to keep my data' });
	await ask.click();
	await expect(page.getByText('The browser did not agree to keep storage persistent')).toBeVisible();
	await page.evaluate(() => ((window as unknown as { __grant: boolean }).__grant = true));
	await ask.click();
	await expect(page.getByText('The browser agreed to keep your drafts')).toBeVisible();
	await expect(summary).toContainText('Persistent storage: granted');
	await expect(ask).toBeHidden();
	await expect(page.getByText('The browser may delete these drafts')).toBeHidden();
});
