import DOMPurify from 'dompurify';
import MarkdownWorker from './markdown.worker?worker';

/** Largest document the preview will try to parse; bigger ones are shown as plain text. */
export const MAX_PREVIEW_CHARS = 2_000_000;
/** How long parsing may take before the preview gives up and shows the plain text. */
export const PARSE_TIMEOUT_MS = 3000;

/** Rendered, sanitized HTML, or the reason the plain text is shown instead. */
export type Rendered = { ok: true; html: string } | { ok: false; reason: string };

let worker: Worker | undefined;
let seq = 0;

function parseInWorker(markdown: string): Promise<string> {
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
		const onMessage = (e: MessageEvent<{ id: number; html?: string; error?: string }>) => {
			if (e.data.id !== id) return;
			clearTimeout(timer);
			w.removeEventListener('message', onMessage);
			if (e.data.error !== undefined) reject(new Error(`the Markdown could not be rendered (${e.data.error})`));
			else resolve(e.data.html ?? '');
		};
		w.addEventListener('message', onMessage);
		w.postMessage({ id, markdown });
	});
}

let hooked = false;
function sanitize(html: string): string {
	if (!hooked) {
		hooked = true;
		// Nothing leaves the machine: images from other origins become plain links instead of requests.
		DOMPurify.addHook('afterSanitizeAttributes', (node) => {
			if (node.tagName === 'IMG') {
				const src = node.getAttribute('src') ?? '';
				let sameOrigin = false;
				try {
					const u = new URL(src, location.href);
					sameOrigin = u.origin === location.origin || u.protocol === 'data:' || u.protocol === 'blob:';
				} catch {
					sameOrigin = false;
				}
				if (!sameOrigin) {
					const a = node.ownerDocument.createElement('a');
					a.setAttribute('href', src);
					a.textContent = `[image: ${node.getAttribute('alt') || src}]`;
					node.replaceWith(a);
				}
			}
			if (node.tagName === 'A' && node.getAttribute('href')) {
				node.setAttribute('rel', 'noopener noreferrer');
				node.setAttribute('target', '_blank');
			}
		});
	}
	return DOMPurify.sanitize(html, {
		USE_PROFILES: { html: true },
		FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
		FORBID_ATTR: ['style']
	});
}

/** Markdown to safe HTML: parsed in a worker with a size cap and a time limit, then sanitized. */
export async function renderMarkdown(markdown: string): Promise<Rendered> {
	if (markdown.length > MAX_PREVIEW_CHARS)
		return { ok: false, reason: `the document is too large to preview (${Math.round(markdown.length / 1000)} K characters)` };
	try {
		return { ok: true, html: sanitize(await parseInWorker(markdown)) };
	} catch (e) {
		return { ok: false, reason: e instanceof Error ? e.message : String(e) };
	}
}
