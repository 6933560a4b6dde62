import { test, expect, newPostmortem } from './fixtures';
import type { Page } from '@playwright/test';

const PAYLOAD = [
	'<img src="/nothing.png" onerror="window.__xss=1;alert(1)">',
	'<script>window.__xss=2;alert(2)</script>',
	'[click](javascript:window.__xss=3)',
	'<svg onload="window.__xss=4"></svg>',
	'<iframe src="javascript:alert(5)"></iframe>',
	'| a | b |<a href="#" onclick="window.__xss=6">x</a>'
].join(' ');

async function fillAllTextIn(page: Page) {
	const fields = page.locator('main textarea:visible, main input[type="text"]:visible');
	const n = await fields.count();
	for (let i = 0; i < n; i++) {
		const f = fields.nth(i);
		await f.fill(PAYLOAD);
	}
}

test('script typed into every text field never runs in the preview', async ({ page }) => {
	let dialogs = 0;
	page.on('dialog', async (d) => {
		dialogs++;
		await d.dismiss();
	});
	await newPostmortem(page);
	const nav = page.getByRole('navigation', { name: 'Sections' });
	const steps = await nav.getByRole('link').count();
	for (let i = 0; i < steps; i++) {
		await nav.getByRole('link').nth(i).click();
		await expect(page).toHaveTitle(new RegExp(`Step ${i + 1} of ${steps}`));
		await expect(page.getByRole('navigation', { name: 'Step navigation' })).toBeVisible();
		for (const add of ['Add timeline entry', 'Add contributing factor', 'Add corrective action']) {
			const b = page.getByRole('button', { name: add });
			if (await b.count()) await b.click();
		}
		await fillAllTextIn(page);
	}
	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	const preview = page.getByTestId('preview');
	await expect(preview.locator('table').first()).toBeVisible();
	await expect(preview).toContainText('click');
	await page.getByLabel('Public summary').check();
	await page.getByLabel('Full postmortem').check();
	await expect(preview.locator('script, iframe, svg, [onerror], [onload], [onclick]')).toHaveCount(0);
	await expect(preview.locator('a[href^="javascript:"]')).toHaveCount(0);
	// Give any injected handler a chance to fire before asserting it did not.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(dialogs).toBe(0);
});

test('Markdown that would hang the parser does not freeze the editor', async ({ page }) => {
	await newPostmortem(page);
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: /Summary/ })
		.click();
	await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('>'.repeat(3000) + ' deep');
	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	const preview = page.getByTestId('preview');
	await expect(preview).toContainText('deep');
	// The page still answers: navigation back to the editor works and typing is kept.
	await page.getByRole('link', { name: 'Edit', exact: true }).click();
	await page.getByLabel('Title').fill('Still responsive');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Still responsive');
});
