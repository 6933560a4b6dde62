import AxeBuilder from '@axe-core/playwright';
import { test, expect, expectSaved, expectStepReady, download, timelineView } from '../e2e/fixtures';
import type { Page } from '@playwright/test';

/** The example postmortem as its JSON export, from the app itself. */
async function exampleEnvelope(page: Page) {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
	return JSON.parse((await download(page, 'Download JSON')).toString('utf8'));
}

test('a postmortem with 10,000 timeline entries opens, stays editable, saves and exports', async ({ page, browser }) => {
	test.setTimeout(120_000);
	const envelope = await exampleEnvelope(page);
	const pm = envelope.postmortem;
	const first = pm.timeline[0];
	pm.id = '4d7f6f0e-1111-4a1a-9a9a-000000010000';
	pm.title = 'Ten thousand entries';
	pm.timeline = Array.from({ length: 10_000 }, (_, i) => ({
		...first,
		id: `entry-${i}`,
		at: new Date(Date.parse('2026-03-11T09:00:00Z') + i * 60_000).toISOString().slice(0, 16),
		what: `Entry number ${i + 1}`,
		milestone: ''
	}));
	const context = await browser.newContext();
	const p = await context.newPage();
	await p.goto('/');
	await p.getByLabel('Import postmortem files (JSON or Markdown)').setInputFiles({
		name: 'huge.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(envelope))
	});
	await expect(p.getByTestId('import-notice')).toContainText('Imported 1 postmortem');
	await p.getByRole('list', { name: 'Postmortems' }).getByRole('link', { name: 'Ten thousand entries', exact: true }).click();
	await expectStepReady(p, 'Overview');
	await p.getByLabel('Title', { exact: true }).fill('Ten thousand entries, edited');
	await expectSaved(p);
	await p
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: /^5\. Timeline/ })
		.click();
	await expectStepReady(p, 'Timeline');
	// Compact: only the rows in view are made; scrolled to the end, the last entry is there to edit.
	await expect(p.locator('#t-entry-0-what')).toHaveValue('Entry number 1');
	expect(await p.getByTestId('timeline-entry').count()).toBeLessThan(60);
	await p
		.getByTestId('compact-timeline')
		.locator('.scroller')
		.evaluate((el) => (el.scrollTop = el.scrollHeight));
	await expect(p.locator('#t-entry-9999-what')).toHaveValue('Entry number 10000');
	await expect(p.locator('#t-entry-9999-at')).toHaveValue('07:39');
	await p.locator('#t-entry-9999-who').fill('Priya');
	await expectSaved(p);
	// Detailed: a hundred entries at a time, with a way to every page.
	await timelineView(p, 'Detailed');
	await expect(p.getByTestId('timeline-entry')).toHaveCount(100);
	await expect(p.locator('#t-entry-0-what')).toHaveValue('Entry number 1');
	const pages = p.getByRole('group', { name: 'Timeline pages' }).first();
	await pages
		.getByRole('combobox', { name: 'Show timeline entries' })
		.selectOption({ label: '9901–10000 (2026-03-18 06:00 to 2026-03-18 07:39)' });
	const axe = await new AxeBuilder({ page: p }).include('[role="group"][aria-label="Timeline pages"]').analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	const last = p.locator('#t-entry-9999-what');
	await expect(last).toHaveValue('Entry number 10000');
	await last.fill('Entry number 10000, edited');
	await expectSaved(p);
	await pages.getByRole('button', { name: 'Earlier entries' }).click();
	await expect(p.locator('#t-entry-9800-what')).toHaveValue('Entry number 9801');
	// A new entry goes last, and its page is shown with it focused.
	await pages.getByRole('button', { name: 'Later entries' }).click();
	await pages.getByRole('button', { name: 'Earlier entries' }).click();
	await p.getByRole('button', { name: 'Add timeline entry' }).click();
	await expect(p.getByTestId('timeline-entry')).toHaveCount(1);
	await expect(p.getByTestId('timeline-entry').getByRole('textbox').first()).toBeFocused();
	await p.keyboard.type('2026-03-18 05:00');
	await expectSaved(p);

	await p.getByRole('link', { name: 'Preview', exact: true }).click();
	await expect(p.getByTestId('preview')).toContainText('Entry number 10000, edited');
	const md = (await download(p, 'Download Markdown')).toString('utf8');
	expect(md).toContain('# Ten thousand entries, edited');
	expect(md).toContain('Entry number 10000, edited');
	const json = JSON.parse((await download(p, 'Download JSON')).toString('utf8'));
	expect(json.postmortem.timeline).toHaveLength(10_001);
	expect(json.postmortem.timeline.find((e: { id: string }) => e.id === 'entry-9999').who).toBe('Priya');
	await context.close();
});
