import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { test, expect, download, expectStepReady, gotoStep } from './fixtures';

const CORPUS = join(import.meta.dirname, '../fixtures/markdown-corpus');

test('a postmortem written in a wiki is shown field by field before it is imported, and comes in whole', async ({ page }) => {
	await page.goto('/');
	const input = page.getByLabel('Import postmortem files (JSON or Markdown)');
	const list = page.getByRole('list', { name: 'Postmortems' });
	const file = join(CORPUS, 'google-sre-template.md');

	// Cancelled: nothing is stored.
	await input.setInputFiles(file);
	const dialog = page.getByRole('dialog', { name: 'Check what was recognised' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('import-notice')).toHaveText('Import cancelled. Nothing was changed.');
	await expect(list).toBeHidden();

	await input.setInputFiles(file);
	await expect(dialog.getByRole('heading', { level: 3 })).toHaveText(
		'“google-sre-template.md”: Checkout API Outage Caused by Expired Mesh Root Certificate (incident #2291)'
	);
	const row = (field: string) => dialog.getByRole('row', { name: new RegExp(`^${field}\\b`) });
	await expect(row('Timeline')).toContainText('section “Timeline (all times UTC)”');
	await expect(row('Timeline')).toContainText('10 entries');
	await expect(row('Contributing factors')).toContainText('section “Root Causes”');
	await expect(row('Corrective actions')).toContainText('4 actions');
	await expect(row('Where we got lucky')).toContainText('The expiry happened during US business hours');
	await expect(row('Time zone')).toContainText('UTC');
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-notice')).toContainText('Imported 1 postmortem from “google-sre-template.md”.');

	await list.getByRole('link', { name: /^Checkout API Outage/ }).click();
	await expectStepReady(page, 'Overview');
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(
		'Checkout API Outage Caused by Expired Mesh Root Certificate (incident #2291)'
	);
	await gotoStep(page, 'Timeline');
	const rows = page.getByTestId('timeline-entry');
	await expect(rows).toHaveCount(10);
	await expect(rows.nth(3).getByLabel('Time', { exact: true })).toHaveValue('14:14');
	await expect(rows.nth(3).getByLabel('What happened')).toHaveValue(/investigation focuses on the 11:20 deploy/);
	await gotoStep(page, 'Actions');
	const actions = page.getByRole('list', { name: 'Corrective actions' }).locator(':scope > li');
	await expect(actions).toHaveCount(4);
	await expect(actions.first().getByLabel('Owner')).toHaveValue('Felix Baumann');

	// The incident starts with the first entry of its day, in the zone the timeline named; the wiki's
	// own extra sections stay.
	const md = (await download(page, 'Download Markdown')).toString('utf8');
	expect(md).toContain('- **Incident date:** 2024-03-12 11:20 (UTC)');
	expect(md).toContain('Certificate expiry dashboard');
});

test('our own Markdown file comes back as the same postmortem, ids and all', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
	const md = (await download(page, 'Download Markdown')).toString('utf8');
	expect(md).toMatch(/^---\nformat: "postmortem-workbench"\nversion: 1\n/);

	await page.goto('/');
	const list = page.getByRole('list', { name: 'Postmortems' });
	await page
		.getByLabel('Import postmortem files (JSON or Markdown)')
		.setInputFiles({ name: 'example.md', mimeType: 'text/markdown', buffer: Buffer.from(md) });
	// No preview for our own file: it is the same postmortem, so the usual question comes.
	const question = page.getByRole('dialog', { name: 'This postmortem is already here' });
	await question.getByRole('button', { name: 'Replace' }).click();
	await expect(page.getByTestId('import-notice')).toContainText('Imported 1 postmortem');
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await list.getByRole('link').first().click();
	await expectStepReady(page, 'Overview');
	// The same file again, but for when it was exported and saved (replacing it is a save).
	const unstamped = (s: string) => s.replace(/^(?:exportedAt|revision|updatedAt): .*$/gm, '');
	expect(unstamped((await download(page, 'Download Markdown')).toString('utf8'))).toBe(unstamped(md));
});

test('a Markdown file with nothing of a postmortem in it is refused and changes nothing', async ({ page }) => {
	await page.goto('/');
	await page
		.getByLabel('Import postmortem files (JSON or Markdown)')
		.setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Shopping list\n\n- milk\n- eggs\n') });
	await expect(page.getByTestId('import-error')).toContainText(
		'“notes.md” was not imported: Nothing in this Markdown file reads as part of a postmortem'
	);
	await expect(page.getByRole('dialog', { name: 'Check what was recognised' })).toBeHidden();
	await expect(page.getByRole('list', { name: 'Postmortems' })).toBeHidden();
});
