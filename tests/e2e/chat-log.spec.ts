import AxeBuilder from '@axe-core/playwright';
import { zipSync, strToU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, expectSaved, expectStepReady, newPostmortem, gotoStep, timelineView } from './fixtures';

/** A new postmortem of an incident on 2026-11-03 in Berlin, on its Timeline step. */
async function incidentInBerlin(page: Page) {
	await newPostmortem(page);
	await page.getByLabel('Title', { exact: true }).fill('Checkout 502s');
	await page.getByLabel('Incident started').fill('2026-11-03T15:00');
	await page.getByLabel('Time zone').focus();
	await page.getByLabel('Time zone').selectOption('Europe/Berlin');
	await gotoStep(page, 'Timeline');
	await expectStepReady(page, 'Timeline');
}

const SLACK_COPY = [
	'Alert Bot  3:00 PM',
	'Error rate above 5% on checkout',
	'Ben Adler  3:04 PM',
	'I see 502s on checkout',
	'since the 14:58 deploy?',
	'Priya Natarajan  3:06 PM',
	'declaring an incident',
	'3:07 PM',
	'joined #incident-checkout.',
	'Ben Adler  3:20 PM',
	'lunch after this?',
	'Priya Natarajan  3:31 PM',
	'Rolled back, errors gone'
].join('\n');

test('a Slack copy becomes timeline entries: pick, edit, mark milestones, add once, undo, and the durations follow', async ({ page }) => {
	await incidentInBerlin(page);
	await page.getByRole('button', { name: 'Add from a chat log…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Add from a chat log' });
	await dialog.getByLabel('Chat log', { exact: true }).fill(SLACK_COPY);
	await expect(dialog.getByLabel('Day of the first message')).toHaveValue('2026-11-03');
	await dialog.getByRole('button', { name: 'Read the log' }).click();
	await expect(dialog.getByRole('status').first()).toHaveText(
		'Read 5 messages from text copied from Slack or Teams; 1 join, leave or topic line left out.'
	);
	const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa']).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

	// Leave the chatter out by a search, then by person.
	await dialog.getByLabel('Search the messages').fill('lunch');
	await expect(dialog.getByTestId('chat-message')).toHaveCount(1);
	await dialog.getByRole('button', { name: 'Pick none shown' }).click();
	await dialog.getByLabel('Search the messages').fill('');
	await dialog.getByLabel('Person').selectOption({ label: 'Ben Adler (2)' });
	await expect(dialog.getByTestId('chat-message')).toHaveCount(2);
	await dialog.getByLabel('Person').selectOption({ label: 'Everyone (5)' });
	await expect(dialog.getByText('4 picked to add')).toBeVisible();

	await dialog.getByLabel('Milestone of message 1').selectOption({ label: 'Impact began' });
	await dialog.getByLabel('Milestone of message 2').selectOption({ label: 'Detected' });
	await dialog.getByLabel('Text of message 3').fill('Priya declared an incident');
	await dialog.getByLabel('Time of message 5').fill('2026-11-03T15:30');
	await dialog.getByLabel('Milestone of message 5').selectOption({ label: 'Mitigated' });
	await dialog.getByRole('button', { name: 'Add 4 entries to the timeline' }).click();

	await expect(dialog).toBeHidden();
	await expect(page.getByText('Added 4 entries from the chat log.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add from a chat log…' })).toBeFocused();
	const entries = page.getByTestId('timeline-entry');
	await expect(entries).toHaveCount(4);
	// The compact rows show the times; the detailed cards the whole date and where each came from.
	await expect(entries.nth(0).getByLabel('Time', { exact: true })).toHaveValue('15:00');
	await timelineView(page, 'Detailed');
	await expect(entries.nth(0).getByLabel('Time', { exact: true })).toHaveValue('2026-11-03T15:00');
	await expect(entries.nth(1).getByLabel('What happened')).toHaveValue('I see 502s on checkout\nsince the 14:58 deploy?');
	await expect(entries.nth(1)).toContainText('From the chat log: Ben Adler');
	await expect(entries.nth(2).getByLabel('What happened')).toHaveValue('Priya declared an incident');
	await expect(entries.nth(3).getByLabel('Time', { exact: true })).toHaveValue('2026-11-03T15:30');
	await expect(entries.nth(3).getByLabel('Milestone')).toHaveValue('mitigated');

	// The four came in as one step.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(entries).toHaveCount(0);
	await page.getByRole('button', { name: 'Redo' }).click();
	await expect(entries).toHaveCount(4);

	// The same log again adds only what is not there yet.
	await page.getByRole('button', { name: 'Add from a chat log…' }).click();
	await dialog.getByLabel('Chat log', { exact: true }).fill(SLACK_COPY);
	await dialog.getByRole('button', { name: 'Read the log' }).click();
	await expect(dialog.getByRole('status').first()).toContainText('4 already in the timeline');
	await expect(dialog.getByText('In the timeline', { exact: true })).toHaveCount(4);
	await expect(dialog.getByRole('button', { name: 'Add 1 entry to the timeline' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	await expectSaved(page);
	await page.reload();
	await expectStepReady(page, 'Timeline');
	await expect(entries).toHaveCount(4);
	await expect(entries.nth(3)).toContainText('From the chat log: Priya Natarajan');
	await gotoStep(page, 'Overview');
	await expect(page.getByTestId('metric-time-to-detect')).toHaveText('4 min');
	await expect(page.getByTestId('metric-time-to-mitigate')).toHaveText('30 min');
});

test('a Slack export ZIP dropped on the picker: names from users.json, joins left out, times in the incident zone', async ({ page }) => {
	await incidentInBerlin(page);
	const day = [
		{ type: 'message', subtype: 'channel_join', user: 'U1', text: '<@U1> has joined the channel', ts: '1793714600.000100' },
		// 2026-11-03 14:04:00 UTC = 15:04 in Berlin.
		{ type: 'message', user: 'U1', text: 'checkout is failing, see <https://grafana.example/d/1|the dashboard>', ts: '1793714640.000200' },
		{ type: 'message', user: 'U2', text: 'paging <@U1> and the gateway team', ts: '1793714760.000300' }
	];
	const zip = zipSync({
		'users.json': strToU8(
			JSON.stringify([
				{ id: 'U1', real_name: 'Ben Adler' },
				{ id: 'U2', profile: { display_name: 'Priya' } }
			])
		),
		'incident-checkout/2026-11-03.json': strToU8(JSON.stringify(day))
	});
	await page.getByRole('button', { name: 'Add from a chat log…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Add from a chat log' });
	const dataTransfer = await page.evaluateHandle((bytes) => {
		const dt = new DataTransfer();
		dt.items.add(new File([new Uint8Array(bytes)], 'export.zip', { type: 'application/zip' }));
		return dt;
	}, Array.from(zip));
	await dialog.dispatchEvent('drop', { dataTransfer });
	await expect(dialog.getByRole('status').first()).toHaveText('Read 2 messages from a Slack export; 1 join, leave or topic line left out.');
	await expect(dialog.getByLabel('Time of message 1')).toHaveValue('2026-11-03T15:04');
	await expect(dialog.getByLabel('Text of message 1')).toHaveValue('checkout is failing, see the dashboard (https://grafana.example/d/1)');
	await expect(dialog.getByLabel('Text of message 2')).toHaveValue('paging @Ben Adler and the gateway team');
	await dialog.getByRole('button', { name: 'Add 2 entries to the timeline' }).click();
	const entries = page.getByTestId('timeline-entry');
	await expect(entries).toHaveCount(2);
	await expect(entries.nth(1).getByLabel('Who')).toHaveValue('Priya');
});

test('a file that is not a chat log says what the picker reads, and adds nothing', async ({ page }) => {
	await incidentInBerlin(page);
	await page.getByRole('button', { name: 'Add from a chat log…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Add from a chat log' });
	await dialog
		.getByLabel('Choose a chat log file (text, JSON or Slack export ZIP)')
		.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('We had an outage and fixed it.') });
	await expect(dialog.getByRole('alert')).toContainText('No messages were recognised.');
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(page.getByTestId('timeline-entry')).toHaveCount(0);
});

test('a log file dropped on the Timeline step opens the picker with its messages', async ({ page }) => {
	await incidentInBerlin(page);
	const dataTransfer = await page.evaluateHandle((text) => {
		const dt = new DataTransfer();
		dt.items.add(new File([text], 'irc.log', { type: 'text/plain' }));
		return dt;
	}, '15:19 <ben> checkout is failing\n15:20 -!- ann [~ann@host] has joined #ops\n15:21 <ann> rolling back');
	await page.getByRole('heading', { level: 2, name: 'Timeline' }).dispatchEvent('drop', { dataTransfer });
	const dialog = page.getByRole('dialog', { name: 'Add from a chat log' });
	await expect(dialog.getByRole('status').first()).toHaveText('Read 2 messages from an IRC log; 1 join, leave or topic line left out.');
	await expect(dialog.getByLabel('Time of message 1')).toHaveValue('2026-11-03T15:19');
	await dialog.getByRole('button', { name: 'Add 2 entries to the timeline' }).click();
	await expect(page.getByTestId('timeline-entry')).toHaveCount(2);
});
