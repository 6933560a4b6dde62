#!/usr/bin/env node
// `npm run bench:ab -- <ref> [<ref>]`: an interleaved A/B of two versions of the app, for deciding
// whether a speed trick stays (see bench/README.md). A is the git ref given first (a commit, a
// branch, HEAD~1); B is the second ref or, when there is none, the working tree. Both are built in
// scratch copies under bench/.tmp/ab, served side by side on 127.0.0.1, stocked with the same 1,000
// postmortems through each one's own import, and measured in alternation (A then B, then B then
// A, ...), so a change in the machine's speed during the run falls on both alike. It prints each
// figure's median for A and B, B / A, and the spread of the per-round differences; it never fails.
//
// Environment: AB_ROUNDS (navigations per side, default 15), AB_KEYS (keystrokes per side,
// default 80), AB_AUTOSAVE (edits per side, default 40), CHROMIUM_PATH.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { buildAll, killBuilds } from './lib/build.mjs';
import { serve } from './lib/server.mjs';
import { firstLoad } from './lib/bytes.mjs';
import { importBundle, openHarness } from './lib/inpage.mjs';
import { measureTyping, timeApp, timeRaw, watchFirstRender } from './lib/ui.mjs';
import { CHROMIUM_ARGS, chromiumPath, log, median, percentile, round } from './lib/util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const root = join(here, '.tmp', 'ab');
const [refA = 'HEAD', refB] = process.argv.slice(2);
const ROUNDS = Number(process.env.AB_ROUNDS ?? 15);
const KEYS = Number(process.env.AB_KEYS ?? 80);
const AUTOSAVE = Number(process.env.AB_AUTOSAVE ?? 40);
/** AB_ONLY=autosave,navigation,typing,bytes measures only those parts. */
const ONLY = new Set((process.env.AB_ONLY ?? 'bytes,autosave,navigation,typing').split(','));

/** The sources of `ref` as a plain folder (git archive), inside the repo so packages resolve from its node_modules. */
function checkout(ref, dir) {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const tar = execFileSync('git', ['archive', '--format=tar', ref], { cwd: repo, maxBuffer: 1 << 30 });
	execFileSync('tar', ['-x', '-C', dir], { input: tar });
	return dir;
}

async function side(name, ref) {
	const source = ref ? checkout(ref, join(root, `${name}-src`)) : repo;
	log(`${name}: building ${ref ?? 'the working tree'}`);
	const built = await buildAll({ repo, work: join(root, name), source, fixture: false });
	const server = await serve(built.site);
	return { name, label: ref ?? 'working tree', server, origin: server.origin };
}

/** Per-round differences B - A: their median and the spread (p10-p90), to set against the medians. */
function compare(a, b) {
	const n = Math.min(a.length, b.length);
	const diffs = Array.from({ length: n }, (_, i) => b[i] - a[i]);
	const better = diffs.filter((d) => d < 0).length;
	return {
		a: median(a),
		b: median(b),
		ratio: median(b) / median(a),
		diff: median(diffs),
		p10: percentile(diffs, 10),
		p90: percentile(diffs, 90),
		better,
		n
	};
}

async function main() {
	const { chromium } = await import('@playwright/test');
	const sides = [await side('A', refA), await side('B', refB)];
	const browser = await chromium.launch({ executablePath: chromiumPath(chromium), args: CHROMIUM_ARGS });
	const results = {};
	const add = (figure, unit, a, b) => (results[figure] = { unit, ...compare(a, b) });
	try {
		// Bytes: what each first screen downloads (gzip), one load each.
		if (ONLY.has('bytes')) {
			const seed = (p) => p.evaluate(() => window.bench.seed(0, 3, 50, 8));
			for (const [figure, path, ready] of [
				['library first-load JS (KB gzip)', '/', 'ul[aria-label="Postmortems"] a[href^="/p/"]'],
				['editor first-load JS (KB gzip)', '/p/bench-1', '#step-heading']
			]) {
				const kb = [];
				for (const s of sides) kb.push([(await firstLoad(browser, { origin: s.origin, path, ready, seed })).js / 1024]);
				add(figure, 'KB', kb[0], kb[1]);
			}
		}

		const contexts = [];
		const stock = ONLY.has('navigation') || ONLY.has('typing');
		for (const s of sides) {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			await context.addInitScript(watchFirstRender);
			contexts.push(context);
			if (!stock) continue;
			const page = await openHarness(context, s.origin);
			await page.evaluate(() => window.bench.clear());
			const one = await importBundle(browser, page, 1000);
			if (!one.ok) throw new Error(`${s.name}: import refused: ${one.error}`);
			await page.evaluate(() => window.bench.put(777777, 2000, 8, 6));
			await page.close();
		}

		// Autosave in each harness, in alternating halves.
		const autosave = [[], []];
		const rawPut = [[], []];
		for (let half = 0; half < 2 && ONLY.has('autosave'); half++) {
			for (const i of half ? [1, 0] : [0, 1]) {
				const page = await openHarness(contexts[i], sides[i].origin);
				const r = await page.evaluate((reps) => window.bench.autosave(reps, 50, 8), AUTOSAVE / 2);
				autosave[i].push(...r.app);
				rawPut[i].push(...r.ref);
				await page.close();
			}
		}
		if (ONLY.has('autosave')) {
			add('autosave one edit (ms)', 'ms', autosave[0], autosave[1]);
			add('raw IndexedDB put of it (ms, control)', 'ms', rawPut[0], rawPut[1]);
		}

		// Navigations: the library's first rows and opening one postmortem, alternating which side goes first.
		const t = { library: [[], []], open: [[], []], raw: [[], []] };
		for (let r = -1; r < ROUNDS && ONLY.has('navigation'); r++) {
			for (const i of r % 2 ? [1, 0] : [0, 1]) {
				const c = contexts[i];
				const o = sides[i].origin;
				const lib = await timeApp(c, `${o}/`, 'row');
				const open = await timeApp(c, `${o}/p/bench-500`, 'field');
				const raw = await timeRaw(c, `${o}/__bench/raw.html?id=bench-500`);
				if (r < 0) continue; // warm-up
				t.library[i].push(lib);
				t.open[i].push(open);
				t.raw[i].push(raw);
			}
		}
		if (ONLY.has('navigation')) {
			add('library first rows, 1,000 stored (ms)', 'ms', ...t.library);
			add('open one postmortem (ms)', 'ms', ...t.open);
			add('raw Dexie read of it (ms, control)', 'ms', ...t.raw);
		}

		// Typing in the 2,000-entry postmortem, in alternating quarters.
		const typing = [[], []];
		for (let q = 0; q < 4 && ONLY.has('typing'); q++) {
			for (const i of q % 2 ? [1, 0] : [0, 1]) {
				const r = await measureTyping(contexts[i], sides[i].origin, { id: 'bench-777777', field: 'f-impact', keys: KEYS / 4 });
				typing[i].push(...r.lat);
			}
		}
		if (ONLY.has('typing')) add('typing latency (ms)', 'ms', ...typing);
		if (ONLY.has('typing'))
			results['typing latency p95 (ms)'] = {
				unit: 'ms',
				a: percentile(typing[0], 95),
				b: percentile(typing[1], 95),
				ratio: percentile(typing[1], 95) / percentile(typing[0], 95)
			};
		for (const c of contexts) await c.close();
	} finally {
		await browser.close();
		for (const s of sides) await s.server.close().catch(() => {});
		killBuilds();
	}

	console.log(
		`\nA = ${sides[0].label}, B = ${sides[1].label}; load average ${loadavg()
			.map((x) => x.toFixed(1))
			.join(' ')}`
	);
	console.log('| figure | A median | B median | B / A | B − A per round: median (p10 … p90) | rounds B faster |');
	console.log('|---|---|---|---|---|---|');
	for (const [figure, r] of Object.entries(results)) {
		const spread = r.diff === undefined ? '—' : `${round(r.diff)} (${round(r.p10)} … ${round(r.p90)})`;
		const better = r.better === undefined ? '—' : `${r.better} of ${r.n}`;
		console.log(`| ${figure} | ${round(r.a)} | ${round(r.b)} | ${round(r.ratio)} | ${spread} | ${better} |`);
	}
	if (process.env.BENCH_KEEP !== '1') rmSync(root, { recursive: true, force: true });
}

main().catch((e) => {
	console.error(e);
	killBuilds();
	process.exitCode = 1;
});
