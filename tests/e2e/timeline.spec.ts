import AxeBuilder from '@axe-core/playwright';
import { test, expect, newPostmortem, expectSaved, gotoStep, timelineView, download } from './fixtures';

test('the compact timeline: times typed as 9:14 pm, Enter adds the next row, arrows move between rows, the day shown once', async ({
	page
}) => {
	await newPostmortem(page);
	await page.getByLabel('Incident started').fill('2026-11-03T21:00');
	await gotoStep(page, 'Timeline');
	await expect(page.getByRole('radio', { name: /^Compact/ })).toBeChecked();
	const rows = page.getByTestId('timeline-entry');

	await page.getByRole('button', { name: 'Add timeline entry' }).click();
	await expect(rows.nth(0).getByLabel('Time', { exact: true })).toBeFocused();
	await page.keyboard.type('9:14 pm');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Priya');
	await page.keyboard.press('Tab');
	await page.keyboard.type('The error-rate alert fires');
	await page.keyboard.press('Enter');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(1).getByLabel('Time', { exact: true })).toBeFocused();
	await expect(rows.nth(1).getByLabel('Time', { exact: true })).toHaveValue('21:14');
	// It starts at the time before it, selected: typing replaces it.
	await page.keyboard.type('21:30');
	await rows.nth(1).getByLabel('What happened').fill('Incident declared');
	await rows.nth(1).getByLabel('What happened').press('Enter');
	await expect(rows).toHaveCount(3);

	// A time that cannot be read is said so, and not saved.
	const third = rows.nth(2).getByLabel('Time', { exact: true });
	await expect(third).toBeFocused();
	await page.keyboard.type('soon');
	await expect(third).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('status').filter({ hasText: 'Entry 3: type a time such as 09:14 or 9:14 pm' })).toBeVisible();
	await third.fill('2026-11-04 00:05');
	await expect(third).toHaveAttribute('aria-invalid', 'false');
	await rows.nth(2).getByLabel('What happened').fill('Rolled back');
	await rows.nth(2).getByLabel('Milestone').selectOption({ label: 'Mitigated' });

	// The day is shown on the first row of each day only.
	await expect(rows.nth(0)).toContainText('Tue 3 Nov');
	await expect(rows.nth(1)).not.toContainText('Nov');
	await expect(rows.nth(2)).toContainText('Wed 4 Nov');

	// Up and Down move between rows, in the same column.
	await rows.nth(2).getByLabel('What happened').focus();
	await page.keyboard.press('ArrowUp');
	await expect(rows.nth(1).getByLabel('What happened')).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await expect(rows.nth(0).getByLabel('What happened')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(rows.nth(1).getByLabel('What happened')).toBeFocused();

	const axe = await new AxeBuilder({ page }).include('[data-testid="compact-timeline"]').analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

	await page.getByRole('button', { name: 'Remove timeline entry 2' }).click();
	await expect(rows).toHaveCount(2);
	await expectSaved(page);
	await page.reload();
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0).getByLabel('What happened')).toHaveValue('The error-rate alert fires');
	await expect(rows.nth(0).getByLabel('Who')).toHaveValue('Priya');
	await expect(rows.nth(1).getByLabel('Time', { exact: true })).toHaveValue('00:05');

	// The detailed view has the full times; the choice of view is kept.
	await timelineView(page, 'Detailed');
	await expect(rows.nth(0).getByLabel('Time', { exact: true })).toHaveValue('2026-11-03T21:14');
	await expect(rows.nth(1).getByLabel('Time', { exact: true })).toHaveValue('2026-11-04T00:05');
	await rows.nth(0).getByLabel('What happened').fill('The error-rate alert fires\nand pages the on-call');
	await expectSaved(page);
	await page.reload();
	await expect(page.getByRole('radio', { name: /^Detailed/ })).toBeChecked();
	// A text of two lines keeps both in the compact row, and after an edit there.
	await timelineView(page, 'Compact');
	const what = rows.nth(0).getByLabel('What happened');
	await expect(what).toHaveValue('The error-rate alert fires\nand pages the on-call');
	await what.press('End');
	await what.press('Shift+Enter');
	await page.keyboard.type('(third line)');
	await expect(rows).toHaveCount(2);
	await expectSaved(page);
	await timelineView(page, 'Detailed');
	await expect(rows.nth(0).getByLabel('What happened')).toHaveValue('The error-rate alert fires\nand pages the on-call\n(third line)');
});

test('a language finding in a compact row is flagged, and shown in the detailed view', async ({ page }) => {
	await newPostmortem(page);
	await gotoStep(page, 'Timeline');
	await page.getByRole('button', { name: 'Add timeline entry' }).click();
	const row = page.getByTestId('timeline-entry').first();
	await row.getByLabel('What happened').fill('Sam should have checked the dashboard');
	const flag = row.getByRole('button', { name: /language finding.* in entry 1: show/ });
	await expect(flag).toBeVisible();
	await flag.click();
	await expect(page.getByRole('radio', { name: /^Detailed/ })).toBeChecked();
	await expect(page.getByRole('textbox', { name: 'What happened' })).toBeFocused();
	await expect(page.getByTestId('timeline-entry').first()).toContainText('should have');
	// Showing a finding does not change the view kept for the next visit.
	await expectSaved(page);
	await page.reload();
	await expect(page.getByRole('radio', { name: /^Compact/ })).toBeChecked();
});

test('on a phone each compact row is two lines that fit the screen: the text has a line of its own', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('navigation', { name: 'Step navigation' })).toBeVisible();
	await page.goto(page.url().replace(/\/p\/([^/]+).*/, '/p/$1/timeline'));
	const row = page.getByTestId('timeline-entry').first();
	for (const label of ['Time', 'Who', 'What happened', 'Milestone']) {
		const box = (await row.getByLabel(label, { exact: true }).boundingBox())!;
		expect(box.x, label).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width, label).toBeLessThanOrEqual(390);
	}
	const what = (await row.getByLabel('What happened', { exact: true }).boundingBox())!;
	expect(what.width).toBeGreaterThan(200);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await context.close();
});

test('an entry marked “learned later” says so in both views, in the preview and in the Markdown', async ({ page }) => {
	await newPostmortem(page);
	await page.getByLabel('Incident started').fill('2026-11-03T21:00');
	await gotoStep(page, 'Timeline');
	await page.getByRole('button', { name: 'Add timeline entry' }).click();
	const row = page.getByTestId('timeline-entry').first();
	await row.getByLabel('What happened').fill('The pool was already at its limit');
	await timelineView(page, 'Detailed');
	await row.getByRole('checkbox', { name: 'Learned later, not known at the time' }).check();
	await timelineView(page, 'Compact');
	await expect(row).toContainText('learned later');
	await expectSaved(page);
	await page.reload();
	await expect(page.getByTestId('timeline-entry').first()).toContainText('learned later');
	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	await expect(page.getByTestId('preview').locator('td em')).toHaveText('(Learned later)');
	const md = (await download(page, 'Download Markdown')).toString('utf8');
	expect(md).toContain('| *(Learned later)* The pool was already at its limit |');
});
