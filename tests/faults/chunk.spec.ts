import { test, expect, newPostmortem, expectSaved } from '../e2e/fixtures';

// A deploy replaced the app's files while a tab of the old version was open, before its service
// worker held them: the page's next lazily loaded file is gone from the server (404).
test.use({ serviceWorkers: 'block' });

test('a lazily loaded file a new deploy deleted: moving on in the app still works, and nothing typed is lost', async ({ page }) => {
	await newPostmortem(page);
	await page.getByLabel('Title', { exact: true }).fill('Typed before the deploy');
	await expectSaved(page);
	const loaded = new Set<string>();
	await page
		.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
		.then((names) => names.forEach((n) => loaded.add(new URL(n).pathname)));
	let gone = 0;
	// Files not yet loaded are gone once; what the reload after it asks for is the new deploy's.
	await page.route('**/_app/immutable/**', (route) => {
		const path = new URL(route.request().url()).pathname;
		if (!loaded.has(path) && gone++ === 0) return route.fulfill({ status: 404, body: 'Not found' });
		return route.continue();
	});
	// Typed and moved on at once, within the autosave delay.
	await page.getByLabel('Title', { exact: true }).fill('Typed before the deploy, and just now');
	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	await expect(page.getByTestId('preview')).toContainText('Typed before the deploy, and just now');
	expect(gone).toBeGreaterThan(0);
	await page.getByRole('link', { name: 'Edit', exact: true }).click();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Typed before the deploy, and just now');
});
