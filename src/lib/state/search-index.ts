import type { SearchDocument, SearchPassage } from '$lib/domain/search';
import SearchWorker from './search.worker?worker';

/** What the page asks the search worker. */
export type SearchRequest =
	| { type: 'set'; docs: SearchDocument[] }
	| { type: 'put'; doc: SearchDocument }
	| { type: 'remove'; id: string }
	| { type: 'query'; seq: number; query: string };

/** What the search worker answers. */
export type SearchReply = { type: 'ready'; count: number } | { type: 'results'; seq: number; hits: SearchHit[] };

/** A postmortem that matches a search, best first, with the passage that matched. */
export interface SearchHit {
	id: string;
	passage?: SearchPassage;
}

/** The library's full-text index, in a worker: typo-tolerant, prefix-matching, updated one postmortem at a time. */
export class SearchIndex {
	private worker = new SearchWorker();
	private seq = 0;
	private waiting = new Map<number, (hits: SearchHit[]) => void>();
	private built: Promise<number>;
	private onBuilt: (count: number) => void = () => {};

	constructor() {
		this.built = new Promise((resolve) => (this.onBuilt = resolve));
		this.worker.onmessage = (e: MessageEvent<SearchReply>) => {
			const r = e.data;
			if (r.type === 'ready') this.onBuilt(r.count);
			else {
				this.waiting.get(r.seq)?.(r.hits);
				this.waiting.delete(r.seq);
			}
		};
	}

	/** Index these documents (replacing any before); resolves once the index is built. */
	set(docs: SearchDocument[]): Promise<number> {
		this.worker.postMessage({ type: 'set', docs } satisfies SearchRequest);
		return this.built;
	}

	/** Add or update one document. */
	put(doc: SearchDocument): void {
		this.worker.postMessage({ type: 'put', doc } satisfies SearchRequest);
	}

	remove(id: string): void {
		this.worker.postMessage({ type: 'remove', id } satisfies SearchRequest);
	}

	/** The postmortems matching `query`, best first. */
	query(query: string): Promise<SearchHit[]> {
		const seq = ++this.seq;
		this.worker.postMessage({ type: 'query', seq, query } satisfies SearchRequest);
		return new Promise((resolve) => this.waiting.set(seq, resolve));
	}

	stop(): void {
		this.worker.terminate();
	}
}
