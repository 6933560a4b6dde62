// The smallest SvelteKit static SPA, configured like the app (adapter-static with a 200.html fallback,
// no SSR): the baseline the bench compares the app's first-load bytes with.
import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html' }),
		paths: { relative: false }
	}
};
