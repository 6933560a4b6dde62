import MarkdownWorker from './markdown.worker?worker';
import type { PreviewBlock } from './blocks';
import { buildPreview } from './build';

/** Largest document the preview will try to parse; bigger ones are shown as plain text. */
export const MAX_PREVIEW_CHARS = 2_000_000;
/** How long parsing may take before the preview gives up and shows the plain text. */
export const PARSE_TIMEOUT_MS = 3000;

/** The rendered, sanitized document, or the reason the plain text is shown instead. */
export type Rendered = { ok: true; fragment: DocumentFragment } | { ok: false; reason: string };

let worker: Worker | undefined;
let seq = 0;

function parseInWorker(markdown: string): Promise<PreviewBlock[]> {
	worker ??= new MarkdownWorker();
	const w = worker;
	const id = ++seq;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			// A stuck parse cannot be interrupted: throw the worker away and start a fresh one next time.
			w.terminate();
			if (worker === w) worker = undefined;
			reject(new Error('the Markdown took too long to render'));
		}, PARSE_TIMEOUT_MS);
		const onMessage = (e: MessageEvent<{ id: number; blocks?: PreviewBlock[]; error?: string }>) => {
			if (e.data.id !== id) return;
			clearTimeout(timer);
			w.removeEventListener('message', onMessage);
			if (e.data.error !== undefined) reject(new Error(`the Markdown could not be rendered (${e.data.error})`));
			else resolve(e.data.blocks ?? []);
		};
		w.addEventListener('message', onMessage);
		w.postMessage({ id, markdown });
	});
}

/** Markdown to safe DOM: parsed in a worker with a size cap and a time limit, then sanitized and built. */
export async function renderMarkdown(markdown: string): Promise<Rendered> {
	if (markdown.length > MAX_PREVIEW_CHARS)
		return { ok: false, reason: `the document is too large to preview (${Math.round(markdown.length / 1000)} K characters)` };
	try {
		return { ok: true, fragment: buildPreview(await parseInWorker(markdown)) };
	} catch (e) {
		return { ok: false, reason: e instanceof Error ? e.message : String(e) };
	}
}
