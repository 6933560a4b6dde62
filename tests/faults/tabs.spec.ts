import { test, expect, newPostmortem, expectSaved } from '../e2e/fixtures';
import type { BrowserContext, Page } from '@playwright/test';

/** Open `url` in a new tab of `context` and wait for its editor. */
async function openTab(context: BrowserContext, url: string): Promise<Page> {
	const tab = await context.newPage();
	await tab.goto(url);
	await expect(tab.getByLabel('Title')).toBeVisible();
	return tab;
}

/**
 * Type into each tab, then close them all before any autosave can run: one after the other in
 * `order`, or all at the same moment ('together').
 */
async function typeAndClose(tabs: Page[], texts: string[], order: number[] | 'together'): Promise<void> {
	// Typed at the caret, as a person types (a fill would replace a text adopted from another tab's save).
	for (const [i, tab] of tabs.entries()) {
		await tab.getByLabel('Incident lead').focus();
		await tab.keyboard.insertText(texts[i]);
	}
	if (order === 'together') await Promise.all(tabs.map((t) => t.close({ runBeforeUnload: true })));
	else for (const i of order) await tabs[i].close({ runBeforeUnload: true });
}

/**
 * Whether every one of `texts` is in a stored incident lead. On a busy machine a tab's save can
 * reach the next tab before the typing there, which then adds to that text in one version (and no
 * copy is needed): what matters is that no text is lost.
 */
async function everyTextKept(page: Page, texts: string[]): Promise<boolean> {
	const leads = await storedLeads(page);
	return texts.every((t) => leads.some((l) => l.includes(t)));
}

/** Every incident lead stored in the library, read from IndexedDB by a fresh page. */
async function storedLeads(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('postmortem-workbench');
				open.onsuccess = () => {
					const req = open.result.transaction('postmortems').objectStore('postmortems').getAll();
					req.onsuccess = () => {
						open.result.close();
						resolve((req.result as { incidentLead: string }[]).map((p) => p.incidentLead).sort());
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}

for (const order of [[0, 1], [1, 0], 'together'] as const) {
	const how = order === 'together' ? 'at the same moment' : `${order.join(' then ')}`;
	test(`two tabs of one postmortem closed within the autosave delay (${how}) both keep their text`, async ({ page, context }) => {
		await newPostmortem(page);
		await page.getByLabel('Title').fill('Shared');
		await expectSaved(page);
		const url = page.url();
		await page.goto('/favicon.svg'); // leave only the two tabs under test on the postmortem
		const tabs = [await openTab(context, url), await openTab(context, url)];
		await typeAndClose(tabs, ['Text from tab one', 'Text from tab two'], order === 'together' ? order : [...order]);

		// The next start of the app stores whatever the closing tabs kept, and says what it did.
		// A copy kept moments ago is stored once its tab's own write has had time to land.
		await page.goto('/');
		await expect.poll(() => everyTextKept(page, ['Text from tab one', 'Text from tab two'])).toBe(true);
		if ((await storedLeads(page)).length === 1) return; // one version holds both (see everyTextKept)
		expect(await storedLeads(page)).toEqual(['Text from tab one', 'Text from tab two']);
		// The notice names both and opens the copy.
		const notice = page.getByTestId('recovered-notice');
		await notice.getByRole('link', { name: 'Shared (unsaved version from a closed tab)' }).click();
		await expect(page.getByLabel('Title')).toHaveValue('Shared (unsaved version from a closed tab)');
	});
}

test('three tabs of one postmortem closed at the same moment keep all three texts', async ({ page, context }) => {
	await newPostmortem(page);
	await page.getByLabel('Title').fill('Three');
	await expectSaved(page);
	const url = page.url();
	await page.goto('/favicon.svg');
	const tabs = [await openTab(context, url), await openTab(context, url), await openTab(context, url)];
	await typeAndClose(tabs, ['one', 'two', 'three'], 'together');
	await page.goto('/');
	await expect.poll(() => everyTextKept(page, ['one', 'two', 'three'])).toBe(true);
});
