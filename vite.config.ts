import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** A route file of a page other than a postmortem's (the library, settings, the root layout, errors). */
const LIBRARY_SIDE_ROUTE = /[\\/]src[\\/]routes[\\/](?!p[\\/])[^?]*\.svelte$/;
/**
 * A route file the library's first load holds: the library page, the root layout (every page's) and
 * the error page. What these load up front is the chunk every page loads; what only other pages
 * share (settings, actions) is split by Rolldown, so a new page does not grow the library's load.
 */
const FIRST_LOAD_ROUTE = /[\\/]src[\\/]routes[\\/]\+(page|layout|error)\.svelte$/;

/** The part of Rolldown's chunking context used here (its public getModuleInfo). */
type ChunkGraph = { getModuleInfo(id: string): { importers: readonly string[]; dynamicImporters: readonly string[] } | null };

/**
 * Whether the pages other than a postmortem's load `id`: some chain of importers in the build's
 * module graph leads from one of their route files to it, through static imports only (`lazily`
 * false: they load it up front) or through dynamic ones too (`lazily` true: they may load it on
 * demand, as the library loads Dexie and the restore path). Worked out from the graph, so it
 * cannot go stale when a file is added, moved or renamed (a list of editor modules did).
 */
function libraryLoads(id: string, graph: ChunkGraph, lazily: boolean, seen: Map<string, boolean>, routes = LIBRARY_SIDE_ROUTE): boolean {
	const known = seen.get(id);
	if (known !== undefined) return known;
	const visited = new Set<string>();
	const search = (m: string): boolean => {
		const k = seen.get(m);
		if (k !== undefined) return k;
		if (visited.has(m)) return false; // a cycle adds nothing
		visited.add(m);
		if (routes.test(m)) return true;
		const info = graph.getModuleInfo(m);
		return [...(info?.importers ?? []), ...(lazily ? (info?.dynamicImporters ?? []) : [])].some(search);
	};
	const found = search(id);
	// Only when no route was found is every module met on the way known not to reach one: a "no" met
	// inside an import cycle holds only until the module that closed the cycle has its answer.
	if (found) seen.set(id, true);
	else for (const m of visited) seen.set(m, false);
	return found;
}
/** libraryLoads' answers for the build under way. */
let upFront = new Map<string, boolean>();
let onDemand = new Map<string, boolean>();

export default defineConfig({
	build: {
		rolldownOptions: {
			// Chromium's explicit compile hint: compile every function of each chunk as the file streams
			// in, off the main thread, instead of each on its first call in the middle of the app's first
			// tasks (and keep them in the code cache). Lighthouse A/B on the editor, 6 pairs: total
			// blocking time 129 -> 60 ms median, every pair better; the library 79 -> 56 ms.
			output: {
				postBanner: '//# allFunctionsCalledOnLoad',
				// Fewer, larger files: each file costs the page a few ms even from the HTTP cache (in this
				// Chromium on a 2-core machine: ~60 ms for 1 cached file, ~90 ms for 15, ~125 ms for 30).
				// Code that two or more pages load up front goes into one chunk for every page, except the
				// editor's own, which goes into one for the postmortem pages; the rest stays split by
				// Rolldown (each page's own code, and whatever loads on demand). The library then loads 7
				// JS files instead of 20, the editor 8 instead of 26, with fewer bytes (74 KB instead of
				// 78 KB gzip, 82 instead of 94). Whether a module is the editor's own comes from the module graph
				// (libraryLoads); the regex list it replaced gave the same chunks (bench:ab: 77.4 KB both).
				codeSplitting: {
					groups: [
						{
							name: (id, graph) => (libraryLoads(id, graph, false, upFront, FIRST_LOAD_ROUTE) ? 'shared' : null),
							tags: ['$initial'],
							minShareCount: 2,
							priority: 2
						},
						// Not what the library may load on demand: that would bring the whole editor chunk along.
						// A group also takes its modules' dependencies: one that editor-only code imports and no
						// first load claims (domain/limits.ts) lands here, and a settings or actions module that
						// imports it makes that page load this whole chunk (bench/README.md, 2026-12-08).
						{
							name: (id, graph) => (libraryLoads(id, graph, true, onDemand) ? null : 'editor'),
							tags: ['$initial'],
							minShareCount: 2,
							priority: 1
						}
					]
				}
			},
			// src/lib/domain is pure (no DOM, no globals, nothing runs on import), so a page that imports
			// one thing through the domain barrel does not load the rest: the editor's first load then
			// leaves out the export and import code it only needs on a click.
			treeshake: { moduleSideEffects: (id: string) => (/[\\/]src[\\/]lib[\\/]domain[\\/]/.test(id) ? false : undefined) }
		}
	},
	define: {
		__APP_VERSION__: JSON.stringify(process.env.APP_VERSION ?? pkg.version)
	},
	plugins: [
		// The reachability worked out by libraryLoads holds for one build's module graph.
		{ name: 'postmortem-workbench:chunk-graph', buildStart: () => void ((upFront = new Map()), (onDemand = new Map())) },
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			registerType: 'prompt',
			// We register the worker ourselves with workbox-window (src/lib/pwa.ts).
			injectRegister: false,
			kit: { adapterFallback: '200.html', spa: true },
			includeAssets: ['favicon.svg', 'favicon-32.png', 'icons/*.png', 'icons/*.svg'],
			manifest: {
				name: 'Postmortem Workbench',
				short_name: 'Postmortems',
				description: 'Write blameless incident postmortems in your browser, offline and private.',
				theme_color: '#2f5d50',
				background_color: '#fbfaf7',
				display: 'standalone',
				start_url: '/',
				scope: '/',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			},
			workbox: {
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest}'],
				// README screenshots are not part of the app.
				globIgnores: ['**/screenshots/**'],
				navigateFallback: '/200.html',
				cleanupOutdatedCaches: true,
				// User data lives in IndexedDB only: no runtime caching of anything.
				runtimeCaching: []
			}
		})
	],
	test: {
		// Named by where they run: `vitest run` (npm run test:unit) runs both.
		projects: [
			{
				extends: true,
				test: { name: 'unit-node', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/unit/setup.ts'] }
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component-jsdom',
					include: ['tests/component/**/*.test.ts'],
					environment: 'jsdom',
					// jest-dom's matchers; the setup lives under src/ so svelte-check sees their types.
					setupFiles: ['src/lib/test-setup/jest-dom.ts', 'tests/component/setup.ts']
				}
			}
		]
	}
});
