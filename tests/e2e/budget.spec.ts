import { gzipSync } from 'node:zlib';
import { test, expect, expectSaved, newPostmortem } from './fixtures';

/**
 * The first-load budget the bench reports (bench/README.md), held in CI too: everything the library
 * downloads as a person opens it, Dexie included (it loads once the page has painted), at most 80 KB
 * of JavaScript gzip. A module that joins the library's first load by mistake (an import through the
 * domain's barrel, a static import of the restore path) shows up here.
 */
test('the library downloads at most 80 KB of JavaScript (gzip), Dexie included', async ({ context }) => {
	const first = await context.newPage();
	await newPostmortem(first); // a stored postmortem, so the library shows a row
	await first.getByLabel('Title').fill('Budget');
	await expectSaved(first);
	await first.close();
	// The library opened afresh in a new tab; every script it fetches counts (cached ones included).
	const page = await context.newPage();
	const bodies: Promise<Buffer>[] = [];
	page.on('response', (r) => {
		const url = new URL(r.url());
		if (/\.m?js$/.test(url.pathname) && !/\/(sw|workbox-[^/]*)\.js$/.test(url.pathname)) bodies.push(r.body());
	});
	await page.goto('/', { waitUntil: 'networkidle' });
	await expect(page.getByRole('list', { name: 'Postmortems' }).getByRole('link').first()).toBeVisible();
	await page.waitForLoadState('networkidle');
	const gzip = (await Promise.all(bodies)).reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
	expect(bodies.length).toBeGreaterThan(3);
	expect(gzip / 1024).toBeLessThanOrEqual(80);
});
