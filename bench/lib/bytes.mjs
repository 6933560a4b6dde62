// First-load bytes: load a page in a fresh context (service workers blocked, so neither the worker
// nor its precache traffic counts), wait until it is rendered and the network is idle, then gzip
// each JavaScript and CSS response body ourselves (zlib level 9), whatever the server sent.
import { gzipSync } from 'node:zlib';
import { log, sleep } from './util.mjs';

function kindOf(url, contentType) {
	const path = new URL(url).pathname;
	if (/\.m?js$/.test(path) || /javascript/.test(contentType)) return 'js';
	if (/\.css$/.test(path) || /text\/css/.test(contentType)) return 'css';
	return undefined;
}

/**
 * The files the page's HTML loads up front for `path`: its module preloads and scripts, and the
 * opened route's own files from the app's `route-files` list (which app.html's inline script
 * preloads). Everything else a first load fetches is asked for by the app's code later.
 */
async function filesNamedUpFront(origin, path) {
	const html = await (await fetch(origin + path)).text();
	const named = new Set([...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="\/([^"]+\.m?js)"/g)].map((m) => m[1]));
	const block = /<script type="application\/json" id="route-files">([\s\S]*?)<\/script>/.exec(html);
	if (block) {
		const list = JSON.parse(block[1]);
		const route = list.routes.find(([pattern]) => new RegExp(pattern).test(path));
		for (const n of route?.[1] ?? []) named.add(list.files[n]);
	}
	return named;
}

/**
 * { js, css, jsUpFront } gzip bytes and the list of files of one first load (each marked with
 * whether the page's HTML names it up front, see filesNamedUpFront).
 * `seed(page)` runs first on the bench harness of the same origin (to store data the page needs).
 */
export async function firstLoad(browser, { origin, path, ready, seed }) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		if (seed) {
			const p = await context.newPage();
			await p.goto(`${origin}/__bench/`);
			await p.waitForFunction(() => window.benchReady);
			await seed(p);
			await p.close();
		}
		const page = await context.newPage();
		const responses = [];
		page.on('response', (r) => responses.push(r));
		await page.goto(origin + path, { waitUntil: 'load' });
		await page.waitForSelector(ready, { timeout: 30_000 });
		await page.waitForLoadState('networkidle');
		await sleep(300);
		const upFront = await filesNamedUpFront(origin, path);
		const files = [];
		for (const r of responses) {
			const url = r.url();
			if (!url.startsWith(origin) || url.includes('/__bench/')) continue;
			const kind = kindOf(url, r.headers()['content-type'] ?? '');
			if (!kind || r.status() !== 200) continue;
			if (/\/(sw\.js|workbox-[^/]*\.js)$/.test(url)) continue;
			// Worker scripts' bodies are not kept by the page; fetch those again from the server.
			const body = await r.body().catch(async () => Buffer.from(await (await fetch(url)).arrayBuffer()));
			const file = new URL(url).pathname.slice(1);
			files.push({ file, kind, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, upFront: upFront.has(file) });
		}
		await page.close();
		const sum = (k) => files.filter((f) => f.kind === k).reduce((a, f) => a + f.gzip, 0);
		files.sort((a, b) => b.gzip - a.gzip);
		// What the first render waits for: the JS the page's HTML names (the rest loads on demand).
		const jsUpFront = files.filter((f) => f.kind === 'js' && f.upFront).reduce((a, f) => a + f.gzip, 0);
		return { js: sum('js'), css: sum('css'), jsUpFront, files };
	} finally {
		await context.close();
	}
}

/**
 * The parts that must load lazily: the Markdown renderer (marked in its worker, DOMPurify), the
 * preview page and facilitation (meeting) mode. Returns [{ name, files }] from the Vite manifest.
 */
export function heavyParts({ manifest, nodeRoutes }) {
	const parts = [];
	const entryFor = (pred) => Object.entries(manifest).find(([k]) => pred(k));
	const render = entryFor((k) => k === 'src/lib/render/render.ts');
	if (render) parts.push({ name: 'renderer (DOMPurify + worker)', files: [render[1].file] });
	for (const [node, routes] of Object.entries(nodeRoutes)) {
		const entry = manifest[node];
		if (!entry) continue;
		if (routes.some((r) => r.includes('/meeting/'))) parts.push({ name: 'facilitation mode', files: [entry.file] });
		if (routes.some((r) => r.includes('/preview/'))) parts.push({ name: 'preview page', files: [entry.file] });
	}
	parts.push({ name: 'Markdown worker (marked)', match: /_app\/immutable\/workers\/markdown\.worker/ });
	return parts;
}

/** Names of heavy parts among the loaded files. */
export function eagerParts(parts, files) {
	const loaded = files.map((f) => f.file);
	return parts.filter((p) => loaded.some((f) => (p.match ? p.match.test(f) : p.files.includes(f)))).map((p) => p.name);
}

export async function measureBytes(browser, { app, fixture, manifest, nodeRoutes }) {
	log('bytes: library, editor, empty app');
	const seed = (p) => p.evaluate(() => window.bench.seed(0, 3, 50, 8));
	const library = await firstLoad(browser, {
		origin: app,
		path: '/',
		ready: 'ul[aria-label="Postmortems"] a[href^="/p/"]',
		seed
	});
	const editor = await firstLoad(browser, { origin: app, path: '/p/bench-1', ready: '#step-heading', seed });
	const empty = await firstLoad(browser, { origin: fixture, path: '/', ready: 'h1' });
	const parts = heavyParts({ manifest, nodeRoutes });
	return {
		library,
		editor,
		empty,
		lazyKnown: parts.length > 1,
		eager: { library: eagerParts(parts, library.files), editor: eagerParts(parts, editor.files) }
	};
}
