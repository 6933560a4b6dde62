// Timings of the app's own code paths, called in the bench harness page (same origin as the app)
// and timed there with performance.now().
import { log } from './util.mjs';

export async function openHarness(context, origin) {
	const page = await context.newPage();
	page.on('pageerror', (e) => log('harness page error:', e.message));
	await page.goto(`${origin}/__bench/`);
	await page.waitForFunction(() => window.benchReady, null, { timeout: 30_000 });
	return page;
}

export async function measureAutosave(browser, origin, { reps }) {
	log(`autosave: ${reps} edits of a 50-entry postmortem vs raw IndexedDB puts`);
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await openHarness(context, origin);
		return await page.evaluate((reps) => window.bench.autosave(reps, 50, 8), reps);
	} finally {
		await context.close();
	}
}

export async function measureExportPreview(browser, origin, { reps }) {
	log(`export and preview: 2,000-entry postmortem, ${reps} repetitions`);
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await openHarness(context, origin);
		const x = await page.evaluate((reps) => window.bench.exportPreview(reps, 2000, 8), reps);
		let diagnosis;
		try {
			diagnosis = await page.evaluate(() => window.bench.diagnose(2000));
		} catch (e) {
			log(`diagnosis failed: ${e.message}`);
		}
		return { ...x, diagnosis };
	} finally {
		await context.close();
	}
}

/**
 * Import a JSON bundle through the app's import path (file → readImportFile → storeImport) and
 * find the peak JS heap: V8 cannot answer a heap query while the import runs synchronously, so the
 * peak is the largest of the heap sizes V8 reports at each garbage collection during the import
 * (from a trace), the samples taken whenever the page yields, and the size at the end.
 */
export async function importBundle(browser, page, count, from = 0) {
	const prepared = await page.evaluate(([n, from]) => window.bench.prepareBundle(n, 50, 8, from), [count, from]);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const base = (await cdp.send('Runtime.getHeapUsage')).usedSize;
	await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-v8.gc'] });
	let done = false;
	let peak = base;
	const running = page.evaluate(() => window.bench.runImport()).finally(() => (done = true));
	while (!done) {
		try {
			peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
		} catch {
			break;
		}
		await new Promise((r) => setTimeout(r, 25));
	}
	const result = await running;
	peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
	const trace = JSON.parse((await browser.stopTracing()).toString());
	for (const e of trace.traceEvents ?? trace) {
		const before = e.args?.usedHeapSizeBefore ?? e.args?.data?.usedHeapSizeBefore;
		if (typeof before === 'number') peak = Math.max(peak, before);
	}
	await cdp.detach();
	return { ...result, bytes: prepared.bytes, baseHeap: base, peakHeap: peak };
}

export async function measureChatLog(browser, origin, { count, reps }) {
	log(`chat log: ${count.toLocaleString('en')} messages read by the picker (worker), ${reps} repetitions, then scrolled through`);
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await openHarness(context, origin);
		return await page.evaluate(([count, reps]) => window.bench.chatLog(count, reps), [count, reps]);
	} finally {
		await context.close();
	}
}

export async function measureCompactTimeline(browser, origin, { count, keys }) {
	log(`compact timeline: ${count.toLocaleString('en')} entries, ${keys} keystrokes in an entry, then scrolled through`);
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await openHarness(context, origin);
		return await page.evaluate(([count, keys]) => window.bench.compactTimeline(count, keys), [count, keys]);
	} finally {
		await context.close();
	}
}

export async function measureSearch(browser, origin, { count }) {
	log(`search: index of ${count.toLocaleString('en')} postmortems built, then queries typed letter by letter`);
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await openHarness(context, origin);
		return await page.evaluate((count) => window.bench.search(count, 50), count);
	} finally {
		await context.close();
	}
}
