/// <reference lib="webworker" />
// Parses Markdown off the main thread, so pathological input can be timed out without freezing typing.
import { toPreviewBlocks } from './blocks';

self.onmessage = (e: MessageEvent<{ id: number; markdown: string }>) => {
	const { id, markdown } = e.data;
	try {
		self.postMessage({ id, blocks: toPreviewBlocks(markdown) });
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
};
