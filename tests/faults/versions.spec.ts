import { test, expect, newPostmortem, expectSaved } from '../e2e/fixtures';
import type { Page } from '@playwright/test';

/** Everything stored, read with plain IndexedDB (no app code): version, postmortem rows and meta rows. */
function rawDatabase(page: Page): Promise<{ version: number; titles: string[]; meta: unknown[] }> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const req = indexedDB.open('postmortem-workbench');
				req.onsuccess = () => {
					const t = req.result.transaction(['postmortems', 'meta']);
					const rows = t.objectStore('postmortems').getAll();
					const meta = t.objectStore('meta').getAll();
					t.oncomplete = () => {
						resolve({
							version: req.result.version,
							titles: (rows.result as Array<{ title: string }>).map((r) => r.title).sort(),
							meta: meta.result
						});
						req.result.close();
					};
				};
				req.onerror = () => reject(req.error);
			})
	);
}

/** What a newer build does to the database: its schema version 2 (Dexie's native 20) adds a store. */
function upgradeAsNewerBuild(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const req = indexedDB.open('postmortem-workbench', 20);
				req.onupgradeneeded = () => req.result.createObjectStore('attachments', { keyPath: 'id' });
				// 'blocked' fires first while the app's tab saves; success follows once it lets go.
				req.onsuccess = () => {
					resolve(req.result.version);
					req.result.close();
				};
				req.onerror = () => reject(req.error);
			})
	);
}

test('a tab of an older version never writes into a database a newer version upgraded: it says so, offers a reload and keeps the text', async ({
	page,
	context
}) => {
	const id = await newPostmortem(page);
	await page.getByLabel('Title').fill('Saved before the upgrade');
	await expectSaved(page);

	// The newer build opens in another tab (a same-origin page without the app stands in for it).
	const newer = await context.newPage();
	await newer.goto('/favicon.svg');
	const stored = await rawDatabase(newer);
	expect(stored.titles).toEqual(['Saved before the upgrade']);
	expect(await upgradeAsNewerBuild(newer)).toBe(20);
	const notice = page.getByTestId('outdated-notice');
	await expect(notice).toContainText('being updated in another tab');

	// Typing on in the old tab: not saved, and said why; the text stays on screen.
	await page.getByLabel('Title').fill('Typed after the upgrade');
	await expect(page.getByTestId('save-status')).toContainText('Not saved: a newer version of the app has updated the stored data');
	await expect(notice).toContainText('a newer version of the app has updated the stored data');
	await expect(page.getByLabel('Title')).toHaveValue('Typed after the upgrade');
	const before = await rawDatabase(newer);
	expect(before).toEqual({ ...stored, version: 20 });

	// The reload gets this same older build (no newer one is deployed here): still nothing written.
	await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
	await expect(page.getByTestId('outdated-notice')).toContainText('a newer version of the app has updated the stored data');
	await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText('newer version of the app');
	// The edit typed after the upgrade is kept in this browser for the newer version's recovery.
	const kept = await page.evaluate(
		(pmId) =>
			Object.keys(localStorage)
				.filter((k) => k.startsWith(`postmortem-workbench:unsaved:${pmId}`))
				.map((k) => localStorage.getItem(k) ?? ''),
		id
	);
	expect(kept.some((v) => v.includes('Typed after the upgrade'))).toBe(true);

	// A cold start of the library in the older build: the notice, and no write of any kind.
	await page.goto('/');
	await expect(page.getByTestId('outdated-notice')).toContainText('a newer version of the app');
	await page
		.getByRole('button', { name: /^(New postmortem|Start a postmortem)$/ })
		.first()
		.click();
	await expect(page.getByText(/newer version of the app/).first()).toBeVisible();
	expect(await rawDatabase(newer)).toEqual(before);
});
