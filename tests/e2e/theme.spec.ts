import AxeBuilder from '@axe-core/playwright';
import { test, expect, expectStepReady } from './fixtures';
import type { Page } from '@playwright/test';

const LIGHT_BG = 'rgb(251, 250, 247)';
const DARK_BG = 'rgb(20, 24, 22)';
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const themeGroup = (page: Page) => page.getByRole('group', { name: 'Theme' });

test('a dark theme chosen in Settings on a light device applies at once, on every page, after a reload, and not on paper', async ({
	page
}) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/settings');
	expect(await background(page)).toBe(LIGHT_BG);
	await expect(themeGroup(page).getByRole('radio', { name: 'System' })).toBeChecked();

	// Chosen by keyboard: arrow keys move through a radio group.
	await themeGroup(page).getByRole('radio', { name: 'System' }).focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(themeGroup(page).getByRole('radio', { name: 'Dark' })).toBeChecked();
	expect(await background(page)).toBe(DARK_BG);

	await page.reload();
	await expect(themeGroup(page).getByRole('radio', { name: 'Dark' })).toBeChecked();
	expect(await background(page)).toBe(DARK_BG);

	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
	expect(await background(page)).toBe(DARK_BG);
	const r = await new AxeBuilder({ page }).withTags(['wcag2aa']).analyze();
	expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

	// Paper gets dark text on white whatever the theme.
	await page.emulateMedia({ media: 'print' });
	expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
	expect(await background(page)).toBe('rgb(255, 255, 255)');
});

test('a light theme overrides a dark device, and System follows the device again', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/settings');
	expect(await background(page)).toBe(DARK_BG);
	await themeGroup(page).getByRole('radio', { name: 'Light' }).check();
	expect(await background(page)).toBe(LIGHT_BG);
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Open the example' })).toBeVisible();
	expect(await background(page)).toBe(LIGHT_BG);

	await page.goto('/settings');
	await themeGroup(page).getByRole('radio', { name: 'System' }).check();
	expect(await background(page)).toBe(DARK_BG);
	await page.reload();
	await expect(themeGroup(page).getByRole('radio', { name: 'System' })).toBeChecked();
	expect(await background(page)).toBe(DARK_BG);
	await page.emulateMedia({ colorScheme: 'light' });
	expect(await background(page)).toBe(LIGHT_BG);
});
