import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, newPostmortem, expectSaved, gotoStep, timelineView } from './fixtures';

/** Serious or critical accessibility violations on the page as it is. */
async function violations(page: Page): Promise<string[]> {
	const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/** Start a postmortem of an incident that began at 14:00, and go to its Timeline step. */
async function startIncident(page: Page, title = '') {
	await newPostmortem(page);
	if (title) await page.getByLabel('Title').fill(title);
	await page.getByLabel('Incident started').fill('2026-11-03T14:00');
	await gotoStep(page, 'Timeline');
}

/** Type one timeline entry in the compact view. */
async function addEntry(page: Page, time: string, who: string, what: string) {
	await page.getByRole('button', { name: 'Add timeline entry' }).click();
	const row = page.getByTestId('timeline-entry').last();
	await row.getByLabel('Time', { exact: true }).fill(time);
	await row.getByLabel('Who').fill(who);
	await row.getByLabel('What happened').fill(what);
}

/** Export my account from the Timeline step; returns the downloaded file's path. */
async function exportAccount(page: Page, name: string, notes: string): Promise<string> {
	await page.getByRole('button', { name: 'Export my account…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export my account' });
	await dialog.getByLabel('Your name').fill(name);
	await dialog.getByLabel('Notes').fill(notes);
	expect(await violations(page)).toEqual([]);
	const file = page.waitForEvent('download');
	await dialog.getByRole('button', { name: 'Download my account' }).click();
	const path = (await (await file).path())!;
	await expect(dialog.getByRole('status')).toContainText('Send it to the facilitator');
	await dialog.getByRole('button', { name: 'Close' }).click();
	return path;
}

test('two participants export their accounts; merged, they show by moment, whose each is and where they disagree', async ({ page }) => {
	// Ana writes her account in her own copy.
	await startIncident(page);
	await addEntry(page, '14:02', 'Ana', 'Checkout error rate climbs past 5%');
	await addEntry(page, '14:20', 'Ana', 'Rolled back the pool size change');
	await expectSaved(page);
	const anaFile = await exportAccount(page, 'Ana', 'I expected the canary to catch it.');
	const anaAccount = JSON.parse(readFileSync(anaFile, 'utf8'));
	expect(anaAccount).toMatchObject({ format: 'postmortem-workbench', kind: 'account', account: { author: 'Ana' } });
	expect(anaAccount.account.entries).toHaveLength(2);

	// Ben writes his in his.
	await startIncident(page);
	await addEntry(page, '14:09', 'Ben', 'Checkout error rate climbing, paged the on-call');
	await addEntry(page, '14:40', 'Ben', 'Customers report slow pages');
	await expectSaved(page);
	const benFile = await exportAccount(page, 'Ben', '');

	// The facilitator merges both.
	await startIncident(page, 'Checkout errors');
	await page.getByRole('button', { name: 'Merge accounts…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Merge accounts' });
	await dialog.getByLabel('Choose account files (JSON)').setInputFiles([anaFile, benFile]);
	await expect(dialog.getByRole('status')).toHaveText('Accounts of Ana, Ben.');
	const moments = dialog.getByRole('list', { name: 'Moments' }).locator(':scope > li');
	await expect(moments).toHaveCount(3);
	await expect(moments.nth(0)).toContainText('2026-11-03 14:02 · 2 accounts');
	await expect(moments.nth(0)).toContainText('Ana’s account: Checkout error rate climbs past 5%');
	await expect(moments.nth(0)).toContainText('Ben’s account: Checkout error rate climbing, paged the on-call');
	await expect(moments.nth(0)).toContainText('Accounts disagree. Times differ: Ana 14:02, Ben 14:09.');
	// One entry of a moment is picked at first; the person may take the other too.
	await expect(moments.nth(0).getByRole('checkbox')).toHaveCount(2);
	await expect(moments.nth(0).getByRole('checkbox').nth(0)).toBeChecked();
	await expect(moments.nth(0).getByRole('checkbox').nth(1)).not.toBeChecked();
	expect(await violations(page)).toEqual([]);
	await moments.nth(0).getByRole('checkbox').nth(1).check();
	await dialog.getByLabel('Add the notes of Ana to Supporting information').check();
	await dialog.getByRole('button', { name: 'Add 4 entries to the timeline' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByText('Added 4 entries from participants’ accounts.')).toBeVisible();

	const entries = page.getByTestId('timeline-entry');
	await expect(entries).toHaveCount(4);
	await timelineView(page, 'Detailed');
	await expect(entries.nth(0)).toContainText('From Ana’s account');
	await expect(entries.nth(1)).toContainText('From Ben’s account');
	await expect(entries.nth(1).getByLabel('What happened')).toHaveValue('Checkout error rate climbing, paged the on-call');
	await expectSaved(page);

	// Merged again, nothing is added twice; it all survives a reload.
	await page.reload();
	await expect(entries).toHaveCount(4);
	await page.getByRole('button', { name: 'Merge accounts…' }).click();
	await dialog.getByLabel('Choose account files (JSON)').setInputFiles([anaFile, benFile]);
	await expect(dialog.getByText('(in the timeline)')).toHaveCount(4);
	await expect(dialog.getByRole('button', { name: 'Add 0 entries to the timeline' })).toBeDisabled();
	await page.keyboard.press('Escape');
	await gotoStep(page, 'Supporting');
	await expect(page.getByRole('textbox', { name: 'Supporting information' })).toHaveValue(
		/### Ana’s account\n\nI expected the canary to catch it\./
	);
});

test('a file that is not an account is refused in the merge and changes nothing', async ({ page }) => {
	await newPostmortem(page);
	await gotoStep(page, 'Timeline');
	await page.getByRole('button', { name: 'Merge accounts…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Merge accounts' });
	await dialog
		.getByLabel('Choose account files (JSON)')
		.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
	await expect(dialog.getByRole('alert')).toContainText('“notes.json” was not read: It is not an account exported by this app');
	await expect(dialog.getByRole('list', { name: 'Moments' })).toBeHidden();
});
