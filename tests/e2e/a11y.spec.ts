import AxeBuilder from '@axe-core/playwright';
import { test, expect, expectStepReady } from './fixtures';
import type { Page } from '@playwright/test';

async function seriousViolations(page: Page) {
	const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('axe finds no serious or critical problems on the library, every step, the preview and settings', async ({ page }) => {
	// 16 full axe runs: 36 s alone on a busy 2-core machine, over the 60 s default beside another test.
	test.slow();
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Open the example' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	await page.getByRole('link', { name: 'Library' }).first().click();
	await expect(page.getByRole('list', { name: 'Postmortems' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByRole('list', { name: 'Postmortems' }).getByRole('link').first().click();
	// count() does not wait: let the editor open first.
	await expectStepReady(page, 'Overview');
	const nav = page.getByRole('navigation', { name: 'Sections' });
	const steps = await nav.getByRole('link').count();
	expect(steps).toBe(12);
	for (let i = 0; i < steps; i++) {
		await nav.getByRole('link').nth(i).click();
		await expect(page).toHaveTitle(new RegExp(`Step ${i + 1} of 12`));
		await expect(page.getByRole('navigation', { name: 'Step navigation' })).toBeVisible();
		expect(await seriousViolations(page), `step ${i + 1}`).toEqual([]);
	}
	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	await expect(page.getByTestId('preview').locator('h1')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto('/settings');
	await expect(page.getByTestId('storage-summary')).toContainText('Persistent storage');
	expect(await seriousViolations(page)).toEqual([]);
});

test('dark theme is also free of serious contrast problems', async ({ browser }) => {
	const context = await browser.newContext({ colorScheme: 'dark' });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await context.close();
});
