import type { Page } from '@playwright/test';
import { test, expect, expectSaved, expectStepReady, newPostmortem, gotoStep } from './fixtures';

/** A new postmortem with a title and a summary. */
async function write(page: Page, title: string, summary: string) {
	await newPostmortem(page);
	await page.getByLabel('Title', { exact: true }).fill(title);
	await gotoStep(page, 'Summary');
	await expectStepReady(page, 'Summary');
	await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(summary);
	await expectSaved(page);
}

test('the library searches every field, forgives a typo, shows the passage, keeps the search in the address, and follows edits', async ({
	page
}) => {
	await write(page, 'Checkout outage', 'Orders failed because the connection pool was exhausted on orders-db.');
	await write(page, 'Login slowness', 'Sign-ins took 30 s while the DNS resolver timed out.');
	await page.goto('/');
	const list = page.getByRole('list', { name: 'Postmortems' });
	const search = page.getByLabel('Search postmortems');
	await expect(list.getByRole('listitem')).toHaveCount(2);

	// A word of a summary, misspelt: found, with the passage and the word marked.
	await search.fill('exhasted');
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list.getByRole('link', { name: 'Checkout outage', exact: true })).toBeVisible();
	const passage = list.locator('p.passage');
	await expect(passage).toContainText('Summary:');
	await expect(passage.locator('mark')).toHaveText('exhausted');

	// The start of a word finds it too, and the search is in the address: a reload keeps it.
	await search.fill('resolv');
	await expect(list.getByRole('link', { name: 'Login slowness', exact: true })).toBeVisible();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(page).toHaveURL(/\?q=resolv$/);
	await page.reload();
	await expect(page.getByLabel('Search postmortems')).toHaveValue('resolv');
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list.locator('p.passage').locator('mark')).toHaveText('resolver');

	// "/" comes back to the search box from anywhere on the page.
	await page.getByRole('heading', { name: 'Postmortems' }).click();
	await page.keyboard.press('/');
	await expect(page.getByLabel('Search postmortems')).toBeFocused();

	// An edit is searchable once saved: the index follows it without being rebuilt.
	await list.getByRole('link', { name: 'Login slowness', exact: true }).click();
	await gotoStep(page, 'Summary');
	await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('The DNS resolver timed out; its cache was exhausted.');
	await expectSaved(page);
	await page.getByRole('link', { name: 'Library' }).first().click();
	await page.getByLabel('Search postmortems').fill('exhausted');
	await expect(list.getByRole('listitem')).toHaveCount(2);
});

test('the library narrows to a status and a severity, sorts, combines both with the search, and keeps them in the address', async ({
	page
}) => {
	for (const [title, date, severity, status] of [
		['Checkout outage', '2026-03-10T14:02', 'SEV 1 – critical', 'In review'],
		['Login slowness', '2026-05-01T09:00', 'SEV 2 – major', 'Draft'],
		['Checkout latency', '2025-12-24T23:10', 'SEV 2 – major', 'In review']
	]) {
		await newPostmortem(page);
		await page.getByLabel('Title', { exact: true }).fill(title);
		await page.getByLabel('Incident started').fill(date);
		await page.getByLabel('Severity').selectOption({ label: severity });
		await page.getByLabel('Status', { exact: true }).selectOption({ label: status });
		await expectSaved(page);
	}
	await page.goto('/');
	const list = page.getByRole('list', { name: 'Postmortems' });
	const titles = list.getByRole('link').filter({ hasText: /^(Checkout|Login)/ });
	await expect(list.getByRole('listitem')).toHaveCount(3);

	await page.getByLabel('Status').selectOption({ label: 'In review' });
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(page.getByRole('status').filter({ hasText: '2 of 3 shown' })).toBeVisible();
	await page.getByLabel('Sort').selectOption({ label: 'Incident date, oldest' });
	await expect(titles).toHaveText(['Checkout latency', 'Checkout outage']);
	await page.getByLabel('Severity').selectOption({ label: 'SEV 1 – critical' });
	await expect(titles).toHaveText(['Checkout outage']);
	await expect(page).toHaveURL(/status=in-review&severity=sev1&sort=oldest/);

	// A reload, or the address bookmarked, shows the same.
	await page.reload();
	await expect(page.getByLabel('Severity')).toHaveValue('sev1');
	await expect(titles).toHaveText(['Checkout outage']);

	// With the search: both narrow the list; clearing the filters keeps the search.
	await page.getByLabel('Severity').selectOption({ label: 'Any' });
	await page.getByLabel('Search postmortems').fill('checkout');
	await expect(titles).toHaveText(['Checkout latency', 'Checkout outage']);
	await page.getByLabel('Status').selectOption({ label: 'Draft' });
	await expect(list.getByRole('listitem')).toHaveText(['No postmortem matches “checkout” with this status and severity.']);
	await page.getByRole('button', { name: 'Show every status and severity' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(page.getByLabel('Search postmortems')).toHaveValue('checkout');
	await expect(page).toHaveURL(/\?sort=oldest&q=checkout$/);
});
