import { searchDocument } from '$lib/domain/search';
import { exportAll, get, type PostmortemSummary } from '$lib/storage';
import { SearchIndex, type SearchHit } from './search-index';

/**
 * The library's full-text search: loaded the first time someone searches. It indexes every stored
 * postmortem once (in a worker), then follows the library's rows, re-indexing only the postmortems
 * whose revision changed and dropping deleted ones, so the index is never rebuilt from scratch.
 */
export class LibrarySearch {
	/** The hits of the last query answered, best first, and the query they answer. */
	results: { query: string; hits: SearchHit[] } | undefined = $state.raw();
	private index = new SearchIndex();
	/** id → revision of what the index holds. */
	private indexed = new Map<string, number>();
	private ready: Promise<void>;
	private asked = '';

	constructor() {
		this.ready = exportAll().then(async (all) => {
			for (const pm of all) this.indexed.set(pm.id, pm.revision);
			await this.index.set(all.map(searchDocument));
		});
	}

	/** Bring the index in line with the library's rows (after a save here or in another tab, an import, a delete). */
	async follow(rows: readonly PostmortemSummary[]): Promise<void> {
		await this.ready;
		const current = new Set(rows.map((r) => r.id));
		let changed = false;
		for (const id of [...this.indexed.keys()])
			if (!current.has(id)) {
				this.indexed.delete(id);
				this.index.remove(id);
				changed = true;
			}
		for (const r of rows) {
			if (this.indexed.get(r.id) === r.revision) continue;
			const pm = await get(r.id);
			// Gone meanwhile, or an older read than one already indexed.
			if (!pm || (this.indexed.get(pm.id) ?? -1) > pm.revision) continue;
			this.indexed.set(pm.id, pm.revision);
			this.index.put(searchDocument(pm));
			changed = true;
		}
		if (changed && this.asked) void this.search(this.asked);
	}

	/** Search; `results` follows once the index answers (an older query's answer never replaces a newer one's). */
	async search(query: string): Promise<void> {
		this.asked = query;
		await this.ready;
		const hits = await this.index.query(query);
		if (this.asked === query) this.results = { query, hits };
	}

	stop(): void {
		this.index.stop();
	}
}
