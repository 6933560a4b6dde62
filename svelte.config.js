import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: '200.html' }),
		// The service worker is built by @vite-pwa/sveltekit (Workbox), not SvelteKit's own.
		serviceWorker: { register: false },
		paths: { relative: false }
	}
};

export default config;
