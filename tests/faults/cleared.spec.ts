import { test, expect, newPostmortem, expectSaved } from '../e2e/fixtures';
import type { Page } from '@playwright/test';

/** What "Clear site data" in the browser does to the app's storage while the page stays open. */
async function clearSiteData(page: Page): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'indexeddb' });
	await cdp.detach();
}

test('site data cleared while a postmortem is open: the editor says so, and the text on screen is saved again as a new copy', async ({
	page
}) => {
	const id = await newPostmortem(page);
	await page.getByLabel('Title').fill('Written before the clear');
	await expectSaved(page);

	await clearSiteData(page);
	await page.getByLabel('Title').fill('Written before the clear, and after');
	const alert = page.getByRole('alert').filter({ hasText: 'no longer stored' });
	await expect(alert).toContainText('stored data for this site was cleared');
	await expect(page.getByTestId('save-status')).toContainText('Not saved: the browser’s stored data for this site was cleared');
	// Typing goes on; it is kept on screen.
	await page.getByLabel('Title').fill('Kept through the clear');
	await alert.getByRole('button', { name: 'Save as a new copy' }).click();
	await expectSaved(page);
	await expect(alert).toBeHidden();
	await page.getByLabel('Title').fill('Kept through the clear, and saved on');
	await expectSaved(page);

	await page.goto('/');
	const library = page.getByRole('list', { name: 'Postmortems' });
	await expect(library.getByRole('link', { name: 'Kept through the clear, and saved on', exact: true })).toBeVisible();
	await expect(library.getByRole('listitem')).toHaveCount(1);
	await page.goto(`/p/${id}`);
	await expect(page.getByLabel('Title')).toHaveValue('Kept through the clear, and saved on');
});

test('a postmortem deleted in another tab while open here: the editor says so, and saving again brings it back with the text on screen', async ({
	page,
	context
}) => {
	const id = await newPostmortem(page);
	await page.getByLabel('Title').fill('Open in two tabs');
	await expectSaved(page);
	const other = await context.newPage();
	await other.goto('/');
	await other.getByRole('button', { name: 'Delete Open in two tabs' }).click();
	await other.getByRole('dialog', { name: 'Delete this postmortem?' }).getByRole('button', { name: 'Delete' }).click();
	await expect(other.getByRole('list', { name: 'Postmortems' })).toBeHidden();

	await page.getByLabel('Title').fill('Open in two tabs, kept here');
	const alert = page.getByRole('alert').filter({ hasText: 'no longer stored' });
	await expect(alert).toContainText('deleted in another tab or window');
	await expect(page.getByTestId('save-status')).toHaveText('Not saved: deleted in another tab');
	await alert.getByRole('button', { name: 'Save as a new copy' }).click();
	await expectSaved(page);
	await other.reload();
	await expect(
		other.getByRole('list', { name: 'Postmortems' }).getByRole('link', { name: 'Open in two tabs, kept here', exact: true })
	).toBeVisible();
	await other.goto(`/p/${id}`);
	await expect(other.getByLabel('Title')).toHaveValue('Open in two tabs, kept here');
});
