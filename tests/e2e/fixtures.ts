import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test runs with three guards: no request may go to another origin, no
 * Content-Security-Policy violation may be reported, and no preload may go unused for a mismatch
 * (the file would be downloaded twice). Each fails the test that caused it.
 */
export const test = base.extend<{ guards: void }>({
	guards: [
		async ({ context, baseURL }, use) => {
			const allowed = new URL(baseURL!).origin;
			const foreign: string[] = [];
			const violations: string[] = [];
			const wasted: string[] = [];
			context.on('request', (req) => {
				const url = req.url();
				if (url.startsWith('data:') || url.startsWith('blob:')) return;
				const origin = new URL(url).origin;
				// Tests that start their own server on another local port add it via `allowOrigin`.
				if (origin !== allowed && !extraOrigins.has(origin)) foreign.push(url);
			});
			context.on('console', (msg) => {
				if (/Content Security Policy|Refused to (load|execute|apply|connect|create)/i.test(msg.text())) violations.push(msg.text());
				// A preload the page cannot use means the file is downloaded twice.
				if (/preload for .* is found, but is not used/i.test(msg.text())) wasted.push(msg.text());
			});
			await context.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (e) => {
					console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
				});
			});
			await use();
			extraOrigins.clear();
			expect(foreign, 'requests to other origins').toEqual([]);
			expect(violations, 'CSP violations').toEqual([]);
			expect(wasted, 'preloads the page could not use').toEqual([]);
		},
		{ auto: true }
	]
});

const extraOrigins = new Set<string>();
/** Allow requests to a local server the test started itself. */
export function allowOrigin(origin: string): void {
	extraOrigins.add(origin);
}

export { expect };

/** Start a new postmortem from the library and wait for the editor. */
export async function newPostmortem(page: Page): Promise<string> {
	await page.goto('/');
	await page
		.getByRole('button', { name: /^(New postmortem|Start a postmortem)$/ })
		.first()
		.click();
	await expectStepReady(page, 'Overview');
	return page.url().split('/p/')[1].split('/')[0];
}

/**
 * Wait until an editor step is fully shown: its heading, and its inputs with the step pager (they
 * render a task after the heading when a postmortem opens).
 */
export async function expectStepReady(page: Page, title: string): Promise<void> {
	await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Step navigation' })).toBeVisible();
}

/** Wait until the quiet status says the last edit reached IndexedDB. */
export async function expectSaved(page: Page): Promise<void> {
	await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

/** Download a file through the editor's Export menu (`button` names the item) and return its bytes. */
export async function download(page: Page, button: string): Promise<Buffer> {
	await page.getByText('Export', { exact: true }).click();
	const file = page.waitForEvent('download');
	await page.getByRole('button', { name: button }).click();
	return readFileSync((await (await file).path())!);
}

/** Go to an editor step by its name in the Sections list ("Timeline", "Summary"…). */
export async function gotoStep(page: Page, name: string): Promise<void> {
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: new RegExp(`^\\d+\\. ${name}\\b`) })
		.click();
}

/** Choose how the Timeline step shows its entries (the choice is kept for the rest of the test). */
export async function timelineView(page: Page, view: 'Compact' | 'Detailed'): Promise<void> {
	await page.getByRole('radio', { name: new RegExp(`^${view}`) }).check();
}
