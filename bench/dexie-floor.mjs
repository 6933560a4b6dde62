#!/usr/bin/env node
// `npm run bench:dexie`: what the autosave target (at most 2× a raw put) can reach at best. It
// times, interleaved in random order on one page, the writes a save makes (a revision check and the
// postmortem and its library row in one transaction), done with raw IndexedDB and with Dexie, next
// to the bench's reference (one raw put) and Dexie's single put. No app code runs: the gap between
// "raw save" and "Dexie save" is Dexie's own cost, which the app cannot shed while every write
// goes through Dexie. Environment: FLOOR_REPS (rounds per case, default 200), CHROMIUM_PATH.
import { mkdtempSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './lib/server.mjs';
import { CHROMIUM_ARGS, chromiumPath, log, median, require, round } from './lib/util.mjs';

const REPS = Number(process.env.FLOOR_REPS ?? 200);

// The page: Dexie's own ES module build, and the writes of repository.save() without the app.
const PAGE = `<!doctype html><meta charset="utf-8"><title>Dexie floor</title><script type="module">
import Dexie from './dexie.mjs';
const doc = (i) => ({ id: 'pm', title: 'Payments outage ' + i, summary: 'A summary. '.repeat(200) + i, revision: i,
  timeline: Array.from({ length: 50 }, (_, k) => ({ id: 'e' + k, at: '2026-01-01T10:' + String(k).padStart(2, '0'), who: 'Ann', what: 'Something was seen in the dashboards. '.repeat(3), milestone: '', link: '' })),
  correctiveActions: Array.from({ length: 8 }, (_, k) => ({ id: 'a' + k, title: 'Add a check ' + k, owner: 'Bob', dueDate: '2026-02-01', status: 'open' })) });
const row = (d) => ({ id: d.id, title: d.title, incidentDate: '', severity: 'sev2', status: 'draft', updatedAt: new Date().toISOString(), revision: d.revision, filled: 3, total: 11 });
const stores = { postmortems: 'id', summaries: 'id, updatedAt', meta: 'key' };
window.measure = async (reps) => {
  const d = new Dexie('floor'); d.version(1).stores(stores); await d.open();
  const raw = await new Promise((resolve, reject) => { const r = indexedDB.open('floor-raw', 1);
    r.onupgradeneeded = () => { r.result.createObjectStore('postmortems', { keyPath: 'id' }); r.result.createObjectStore('summaries', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt'); };
    r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const rawTx = (names, fn) => new Promise((resolve, reject) => { const tx = raw.transaction(names, 'readwrite'); fn(tx); tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); });
  const cases = {
    'raw put (the bench reference)': (o) => rawTx(['postmortems'], (tx) => tx.objectStore('postmortems').put(o)),
    'raw save (check + 2 puts)': (o) => rawTx(['postmortems', 'summaries'], (tx) => { tx.objectStore('summaries').get(o.id); tx.objectStore('postmortems').put(o); tx.objectStore('summaries').put(row(o)); }),
    'Dexie put': (o) => d.postmortems.put(o),
    'Dexie save (check + 2 puts)': (o) => d.transaction('rw', d.postmortems, d.summaries, async () => { await Promise.all([d.summaries.get(o.id), d.postmortems.put(o), d.summaries.put(row(o))]); }),
  };
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = -5; r < reps; r++)
    for (const k of Object.keys(cases).sort(() => Math.random() - 0.5)) {
      const o = doc(r); const t0 = performance.now(); await cases[k](o); const t = performance.now() - t0;
      if (r >= 0) times[k].push(t);
    }
  return times;
};
</script>`;

const dir = mkdtempSync(join(tmpdir(), 'dexie-floor-'));
copyFileSync(require.resolve('dexie/dist/dexie.mjs'), join(dir, 'dexie.mjs'));
writeFileSync(join(dir, 'index.html'), PAGE);
const server = await serve(dir, { fallback: 'index.html', gzip: false });
const { chromium } = await import('@playwright/test');
const browser = await chromium.launch({ executablePath: chromiumPath(chromium), args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage();
	await page.goto(`${server.origin}/`);
	await page.waitForFunction(() => 'measure' in window);
	log(`${REPS} rounds, each case once per round in random order`);
	const times = await page.evaluate((reps) => window.measure(reps), REPS);
	// The page's clock ticks in 0.1 ms steps (no cross-origin isolation): the mean of the middle half
	// of the times smooths that out where a median would land on a step.
	const middle = (xs) => {
		const s = [...xs].sort((a, b) => a - b).slice(xs.length >> 2, xs.length - (xs.length >> 2));
		return s.reduce((a, b) => a + b, 0) / s.length;
	};
	const ref = middle(times['raw put (the bench reference)']);
	console.log('| writes | median (ms) | mean of the middle half (ms) | × raw put |\n|---|---:|---:|---:|');
	for (const [k, xs] of Object.entries(times))
		console.log(`| ${k} | ${round(median(xs))} | ${round(middle(xs))} | ${round(middle(xs) / ref)}× |`);
} finally {
	await browser.close();
	await server.close();
	rmSync(dir, { recursive: true, force: true });
}
