import { test, expect, newPostmortem, expectSaved, expectStepReady } from './fixtures';
import type { Page } from '@playwright/test';

const BLAMING = 'The outage happened because Bob failed to check the dashboard; it was human error.';

async function gotoStep(page: Page, name: string) {
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: new RegExp(`^\\d+\\. ${name}\\b`) })
		.click();
	await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
}

/** The sidebar's language panel, opened. */
async function openLanguagePanel(page: Page) {
	const panel = page.getByTestId('language-panel');
	if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
	return panel;
}

async function openReadinessPanel(page: Page) {
	const panel = page.getByTestId('readiness-panel');
	if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
	return panel;
}

test('blaming wording is flagged under the field with a suggestion, and "Reviewed, keep it" persists across a reload', async ({ page }) => {
	await newPostmortem(page);
	await gotoStep(page, 'Summary');
	const summary = page.getByRole('textbox', { name: 'Summary', exact: true });
	const panel = page.getByTestId('language-panel');

	// Before typing anything there is nothing to review.
	await expect(panel.locator('summary')).toHaveText(/Language review: 0 open findings/);
	await expect(page.getByRole('list', { name: 'Language review for Summary' })).toHaveCount(0);

	await summary.fill(BLAMING);
	const review = page.getByRole('list', { name: 'Language review for Summary' });
	await expect(review).toBeVisible();
	await expect(review.getByRole('listitem')).toHaveCount(2);
	await expect(review.locator('mark')).toHaveText(['failed to', 'human error']);

	const counterfactual = review.getByRole('listitem').filter({ has: page.locator('mark', { hasText: 'failed to' }) });
	await expect(counterfactual).toContainText('Counterfactual');
	await expect(counterfactual).toContainText('rather than “failed to check”');
	const label = review.getByRole('listitem').filter({ has: page.locator('mark', { hasText: 'human error' }) });
	await expect(label).toContainText('Blame label');
	await expect(label).toContainText('Ask what made the action reasonable, easy or likely');
	// The findings are tied to the field for screen readers too.
	await expect(summary).toHaveAccessibleDescription(/2 open findings: “failed to”, “human error”/);

	await expect(panel.locator('summary')).toHaveText(/Language review: 2 open findings/);

	// Keep the "human error" wording on purpose.
	await label.getByRole('button', { name: 'Reviewed, keep it' }).click();
	await expect(label.getByRole('button', { name: 'Reviewed, kept. Undo' })).toBeVisible();
	await expect(label).not.toContainText('Blame label');
	await expect(counterfactual.getByRole('button', { name: 'Reviewed, keep it' })).toBeVisible();
	await expect(panel.locator('summary')).toHaveText(/Language review: 1 open finding\b/);
	await expect(summary).toHaveAccessibleDescription(/1 open finding: “failed to”\.$/);
	await expectSaved(page);

	await page.reload();
	await expect(summary).toHaveValue(BLAMING);
	await expect(label.getByRole('button', { name: 'Reviewed, kept. Undo' })).toBeVisible();
	await expect(counterfactual.getByRole('button', { name: 'Reviewed, keep it' })).toBeVisible();
	await expect(panel.locator('summary')).toHaveText(/Language review: 1 open finding\b/);
	const opened = await openLanguagePanel(page);
	await expect(opened.getByRole('button', { name: '“failed to”' })).toBeVisible();
	await expect(opened.getByRole('button', { name: '“human error”' })).toHaveCount(0);

	// Editing elsewhere in the text keeps the choice.
	await summary.fill(`${BLAMING} Checkout was down for 40 minutes.`);
	await expect(label.getByRole('button', { name: 'Reviewed, kept. Undo' })).toBeVisible();
	await expect(panel.locator('summary')).toHaveText(/Language review: 1 open finding\b/);

	// Undo brings the finding back.
	await label.getByRole('button', { name: 'Reviewed, kept. Undo' }).click();
	await expect(label.getByRole('button', { name: 'Reviewed, keep it' })).toBeVisible();
	await expect(label).toContainText('Blame label');
	await expect(panel.locator('summary')).toHaveText(/Language review: 2 open findings/);
	await expectSaved(page);
	await page.reload();
	await expect(panel.locator('summary')).toHaveText(/Language review: 2 open findings/);

	// Rewording removes the findings altogether.
	await summary.fill('The dashboard check was not part of the deploy checklist, so nobody saw the error rate rise.');
	await expect(page.getByRole('list', { name: 'Language review for Summary' })).toHaveCount(0);
	await expect(panel.locator('summary')).toHaveText(/Language review: 0 open findings/);
	await expect(await openLanguagePanel(page)).toContainText('No blaming or counterfactual wording found.');
});

test('the language panel lists findings across the document and jumps to the field', async ({ page }) => {
	const id = await newPostmortem(page);
	await gotoStep(page, 'Summary');
	await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(BLAMING);

	await gotoStep(page, 'Factors');
	await page.getByRole('button', { name: 'Add contributing factor' }).click();
	const factor = page.getByTestId('factor').last();
	await factor.getByRole('textbox').fill('Alice should have noticed the alert.');
	await expect(page.getByRole('list', { name: 'Language review for Contributing factor 1' }).locator('mark')).toHaveText(
		'should have noticed'
	);
	await expectSaved(page);

	// From another step, the panel takes the person to each finding.
	await gotoStep(page, 'Overview');
	const panel = await openLanguagePanel(page);
	await expect(panel.locator('summary')).toHaveText(/Language review: 3 open findings/);
	const items = panel.getByRole('listitem');
	await expect(items).toHaveCount(3);
	await expect(items.nth(0)).toContainText('“failed to” in Summary');
	await expect(items.nth(1)).toContainText('“human error” in Summary');
	await expect(items.nth(2)).toContainText('“should have noticed” in Contributing factor 1');

	await panel.getByRole('button', { name: '“human error”' }).click();
	await expect(page).toHaveURL(new RegExp(`/p/${id}/summary$`));
	await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toBeFocused();

	await panel.getByRole('button', { name: '“should have noticed”' }).click();
	await expect(page).toHaveURL(new RegExp(`/p/${id}/factors$`));
	await expect(page.getByTestId('factor').first().getByRole('textbox')).toBeFocused();
});

test('the readiness panel follows the document as it is written', async ({ page }) => {
	await newPostmortem(page);
	const panel = await openReadinessPanel(page);
	const wentWell = panel.getByTestId('check-went-well');
	const factorsCount = panel.getByTestId('check-factors-count');
	const factorsBlameless = panel.getByTestId('check-factors-blameless');

	await expect(wentWell).toContainClass('fail');
	await expect(wentWell).toContainText('To fix:');
	await expect(factorsCount).toContainClass('fail');
	await expect(factorsBlameless).toContainClass('pass');
	const failing = Number((await panel.locator('summary .fail').textContent())!.match(/\d+/)![0]);
	expect(failing).toBeGreaterThan(1);

	// "Go to section" takes the person to the step that fixes the check.
	await wentWell.getByRole('button', { name: 'Go to section' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'What went well' })).toBeVisible();
	const wentWellField = page.getByRole('textbox', { name: 'What went well', exact: true });
	await expect(wentWellField).toBeFocused();
	await wentWellField.fill('The rollback path worked first time.');
	await expect(wentWell).toContainClass('pass');
	await expect(wentWell).not.toContainClass('fail');
	await expect(panel.locator('summary .fail')).toHaveText(`${failing - 1} to fix`);

	// Contributing factors: a person named as a factor fails the blameless check; two real factors pass the count.
	await gotoStep(page, 'Factors');
	await page.getByRole('button', { name: 'Add contributing factor' }).click();
	await page.getByTestId('factor').last().getByRole('textbox').fill('Human error during the deploy.');
	await expect(factorsBlameless).toContainClass('fail');
	await expect(factorsBlameless).toContainText('Rewrite contributing factor 1');
	await expect(factorsCount).toContainClass('fail');
	await page.getByTestId('factor').last().getByRole('textbox').fill('The deploy tool allowed a config push without review.');
	await page.getByRole('button', { name: 'Add contributing factor' }).click();
	await page.getByTestId('factor').last().getByRole('textbox').fill('The pool limit was not documented.');
	await expect(factorsBlameless).toContainClass('pass');
	await expect(factorsCount).toContainClass('pass');
	await expectSaved(page);

	await page.reload();
	await openReadinessPanel(page);
	await expect(wentWell).toContainClass('pass');
	await expect(factorsCount).toContainClass('pass');
});

test('marking it final while checks fail asks first; going ahead with a note makes it final and survives a reload', async ({ page }) => {
	await newPostmortem(page);
	const status = page.getByLabel('Status');
	await expect(status).toHaveValue('draft');

	// Keep working: the postmortem stays a draft.
	await status.selectOption({ label: 'Final' });
	const dialog = page.getByRole('dialog', { name: 'Some checks are still failing' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('“What went well” is filled in');
	await expect(dialog).toContainText('At least two contributing factors');
	await dialog.getByRole('button', { name: 'Keep working' }).click();
	await expect(dialog).toBeHidden();
	await expectSaved(page);
	await page.reload();
	await expect(status).toHaveValue('draft');

	// Go ahead, with a note.
	await status.selectOption({ label: 'Final' });
	await expect(dialog).toBeVisible();
	const note = dialog.getByLabel('Why mark it final anyway?');
	const confirm = dialog.getByRole('button', { name: 'Mark final with this note' });
	await expect(confirm).toBeDisabled();
	await note.fill('   ');
	await expect(confirm).toBeDisabled();
	await note.fill('Reviewed in the meeting; the missing parts are tracked in OPS-12.');
	await expect(confirm).toBeEnabled();
	await confirm.click();
	await expect(dialog).toBeHidden();
	await expect(status).toHaveValue('final');
	await expectSaved(page);

	await page.reload();
	await expect(status).toHaveValue('final');
	// The note is kept with the document: no dialog asks again after the reload.
	await expect(dialog).toBeHidden();
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Postmortems' })).toContainText('Final');
});

test('"Keep working" puts the Status select back to the status the postmortem still has', async ({ page }) => {
	await newPostmortem(page);
	const status = page.getByLabel('Status');
	await status.selectOption({ label: 'Final' });
	const dialog = page.getByRole('dialog', { name: 'Some checks are still failing' });
	await dialog.getByRole('button', { name: 'Keep working' }).click();
	await expect(dialog).toBeHidden();
	await expect(status).toHaveValue('draft', { timeout: 3_000 });
});

test('open blaming language holds Final back until each phrase is reworded, marked reviewed, or explained in the final note', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	const status = page.getByLabel('Status');
	await gotoStep(page, 'Lessons');
	const lessons = page.getByRole('textbox', { name: /^Lessons/ }).first();
	await lessons.fill('It was human error by the on-call.');
	await expectSaved(page);
	await gotoStep(page, 'Overview');

	await status.selectOption({ label: 'Final' });
	const dialog = page.getByRole('dialog', { name: 'Some checks are still failing' });
	await expect(dialog).toContainText('No unreviewed blaming or counterfactual language');
	await dialog.getByRole('button', { name: 'Keep working' }).click();
	await expect(status).not.toHaveValue('final');

	// Marked "reviewed, keep it": Final goes through without asking.
	await gotoStep(page, 'Lessons');
	await page.getByRole('button', { name: 'Reviewed, keep it' }).first().click();
	await expectSaved(page);
	await gotoStep(page, 'Overview');
	await status.selectOption({ label: 'Final' });
	await expect(status).toHaveValue('final');
	await expect(dialog).toBeHidden();
	await expectSaved(page);
});

test('a final postmortem that later gains a failing check says so in the editor and the library, until it is fixed', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	const status = page.getByLabel('Status');
	await status.selectOption({ label: 'Final' });
	await expect(status).toHaveValue('final');
	const flag = page.getByTestId('final-failing');
	await expect(flag).toHaveCount(0);

	// An action with no owner or due date, as the meeting's parking lot adds them.
	await gotoStep(page, 'Actions');
	await page.getByRole('button', { name: 'Add corrective action' }).click();
	await page.getByLabel('Action', { exact: true }).last().fill('Alert on connection pool saturation above 80%');
	await expect(flag).toContainText('Marked final, but a check fails now that did not then');
	await expectSaved(page);
	await page.reload();
	await expectStepReady(page, 'Corrective actions');
	await expect(flag).toContainText('Marked final, but a check fails now');
	// The library says so on its row too.
	const editorUrl = page.url();
	await page.getByRole('link', { name: 'Library' }).first().click();
	const row = page.getByRole('list', { name: 'Postmortems' }).getByRole('listitem').first();
	await expect(row).toContainText('Fails checks since final');
	await page.goto(editorUrl);
	await expectStepReady(page, 'Corrective actions');

	const actions = page.getByRole('group', { name: /^Corrective action \d+$/ });
	const before = await actions.count();
	await page
		.getByRole('button', { name: /^Remove corrective action \d+$/ })
		.last()
		.click();
	await expect(actions).toHaveCount(before - 1);
	await expect(flag).toHaveCount(0);
	await expectSaved(page);
	await page.getByRole('link', { name: 'Library' }).first().click();
	await expect(row).toContainText('Final');
	await expect(row).not.toContainText('since final');
});
