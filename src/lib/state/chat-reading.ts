import type { ChatInput, ChatReading } from './chat-reading-core';
import ChatLogWorker from './chat-log.worker?worker';

/** Read a chat log in a worker, so a large export never holds up the page; in the page where workers are missing. */
export function readChatLog(input: ChatInput): Promise<ChatReading> {
	const inPage = () => import('./chat-reading-core').then((m) => m.readChatInput(input));
	let worker: Worker;
	try {
		worker = new ChatLogWorker();
	} catch {
		return inPage();
	}
	return new Promise((resolve) => {
		worker.onmessage = (e: MessageEvent<ChatReading>) => {
			worker.terminate();
			resolve(e.data);
		};
		worker.onerror = (e) => {
			e.preventDefault();
			worker.terminate();
			// A worker that cannot start (its file gone with an old deploy): read here instead.
			void inPage().then(resolve);
		};
		// Copied, not transferred: the page may still need the bytes if the worker fails.
		worker.postMessage(input);
	});
}
