import AxeBuilder from '@axe-core/playwright';
import { test, expect, newPostmortem, expectSaved, gotoStep, timelineView } from './fixtures';
import type { Page } from '@playwright/test';

/** From the editor, open facilitation mode. */
async function runTheMeeting(page: Page) {
	await page.getByRole('link', { name: 'Run the meeting' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Opening' })).toBeVisible();
}

/** The agenda item that is on stage now. */
function stageTitle(page: Page) {
	return page.locator('#item-title');
}

function agendaItem(page: Page, title: string) {
	return page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: new RegExp(`^${title}\\b`) });
}

async function seriousViolations(page: Page) {
	const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the meeting opens with the prime directive, and the item timer counts, pauses and signals over-time', async ({ page }) => {
	await page.clock.install();
	await newPostmortem(page);
	await runTheMeeting(page);

	await expect(page.getByTestId('prime-directive')).toContainText('everyone did the best job they could, given what they knew at the time');
	await expect(page).toHaveTitle(/^Meeting: Opening · Untitled postmortem$/);
	const clock = page.getByTestId('item-clock');
	await expect(clock).toHaveText('0:00');
	await expect(page.getByText('Meeting 0:00 of 56:00')).toBeVisible();
	// Nothing counts before the facilitator starts.
	await page.clock.runFor(10_000);
	await expect(clock).toHaveText('0:00');

	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
	await page.clock.runFor(30_000);
	await expect(clock).toHaveText(/^0:3\d$/);
	await expect(page.getByText('of 1 min', { exact: true })).toBeVisible();

	await page.getByRole('button', { name: 'Pause', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
	const pausedAt = await clock.textContent();
	await page.clock.runFor(60_000);
	await expect(clock).toHaveText(pausedAt!);

	// Past the one-minute timebox: a gentle signal on the clock, the agenda and for screen readers.
	await page.getByRole('button', { name: 'Resume', exact: true }).click();
	await page.clock.runFor(35_000);
	await expect(clock).toHaveText(/^1:0\d$/);
	await expect(page.getByText('of 1 min · over time')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /^Opening is over its 1 minute\.$/ })).toBeAttached();
	await expect(agendaItem(page, 'Opening')).toContainText(/1:0\d/);
	await expect(page.getByText(/^Meeting 1:0\d of 56:00$/)).toBeVisible();
	// The stage stays on the item: over-time is a signal, not a push to the next item.
	await expect(stageTitle(page)).toHaveText('Opening');
});

test('keyboard shortcuts and the agenda move between items, each item keeps its own time, and timeboxes are editable', async ({ page }) => {
	await page.clock.install();
	await newPostmortem(page);
	await runTheMeeting(page);
	const clock = page.getByTestId('item-clock');

	await expect(page.getByRole('button', { name: 'Previous', exact: true })).toBeDisabled();
	await page.keyboard.press('n');
	await expect(stageTitle(page)).toHaveText('Impact');
	await expect(agendaItem(page, 'Impact')).toHaveAttribute('aria-current', 'step');
	await expect(page).toHaveTitle(/^Meeting: Impact · /);
	// The questions for the item, in large type, instead of the prime directive.
	await expect(page.getByTestId('prime-directive')).toHaveCount(0);
	await expect(page.getByRole('listitem').filter({ hasText: 'Who and what was affected, and for how long?' })).toBeVisible();
	const fontSize = await page
		.getByRole('listitem')
		.filter({ hasText: 'Who and what was affected, and for how long?' })
		.evaluate((li) => parseFloat(getComputedStyle(li).fontSize));
	expect(fontSize).toBeGreaterThanOrEqual(20);

	await page.keyboard.press('ArrowRight');
	await expect(stageTitle(page)).toHaveText('Timeline');
	await page.keyboard.press('p');
	await expect(stageTitle(page)).toHaveText('Impact');
	await page.keyboard.press('ArrowLeft');
	await expect(stageTitle(page)).toHaveText('Opening');
	await page.keyboard.press('ArrowLeft');
	await expect(stageTitle(page)).toHaveText('Opening');
	// The help shows capital N and P; with Shift (or Caps Lock) they work too.
	await page.keyboard.press('Shift+N');
	await expect(stageTitle(page)).toHaveText('Impact');
	await page.keyboard.press('Shift+P');
	await expect(stageTitle(page)).toHaveText('Opening');

	// Space starts and pauses the timer when focus is not in a text field.
	await page.keyboard.press('ArrowRight');
	await expect(stageTitle(page)).toHaveText('Impact');
	await page.keyboard.press(' ');
	await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
	await page.clock.runFor(20_000);
	await expect(clock).toHaveText(/^0:2\d$/);
	const impactTime = await clock.textContent();
	await page.keyboard.press(' ');
	await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
	await expect(clock).toHaveText(impactTime!);

	// In the capture box, the same keys are just typing.
	const capture = page.getByLabel('Add to the impact');
	await capture.click();
	await capture.press('n');
	await capture.press(' ');
	await capture.press('p');
	await expect(capture).toHaveValue('n p');
	await expect(stageTitle(page)).toHaveText('Impact');
	await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();

	// The next item's timer starts from zero and runs while the meeting moves on.
	await page.getByRole('button', { name: 'Resume', exact: true }).click();
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(stageTitle(page)).toHaveText('Timeline');
	await page.clock.runFor(10_000);
	await expect(clock).toHaveText(/^0:1\d$/);
	await expect(agendaItem(page, 'Impact')).toContainText(/0:2\d/);
	await page.getByRole('button', { name: 'Previous', exact: true }).click();
	await expect(clock).toHaveText(/^0:2\d$/);

	// Agenda buttons jump anywhere; the last item has no "Next".
	await agendaItem(page, 'Action items').click();
	await expect(stageTitle(page)).toHaveText('Action items');
	await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
	await page.keyboard.press('n');
	await expect(stageTitle(page)).toHaveText('Action items');

	// Editing a timebox changes the plan, is saved, and survives a reload.
	await page.clock.resume();
	const minutes = page.getByRole('spinbutton', { name: 'Minutes for Impact' });
	await expect(minutes).toHaveValue('5');
	await minutes.fill('2');
	await minutes.press('Tab');
	await expect(page.getByText(/^Meeting \d+:\d\d of 53:00$/)).toBeVisible();
	await expectSaved(page);
	const onStage = await stageTitle(page).textContent();
	await page.reload();
	await expect(page.getByRole('spinbutton', { name: 'Minutes for Impact' })).toHaveValue('2');
	// The reload keeps the item on stage.
	await expect(stageTitle(page)).toHaveText(onStage!);
	// Out of range: the field shows what was kept, not what was typed.
	await minutes.fill('-5');
	await minutes.press('Tab');
	await expect(minutes).toHaveValue('0');
	await minutes.fill('999');
	await minutes.press('Tab');
	await expect(minutes).toHaveValue('180');
	await minutes.fill('2');
	await minutes.press('Tab');
	await expect(page.getByText(/^Meeting \d+:\d\d of 53:00$/)).toBeVisible();
	await agendaItem(page, 'Impact').click();
	await expect(stageTitle(page)).toHaveText('Impact');
	await expect(page.getByText('of 2 min', { exact: true })).toBeVisible();
});

test('text captured during the meeting lands in the right sections and survives a reload', async ({ page }) => {
	await newPostmortem(page);
	await gotoStep(page, 'Impact');
	await page.getByRole('textbox', { name: 'Impact', exact: true }).fill('Checkout failed for 42 minutes.');
	await expectSaved(page);
	await runTheMeeting(page);

	// The opening has nothing to capture.
	await expect(page.getByLabel(/^Add /)).toHaveCount(0);

	await page.keyboard.press('n');
	await expect(stageTitle(page)).toHaveText('Impact');
	const impact = page.getByLabel('Add to the impact');
	await impact.fill('About 1,800 orders could not be placed.');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added to impact' })).toContainText('“About 1,800 orders could not be placed.”');
	await expect(impact).toHaveValue('');

	await agendaItem(page, 'Timeline').click();
	const timeline = page.getByLabel('Add a timeline entry');
	await timeline.fill('The error-rate alert paged the on-call.');
	await timeline.press('Control+Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Added to timeline' })).toBeVisible();
	await expect(timeline).toHaveValue('');

	await agendaItem(page, 'What went well').click();
	await page.getByLabel('Add to what went well').fill('The rollback path worked first time.');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added to what went well' })).toBeVisible();

	await agendaItem(page, 'What didn’t go well').click();
	await page.getByLabel('Add a contributing factor').fill('The pool size default was not documented.');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added to what didn’t go well' })).toBeVisible();
	await expectSaved(page);

	async function expectInEditor() {
		await gotoStep(page, 'Impact');
		await expect(page.getByRole('textbox', { name: 'Impact', exact: true })).toHaveValue(
			'Checkout failed for 42 minutes.\n\nAbout 1,800 orders could not be placed.'
		);
		await gotoStep(page, 'Timeline');
		await expect(page.getByTestId('timeline-entry')).toHaveCount(1);
		await expect(page.getByTestId('timeline-entry').getByLabel('What happened')).toHaveValue('The error-rate alert paged the on-call.');
		await gotoStep(page, 'Went well');
		await expect(page.getByRole('textbox', { name: 'What went well', exact: true })).toHaveValue('The rollback path worked first time.');
		await gotoStep(page, 'Factors');
		await expect(page.getByTestId('factor')).toHaveCount(1);
		await expect(page.getByTestId('factor').getByRole('textbox')).toHaveValue('The pool size default was not documented.');
	}

	// Straight back to the editor, then after a reload.
	await page.getByRole('link', { name: '← Back to the editor' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	await expectInEditor();
	await page.reload();
	await expectInEditor();
});

test('the parking lot collects recommendations and turns them into draft corrective actions', async ({ page }) => {
	await newPostmortem(page);
	await runTheMeeting(page);
	const lot = page.getByTestId('parking-lot');

	await agendaItem(page, 'Action items').click();
	await page.getByLabel('Add to the parking lot').fill('Alert on pool saturation above 80%');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added to the parking lot' })).toBeVisible();

	// From any item, via the sidebar box.
	await agendaItem(page, 'Timeline').click();
	for (const text of ['Validate pool limits in config CI', 'Buy a bigger database']) {
		await page.getByLabel('Park a recommendation').fill(text);
		await page.getByRole('button', { name: 'Park', exact: true }).click();
	}
	await expect(lot.getByRole('listitem')).toHaveText([
		/Alert on pool saturation above 80%/,
		/Validate pool limits in config CI/,
		/Buy a bigger database/
	]);
	await page.getByRole('button', { name: 'Remove “Buy a bigger database” from the parking lot' }).click();
	await expect(lot.getByRole('listitem')).toHaveCount(2);
	await expectSaved(page);

	await page.reload();
	await expect(lot.getByRole('listitem')).toHaveText([/Alert on pool saturation above 80%/, /Validate pool limits in config CI/]);

	await page.getByRole('button', { name: 'Turn into draft corrective actions' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added 2 draft corrective actions from the parking lot' })).toBeVisible();
	await expect(lot.getByRole('listitem')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Turn into draft corrective actions' })).toHaveCount(0);
	await expectSaved(page);

	await page.getByRole('link', { name: '← Back to the editor' }).click();
	await gotoStep(page, 'Actions');
	const actions = page.getByTestId('action');
	await expect(actions).toHaveCount(2);
	await expect(actions.nth(0).getByLabel('Action', { exact: true })).toHaveValue('Alert on pool saturation above 80%');
	await expect(actions.nth(1).getByLabel('Action', { exact: true })).toHaveValue('Validate pool limits in config CI');
	await page.reload();
	await expect(actions).toHaveCount(2);
	await page.goto(page.url().replace(/\/actions$/, '/meeting'));
	await expect(lot.getByRole('listitem')).toHaveCount(0);
});

test('the Biases and "Ask what / how" cards toggle, and axe finds no serious problems in meeting mode', async ({ page }) => {
	await newPostmortem(page);
	await runTheMeeting(page);
	expect(await seriousViolations(page), 'opening').toEqual([]);

	const biases = page.getByRole('button', { name: 'Biases', exact: true });
	const whatHow = page.getByRole('button', { name: 'Ask what / how' });
	await expect(biases).toHaveAttribute('aria-pressed', 'false');

	await biases.click();
	await expect(biases).toHaveAttribute('aria-pressed', 'true');
	const biasCard = page.getByRole('region', { name: 'Biases to name, and their counter-moves' });
	await expect(biasCard).toBeVisible();
	await expect(biasCard).toContainText('Hindsight bias');
	await expect(biasCard).toContainText('Stand where the practitioner stood');
	await expect(biasCard).toContainText('Traps when looking for causes');
	expect(await seriousViolations(page), 'biases card').toEqual([]);

	await whatHow.click();
	await expect(whatHow).toHaveAttribute('aria-pressed', 'true');
	await expect(biases).toHaveAttribute('aria-pressed', 'false');
	await expect(biasCard).toHaveCount(0);
	const questions = page.getByRole('region', { name: 'Instead of “why did you…”, ask' });
	await expect(questions).toContainText('What did you think was happening?');

	await whatHow.click();
	await expect(questions).toHaveCount(0);

	// An item with questions, a capture box and a parking-lot entry, with the biases card open.
	await page.keyboard.press('n');
	await page.getByLabel('Park a recommendation').fill('Alert on pool saturation');
	await page.getByRole('button', { name: 'Park', exact: true }).click();
	await biases.click();
	await expect(biasCard).toBeVisible();
	expect(await seriousViolations(page), 'impact item with biases card').toEqual([]);
});

test('a card opens in view on a projector, wherever the page is scrolled, takes the focus, and Escape or Close gives it back', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await newPostmortem(page);
	await runTheMeeting(page);
	await page.keyboard.press('n');
	await expect(stageTitle(page)).toHaveText('Impact');
	const biases = page.getByRole('button', { name: 'Biases', exact: true });
	const card = page.getByTestId('facilitation-card');
	for (const scroll of [0, 10_000]) {
		await page.evaluate((y) => window.scrollTo(0, y), scroll);
		await biases.click();
		await expect(card).toBeInViewport({ ratio: 1 });
		await expect(card).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(card).toHaveCount(0);
		await expect(biases).toBeFocused();
	}
	const whatHow = page.getByRole('button', { name: 'Ask what / how' });
	await whatHow.click();
	await expect(card).toBeInViewport({ ratio: 1 });
	await expect(card).toContainText('What did you think was happening?');
	await card.getByRole('button', { name: 'Close' }).click();
	await expect(card).toHaveCount(0);
	await expect(whatHow).toBeFocused();
	await expect(whatHow).toHaveAttribute('aria-pressed', 'false');
});

test('the meeting clock and the item on stage carry on after leaving meeting mode and after a reload; a capture that starts with a time gets it', async ({
	page
}) => {
	await newPostmortem(page);
	await page.getByLabel('Incident started').fill('2026-11-03T09:02');
	await expectSaved(page);
	await runTheMeeting(page);
	const clock = page.getByTestId('item-clock');
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(clock).not.toHaveText('0:00');
	await page.keyboard.press('n');
	await page.keyboard.press('n');
	await expect(stageTitle(page)).toHaveText('Timeline');

	const timeline = page.getByLabel('Add a timeline entry');
	await timeline.fill('09:45 Marco pages the gateway team');
	await timeline.press('Control+Enter');
	await timeline.fill('9:14 am The error-rate alert fires');
	await timeline.press('Control+Enter');
	await expectSaved(page);

	// Away to the editor and back: still on Timeline, the clock still running, the opening's time kept.
	await page.getByRole('link', { name: '← Back to the editor' }).click();
	await gotoStep(page, 'Timeline');
	const entries = page.getByTestId('timeline-entry');
	await expect(entries).toHaveCount(2);
	await expect(entries.nth(0).getByLabel('Time', { exact: true })).toHaveValue('09:14');
	await timelineView(page, 'Detailed');
	await expect(entries.nth(0).getByLabel('What happened')).toHaveValue('The error-rate alert fires');
	await expect(entries.nth(0).getByLabel('Time', { exact: true })).toHaveValue('2026-11-03T09:14');
	await expect(entries.nth(1).getByLabel('What happened')).toHaveValue('Marco pages the gateway team');
	await expect(entries.nth(1).getByLabel('Time', { exact: true })).toHaveValue('2026-11-03T09:45');
	await page.getByRole('link', { name: 'Run the meeting' }).click();
	await expect(stageTitle(page)).toHaveText('Timeline');
	await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
	await agendaItem(page, 'Opening').click();
	await expect(clock).not.toHaveText('0:00');

	await page.reload();
	await expect(stageTitle(page)).toHaveText('Opening');
	await expect(clock).not.toHaveText('0:00');
	await page.getByRole('button', { name: 'Pause', exact: true }).click();
	const paused = await clock.textContent();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
	await expect(clock).toHaveText(paused!);

	// Reset asks first, then starts the meeting again at 0:00.
	await page.getByRole('button', { name: 'Reset clock' }).click();
	await page.getByRole('dialog', { name: 'Reset the meeting clock?' }).getByRole('button', { name: 'Reset the clock' }).click();
	await expect(clock).toHaveText('0:00');
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
	await page.reload();
	await expect(clock).toHaveText('0:00');
});

test('beside each agenda item the room sees the work it is about, and edits it there', async ({ page }) => {
	await newPostmortem(page);
	await page.getByLabel('Incident started').fill('2026-11-03T09:30');
	await expectSaved(page);
	await runTheMeeting(page);
	const work = page.getByTestId('meeting-work');
	await expect(work).toHaveCount(0); // the opening has none

	await page.keyboard.press('n');
	await expect(work.getByRole('heading', { name: 'In the postmortem: Impact' })).toBeVisible();
	await page.getByLabel('Add to the impact').fill('About 1,800 orders could not be placed.');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	const impact = work.getByRole('textbox', { name: 'Impact', exact: true });
	await expect(impact).toHaveValue('About 1,800 orders could not be placed.');
	await impact.press('End');
	await impact.pressSequentially(' No data was lost.');

	await agendaItem(page, 'Timeline').click();
	await expect(work.getByRole('heading', { name: 'In the postmortem: Timeline' })).toBeVisible();
	const capture = page.getByLabel('Add a timeline entry');
	await capture.fill('09:45 Marco pages the gateway team');
	await capture.press('Control+Enter');
	const row = work.getByTestId('timeline-entry');
	await expect(row).toHaveCount(1);
	await expect(row.getByLabel('What happened')).toHaveValue('Marco pages the gateway team');
	await expect(row.getByLabel('Time', { exact: true })).toHaveValue('09:45');
	await row.getByLabel('Who').fill('Marco');

	await agendaItem(page, 'What didn’t go well').click();
	await work.getByRole('button', { name: 'Add contributing factor' }).click();
	await work.getByTestId('factor').getByRole('textbox').fill('Config changes skip the canary stage');

	await agendaItem(page, 'Action items').click();
	await work.getByRole('button', { name: 'Add corrective action' }).click();
	const action = work.getByTestId('action');
	await action.getByLabel('Action', { exact: true }).fill('Canary every config change');
	await action.getByRole('checkbox', { name: '1. Config changes skip the canary stage' }).check();
	// N, P and Space are for the clock only outside the fields: typed in one, they are text.
	await action.getByLabel('Owner').fill('Priya N.');
	await expect(stageTitle(page)).toHaveText('Action items');
	expect(await seriousViolations(page)).toEqual([]);
	await expectSaved(page);

	await page.getByRole('link', { name: '← Back to the editor' }).click();
	await gotoStep(page, 'Impact');
	await expect(page.getByRole('textbox', { name: 'Impact', exact: true })).toHaveValue(
		'About 1,800 orders could not be placed. No data was lost.'
	);
	await gotoStep(page, 'Timeline');
	await expect(page.getByTestId('timeline-entry').getByLabel('Who')).toHaveValue('Marco');
	await gotoStep(page, 'Actions');
	await expect(page.getByTestId('action').getByLabel('Owner')).toHaveValue('Priya N.');
	await expect(page.getByTestId('action').getByRole('checkbox', { name: /^1\. Config changes/ })).toBeChecked();
});

test('? in meeting mode lists the meeting keys with the others, and Escape closes it', async ({ page }) => {
	await newPostmortem(page);
	await runTheMeeting(page);
	await page.keyboard.press('?');
	const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(dialog.getByRole('heading', { name: 'In meeting mode' })).toBeVisible();
	await expect(dialog).toContainText('Start or pause the clock');
	// While it is open, N is not taken by the agenda behind it.
	await page.keyboard.press('n');
	await expect(stageTitle(page)).toHaveText('Opening');
	await page.keyboard.press('Escape');
	await expect(dialog).toHaveCount(0);
	// The meeting keys work again once it is closed.
	await page.keyboard.press('n');
	await expect(stageTitle(page)).toHaveText('Impact');
});
