import { test, expect, allowOrigin, expectSaved } from '../e2e/fixtures';
import { StaticServer } from '../e2e/server';

// Cold starts with the server gone, on every kind of address a person may have bookmarked or shared.
test('offline cold starts on deep links: every page of the app, a postmortem not stored here, and an address that is no page', async ({
	page,
	context
}) => {
	test.slow();
	const server = new StaticServer();
	await server.start();
	allowOrigin(server.origin);
	try {
		await page.goto(server.origin + '/');
		await page.getByRole('button', { name: 'Start a postmortem' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
		await page.getByLabel('Title', { exact: true }).fill('Bookmarked offline');
		await expectSaved(page);
		const editor = page.url();
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => {}));
		await server.stop();
		expect(await page.request.get(server.origin + '/').catch(() => null), 'the server is really gone').toBeNull();

		// Each a cold start: a new tab, straight onto the address.
		const cold = async (path: string) => {
			const tab = await context.newPage();
			const response = await tab.goto(path.startsWith('http') ? path : server.origin + path);
			expect(response?.fromServiceWorker(), `${path} is served by the service worker`).toBe(true);
			return tab;
		};
		let tab = await cold(`${editor}/lessons`);
		await expect(tab.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible();
		await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Bookmarked offline');
		await tab.close();

		tab = await cold(`${editor}/preview`);
		await expect(tab.getByTestId('preview').locator('h1')).toHaveText('Bookmarked offline');
		await tab.close();

		tab = await cold(`${editor}/meeting`);
		await expect(tab.getByRole('heading', { level: 1 })).toContainText('Bookmarked offline');
		await tab.close();

		tab = await cold('/settings');
		await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
		await tab.close();

		tab = await cold('/insights?severity=sev1');
		await expect(tab.getByTestId('insights-summary')).toHaveText(/^0 incidents from /);
		await tab.close();

		tab = await cold('/actions?show=all');
		await expect(tab.getByRole('heading', { level: 1, name: 'Corrective actions' })).toBeVisible();
		await expect(tab.getByText('No corrective actions yet.', { exact: false })).toBeVisible();
		await tab.close();

		tab = await cold('/p/00000000-0000-4000-8000-000000000000');
		await expect(tab.getByText('This postmortem is not stored in this browser')).toBeVisible();
		await tab.close();

		tab = await cold('/no/such/page');
		await expect(tab.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
		await tab
			.getByRole('link', { name: /library/i })
			.first()
			.click();
		await expect(
			tab.getByRole('list', { name: 'Postmortems' }).getByRole('link', { name: 'Bookmarked offline', exact: true })
		).toBeVisible();
		await tab.close();
	} finally {
		await server.dispose();
	}
});
