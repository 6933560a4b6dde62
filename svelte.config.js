import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Where the built site goes. BUILD_DIR lets the e2e suite build a second version of the app beside the first. */
export const buildDir = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: '200.html' }),
		// The service worker is built by @vite-pwa/sveltekit (Workbox), not SvelteKit's own.
		serviceWorker: { register: false },
		paths: { relative: false },
		// Strict CSP as a meta tag: hashed inline scripts only, no eval, nothing from other origins.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// The hash is src/app.html's one inline script (work started while the HTML parses; see
				// there). A unit test checks the two match.
				'script-src': ['self', 'sha256-SBgPLZcqNEcQdGR3RPiF83re9s+xG3Euv764+36xLok='],
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
