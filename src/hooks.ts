import type { Reroute } from '@sveltejs/kit';

/**
 * A path with a malformed percent-escape (a mistyped or truncated link, e.g. `/p/%E0%A4%A`) would
 * stop SvelteKit's router with an error and leave the page blank. Such a path is routed as if each
 * `%` were literal, so it opens the page it names: for a postmortem id, "Postmortem not found".
 */
export const reroute: Reroute = ({ url }) => {
	try {
		decodeURI(url.pathname);
	} catch {
		return url.pathname.replaceAll('%', '%25');
	}
};
