import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Press Tab until the focused element has this accessible name (or label text); fails after 80 presses. */
async function tabTo(page: Page, name: string | RegExp, back = false) {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
		const label = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el) return '';
			const aria = el.getAttribute('aria-label');
			if (aria) return aria;
			const id = el.id;
			const lab = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
			return (lab ?? el.textContent ?? '').trim();
		});
		if (typeof name === 'string' ? label === name : name.test(label)) return;
	}
	throw new Error(`Could not reach ${name} with Tab`);
}

test('the whole flow works by keyboard alone', async ({ page }) => {
	await page.goto('/');
	await tabTo(page, 'Start a postmortem');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();

	await tabTo(page, 'Title');
	await page.keyboard.type('Keyboard only incident');
	await tabTo(page, /^Next: Summary/);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeFocused();
	await tabTo(page, 'Summary');
	await page.keyboard.type('Typed without a mouse.');

	// Jump to the timeline from the stepper, add an entry; focus lands in it.
	await tabTo(page, /^5\. Timeline/, true);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeFocused();
	await tabTo(page, 'Add timeline entry');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('timeline-entry').getByLabel('Time', { exact: true })).toBeFocused();
	await page.keyboard.type('11032026');
	await page.keyboard.press('Tab');
	await page.keyboard.type('0930');
	await tabTo(page, 'Who');
	await page.keyboard.type('Ana');
	await tabTo(page, 'Milestone');
	await page.keyboard.press('ArrowDown');
	await tabTo(page, 'What happened');
	await page.keyboard.type('Saw the alert');

	// Export by keyboard.
	await tabTo(page, 'Export', true);
	await page.keyboard.press('Enter');
	await tabTo(page, 'Download Markdown');
	const download = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	const md = readFileSync((await (await download).path())!, 'utf8');
	expect(md).toContain('# Keyboard only incident');
	expect(md).toContain('Typed without a mouse.');
	expect(md).toContain('Saw the alert');
	expect(md).toContain('Ana');
});

test('shortcuts move between steps, add items, open the preview and search, and ? lists them', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Start a postmortem' }).click();
	await expect(page.getByRole('navigation', { name: 'Step navigation' })).toBeVisible();
	const title = page.getByLabel('Title', { exact: true });
	await title.fill('Shortcut incident?');
	// Typed in a field, "?" and "/" are text, not shortcuts.
	await expect(title).toHaveValue('Shortcut incident?');
	await title.press('/');
	await expect(title).toHaveValue('Shortcut incident?/');
	await expect(page.getByRole('dialog')).toHaveCount(0);

	// Alt+Page Down / Up move between steps even from inside a field.
	await title.press('Alt+PageDown');
	await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeFocused();
	await expect(page).toHaveURL(/\/summary$/);
	await page.keyboard.press('Alt+PageUp');
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeFocused();
	await expect(title).toHaveValue('Shortcut incident?/');

	// Ctrl+Enter adds an item on the list steps, from a field of the step too.
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: /^5\. Timeline/ })
		.click();
	await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
	await page.keyboard.press('Control+Enter');
	const entries = page.getByTestId('timeline-entry');
	await expect(entries).toHaveCount(1);
	await expect(entries.first().getByLabel('Time', { exact: true })).toBeFocused();
	await entries.first().getByLabel('What happened').fill('Alert fired');
	await entries.first().getByLabel('What happened').press('Control+Enter');
	await expect(entries).toHaveCount(2);
	await expect(entries.nth(1).getByLabel('Time', { exact: true })).toBeFocused();
	await page.keyboard.press('Alt+PageDown');
	await expect(page.getByRole('heading', { level: 2, name: 'What went well' })).toBeFocused();
	await page.keyboard.press('Alt+PageDown');
	await expect(page.getByRole('heading', { level: 2, name: 'Contributing factors' })).toBeFocused();
	await page.keyboard.press('Control+Enter');
	await expect(page.getByTestId('factor')).toHaveCount(1);
	await expect(page.getByTestId('factor').getByRole('textbox')).toBeFocused();

	// Alt+P opens the preview and goes back.
	await page.keyboard.press('Alt+p');
	await expect(page.getByTestId('preview').locator('h1')).toHaveText('Shortcut incident?/');
	await page.keyboard.press('Alt+p');
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();

	// "?" outside a field shows the shortcuts; Escape closes it and the keyboard is back where it was.
	const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
	await help.focus();
	await page.keyboard.press('?');
	const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('definition').filter({ hasText: 'Next step' })).toBeVisible();
	await expect(dialog).toContainText('Search the library');
	const axe = await new AxeBuilder({ page }).include('dialog').analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(dialog).toHaveCount(0);
	await expect(help).toBeFocused();
	await help.click();
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).toHaveCount(0);

	// "/" outside a field goes to the library's search.
	await page.getByRole('heading', { level: 2, name: 'Overview' }).focus();
	await page.keyboard.press('/');
	await expect(page.getByRole('searchbox', { name: 'Search postmortems' })).toBeFocused();
	await page.keyboard.type('Shortcut');
	await expect(page.getByRole('list', { name: 'Postmortems' }).getByRole('listitem')).toHaveCount(1);
	await expect(page.getByRole('list', { name: 'Postmortems' })).toContainText('Shortcut incident?/');
});
