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
				// The hash is src/app.html's one inline script (a one-off browser set-up cost paid while the
				// HTML parses; see there). A unit test checks the two match.
				'script-src': ['self', 'sha256-GODnaN1v5yHIFyI1Zp34bJbQgmc3l/PS9pwIs/pwk3g='],
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
