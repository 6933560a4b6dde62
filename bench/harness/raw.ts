// The raw reference page: only Dexie, reading the same rows the app's library (or editor, or Actions
// and Insights pages) reads.
// Loaded fresh like the app, so "navigation start → rows in memory" compares with the app's
// "navigation start → first row rendered".
import Dexie from 'dexie';

declare global {
	interface Window {
		rawDone?: { at: number; readMs: number; rows: number; error?: string };
	}
}

const params = new URLSearchParams(location.search);
const d = new Dexie('postmortem-workbench');
const t0 = performance.now();
d.open()
	.then(async () => {
		const id = params.get('id');
		// ?all=1: every whole postmortem, as the Actions and Insights pages read them.
		const rows = id
			? (await d.table('postmortems').get(id))
				? 1
				: 0
			: params.has('all')
				? (await d.table('postmortems').toArray()).length
				: (await d.table('summaries').toArray()).length;
		const at = performance.now();
		window.rawDone = { at, readMs: at - t0, rows };
	})
	.catch((e) => (window.rawDone = { at: performance.now(), readMs: 0, rows: 0, error: String(e) }))
	// The bench listens for this line rather than polling the page (see bench/lib/ui.mjs).
	.finally(() => console.debug(`bench-raw ${JSON.stringify(window.rawDone)}`));
