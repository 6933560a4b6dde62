import type { ClientInit } from '@sveltejs/kit';
import { prefetch } from '$lib/storage';

/**
 * Runs once as the app starts, before any page's code has loaded. When the app starts on a
 * postmortem's page, reading that postmortem (and opening the database) begins here, so it runs
 * while the editor's code is still arriving instead of after it.
 */
export const init: ClientInit = () => {
	const opening = /^\/p\/([^/]+)/.exec(location.pathname);
	if (!opening) return;
	try {
		prefetch(decodeURIComponent(opening[1]));
	} catch {
		// A malformed address: no early read. Starting the app must never fail here.
	}
};
