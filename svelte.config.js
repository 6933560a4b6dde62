import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR lets the e2e suite build a second version of the app beside the first.
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: '200.html'
		}),
		// The service worker is built by @vite-pwa/sveltekit (Workbox), not SvelteKit's own.
		serviceWorker: { register: false },
		paths: { relative: false },
		// Strict CSP as a meta tag: hashed inline scripts only, no eval, nothing from other origins.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// The hash is src/app.html's one inline script. It touches sessionStorage while the HTML
				// parses and the page waits for its scripts anyway: the first use of sessionStorage in a
				// tab costs up to ~12 ms, which SvelteKit's start would otherwise pay in its longest task.
				'script-src': ['self', 'sha256-xDo66yV7ZYveVj5wXWBkMbG2IKYvirm8uJ4ANK7Kv9w='],
				// SvelteKit's route announcer sets a style attribute, so inline styles stay allowed (scripts do not).
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'frame-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
