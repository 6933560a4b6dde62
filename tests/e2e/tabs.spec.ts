import { test, expect, newPostmortem, expectSaved } from './fixtures';

test('an edit saved in one tab shows up in another tab on the same postmortem', async ({ page, context }) => {
	await newPostmortem(page);
	await page.getByLabel('Title').fill('Shared title');
	await expectSaved(page);
	const other = await context.newPage();
	await other.goto(page.url());
	await expect(other.getByLabel('Title')).toHaveValue('Shared title');

	await page.getByLabel('Incident lead').fill('Noor');
	await expectSaved(page);
	await expect(other.getByLabel('Incident lead')).toHaveValue('Noor');
});

test('conflicting edits in two tabs are surfaced and both versions are kept', async ({ page, context }) => {
	const id = await newPostmortem(page);
	await page.getByLabel('Title').fill('Base');
	await expectSaved(page);
	const other = await context.newPage();
	await other.goto(page.url());
	await expect(other.getByLabel('Title')).toHaveValue('Base');
	// Tab B follows the database (it starts to once it has painted): an edit in tab A shows up there.
	await page.getByLabel('Incident lead').fill('Noor');
	await expectSaved(page);
	await expect(other.getByLabel('Incident lead')).toHaveValue('Noor');

	// Another writer stores a newer revision that this tab has not heard about yet (its change
	// notification is still in flight), so the next save here starts from a stale revision.
	await page.evaluate(
		(id) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('postmortem-workbench');
				open.onsuccess = () => {
					const tx = open.result.transaction(['postmortems', 'summaries'], 'readwrite');
					const store = tx.objectStore('postmortems');
					const get = store.get(id);
					get.onsuccess = () => {
						const pm = { ...get.result, title: 'Title from tab A', revision: get.result.revision + 1 };
						store.put(pm);
						tx.objectStore('summaries').put({
							id,
							title: pm.title,
							incidentDate: '',
							severity: '',
							status: 'draft',
							updatedAt: new Date().toISOString(),
							revision: pm.revision,
							filled: 0,
							total: 11
						});
					};
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		id
	);
	await other.getByLabel('Title').fill('Title from tab B');

	await expect(other.getByRole('alert')).toContainText('changed in another tab');
	await expect(other.getByTestId('save-status')).toContainText('Not saved');
	await other.getByRole('button', { name: 'Keep my version' }).click();
	await expect(other.getByTestId('save-status')).toHaveText('Saved');

	await page.reload();
	await expect(page.getByLabel('Title')).toHaveValue('Title from tab B');
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Title from tab A (version from another tab)', exact: true })).toBeVisible();
});

test('a database upgrade from another tab makes the old tab save, let go of the database and offer a reload', async ({ page, context }) => {
	await newPostmortem(page);
	const url = page.url();
	await page.getByLabel('Title').fill('Before the upgrade');
	const other = await context.newPage();
	// A same-origin page without the app, so only the editor tab holds a connection.
	await other.goto('/favicon.svg');
	const upgraded = await other.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const probe = indexedDB.open('postmortem-workbench');
				probe.onsuccess = () => {
					const v = probe.result.version;
					probe.result.close();
					// Dexie's schema patch of the same version: this build can still use it after the reload.
					const req = indexedDB.open('postmortem-workbench', v + 1);
					// 'blocked' fires first while the old tab is still saving; success follows once it closes.
					req.onsuccess = () => {
						req.result.close();
						resolve('upgraded');
					};
					req.onerror = () => resolve('error');
				};
			})
	);
	expect(upgraded).toBe('upgraded');
	const notice = page.getByTestId('outdated-notice');
	await expect(notice).toContainText('being updated in another tab');
	// Nothing was taken from under the person's hands: the page stays until they reload.
	expect(page.url()).toBe(url);
	await expect(page.getByLabel('Title')).toHaveValue('Before the upgrade');
	await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
	await expect(page.getByLabel('Title')).toHaveValue('Before the upgrade');
	await expect(page.getByTestId('outdated-notice')).toHaveCount(0);
});

test('another tab’s save shown in a field that has the focus here keeps the caret where it was', async ({ page, context }) => {
	await newPostmortem(page);
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: /^2\. Summary/ })
		.click();
	const summary = page.getByRole('textbox', { name: 'Summary', exact: true });
	await summary.fill('The pool ran dry.');
	await expectSaved(page);
	const other = await context.newPage();
	await other.goto(page.url());
	const there = other.getByRole('textbox', { name: 'Summary', exact: true });
	await expect(there).toHaveValue('The pool ran dry.');

	// Here: the caret after "The pool", nothing typed.
	await summary.focus();
	await summary.evaluate((t: HTMLTextAreaElement) => t.setSelectionRange(8, 8));
	// There: a sentence added at the end, and a word at the start.
	await there.fill('The pool ran dry. Checkout failed.');
	await expectSaved(other);
	await expect(summary).toHaveValue('The pool ran dry. Checkout failed.');
	expect(await summary.evaluate((t: HTMLTextAreaElement) => [t.selectionStart, t.selectionEnd])).toEqual([8, 8]);
	await there.fill('Friday: The pool ran dry. Checkout failed.');
	await expectSaved(other);
	await expect(summary).toHaveValue('Friday: The pool ran dry. Checkout failed.');
	// The text after the caret is as it was: the caret stays before it.
	expect(await summary.evaluate((t: HTMLTextAreaElement) => [t.selectionStart, t.selectionEnd])).toEqual([16, 16]);
	// Typing goes on where the caret is.
	await page.keyboard.type(' connection');
	await expect(summary).toHaveValue('Friday: The pool connection ran dry. Checkout failed.');
});
