import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { test, expect, download, expectStepReady } from './fixtures';

// The example's actions are due between March and June 2026: the page is looked at on 25 March.
const TODAY = new Date('2026-03-25T10:00:00');
const RUNBOOK = 'Update the checkout runbook and dashboard: check database connection saturation before scaling out';
const POOLER = 'Put a connection pooler in front of orders-db so the pod count no longer multiplies connections';
const CANARY = 'Roll out config changes through the same canary stage as code (5% of pods for 10 minutes)';

/** Store the example postmortem and go to the Actions page by the main navigation; returns the postmortem's address. */
async function exampleThenActions(page: Page): Promise<string> {
	await page.clock.setFixedTime(TODAY);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
	const address = new URL(page.url()).pathname;
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Corrective actions' })).toBeVisible();
	return address;
}

const card = (page: Page, title: string) => page.getByRole('listitem', { name: title });
const group = (page: Page, heading: string) => page.getByRole('region', { name: new RegExp(`^${heading} \\(\\d+\\)$`) });

/** Wait until the page's status line says the edits reached IndexedDB. */
async function expectStored(page: Page) {
	await expect(page.getByTestId('board-status')).toHaveText('Changes here are saved into each postmortem');
}

test('the Actions page gathers the open actions, edits status, owner and due date into their postmortem, and keeps its view in the address', async ({
	page,
	context
}) => {
	const address = await exampleThenActions(page);
	await expect(page.getByText('4 of 5 corrective actions shown.')).toBeVisible();
	await expect(group(page, 'Due within a week').getByRole('heading', { name: RUNBOOK })).toBeVisible();
	await expect(group(page, 'Due later').getByRole('listitem')).toHaveCount(3);
	await expect(card(page, RUNBOOK)).toContainText('Due in 2 days');
	await expect(card(page, RUNBOOK).getByRole('link', { name: 'Checkout errors after a database pool size change' })).toHaveAttribute(
		'href',
		`${address}/actions`
	);
	expect(
		await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze()
			.then((r) => r.violations)
	).toEqual([]);

	// The postmortem open in another tab, with nothing typed there: it follows what is changed here.
	const editor = await context.newPage();
	await editor.clock.setFixedTime(TODAY);
	await editor.goto(`${address}/actions`);
	await expectStepReady(editor, 'Corrective actions');

	// A status chosen here is stored at once; a done action leaves the open ones.
	await card(page, RUNBOOK).getByLabel('Status').selectOption({ label: 'Done' });
	await expectStored(page);
	await expect(page.getByText('3 of 5 corrective actions shown.')).toBeVisible();
	await expect(card(page, RUNBOOK)).toHaveCount(0);
	await expect(editor.locator('#a-' + (await actionId(editor, RUNBOOK)) + '-status')).toHaveValue('done');

	// An owner typed here, and a due date moved into the past: the action is now overdue.
	await card(page, POOLER).getByLabel('Owner').fill('Mei Chen and Ana Lima');
	await card(page, CANARY).getByLabel('Due date').fill('2026-03-20');
	await expectStored(page);
	await expect(group(page, 'Overdue').getByRole('heading', { name: CANARY })).toBeVisible();
	await expect(card(page, CANARY)).toContainText('Overdue by 5 days');
	await expect(page.getByText('3 of 5 corrective actions shown; 1 overdue.')).toBeVisible();

	// Grouped by owner, and narrowed by a word: both in the address, so a reload keeps them.
	await page.getByLabel('Group by').selectOption({ label: 'Owner' });
	await page.getByLabel('Filter').fill('pooler');
	await expect(page).toHaveURL(/\/actions\?group=owner&q=pooler$/);
	await page.reload();
	await expect(page.getByLabel('Group by')).toHaveValue('owner');
	await expect(group(page, 'Mei Chen and Ana Lima').getByRole('listitem')).toHaveCount(1);
	await expect(card(page, POOLER).getByLabel('Owner')).toHaveValue('Mei Chen and Ana Lima');

	// The postmortem itself has every change, after a reload too.
	await page.goto(`${address}/actions`);
	await expectStepReady(page, 'Corrective actions');
	const ids = [await actionId(page, RUNBOOK), await actionId(page, POOLER), await actionId(page, CANARY)];
	await expect(page.locator(`#a-${ids[0]}-status`)).toHaveValue('done');
	await expect(page.locator(`#a-${ids[1]}-owner`)).toHaveValue('Mei Chen and Ana Lima');
	await expect(page.locator(`#a-${ids[2]}-due`)).toHaveValue('2026-03-20');
	await expect(editor.locator(`#a-${ids[2]}-due`)).toHaveValue('2026-03-20');
});

/** The id of the action with this title in the editor's Corrective actions step. */
async function actionId(page: Page, title: string): Promise<string> {
	const field = page.locator('[id^="a-"][id$="-title"]');
	await expect(field.first()).toBeVisible();
	const ids = await field.evaluateAll((els, t) => els.filter((e) => (e as HTMLInputElement).value === t).map((e) => e.id), title);
	expect(ids, `an action titled ${title}`).toHaveLength(1);
	return ids[0].slice(2, -'-title'.length);
}

test('the shown actions download as CSV for Jira and GitLab and as a calendar, and a GitHub issue link comes prefilled', async ({
	page
}) => {
	await exampleThenActions(page);
	await page.getByLabel('Show', { exact: true }).selectOption('all');
	await expect(page.getByText('5 of 5 corrective actions shown.')).toBeVisible();

	const file = async (button: string) => {
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: button }).click();
		const d = await download;
		return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
	};

	const jira = await file('Download CSV for Jira');
	expect(jira.name).toBe('corrective-actions-jira-2026-03-25.csv');
	const jiraRows = parse(jira.text, { columns: true }) as Record<string, string>[];
	expect(Object.keys(jiraRows[0])).toEqual(['Summary', 'Description', 'Issue Type', 'Priority', 'Due Date', 'Labels', 'Assignee']);
	expect(jiraRows).toHaveLength(5);
	expect(jiraRows.find((r) => r.Summary === RUNBOOK)).toMatchObject({
		'Due Date': '2026-03-27',
		Assignee: 'Tomás Ortega',
		'Issue Type': 'Task'
	});

	const gitlab = await file('Download CSV for GitLab');
	const gitlabRows = parse(gitlab.text, { columns: true }) as Record<string, string>[];
	expect(Object.keys(gitlabRows[0])).toEqual(['title', 'description']);
	expect(gitlabRows.find((r) => r.title === RUNBOOK)?.description).toMatch(/\/due 2026-03-27/);

	const calendar = await file('Download calendar (.ics)');
	expect(calendar.name).toBe('corrective-actions-2026-03-25.ics');
	const events = new ICAL.Component(ICAL.parse(calendar.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
	const due = events.filter((e) => e.summary.startsWith('Due: ')).map((e) => [e.summary.slice(5), e.startDate.toString()]);
	// The done action has no reminder; the four others do.
	expect(due).toHaveLength(4);
	expect(due).toContainEqual([RUNBOOK, '2026-03-27']);

	// A GitHub repository, kept in this browser: each action gets a prefilled "new issue" link (not followed here).
	await page.getByLabel('GitHub repository').fill('acme');
	await page.getByLabel('GitHub repository').press('Tab');
	await expect(page.getByRole('alert')).toHaveText('Write the repository as owner/name, such as acme/payments.');
	await page.getByLabel('GitHub repository').fill('acme/payments');
	await page.getByLabel('GitHub repository').press('Tab');
	await page.reload();
	const link = card(page, RUNBOOK).getByRole('link', { name: `New GitHub issue for “${RUNBOOK}”` });
	const href = new URL((await link.getAttribute('href'))!);
	expect(href.origin + href.pathname).toBe('https://github.com/acme/payments/issues/new');
	expect(href.searchParams.get('title')).toBe(RUNBOOK);
	expect(href.searchParams.get('body')).toContain('Owner: Tomás Ortega');
	await expect(link).toHaveAttribute('target', '_blank');
});

test('with no corrective actions anywhere, the Actions page says where they are written', async ({ page }) => {
	await page.goto('/actions');
	await expect(page.getByText('No corrective actions yet.', { exact: false })).toBeVisible();
	await page.getByRole('link', { name: 'Go to the library' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Postmortems' })).toBeVisible();
});

test('a tracker’s CSV export brings statuses back: every change shown first, then applied to each postmortem; a wrong file changes nothing', async ({
	page
}) => {
	const address = await exampleThenActions(page);
	await page.getByLabel('Show', { exact: true }).selectOption('all');
	const pick = async (name: string, text: string) => {
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: "Update statuses from a tracker's CSV…" }).click();
		await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
	};

	// A chat log picked by mistake: said why, nothing changes.
	await pick('incident-chat.txt', '09:14 <ana> checkout is down\n09:15 <ben> looking\n');
	await expect(page.getByRole('alert')).toHaveText('The file has no “Status” or “State” column, so it cannot say where tickets stand.');

	// A Jira export: key, status and resolution; one ticket not ours, one status not understood.
	const jira = [
		'Summary,Issue key,Status,Resolution',
		'"Runbook, dashboard",OPS-878,Done,Done',
		'Pooler,DB-301,In Progress,',
		"Canary,PLAT-1420,Closed,Won't Do",
		'Elsewhere,XYZ-1,Done,Done',
		'Config check,PLAT-1412,Waiting for vendor,'
	].join('\r\n');
	await pick('jira-export.csv', jira);
	const plan = page.getByRole('region', { name: '“jira-export.csv” changes 3 corrective actions' });
	await expect(plan.getByRole('heading')).toBeFocused();
	await expect(plan.getByRole('row')).toHaveCount(4);
	await expect(plan.getByRole('row', { name: new RegExp(`^${RUNBOOK.slice(0, 30)}`) })).toContainText('Open → Done');
	await expect(plan.getByRole('row', { name: /^Roll out config changes/ })).toContainText("Open → Won't do");
	await expect(plan).toContainText('1 row name no corrective action here');
	await expect(plan).toContainText('Statuses not understood, left alone: “Waiting for vendor”.');
	// Nothing is stored before it is applied.
	await expect(card(page, RUNBOOK).getByLabel('Status')).toHaveValue('open');

	await plan.getByRole('button', { name: 'Apply 3 changes' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'updated from' })).toHaveText(
		'3 corrective actions updated from “jira-export.csv”.'
	);
	await expect(card(page, RUNBOOK).getByLabel('Status')).toHaveValue('done');
	await expect(card(page, POOLER).getByLabel('Status')).toHaveValue('in-progress');
	await expect(card(page, CANARY).getByLabel('Status')).toHaveValue('wont-do');

	await page.goto(`${address}/actions`);
	await expectStepReady(page, 'Corrective actions');
	await expect(page.locator(`#a-${await actionId(page, CANARY)}-status`)).toHaveValue('wont-do');
	await expect(page.locator(`#a-${await actionId(page, RUNBOOK)}-status`)).toHaveValue('done');
});

test('the review-meeting policy is chosen in Settings, kept, and used on the Actions page', async ({ page }) => {
	await page.goto('/settings');
	const sev1 = page.getByRole('group', { name: 'SEV 1 incidents' });
	await expect(
		page.getByText('The review meeting is due 3 days after a SEV 1 incident and 5 business days after any other.')
	).toBeVisible();
	await sev1.getByLabel('Days after the incident').fill('2');
	await sev1.getByLabel('Days after the incident').press('Tab');
	await sev1.getByLabel('Counted in').selectOption({ label: 'business days (Monday to Friday)' });
	await expect(
		page.getByText('The review meeting is due 2 business days after a SEV 1 incident and 5 business days after any other.')
	).toBeVisible();
	await page.reload();
	await expect(sev1.getByLabel('Days after the incident')).toHaveValue('2');
	await expect(sev1.getByLabel('Counted in')).toHaveValue('business');

	// A SEV 1 incident on a Friday with no meeting yet: its review is due the Tuesday after.
	await page.clock.setFixedTime(new Date('2026-03-13T12:00:00'));
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
	await page.getByLabel('Postmortem meeting').fill('');
	await page.getByLabel('Incident started').fill('2026-03-13T09:00');
	await page.getByLabel('Severity').selectOption('sev1');
	await expect(page.getByTestId('save-status')).toHaveText('Saved');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
	const reviews = page.getByRole('region', { name: 'Reviews and look-backs' });
	await expect(reviews.getByRole('listitem')).toContainText('review meeting due in 4 days (2026-03-17)');
	await expect(reviews).toContainText('The review meeting is due 2 business days after a SEV 1 incident');
});

test('a long group shows 50 actions at a time, with a way to the rest', async ({ page }) => {
	await page.clock.setFixedTime(TODAY);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
	const file = JSON.parse((await download(page, 'Download JSON')).toString('utf8'));
	const pm = file.postmortem;
	const action = pm.correctiveActions[0];
	const many = Array.from({ length: 60 }, (_, i) => ({
		...action,
		id: randomUUID(),
		title: `Action ${i + 1}`,
		status: 'open',
		dueDate: '2026-05-01',
		factorIds: []
	}));
	const big = { ...file, postmortem: { ...pm, id: randomUUID(), title: 'Many actions', correctiveActions: many } };
	await page.getByRole('link', { name: 'Library' }).first().click();
	await page
		.getByLabel('Import postmortem files (JSON or Markdown)')
		.setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
	await expect(page.getByTestId('import-notice')).toContainText('Imported 1 postmortem');

	await page.goto('/actions?group=postmortem');
	const group = page.getByRole('region', { name: 'Many actions (60)' });
	await expect(group.getByRole('listitem')).toHaveCount(50);
	await group.getByRole('button', { name: 'Show 10 more (50 of 60 shown)' }).click();
	await expect(group.getByRole('listitem')).toHaveCount(60);
	await expect(group.getByRole('button', { name: /^Show/ })).toHaveCount(0);
});
