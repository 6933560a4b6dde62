import { readFileSync } from 'node:fs';
import { test, expect } from '../e2e/fixtures';

// IndexedDB missing, throwing on use, or failing every open: the app says so where the person is, and
// writing goes on in memory with export. (Never answering: hung-storage.spec.ts.)
const FAULTS: Array<[string, () => void, RegExp]> = [
	[
		'missing (no indexedDB at all)',
		() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }),
		/does not allow the app to store data/
	],
	[
		'throwing on every open',
		() => {
			IDBFactory.prototype.open = () => {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			};
		},
		/does not allow the app to store data/
	],
	[
		'failing every open with an error event',
		() => {
			IDBFactory.prototype.open = function () {
				const req = new EventTarget() as IDBOpenDBRequest;
				Object.defineProperty(req, 'error', {
					value: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError')
				});
				// As the browser does: the handler property runs for the event, whose target is the request.
				req.addEventListener('error', (ev) => req.onerror?.(ev));
				setTimeout(() => req.dispatchEvent(new Event('error')));
				return req;
			};
		},
		/storage error \(.*Internal error opening backing store/
	]
];

for (const [name, fault, reason] of FAULTS) {
	test(`IndexedDB ${name}: the app says why nothing can be saved, and writing goes on in memory with export`, async ({ page }) => {
		await page.addInitScript(fault);
		await page.goto('/');
		const notice = page.getByTestId('storage-unavailable');
		await expect(notice).toContainText('Your work cannot be saved in this browser');
		await expect(notice).toContainText(reason);
		await notice.getByRole('link', { name: 'Write without saving' }).click();
		await expect(page.getByRole('note')).toContainText('not being saved');
		await page.getByLabel('Title', { exact: true }).fill(`Written with IndexedDB ${name}`);
		await expect(page.getByTestId('save-status')).toContainText('Not saved:');
		await page.getByText('Export', { exact: true }).click();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download Markdown' }).click();
		expect(readFileSync((await (await download).path())!, 'utf8')).toContain(`# Written with IndexedDB ${name}`);
	});
}
