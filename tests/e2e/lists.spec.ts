import { test, expect, newPostmortem, expectSaved, gotoStep, download } from './fixtures';

test('timeline entries are kept in time order, and entries, factors and actions can be removed', async ({ page }) => {
	await newPostmortem(page);
	await gotoStep(page, 'Timeline');
	const entries = page.getByTestId('timeline-entry');
	for (const [at, what] of [
		['2026-11-03T14:30', 'Rolled back'],
		['2026-11-03T14:00', 'Alert fired'],
		['2026-11-03T14:10', 'Incident declared']
	]) {
		await page.getByRole('button', { name: 'Add timeline entry' }).click();
		const row = entries.last();
		await row.getByLabel('Time', { exact: true }).fill(at);
		await row.getByLabel('What happened').fill(what);
	}
	// Leaving the last edited entry puts the list back in time order.
	await page.getByRole('button', { name: 'Add timeline entry' }).focus();
	await expect(entries.nth(0).getByLabel('What happened')).toHaveValue('Alert fired');
	await expect(entries.nth(1).getByLabel('What happened')).toHaveValue('Incident declared');
	await expect(entries.nth(2).getByLabel('What happened')).toHaveValue('Rolled back');

	await page.getByRole('button', { name: 'Remove timeline entry 2' }).click();
	await expect(entries).toHaveCount(2);
	// Focus moves to the entry that took its place.
	await expect(entries.nth(1).getByLabel('Time', { exact: true })).toBeFocused();

	await gotoStep(page, 'Factors');
	for (const text of ['Pool size undocumented', 'No load test for the limit']) {
		await page.getByRole('button', { name: 'Add contributing factor' }).click();
		await page.getByTestId('factor').last().getByRole('textbox').fill(text);
	}
	await page.getByRole('button', { name: 'Remove contributing factor 1' }).click();
	await expect(page.getByTestId('factor')).toHaveCount(1);
	await expect(page.getByTestId('factor').getByRole('textbox')).toHaveValue('No load test for the limit');
	await expect(page.getByTestId('factor').getByRole('textbox')).toBeFocused();
	await page.getByRole('button', { name: 'Remove contributing factor 1' }).click();
	await expect(page.getByTestId('factor')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Add contributing factor' })).toBeFocused();

	await gotoStep(page, 'Actions');
	for (const title of ['First', 'Second', 'Third']) {
		await page.getByRole('button', { name: 'Add corrective action' }).click();
		await page.getByTestId('action').last().getByLabel('Action', { exact: true }).fill(title);
	}
	await page.getByRole('button', { name: 'Remove corrective action 2' }).click();
	await expect(page.getByTestId('action').nth(1).getByLabel('Action', { exact: true })).toBeFocused();
	await expect(page.getByTestId('action').nth(1).getByLabel('Action', { exact: true })).toHaveValue('Third');
	await expectSaved(page);
	await page.reload();
	await expect(page.getByTestId('action')).toHaveCount(2);
	await gotoStep(page, 'Timeline');
	await expect(entries).toHaveCount(2);
	await expect(entries.nth(0).getByLabel('What happened')).toHaveValue('Alert fired');
	await expect(entries.nth(1).getByLabel('What happened')).toHaveValue('Rolled back');
	await gotoStep(page, 'Actions');
	await expect(page.getByTestId('action')).toHaveCount(2);
});

test('corrective actions are reordered with buttons, by keyboard, and the order is kept', async ({ page }) => {
	await newPostmortem(page);
	await gotoStep(page, 'Actions');
	for (const title of ['Alpha', 'Bravo', 'Charlie']) {
		await page.getByRole('button', { name: 'Add corrective action' }).click();
		await page.getByTestId('action').last().getByLabel('Action', { exact: true }).fill(title);
	}
	const titles = () => page.getByTestId('action').getByLabel('Action', { exact: true });
	await expect(page.getByRole('button', { name: 'Move corrective action 1 up' })).toBeDisabled();
	await expect(page.getByRole('button', { name: 'Move corrective action 3 down' })).toBeDisabled();

	// Move Charlie to the top with two key presses; focus stays on its "Move up" button.
	await page.getByRole('button', { name: 'Move corrective action 3 up' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Move corrective action 2 up' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(titles().nth(0)).toHaveValue('Charlie');
	await expect(titles().nth(1)).toHaveValue('Alpha');
	await expect(titles().nth(2)).toHaveValue('Bravo');

	await page.getByRole('button', { name: 'Move corrective action 2 down' }).click();
	await expect(titles().nth(1)).toHaveValue('Bravo');
	await expect(titles().nth(2)).toHaveValue('Alpha');

	await expectSaved(page);
	await page.reload();
	await expect(titles().nth(0)).toHaveValue('Charlie');
	await expect(titles().nth(1)).toHaveValue('Bravo');
	await expect(titles().nth(2)).toHaveValue('Alpha');
});

test('undo and redo, with the buttons and with Ctrl+Z / Ctrl+Shift+Z, bring back a removed factor and typed text, and are saved', async ({
	page
}) => {
	await newPostmortem(page);
	await page.getByLabel('Title', { exact: true }).fill('Undo me');
	await expectSaved(page);
	await gotoStep(page, 'Factors');
	for (const text of ['No load test for the limit', 'The default was not documented']) {
		await page.getByRole('button', { name: 'Add contributing factor' }).click();
		await page.getByTestId('factor').last().getByRole('textbox').fill(text);
	}
	await expectSaved(page);
	const factors = page.getByTestId('factor');
	await page.getByRole('button', { name: 'Remove contributing factor 1' }).click();
	await expect(factors).toHaveCount(1);

	const undo = page.getByRole('button', { name: 'Undo', exact: true });
	const redo = page.getByRole('button', { name: 'Redo', exact: true });
	await undo.click();
	await expect(factors).toHaveCount(2);
	await expect(factors.first().getByRole('textbox')).toHaveValue('No load test for the limit');
	await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeAttached();
	await redo.click();
	await expect(factors).toHaveCount(1);
	await page.keyboard.press('Control+z');
	await expect(factors).toHaveCount(2);
	await expectSaved(page);
	await page.reload();
	await expect(factors).toHaveCount(2);

	// Text: typed into a field, Ctrl+Z there takes the typing back, Ctrl+Shift+Z brings it again.
	const second = factors.last().getByRole('textbox');
	await second.fill('The default was not documented anywhere');
	await page.keyboard.press('Control+z');
	await expect(second).toHaveValue('The default was not documented');
	await page.keyboard.press('Control+Shift+z');
	await expect(second).toHaveValue('The default was not documented anywhere');
	await page.keyboard.press('Control+z');
	await expectSaved(page);
	await page.reload();
	await expect(factors.last().getByRole('textbox')).toHaveValue('The default was not documented');
	// A fresh page has nothing to undo: the button says so and does nothing.
	await expect(undo).toHaveAttribute('aria-disabled', 'true');
	await undo.click({ force: true });
	await expect(factors).toHaveCount(2);
	await expect(factors.last().getByRole('textbox')).toHaveValue('The default was not documented');
});

test('each corrective action names the contributing factors it addresses; the factor and the checklist show what is left', async ({
	page
}) => {
	await newPostmortem(page);
	await page.getByLabel('Title', { exact: true }).fill('Linked actions');
	await gotoStep(page, 'Actions');
	// Before any factor exists the action says where they come from.
	await page.getByRole('button', { name: 'Add corrective action' }).click();
	const actions = page.getByTestId('action');
	await expect(actions.first().getByText('No contributing factors yet')).toBeVisible();

	await gotoStep(page, 'Factors');
	for (const text of ['Config changes skip the canary stage', 'No fleet-wide check of pool sizes']) {
		await page.getByRole('button', { name: 'Add contributing factor' }).click();
		await page.getByTestId('factor').last().getByRole('textbox').fill(text);
	}
	await gotoStep(page, 'Actions');
	await actions.first().getByLabel('Action', { exact: true }).fill('Canary every config change');
	await page.getByRole('button', { name: 'Add corrective action' }).click();
	await actions.nth(1).getByLabel('Action', { exact: true }).fill('Write the on-call handbook');

	const addresses = (i: number) => actions.nth(i).getByRole('group', { name: 'Addresses contributing factors' });
	// Ticked by keyboard, as a person tabbing through the action would.
	await addresses(0).getByRole('checkbox', { name: '1. Config changes skip the canary stage' }).focus();
	await page.keyboard.press('Space');
	await expect(addresses(0).getByRole('checkbox', { name: /^1\./ })).toBeChecked();
	await expect(addresses(0).getByRole('checkbox', { name: /^2\./ })).not.toBeChecked();

	// The checklist points at the factor no action addresses and the action tied to no factor.
	await page.getByTestId('readiness-panel').locator('summary').click();
	await expect(page.getByTestId('check-factors-addressed')).toContainText('No corrective action addresses contributing factor 2');
	await expect(page.getByTestId('check-actions-linked')).toContainText('corrective action 2 addresses');

	await addresses(1).getByRole('checkbox', { name: /^2\./ }).check();
	await expect(page.getByTestId('check-factors-addressed')).toContainText('Done');
	await expect(page.getByTestId('check-actions-linked')).toContainText('Done');

	await gotoStep(page, 'Factors');
	const factorActions = page.getByTestId('factor-actions');
	await expect(factorActions.nth(0)).toHaveText('Addressed by corrective action 1 (“Canary every config change”).');
	await expect(factorActions.nth(1)).toHaveText('Addressed by corrective action 2 (“Write the on-call handbook”).');

	// The Markdown names the factors by the numbers of its list.
	const md = (await download(page, 'Download Markdown')).toString('utf8');
	expect(md).toContain('1. Config changes skip the canary stage\n2. No fleet-wide check of pool sizes');
	expect(md).toMatch(/\| 1 \| Canary every config change \|.*\| 1 \|\n/);
	expect(md).toMatch(/\| 2 \| Write the on-call handbook \|.*\| 2 \|\n/);

	// Removing a factor unties it; the links are stored and survive a reload.
	await page.getByRole('button', { name: 'Remove contributing factor 1' }).click();
	await expect(factorActions).toHaveCount(1);
	await expectSaved(page);
	await page.reload();
	await gotoStep(page, 'Actions');
	await expect(addresses(0).getByRole('checkbox')).toHaveCount(1);
	await expect(addresses(0).getByRole('checkbox', { name: '1. No fleet-wide check of pool sizes' })).not.toBeChecked();
	await expect(addresses(1).getByRole('checkbox', { name: '1. No fleet-wide check of pool sizes' })).toBeChecked();
});
