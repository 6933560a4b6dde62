import { test, expect, newPostmortem, expectSaved } from '../e2e/fixtures';

// Every IndexedDB connection the page opens, so the test can close it under the app (as a browser
// does when it tears a connection down mid-session).
test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		const open = IDBFactory.prototype.open;
		const connections: IDBDatabase[] = ((window as unknown as { connections: IDBDatabase[] }).connections = []);
		IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<typeof open>) {
			const req = open.apply(this, args);
			req.addEventListener('success', () => connections.push(req.result));
			return req;
		};
	});
});

test('the database connection closed mid-session: the next edit reopens it and is saved, nothing lost', async ({ page }) => {
	const id = await newPostmortem(page);
	await page.getByLabel('Title', { exact: true }).fill('Before the connection closed');
	await expectSaved(page);
	const closed = await page.evaluate(() => {
		const all = (window as unknown as { connections: IDBDatabase[] }).connections;
		for (const c of all) c.close();
		return all.length;
	});
	expect(closed).toBeGreaterThan(0);
	await page.getByLabel('Title', { exact: true }).fill('After the connection closed');
	await expectSaved(page);
	await page.getByLabel('Title', { exact: true }).fill('And again after that');
	await expectSaved(page);
	await page.goto('/');
	await expect(
		page.getByRole('list', { name: 'Postmortems' }).getByRole('link', { name: 'And again after that', exact: true })
	).toBeVisible();
	await page.goto(`/p/${id}`);
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('And again after that');
});
