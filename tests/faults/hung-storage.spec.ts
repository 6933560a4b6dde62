import { test, expect } from '../e2e/fixtures';

// IndexedDB that never answers: every open neither succeeds nor fails (a wedged profile, some privacy modes).
test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = function () {
			return {} as IDBOpenDBRequest;
		};
	});
});

test('storage that never answers is said after a few seconds, and writing goes on in memory with export', async ({ page }) => {
	await page.goto('/');
	const banner = page.getByTestId('storage-unavailable');
	await expect(banner).toContainText('storage is not responding', { timeout: 20_000 });
	await banner.getByRole('link', { name: 'Write without saving' }).click();
	await page.getByLabel('Title').fill('Written while storage hangs');
	await expect(page.getByRole('note')).toContainText('not being saved');
	const download = page.waitForEvent('download');
	await page.getByText('Export', { exact: true }).click();
	await page.getByRole('button', { name: 'Download Markdown' }).click();
	expect((await download).suggestedFilename()).toMatch(/\.md$/);
});

test('a postmortem opened while storage never answers says so instead of "Opening…" forever', async ({ page }) => {
	await page.goto('/p/0b6f7c1e-4c8e-4b8a-9f55-3c1d2e9a7b10');
	await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText('storage is not responding', {
		timeout: 20_000
	});
});
