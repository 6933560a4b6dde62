import { test, expect, newPostmortem, expectSaved } from '../e2e/fixtures';
import type { Page } from '@playwright/test';

/** The stored postmortems' titles and summaries, read with plain IndexedDB (no app code). */
function stored(page: Page): Promise<Array<{ title: string; summary: string }>> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const req = indexedDB.open('postmortem-workbench');
				req.onsuccess = () => {
					const rows = req.result.transaction('postmortems').objectStore('postmortems').getAll();
					rows.onsuccess = () => {
						resolve((rows.result as Array<{ title: string; summary: string }>).map(({ title, summary }) => ({ title, summary })));
						req.result.close();
					};
				};
				req.onerror = () => reject(req.error);
			})
	);
}

/**
 * A full disk, as IndexedDB reports it: every write fails with QuotaExceededError while
 * `window.diskFull` is set. (CDP's Storage.overrideQuotaForOrigin is accepted by this Chromium, 156,
 * but not enforced on IndexedDB writes, so the failure is injected here.)
 */
test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		for (const method of ['put', 'add'] as const) {
			const original = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
				if ((window as unknown as { diskFull?: boolean }).diskFull)
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return original.apply(this, args);
			};
		}
	});
});

test('storage full: "not saved" with what to do, the text stays, nothing stored changes, and saving resumes when space comes back', async ({
	page
}) => {
	await newPostmortem(page);
	await page.getByLabel('Title', { exact: true }).fill('Saved before the disk filled');
	await expectSaved(page);
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: /^2\. Summary/ })
		.click();
	const summary = page.getByRole('textbox', { name: 'Summary', exact: true });
	await summary.fill('A short summary that fits.');
	await expectSaved(page);

	await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
	const big = 'A summary written while the disk is full. '.repeat(2_000);
	await summary.fill(big);
	await expect(page.getByTestId('save-status')).toContainText('Not saved: the browser’s storage for this site is full');
	await expect(page.getByRole('status').filter({ hasText: 'storage for this site is full' })).toBeAttached();
	await expect(summary).toHaveValue(big);
	expect(await stored(page)).toEqual([{ title: 'Saved before the disk filled', summary: 'A short summary that fits.' }]);
	// Export still works: the text on screen can be kept.
	await page.getByText('Export', { exact: true }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download Markdown' }).click();
	expect((await download).suggestedFilename()).toMatch(/\.md$/);

	// Space comes back: the next edit saves everything on screen.
	await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
	await summary.press('Control+End');
	await page.keyboard.type(' Saved after all.');
	await expectSaved(page);
	const after = await stored(page);
	// Compared as a yes/no: a mismatch of 90,000 characters would flood the report.
	expect(after.map((r) => r.title)).toEqual(['Saved before the disk filled']);
	expect(after[0].summary === `${big} Saved after all.`, 'the whole summary on screen is stored').toBe(true);
});
