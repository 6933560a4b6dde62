// Builds the bench harness (bench/harness/*.html) against the app's own modules through `$lib`.
// BENCH_APP_SRC points at the app copy being benchmarked; BENCH_HARNESS_OUT is where the build goes.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const appSrc = process.env.BENCH_APP_SRC ?? resolve(here, '../../src');

export default defineConfig({
	root: here,
	base: '/__bench/',
	logLevel: 'warn',
	plugins: [svelte({ configFile: false })],
	resolve: { alias: { $lib: resolve(appSrc, 'lib') } },
	define: { __APP_VERSION__: JSON.stringify('bench') },
	build: {
		outDir: process.env.BENCH_HARNESS_OUT ?? resolve(here, '../.tmp/harness'),
		emptyOutDir: true,
		target: 'es2022',
		rollupOptions: { input: { index: resolve(here, 'index.html'), raw: resolve(here, 'raw.html') } }
	}
});
