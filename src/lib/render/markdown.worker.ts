/// <reference lib="webworker" />
// Parses Markdown off the main thread, so pathological input can be timed out without freezing typing.
import { marked } from 'marked';

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Raw HTML typed into a postmortem is shown as the text it is, never parsed as markup.
marked.use({ renderer: { html: ({ text }) => escapeHtml(text) } });

self.onmessage = (e: MessageEvent<{ id: number; markdown: string }>) => {
	const { id, markdown } = e.data;
	try {
		const html = marked.parse(markdown, { gfm: true, async: false }) as string;
		self.postMessage({ id, html });
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
};
