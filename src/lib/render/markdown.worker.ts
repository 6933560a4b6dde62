/// <reference lib="webworker" />
// Parses Markdown off the main thread, so pathological input can be timed out without freezing typing.
import { marked } from 'marked';

self.onmessage = (e: MessageEvent<{ id: number; markdown: string }>) => {
	const { id, markdown } = e.data;
	try {
		const html = marked.parse(markdown, { gfm: true, async: false }) as string;
		self.postMessage({ id, html });
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
};
