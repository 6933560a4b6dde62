import { readFileSync } from 'node:fs';
import { test, expect, allowOrigin } from './fixtures';
import { StaticServer } from './server';
import type { Page } from '@playwright/test';

async function waitForWorker(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// A "prompt" worker does not claim the first page; the next load is controlled.
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('after one visit the app starts and works with the server gone', async ({ page }) => {
	const server = new StaticServer();
	await server.start();
	allowOrigin(server.origin);
	try {
		await page.goto(server.origin + '/');
		await page.getByRole('button', { name: 'Start a postmortem' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
		await page.getByLabel('Title').fill('Written before going offline');
		await expect(page.getByTestId('save-status')).toHaveText('Saved');
		const deepLink = page.url() + '/timeline';
		await waitForWorker(page);

		await server.stop();
		const direct = await page.request.get(server.origin + '/').catch(() => null);
		expect(direct, 'the server is really gone').toBeNull();

		// Cold start on a deep link, served by the worker.
		const response = await page.goto(deepLink);
		expect(response?.fromServiceWorker()).toBe(true);
		await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Written before going offline');

		await page.goto(server.origin + '/');
		await expect(page.getByRole('link', { name: 'Written before going offline', exact: true })).toBeVisible();

		// Create, edit, preview, export and import, all offline.
		await page.getByRole('button', { name: 'New postmortem' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
		await page.getByLabel('Title').fill('Written offline');
		await expect(page.getByTestId('save-status')).toHaveText('Saved');
		await page.getByRole('link', { name: 'Preview', exact: true }).click();
		await expect(page.getByTestId('preview').locator('h1')).toHaveText('Written offline');
		await page.getByText('Export', { exact: true }).click();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download JSON' }).click();
		const file = (await (await download).path())!;
		expect(JSON.parse(readFileSync(file, 'utf8')).postmortem.title).toBe('Written offline');

		await page.goto(server.origin + '/');
		await page.getByLabel('Import postmortem files (JSON or Markdown)').setInputFiles(file);
		await page.getByRole('dialog').getByRole('button', { name: 'Keep both' }).click();
		await expect(page.getByTestId('import-notice')).toContainText('Imported 1 postmortem');
		await expect(page.getByRole('link', { name: 'Written offline (imported)', exact: true })).toBeVisible();
	} finally {
		await server.dispose();
	}
});

test('a new version is offered, and accepting it reloads every open tab, keeping their drafts', async ({ page, context }) => {
	const server = new StaticServer();
	await server.start();
	allowOrigin(server.origin);
	try {
		await page.goto(server.origin + '/settings');
		await expect(page.getByTestId('app-version')).not.toContainText('next');
		await waitForWorker(page);
		await page.goto(server.origin + '/');
		await page.getByRole('button', { name: 'Start a postmortem' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
		const editorUrl = page.url();
		await page.getByLabel('Title').fill('Draft across an update');
		// A second tab, on another postmortem.
		const other = await context.newPage();
		await other.goto(server.origin + '/');
		await other.getByRole('button', { name: 'New postmortem' }).click();
		await expect(other.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
		const otherUrl = other.url();

		// Deploy the second build and let the open app find it.
		server.deploy('.e2e/build-next');
		await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			await reg?.update();
		});
		const prompt = page.getByTestId('update-prompt');
		await expect(prompt).toContainText('A new version is ready');
		await expect(other.getByTestId('update-prompt')).toContainText('A new version is ready');
		// Typing in both tabs while the prompt is shown, not yet saved when Reload is pressed in one.
		await other.getByLabel('Title').fill('Typed in the other tab');
		await page.getByLabel('Title').fill('Draft across an update, edited');
		const reloaded = page.waitForEvent('load');
		const otherReloaded = other.waitForEvent('load');
		await prompt.getByRole('button', { name: 'Reload' }).click();
		await Promise.all([reloaded, otherReloaded]);
		expect(page.url()).toBe(editorUrl);
		await expect(page.getByLabel('Title')).toHaveValue('Draft across an update, edited');
		expect(other.url()).toBe(otherUrl);
		await expect(other.getByLabel('Title')).toHaveValue('Typed in the other tab');
		await expect(other.getByTestId('update-prompt')).toBeHidden();
		// The other tab runs the new version too (moving within the app loads no page).
		await other.getByRole('link', { name: 'Settings & data' }).click();
		await expect(other.getByTestId('app-version')).toContainText('next');
		await page.goto(server.origin + '/settings');
		await expect(page.getByTestId('app-version')).toContainText('next');
	} finally {
		await server.dispose();
	}
});

test('the app is installable: a manifest with regular and maskable icons made for it', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBe('/manifest.webmanifest');
	const manifest = await (await request.get(href!)).json();
	expect(manifest).toMatchObject({
		name: 'Postmortem Workbench',
		short_name: 'Postmortems',
		display: 'standalone',
		start_url: '/'
	});
	expect(manifest.theme_color).toMatch(/^#/);
	const purposes = manifest.icons.map((i: { purpose?: string }) => i.purpose ?? 'any');
	expect(purposes).toContain('maskable');
	for (const icon of manifest.icons) {
		const res = await request.get(icon.src);
		expect(res.ok(), icon.src).toBe(true);
		expect(res.headers()['content-type']).toContain('image/png');
	}
});

test('when the browser offers to install, the header and Settings offer it, one dialog per offer', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Write a blameless postmortem, step by step' })).toBeVisible();
	const header = page.getByRole('navigation', { name: 'Main' });
	await expect(header.getByRole('button', { name: 'Install app' })).toBeHidden();
	// What Chromium does when the app meets its install criteria: an event whose prompt() opens its dialog.
	const offer = (outcome: 'accepted' | 'dismissed') =>
		page.evaluate((outcome) => {
			const w = window as unknown as { prompts: number };
			w.prompts ??= 0;
			const e = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
				prompt: async () => void w.prompts++,
				userChoice: Promise.resolve({ outcome })
			});
			dispatchEvent(e);
		}, outcome);
	const prompts = () => page.evaluate(() => (window as unknown as { prompts: number }).prompts);

	await offer('dismissed');
	await header.getByRole('button', { name: 'Install app' }).click();
	expect(await prompts()).toBe(1);
	// The offer is spent: no button that would do nothing.
	await expect(header.getByRole('button', { name: 'Install app' })).toBeHidden();

	await offer('accepted');
	await header.getByRole('link', { name: 'Settings & data' }).click();
	const install = page.getByRole('button', { name: 'Install the app' });
	await install.click();
	expect(await prompts()).toBe(2);
	await expect(install).toBeHidden();
	await expect(header.getByRole('button', { name: 'Install app' })).toBeHidden();
	await page.evaluate(() => dispatchEvent(new Event('appinstalled')));
	await expect(page.getByText('The app is installed on this device.')).toBeVisible();
});
