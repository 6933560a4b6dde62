// Timings in the real built app: first rendered library rows, opened postmortem, Actions and Insights
// pages with 1,000 stored (against a page that only reads the same rows with Dexie), and typing latency.
import { log, sleep } from './util.mjs';

/**
 * Injected before any app script: reports on the console when the first library row and the
 * editor's first input (a postmortem is open when its fields can be typed in) are first in a
 * rendered frame (the animation frame after they enter the DOM), in ms since navigation start.
 */
export function watchFirstRender() {
	if (location.pathname.startsWith('/__bench/')) return;
	const targets = {
		row: 'ul[aria-label="Postmortems"] a[href^="/p/"]',
		field: '.inputs input, .inputs textarea',
		action: 'li.action select',
		insights: '[data-testid="insights-summary"]'
	};
	const found = new Set();
	const check = () => {
		for (const [k, sel] of Object.entries(targets)) {
			if (!found.has(k) && document.querySelector(sel)) {
				found.add(k);
				requestAnimationFrame(() => console.debug(`bench-seen ${k} ${performance.now()}`));
			}
		}
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/**
 * Opens `url` and resolves to what the page reports on its console with `prefix`. Nothing is
 * evaluated in the page before that: polling with waitForFunction runs Playwright's own script in
 * the page, main-thread work that counts in whichever page is still loading (the app, which loads
 * longer than the raw page). In an interleaved comparison the difference stayed within the noise
 * (305 vs 320 ms median), but the figure no longer depends on it.
 */
async function openAndHear(context, url, prefix) {
	const page = await context.newPage();
	try {
		const heard = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(prefix), timeout: 60_000 });
		await page.goto(url);
		return (await heard).text().slice(prefix.length);
	} finally {
		await page.close();
	}
}

export async function timeApp(context, url, key) {
	return Number(await openAndHear(context, url, `bench-seen ${key} `));
}

export async function timeRaw(context, url) {
	const r = JSON.parse(await openAndHear(context, url, 'bench-raw '));
	if (r.error) throw new Error(`raw read failed: ${r.error}`);
	if (!r.rows) throw new Error('raw read found no rows');
	return r.at;
}

/** Medians need a few runs; the first of each is a warm-up (HTTP cache, IndexedDB open). */
export async function measureScale(context, origin, { reps, openId }) {
	await context.addInitScript(watchFirstRender);
	log(`scale: library and open, ${reps} navigations each, against raw Dexie pages`);
	const out = { library: [], libraryRaw: [], open: [], openRaw: [], actions: [], insights: [], allRaw: [] };
	for (let r = -1; r < reps; r++) {
		const a = await timeApp(context, `${origin}/`, 'row');
		const b = await timeRaw(context, `${origin}/__bench/raw.html`);
		const c = await timeApp(context, `${origin}/p/${openId}`, 'field');
		const d = await timeRaw(context, `${origin}/__bench/raw.html?id=${encodeURIComponent(openId)}`);
		// The Actions and Insights pages read every whole postmortem: their reference reads them all.
		const e = await timeApp(context, `${origin}/actions?show=all`, 'action');
		const f = await timeApp(context, `${origin}/insights?from=2000-01`, 'insights');
		const g = await timeRaw(context, `${origin}/__bench/raw.html?all=1`);
		if (r < 0) continue;
		out.library.push(a);
		out.libraryRaw.push(b);
		out.open.push(c);
		out.openRaw.push(d);
		out.actions.push(e);
		out.insights.push(f);
		out.allRaw.push(g);
	}
	return out;
}

const TEXT = 'The saturation was not visible on the dashboard yet ';

/**
 * Typing latency: from each keydown's timestamp to the end of the next rendered frame (the task
 * after the animation frame that follows the key), for `keys` keystrokes into a long text field.
 * Keys come at about 10 per second, with a pause every 10 keys so autosave runs in between.
 */
export async function measureTyping(context, origin, { id, field, keys }) {
	log(`typing: ${keys} keystrokes in ${field} of a 2,000-entry postmortem`);
	const page = await context.newPage();
	try {
		await page.goto(`${origin}/p/${id}/impact`);
		const input = page.locator(`#${field}`);
		await input.waitFor({ timeout: 60_000 });
		await sleep(500);
		await page.evaluate((field) => {
			const el = document.getElementById(field);
			el.focus();
			el.setSelectionRange(el.value.length, el.value.length);
			window.__lat = [];
			addEventListener(
				'keydown',
				(e) => {
					const t0 = e.timeStamp;
					requestAnimationFrame(() => {
						const ch = new MessageChannel();
						ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
						ch.port2.postMessage(0);
					});
				},
				true
			);
		}, field);
		const before = (await input.inputValue()).length;
		for (let k = 0; k < keys; k++) {
			await page.keyboard.press(TEXT[k % TEXT.length] === ' ' ? 'Space' : TEXT[k % TEXT.length]);
			await page.waitForFunction((n) => window.__lat.length >= n, k + 1, { polling: 10, timeout: 10_000 });
			await sleep((k + 1) % 10 === 0 ? 450 : 90);
		}
		const lat = await page.evaluate(() => window.__lat);
		const after = (await input.inputValue()).length;
		if (after - before !== keys) throw new Error(`typed ${keys} keys but the field grew by ${after - before}`);
		await page
			.getByTestId('save-status')
			.filter({ hasText: /^Saved$/ })
			.waitFor({ timeout: 15_000 });
		return { lat, chars: after };
	} finally {
		await page.close();
	}
}
