import { readFileSync } from 'node:fs';
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
