import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectSaved, newPostmortem } from './fixtures';

function tempFile(name: string, content: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'pm-'));
	const p = join(dir, name);
	writeFileSync(p, content);
	return p;
}

test('the empty library explains the app and opens the example', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Write a blameless postmortem, step by step' })).toBeVisible();
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page).toHaveTitle(/Step 1 of 12: Overview/);
	await page.getByRole('link', { name: 'Library' }).first().click();
	const rows = page.getByRole('list', { name: 'Postmortems' }).getByRole('listitem');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText(/(\d+) of \1 sections filled/);
});

test('opened afresh, the library lists postmortems most recently edited first, and opens each as stored', async ({ page }) => {
	const ids: string[] = [];
	for (const title of ['Alpha', 'Bravo', 'Charlie']) {
		ids.push(await newPostmortem(page));
		await page.getByLabel('Title').fill(title);
		await expectSaved(page);
	}
	await page.goto(`/p/${ids[0]}`);
	await page.getByLabel('Title').fill('Alpha, revisited');
	await expectSaved(page);
	// Each goto is a fresh page load: the first screen is drawn from the read the page starts as it loads.
	await page.goto('/');
	const titles = page
		.getByRole('list', { name: 'Postmortems' })
		.getByRole('link')
		.filter({ hasNotText: /^Open$/ });
	await expect(titles).toHaveText(['Alpha, revisited', 'Charlie', 'Bravo']);
	await page.goto(`/p/${ids[0]}`);
	await expect(page.getByLabel('Title')).toHaveValue('Alpha, revisited');
	await page.goto('/p/no-such-postmortem');
	await expect(page.getByRole('heading', { name: 'Postmortem not found' })).toBeVisible();
	// A mistyped or cut-off link with a broken percent-escape says the same instead of a blank page.
	await page.goto('/p/%E0%A4%A');
	await expect(page.getByRole('heading', { name: 'Postmortem not found' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to the library' }).click();
	await expect(titles).toHaveText(['Alpha, revisited', 'Charlie', 'Bravo']);
});

test('duplicate, then delete with confirmation and undo', async ({ page }) => {
	await newPostmortem(page);
	await page.getByLabel('Title').fill('Queue backlog');
	await page.goto('/');
	const list = page.getByRole('list', { name: 'Postmortems' });
	await page.getByRole('button', { name: 'Duplicate Queue backlog' }).click();
	await expect(list.getByRole('link', { name: 'Queue backlog (copy)', exact: true })).toBeVisible();
	await expect(list.getByRole('listitem')).toHaveCount(2);

	await page.getByRole('button', { name: 'Delete Queue backlog (copy)' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete this postmortem?' });
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(2);

	await page.getByRole('button', { name: 'Delete Queue backlog (copy)' }).click();
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	// The Delete button is gone: the keyboard is on Undo, described by the message.
	const undo = page.getByRole('button', { name: 'Undo' });
	await expect(undo).toBeFocused();
	await expect(undo).toHaveAccessibleDescription('Deleted “Queue backlog (copy)”.');
	await page.keyboard.press('Enter');
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(undo).toBeHidden();
	await expect(page.locator('#main')).toBeFocused();
	await page.reload();
	await expect(list.getByRole('link', { name: 'Queue backlog (copy)', exact: true })).toBeVisible();
});

test('bad files are refused with a clear message and change nothing', async ({ page }) => {
	await newPostmortem(page);
	await page.getByLabel('Title').fill('Keep me');
	await page.goto('/');
	const list = page.getByRole('list', { name: 'Postmortems' });
	await expect(list.getByRole('listitem')).toHaveCount(1);
	const input = page.getByLabel('Import postmortem files (JSON or Markdown)');

	const cases: Array<[string, string, RegExp]> = [
		['truncated.json', '{"format":"postmortem-workbench","version":1,"kind":"postm', /not valid JSON/i],
		['other.json', '{"hello":"world"}', /not .*postmortem workbench|not ours|not a postmortem/i],
		['newer.json', JSON.stringify({ format: 'postmortem-workbench', kind: 'postmortem', version: 99, postmortem: {} }), /newer version/i],
		['proto.json', '{"format":"postmortem-workbench","kind":"postmortem","version":1,"postmortem":{"__proto__":{"x":1}}}', /__proto__/],
		['notes.md', '# Meeting notes\n\nWe talked about the outage.\n', /Nothing in this Markdown file reads as part of a postmortem/],
		[
			'chat.txt',
			'[10:02] <ana> checkout is failing\n[10:03] <ben> looking\n[10:05] <ana> rolled back\n',
			/plain text \(it looks like a chat log.*imports its own JSON exports.*Add from a chat log…” in its Timeline step/i
		],
		['null.json', 'null', /holds null, not a postmortem/],
		['shot.json', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000', /not a text file/],
		[
			'deep.json',
			'{"format":"postmortem-workbench","kind":"postmortem","version":1,"postmortem":{"extra":' +
				'['.repeat(5000) +
				']'.repeat(5000) +
				'}}',
			/deep|nest/i
		]
	];
	for (const [name, content, message] of cases) {
		await input.setInputFiles(tempFile(name, content));
		await expect(page.getByTestId('import-error')).toContainText(name);
		await expect(page.getByTestId('import-error')).toContainText(message);
		await expect(list.getByRole('listitem')).toHaveCount(1);
	}
	await page.reload();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list.getByRole('link', { name: 'Keep me', exact: true })).toBeVisible();
});

/** Drag files over the page and drop them, as from a file manager. */
async function dropFiles(page: Page, files: Array<{ name: string; type: string; text: string }>) {
	const data = await page.evaluateHandle((list) => {
		const dt = new DataTransfer();
		for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
		return dt;
	}, files);
	await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
	await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
	await expect(page.getByText('Drop a postmortem file to import it')).toBeVisible();
	await page.dispatchEvent('main', 'drop', { dataTransfer: data });
	await expect(page.getByText('Drop a postmortem file to import it')).toBeHidden();
}

test('files dropped anywhere on the library are imported; a bad one is refused and changes nothing', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByText('You can also drop an exported JSON or Markdown file anywhere on this page.')).toBeVisible();
	const json = JSON.stringify({
		format: 'postmortem-workbench',
		kind: 'postmortem',
		version: 1,
		postmortem: { title: 'Dropped as JSON', summary: 'Queue backlog after a deploy.' }
	});
	const md = '# Dropped as Markdown\n\n## Summary\n\nWritten elsewhere and brought in by drag and drop.\n';
	await dropFiles(page, [
		{ name: 'queue.json', type: 'application/json', text: json },
		{ name: 'notes.md', type: 'text/markdown', text: md }
	]);
	// Markdown written elsewhere is shown first, with what was recognised in it.
	const preview = page.getByRole('dialog', { name: 'Check what was recognised' });
	await expect(preview.getByRole('heading', { level: 3 })).toHaveText('“notes.md”: Dropped as Markdown');
	await expect(preview.getByRole('row', { name: /^Summary/ })).toContainText('Written elsewhere and brought in by drag and drop.');
	await preview.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-notice')).toContainText('Imported 2 postmortems from 2 files.');
	const list = page.getByRole('list', { name: 'Postmortems' });
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(list.getByRole('link', { name: 'Dropped as JSON', exact: true })).toBeVisible();
	await expect(list.getByRole('link', { name: 'Dropped as Markdown', exact: true })).toBeVisible();

	// All or nothing: a good file dropped with a bad one is not imported either.
	const good = JSON.stringify({ format: 'postmortem-workbench', kind: 'postmortem', version: 1, postmortem: { title: 'Not this one' } });
	await dropFiles(page, [
		{ name: 'good.json', type: 'application/json', text: good },
		{ name: 'broken.json', type: 'application/json', text: '{"format":"postmortem-workbench",' }
	]);
	await expect(page.getByTestId('import-error')).toContainText('“broken.json” was not imported');
	await expect(page.getByTestId('import-error')).toContainText(/not valid JSON/i);
	await expect(page.getByTestId('import-error')).toContainText('Nothing was imported from the 2 files');
	await expect(page.getByTestId('import-notice')).toBeHidden();
	await page.reload();
	await expect(list.getByRole('listitem')).toHaveCount(2);

	await list.getByRole('link', { name: 'Dropped as JSON', exact: true }).click();
	await expect(page.getByLabel('Title')).toHaveValue('Dropped as JSON');
});

test('importing a postmortem that already exists asks to replace or keep both', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await page.getByText('Export', { exact: true }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download JSON' }).click();
	const file = (await (await download).path())!;
	await page.goto('/');
	const list = page.getByRole('list', { name: 'Postmortems' });
	await page.getByLabel('Import postmortem files (JSON or Markdown)').setInputFiles(file);
	const dialog = page.getByRole('dialog', { name: 'This postmortem is already here' });
	await dialog.getByRole('button', { name: 'Keep both' }).click();
	await expect(page.getByTestId('import-notice')).toContainText('Imported 1 postmortem');
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(list.getByRole('link', { name: /^Checkout.*\(imported\)$/ })).toBeVisible();

	await page.getByLabel('Import postmortem files (JSON or Markdown)').setInputFiles(file);
	await dialog.getByRole('button', { name: 'Replace' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(2);
});

test('an address that is not a page of the app says so and leads back to the library', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	const editor = page.url();
	for (const path of [`${new URL(editor).pathname}/no-such-step`, '/no-such-page']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
		await expect(page).toHaveTitle(/^Page not found/);
	}
	await page.getByRole('link', { name: 'Go to the library' }).click();
	await expect(page.getByRole('list', { name: 'Postmortems' }).getByRole('listitem')).toHaveCount(1);
	// Every real step still opens.
	await page.goto(`${new URL(editor).pathname}/public-summary`);
	await expect(page.getByRole('heading', { level: 2, name: 'Public summary' })).toBeVisible();
});

test('the Undo offer after a delete goes after a while, but waits for a keyboard user on it', async ({ page }) => {
	await page.clock.install();
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
	await page.goto('/');
	const list = page.getByRole('list', { name: 'Postmortems' });
	await page.getByRole('button', { name: /^Duplicate / }).click();
	await expect(list.getByRole('listitem')).toHaveCount(2);
	const undo = page.getByRole('button', { name: 'Undo' });
	const dialog = page.getByRole('dialog', { name: 'Delete this postmortem?' });

	// By mouse: the offer goes after its time, and the focus goes to the main content.
	await page.getByRole('button', { name: /^Delete .*\(copy\)$/ }).click();
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await expect(undo).toBeFocused();
	await page.clock.runFor(9000);
	await expect(undo).toBeHidden();
	await expect(page.locator('#main')).toBeFocused();
	await expect(list.getByRole('listitem')).toHaveCount(1);

	// By keyboard: it stays while the focus is on it.
	await page.getByRole('button', { name: /^Delete / }).focus();
	await page.keyboard.press('Enter');
	await dialog.getByRole('button', { name: 'Delete' }).focus();
	await page.keyboard.press('Enter');
	await expect(undo).toBeFocused();
	await page.clock.runFor(20_000);
	await expect(undo).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(list.getByRole('listitem')).toHaveCount(1);
});

test('a new postmortem left untouched is not kept; one with anything in it is', async ({ page }) => {
	await newPostmortem(page);
	await page.getByRole('link', { name: 'Postmortem Workbench' }).first().click();
	await expect(page.getByRole('button', { name: 'Start a postmortem' })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Postmortems' })).toHaveCount(0);

	await newPostmortem(page);
	await page.getByLabel('Severity').selectOption({ index: 1 });
	await expectSaved(page);
	await page.goBack();
	await expect(page.getByRole('list', { name: 'Postmortems' }).getByRole('listitem')).toHaveCount(1);
	await page.reload();
	await expect(page.getByRole('list', { name: 'Postmortems' }).getByRole('listitem')).toHaveCount(1);
});
