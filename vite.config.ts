import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDir } from './svelte.config.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Modules only the postmortem pages (editor, meeting, preview) load up front. */
const EDITOR_ONLY =
	/src[\\/]lib[\\/](state[\\/](editor|context|exporter|meeting|analysis|lists)|components[\\/](EditorHeader|ExportMenu|SaveIndicator)|domain[\\/](template|metrics|markdown|language))/;

/** The parts of SvelteKit's built server manifest read here: each route's layout, error and page nodes. */
interface BuiltRoutes {
	_: {
		routes: Array<{
			pattern: RegExp;
			page: { layouts: Array<number | undefined>; errors: Array<number | undefined>; leaf: number } | null;
		}>;
	};
}

/** Vite's build manifest (https://vite.dev/guide/backend-integration): each chunk's file, static imports and CSS. */
type ViteManifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

/**
 * Every page of this static app starts from the one fallback page, which names only the app's
 * entry files; a page's own files (its layouts' and page's code and styles) are requested only once
 * SvelteKit's start has run, a second round of loading. Once the adapter has written the fallback,
 * this fills in its list of each route's own files (app.html's `route-files` block), which
 * app.html's inline script preloads for the page being opened while the HTML parses.
 */
function routeFiles(): Plugin {
	let ssr = false;
	let root = '';
	return {
		name: 'postmortem-workbench:route-files',
		apply: 'build',
		configResolved(config) {
			ssr = !!config.build.ssr;
			root = config.root;
		},
		closeBundle: {
			sequential: true,
			async handler() {
				if (!ssr) return; // the adapter runs at the end of the server build
				const output = join(root, '.svelte-kit', 'output');
				const { manifest } = (await import(pathToFileURL(join(output, 'server', 'manifest.js')).href)) as { manifest: BuiltRoutes };
				const client = JSON.parse(readFileSync(join(output, 'client', '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
				const page = join(root, buildDir, '200.html');
				const html = readFileSync(page, 'utf8');
				/** A node's JS and CSS files, with everything they import statically. */
				const filesOf = (key: string, out: Set<string>) => {
					const chunk = client[key];
					if (!chunk || out.has(chunk.file)) return;
					out.add(chunk.file);
					for (const css of chunk.css ?? []) out.add(css);
					for (const dep of chunk.imports ?? []) filesOf(dep, out);
				};
				const files: string[] = [];
				const routes = manifest._.routes.flatMap((route) => {
					if (!route.page) return [];
					const { layouts, errors, leaf } = route.page;
					const own = new Set<string>();
					for (const n of [...layouts, ...errors, leaf])
						if (n !== undefined) filesOf(`.svelte-kit/generated/client-optimized/nodes/${n}.js`, own);
					// What the fallback page already loads (the entry, the root layout) is left out.
					const ids = [...own]
						.filter((f) => !html.includes(`"/${f}"`))
						.map((f) => (files.includes(f) ? files.indexOf(f) : files.push(f) - 1));
					return [[route.pattern.source, ids]];
				});
				if (!files.some((f) => f.includes('/nodes/'))) throw new Error('route-files: found no page files in the build manifests');
				const empty = '<script type="application/json" id="route-files">{"files":[],"routes":[]}</script>';
				if (!html.includes(empty)) throw new Error(`route-files: ${page} has no empty route-files block to fill in`);
				const data = JSON.stringify({ files, routes }).replace(/</g, '\\u003c');
				writeFileSync(page, html.replace(empty, empty.replace('{"files":[],"routes":[]}', data)));
			}
		}
	};
}

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
				// 78 KB gzip, 82 instead of 94): the bench's byte count shows when this list goes stale.
				codeSplitting: {
					groups: [
						{ name: 'shared', tags: ['$initial'], minShareCount: 2, priority: 2, test: (id: string) => !EDITOR_ONLY.test(id) },
						{ name: 'editor', tags: ['$initial'], minShareCount: 2, priority: 1 }
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
		sveltekit(),
		routeFiles(),
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
