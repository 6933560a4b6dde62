import { readFileSync } from 'node:fs';
import { test, expect, expectStepReady, newPostmortem, expectSaved, gotoStep, timelineView } from './fixtures';
import type { Page } from '@playwright/test';

/** Text typed into each long-text section, by label. */
const SECTION_TEXT: Array<[step: string, label: string, text: string]> = [
	['Summary', 'Summary', 'Checkout failed for 42 minutes for about a third of customers.'],
	['Impact', 'Impact', 'About 1,800 orders could not be placed; no data was lost.'],
	['Trigger', 'Trigger', 'A config push lowered the pool size.'],
	['Trigger', 'Detection', 'The error-rate alert paged the on-call.'],
	['Trigger', 'Resolution', 'The config change was rolled back.'],
	['Went well', 'What went well', 'The rollback path worked first time.'],
	['Lucky', 'Where we got lucky', 'It happened outside the sales peak.'],
	['Lessons', 'Lessons learned', 'Pool limits interact with autoscaling.'],
	['Supporting', 'Supporting information', 'Dashboard: https://example.test/d/1'],
	['Public', 'Public summary (optional)', 'Some customers could not check out for 42 minutes.']
];

async function fillEverything(page: Page) {
	// Overview
	await page.getByLabel('Title').fill('Checkout outage | pool exhausted');
	await page.getByLabel('Incident started').fill('2026-11-03T14:00');
	await page.getByLabel('Time zone').focus();
	await page.getByLabel('Time zone').selectOption('Europe/Berlin');
	await page.getByLabel('Severity').selectOption('sev2');
	await page.getByLabel('Incident lead').fill('Priya');
	await page.getByLabel('Facilitator').fill('Sam');
	await page.getByLabel('Postmortem meeting').fill('2026-11-05');
	await page.getByLabel('Authors').fill('Priya, Sam');
	await page.getByLabel('Participants').fill('Priya, Sam, Lee');
	await page.getByLabel('Services affected').fill('checkout, orders-db');
	await page.getByLabel('Tags').fill('database, config');

	for (const [step, label, text] of SECTION_TEXT) {
		await gotoStep(page, step);
		await page.getByRole('textbox', { name: label, exact: true }).fill(text);
	}

	// Timeline: five milestones
	await gotoStep(page, 'Timeline');
	const entries: Array<[string, string, string, string]> = [
		['2026-11-03T14:00', 'deploy bot', 'Config change rolled out', 'Impact began'],
		['2026-11-03T14:06', 'alerting', 'Error-rate alert fired', 'Detected'],
		['2026-11-03T14:10', 'Priya', 'Declared an incident', 'Incident declared'],
		['2026-11-03T14:31', 'Priya', 'Rolled back the config', 'Mitigated'],
		['2026-11-03T14:42', 'Sam', 'Error rate back to normal', 'Resolved']
	];
	for (const [at, who, what, milestone] of entries) {
		await page.getByRole('button', { name: 'Add timeline entry' }).click();
		const row = page.getByTestId('timeline-entry').last();
		await row.getByLabel('Time', { exact: true }).fill(at);
		await row.getByLabel('Who').fill(who);
		await row.getByLabel('What happened').fill(what);
		await row.getByLabel('Milestone').selectOption({ label: milestone });
	}
	// Links are in the detailed view.
	await timelineView(page, 'Detailed');
	await page.getByTestId('timeline-entry').first().getByLabel('Link (optional)').fill('https://example.test/deploy/1');

	// Contributing factors
	await gotoStep(page, 'Factors');
	await page.getByLabel('What went wrong (narrative)').fill('The pool size looked safe in review.');
	for (const [text, kind] of [
		['The pool size default was not documented.', 'Process'],
		['Load tests did not cover the new limit.', 'Tooling']
	]) {
		await page.getByRole('button', { name: 'Add contributing factor' }).click();
		const f = page.getByTestId('factor').last();
		await f.getByRole('textbox').fill(text);
		await f.getByLabel('Kind').selectOption({ label: kind });
	}

	// Corrective actions
	await gotoStep(page, 'Actions');
	for (const [title, term, priority] of [
		['Alert on pool saturation above 80%', 'Short term', 'High'],
		['Validate pool limits in config CI', 'Long term', 'Medium']
	]) {
		await page.getByRole('button', { name: 'Add corrective action' }).click();
		const a = page.getByTestId('action').last();
		await a.getByLabel('Action', { exact: true }).fill(title);
		await a.getByLabel('Kind').selectOption({ index: 1 });
		await a.getByLabel('Term').selectOption({ label: term });
		await a.getByLabel('Priority').selectOption({ label: priority });
		await a.getByLabel('Owner').fill('Lee');
		await a.getByLabel('Due date').fill('2026-12-03');
		await a.getByLabel('Tracker link').fill('https://example.test/t/9');
		await a.getByLabel('How we will know it worked').fill('A drill pages within 2 minutes.');
	}
}

test('a postmortem filled through every section survives a reload and exports Markdown and JSON', async ({ page, browser }) => {
	const id = await newPostmortem(page);
	await fillEverything(page);
	await expectSaved(page);
	// Saving is shown, not read out after every pause in typing.
	await expect(page.getByRole('status').filter({ hasText: /Sav(ed|ing)/ })).toHaveCount(0);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout outage | pool exhausted');
	await gotoStep(page, 'Overview');
	await expect(page.getByLabel('Incident started')).toHaveValue('2026-11-03T14:00');
	await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
	await expect(page.getByLabel('Authors')).toHaveValue('Priya, Sam');
	await expect(page.getByTestId('metric-time-to-detect')).toHaveText('6 min');
	await expect(page.getByTestId('metric-total-duration')).toHaveText('42 min');
	for (const [step, label, text] of SECTION_TEXT) {
		await gotoStep(page, step);
		await expect(page.getByRole('textbox', { name: label, exact: true })).toHaveValue(text);
	}
	await gotoStep(page, 'Timeline');
	await expect(page.getByTestId('timeline-entry')).toHaveCount(5);
	await expect(page.getByTestId('timeline-entry').nth(3).getByLabel('What happened')).toHaveValue('Rolled back the config');
	await gotoStep(page, 'Actions');
	await expect(page.getByTestId('action').nth(1).getByLabel('Action', { exact: true })).toHaveValue('Validate pool limits in config CI');

	// Export Markdown
	await page.getByText('Export', { exact: true }).click();
	const mdDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download Markdown' }).click();
	const md = await mdDownload;
	expect(md.suggestedFilename()).toBe('2026-11-03-checkout-outage-pool-exhausted.md');
	const mdText = readFileSync((await md.path())!, 'utf8');
	expect(mdText).toContain('# Checkout outage');
	expect(mdText).toContain('Error-rate alert fired');
	expect(mdText).toContain('Validate pool limits in config CI');
	expect(mdText).toMatch(/Time to detect[^\n]*6 min/);
	for (const [, , text] of SECTION_TEXT) expect(mdText).toContain(text);

	// Export JSON
	await page.getByText('Export', { exact: true }).click();
	const jsonDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download JSON' }).click();
	const json = await jsonDownload;
	expect(json.suggestedFilename()).toBe('2026-11-03-checkout-outage-pool-exhausted.json');
	const jsonPath = (await json.path())!;
	const parsed = JSON.parse(readFileSync(jsonPath, 'utf8'));
	expect(parsed.format).toBe('postmortem-workbench');
	expect(parsed.postmortem.id).toBe(id);
	expect(parsed.postmortem.timeline).toHaveLength(5);

	// A teammate imports the JSON into their own (fresh) browser profile.
	const teammate = await browser.newContext();
	const other = await teammate.newPage();
	await other.goto('/');
	await expect(other.getByRole('heading', { name: 'Write a blameless postmortem, step by step' })).toBeVisible();
	await other.getByLabel('Import postmortem files (JSON or Markdown)').setInputFiles(jsonPath);
	await expect(other.getByTestId('import-notice')).toContainText('Imported 1 postmortem');
	await other.getByRole('link', { name: 'Checkout outage | pool exhausted', exact: true }).click();
	await expect(other.getByLabel('Incident lead')).toHaveValue('Priya');
	await gotoStep(other, 'Timeline');
	await expect(other.getByTestId('timeline-entry')).toHaveCount(5);
	await gotoStep(other, 'Went well');
	await expect(other.getByRole('textbox', { name: 'What went well', exact: true })).toHaveValue('The rollback path worked first time.');
	await teammate.close();
});

test('typing reaches IndexedDB quickly and survives closing the tab at once', async ({ context }) => {
	const page = await context.newPage();
	await newPostmortem(page);
	const url = page.url();
	await page.getByLabel('Title').fill('Closed right after typing');
	// No waiting for "Saved": the pagehide flush must store the edit.
	await page.close({ runBeforeUnload: true });
	const again = await context.newPage();
	await again.goto(url);
	await expect(again.getByLabel('Title')).toHaveValue('Closed right after typing');
});

test('an edit typed the moment a stored postmortem opens survives closing the tab at once', async ({ context }) => {
	// Opened afresh, the editor shows what the page read while loading, before the storage code is
	// in; an edit typed then and the tab closed at once must still be stored.
	const first = await context.newPage();
	await newPostmortem(first);
	const url = first.url();
	await first.close();
	for (let round = 1; round <= 3; round++) {
		const page = await context.newPage();
		await page.goto(url);
		// What the previous round typed is there.
		if (round > 1) await expect(page.getByLabel('Title')).toHaveValue(`Typed as it opened ${round - 1}`);
		await page.getByLabel('Title').fill(`Typed as it opened ${round}`);
		await page.close({ runBeforeUnload: true });
	}
	const again = await context.newPage();
	await again.goto(url);
	await expect(again.getByLabel('Title')).toHaveValue('Typed as it opened 3');
});

test('an edit made just before leaving the page is kept, whether or not a save was already under way', async ({ page }) => {
	// Leaving can catch the autosave at any point (waiting, or with its write in flight); each round
	// types and leaves at once, and the library must show the new title every time.
	for (let round = 1; round <= 6; round++) {
		await newPostmortem(page);
		await page.getByLabel('Title').fill(`Left at once ${round}`);
		await page.goto('/');
		const list = page.getByRole('list', { name: 'Postmortems' });
		await expect(list.getByRole('link', { name: `Left at once ${round}`, exact: true })).toBeVisible();
		await expect(list.getByRole('listitem')).toHaveCount(round);
	}
});

test('Previous and Next walk the steps, and Copy Markdown puts the document on the clipboard', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	await page.getByRole('link', { name: /^Next: / }).click();
	await expect(page).toHaveTitle(/Step 2 of 12/);
	await page.getByRole('link', { name: /^Next: / }).click();
	await expect(page).toHaveTitle(/Step 3 of 12/);
	await page.getByRole('link', { name: /^← Previous: / }).click();
	await expect(page).toHaveTitle(/Step 2 of 12/);
	await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeFocused();

	const title = await page.getByRole('heading', { level: 1 }).innerText();
	// By keyboard: the item is chosen with Enter, and the focus comes back to Export.
	await page.getByText('Export', { exact: true }).click();
	await page.getByRole('button', { name: 'Copy Markdown' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Markdown copied to the clipboard.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Copy Markdown' })).toBeHidden();
	await expect(page.getByText('Export', { exact: true })).toBeFocused();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied.startsWith(`# ${title}\n`)).toBe(true);
	expect(copied).toContain('## Timeline');
	expect(copied).toContain('## Corrective actions');
});

test('printing the preview gives only the document, dark on white even in a dark theme', async ({ browser }) => {
	const context = await browser.newContext({ colorScheme: 'dark' });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	const doc = page.getByTestId('preview');
	await expect(doc.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.getByRole('radio', { name: 'Public summary' })).toBeHidden();
	await expect(doc.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(doc.getByRole('table').first()).toBeVisible();
	// With "Background graphics" on, every colour counts: dark text, light backgrounds, readable links.
	const colours = await doc.evaluate((el) => {
		const rgb = (c: string) =>
			c
				.match(/\d+(\.\d+)?/g)!
				.slice(0, 4)
				.map(Number);
		const luminance = (c: string) => {
			const [r, g, b, a = 1] = rgb(c);
			if (a === 0) return 1; // transparent: the white page shows through
			return [r, g, b]
				.map((v) => v / 255)
				.reduce((sum, v, i) => sum + [0.2126, 0.7152, 0.0722][i] * (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4), 0);
		};
		const pick = (sel: string) => el.querySelector(sel) ?? el;
		return {
			text: ['h1', 'p', 'td', 'a'].map((s) => luminance(getComputedStyle(pick(s)).color)),
			background: [el, pick('th'), document.body].map((e) => luminance(getComputedStyle(e).backgroundColor))
		};
	});
	for (const t of colours.text) expect(t, 'text luminance').toBeLessThan(0.2);
	for (const b of colours.background) expect(b, 'background luminance').toBeGreaterThan(0.7);
	await context.close();
});

test('UTC can be chosen as the time zone, also after choosing another', async ({ page }) => {
	await newPostmortem(page);
	const zone = page.getByLabel('Time zone');
	await zone.focus();
	await zone.selectOption('Europe/Berlin');
	await zone.blur();
	await zone.focus();
	await expect(zone.locator('option', { hasText: /^UTC$/ })).toHaveCount(1);
	await zone.selectOption('UTC');
	await expectSaved(page);
	await page.reload();
	await expect(page.getByLabel('Time zone')).toHaveValue('UTC');
});

test('on a phone nothing spills sideways: long titles, the Export menu, preview tables and code', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	const title = 'Checkout-outage-' + 'x'.repeat(120);
	await page.getByLabel('Title').fill(title);
	await page.getByRole('button', { name: /^All steps/ }).click();
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: /^\d+\. Supporting/ })
		.click();
	await page
		.getByRole('textbox', { name: /Supporting/ })
		.fill('```\n' + '2026-11-03T14:02:11Z ERROR pool=checkout-db acquire timeout after 30000ms '.repeat(4) + '\n```');
	await expectSaved(page);
	const fitsSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

	await page.getByText('Export', { exact: true }).click();
	const menuItem = page.getByRole('button', { name: 'Download public summary' });
	await expect(menuItem).toBeVisible();
	const box = (await menuItem.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(390);
	await menuItem.focus();
	await page.keyboard.press('Escape');
	await expect(menuItem).toBeHidden();
	await expect(page.getByText('Export', { exact: true })).toBeFocused();
	// Open again, then a press elsewhere closes it.
	await page.getByText('Export', { exact: true }).click();
	await expect(menuItem).toBeVisible();
	await page.mouse.click(8, 830);
	await expect(menuItem).toBeHidden();
	expect(await fitsSideways()).toBe(true);

	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	const doc = page.getByTestId('preview');
	await expect(doc.getByRole('table').first()).toBeVisible();
	expect(await fitsSideways()).toBe(true);
	// Table headers keep whole words (the table scrolls instead of breaking them).
	const lines = await doc.locator('th').evaluateAll((ths) =>
		ths.map((th) => {
			const r = document.createRange();
			r.selectNodeContents(th);
			return [th.textContent, new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size];
		})
	);
	for (const [text, n] of lines) if (!/\s/.test(String(text))) expect(n, `header “${text}”`).toBe(1);

	await page.goto('/');
	await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
	expect(await fitsSideways()).toBe(true);
	await context.close();
});

test('the preview sets right-to-left paragraphs right to left, and says what a public summary is made from', async ({ page }) => {
	await newPostmortem(page);
	await page.getByLabel('Title').fill('Mixed scripts');
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: /^2\. Summary/ })
		.click();
	await page
		.getByRole('textbox', { name: 'Summary', exact: true })
		.fill('מאגר החיבורים התמלא אחרי הפריסה.\n\nThe pool filled up after the deploy.');
	await expectSaved(page);
	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	const paragraphs = page.getByTestId('preview').locator('p');
	await expect(paragraphs.filter({ hasText: 'The pool filled up' })).toBeVisible();
	// Where each paragraph's text sits: Hebrew against the right edge, English against the left.
	const edges = await paragraphs.evaluateAll((ps) =>
		ps.map((p) => {
			const r = document.createRange();
			r.selectNodeContents(p);
			const text = r.getBoundingClientRect();
			const box = p.getBoundingClientRect();
			return { text: p.textContent, left: text.left - box.left, right: box.right - text.right };
		})
	);
	const hebrew = edges.find((e) => e.text?.startsWith('מאגר'))!;
	const english = edges.find((e) => e.text?.startsWith('The pool'))!;
	expect(hebrew.right).toBeLessThan(2);
	expect(hebrew.left).toBeGreaterThan(50);
	expect(english.left).toBeLessThan(2);

	await page.getByRole('radio', { name: 'Public summary' }).check();
	const fallback = page.getByTestId('public-fallback');
	await expect(fallback).toContainText('No public summary is written yet');
	await fallback.getByRole('link', { name: 'Public summary' }).click();
	await page
		.getByRole('textbox', { name: /Public summary/ })
		.first()
		.fill('We had a short checkout outage.');
	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	await page.getByRole('radio', { name: 'Public summary' }).check();
	await expect(page.getByTestId('preview')).toContainText('We had a short checkout outage.');
	await expect(fallback).toBeHidden();
});

test('a date left half filled in says it is not saved, until it is finished', async ({ page }) => {
	await newPostmortem(page);
	const started = page.getByLabel('Incident started');
	await started.fill('2026-03-08T10:15');
	await expectSaved(page);
	// Changing it: the hour cleared (Tab moves through month, day, year, hour) and not typed again yet.
	await started.focus();
	for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
	await page.keyboard.press('Backspace');
	await started.blur();
	const warning = page.getByText('This date and time is not complete or not valid, so it is not saved.');
	await expect(warning).toBeVisible();
	await expect(started).toHaveAccessibleDescription(/not complete or not valid, so it is not saved/);
	// The stored date stays as it was.
	await page.reload();
	await expect(page.getByLabel('Incident started')).toHaveValue('2026-03-08T10:15');
	await page.getByLabel('Incident started').fill('2026-03-09T11:30');
	await expect(warning).toBeHidden();
	await expectSaved(page);
	await page.reload();
	await expect(page.getByLabel('Incident started')).toHaveValue('2026-03-09T11:30');
});

test('the public summary never goes out made from internal text: it starts from it only in the step, for the person to rework', async ({
	page
}) => {
	await newPostmortem(page);
	await page.getByLabel('Title').fill('Checkout outage');
	await gotoStep(page, 'Summary');
	await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Marco pushed the bad config; 1,800 orders lost.');
	await gotoStep(page, 'Public');
	await expectSaved(page);

	// With the step empty, nothing is downloaded.
	let downloads = 0;
	page.on('download', () => downloads++);
	await page.getByText('Export', { exact: true }).click();
	await page.getByRole('button', { name: 'Download public summary' }).click();
	await expect(page.getByText('Nothing to download yet: write the public summary first')).toBeVisible();

	// Starting from the internal summary puts it in the field, where it is read and reworked.
	await page.getByRole('button', { name: 'Start from the internal summary' }).click();
	const field = page.getByRole('textbox', { name: /Public summary/ }).first();
	await expect(field).toHaveValue(/Marco pushed the bad config/);
	await field.fill('## What happened\n\nA configuration change stopped some orders for 42 minutes.');
	await expect(page.getByTestId('public-start')).toBeHidden();
	await expectSaved(page);

	await page.getByText('Export', { exact: true }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download public summary' }).click();
	const text = readFileSync((await (await download).path())!, 'utf8');
	expect(text).toBe('# Checkout outage\n\n## What happened\n\nA configuration change stopped some orders for 42 minutes.\n');
	expect(downloads).toBe(1);
});

test('a long title wraps beside the save status and the buttons, which stay at the top of the header', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await newPostmortem(page);
	const title = 'Checkout errors for a third of customers after the database connection pool size change in the regional failover';
	await page.getByLabel('Title').fill(title);
	await expectSaved(page);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText(title);
	const h1 = (await heading.boundingBox())!;
	const saved = (await page.getByTestId('save-status').boundingBox())!;
	const exportButton = (await page.getByText('Export', { exact: true }).boundingBox())!;
	// The title takes more than one line, and the status and Export sit to its right, level with its first line.
	expect(h1.height).toBeGreaterThan(60);
	for (const box of [saved, exportButton]) {
		expect(box.x).toBeGreaterThanOrEqual(h1.x + h1.width);
		expect(box.y).toBeLessThan(h1.y + h1.height / 2);
	}
});

test('the corrective actions table fits the preview column and A4 and Letter paper, long links and all', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
	await gotoStep(page, 'Actions');
	await page
		.getByLabel('Tracker link')
		.first()
		.fill('https://tracker.example.com/projects/checkout-platform/issues/INC-2026-0311-database-connection-pool-exhaustion-follow-up-1');
	await page.getByLabel('Owner').first().fill('Platform-reliability-and-database-operations-guild');
	await expectSaved(page);
	await page.getByRole('link', { name: 'Preview', exact: true }).click();
	const doc = page.getByTestId('preview');
	const actions = doc.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Tracker' }) });
	await expect(actions).toBeVisible();
	/** Whether the table stays inside the document's text column, and no cell hides part of its text. */
	const fits = () =>
		actions.evaluate((table) => {
			const column = table.parentElement!;
			const style = getComputedStyle(column);
			const right = column.getBoundingClientRect().right - parseFloat(style.paddingRight) + 1;
			const cut = [...table.querySelectorAll('td, th')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent);
			return { inside: table.getBoundingClientRect().right <= right && table.scrollWidth <= table.clientWidth + 1, cut };
		});
	expect(await fits()).toEqual({ inside: true, cut: [] });
	// Printed: A4 and Letter, less Chromium's default margins, at 96 px to the inch.
	await page.emulateMedia({ media: 'print' });
	for (const width of [718, 739]) {
		await page.setViewportSize({ width, height: 1000 });
		expect(await fits(), `${width} px of paper`).toEqual({ inside: true, cut: [] });
	}
});

test('a long text field grows with what is written, up to most of the screen', async ({ page }) => {
	await newPostmortem(page);
	await gotoStep(page, 'Summary');
	const box = page.getByRole('textbox', { name: 'Summary', exact: true });
	const empty = (await box.boundingBox())!.height;
	await box.fill(Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of the summary.`).join('\n'));
	const grown = (await box.boundingBox())!.height;
	// Twelve lines show without scrolling inside the field.
	expect(grown > empty * 2).toBe(true);
	expect(await box.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
	await box.fill(Array.from({ length: 200 }, (_, i) => `Line ${i + 1}`).join('\n'));
	const viewport = page.viewportSize()!.height;
	expect((await box.boundingBox())!.height <= viewport * 0.7 + 1).toBe(true);
});

test('a Markdown field shows its text formatted on demand, following the typing, with raw HTML kept as text', async ({ page }) => {
	await newPostmortem(page);
	await gotoStep(page, 'Summary');
	const box = page.getByRole('textbox', { name: 'Summary', exact: true });
	await box.fill('**Checkout** failed for `orders-db` users <img src=x onerror="document.title=1">\n\n- first\n- second');
	const toggle = page.getByRole('button', { name: 'Show formatted (Summary)' });
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await toggle.press('Enter');
	const shown = page.getByRole('region', { name: 'Summary, formatted' });
	await expect(shown.locator('strong')).toHaveText('Checkout');
	await expect(shown.locator('code')).toHaveText('orders-db');
	await expect(shown.getByRole('listitem')).toHaveText(['first', 'second']);
	await expect(shown.locator('img')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Hide formatted (Summary)' })).toHaveAttribute('aria-expanded', 'true');
	// The field stays as it was, for typing; the formatted text follows it.
	await box.press('End');
	await box.pressSequentially('\n- third');
	await expect(shown.getByRole('listitem')).toHaveText(['first', 'second', 'third']);
	await page.getByRole('button', { name: 'Hide formatted (Summary)' }).click();
	await expect(shown).toHaveCount(0);
	await expect(box).toHaveValue(/- third$/);
	expect(await page.title()).not.toBe('1');
});

test('on a phone the step’s own fields come first: the steps fold to one line, the questions fold, the panels follow', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
	const screen = 844;
	const top = async (l: ReturnType<Page['getByRole']>) => (await l.boundingBox())!.y;
	expect(await top(page.getByLabel('Title', { exact: true }))).toBeLessThan(screen * 0.75);

	const steps = page.getByRole('button', { name: 'All steps (on 1 of 12)' });
	await expect(steps).toHaveAttribute('aria-expanded', 'false');
	const nav = page.getByRole('navigation', { name: 'Sections' });
	await expect(nav.getByRole('link', { name: /^2\. Summary/ })).toBeHidden();
	await steps.click();
	await nav.getByRole('link', { name: /^2\. Summary/ }).click();
	await expectStepReady(page, 'Summary');
	// Chosen, the list folds again and the step's field is on the first screen.
	await expect(nav.getByRole('link', { name: /^2\. Summary/ })).toBeHidden();
	await expect(page.getByRole('button', { name: 'All steps (on 2 of 12)' })).toBeVisible();
	const field = page.getByRole('textbox', { name: 'Summary', exact: true });
	expect(await top(field)).toBeLessThan(screen * 0.8);

	// The guiding questions are one line above the field until opened.
	const question = page.getByText('For how long did it last?');
	await expect(question).toBeHidden();
	await page.getByText('Questions to guide you').click();
	await expect(question).toBeVisible();

	// The review panels come after the step.
	expect(await top(page.getByTestId('readiness-panel'))).toBeGreaterThan(await top(field));
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await context.close();
});
