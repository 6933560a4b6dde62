/// <reference lib="webworker" />
// The library's full-text index (MiniSearch), built and queried off the main thread: a message
// sets every document, puts or removes one as postmortems are saved, or asks a query.
import MiniSearch from 'minisearch';
import { matchPassage, type SearchDocument } from '$lib/domain/search';
import type { SearchReply, SearchRequest } from './search-index';

const index = new MiniSearch<SearchDocument>({
	fields: ['title', 'text', 'people', 'labels'],
	storeFields: [],
	searchOptions: { boost: { title: 3, labels: 2, people: 1.5 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' }
});
const docs = new Map<string, SearchDocument>();

function put(doc: SearchDocument) {
	if (docs.has(doc.id)) index.replace(doc);
	else index.add(doc);
	docs.set(doc.id, doc);
}

self.onmessage = (e: MessageEvent<SearchRequest>) => {
	const r = e.data;
	if (r.type === 'set') {
		index.removeAll();
		docs.clear();
		index.addAll(r.docs);
		for (const d of r.docs) docs.set(d.id, d);
		self.postMessage({ type: 'ready', count: docs.size } satisfies SearchReply);
	} else if (r.type === 'put') put(r.doc);
	else if (r.type === 'remove') {
		if (docs.has(r.id)) index.discard(r.id);
		docs.delete(r.id);
	} else {
		const hits = index
			.search(r.query)
			.map((h) => ({ id: String(h.id), passage: matchPassage(docs.get(String(h.id))?.fields ?? [], h.terms) }));
		self.postMessage({ type: 'results', seq: r.seq, hits } satisfies SearchReply);
	}
};
