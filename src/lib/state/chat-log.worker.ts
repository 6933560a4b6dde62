/// <reference lib="webworker" />
// Reads a chat log off the main thread (a 20,000-message export takes a while), unzipping a Slack
// export first, and works out each message's time in the incident's zone (see chat-reading.ts).
import { readChatInput, type ChatInput } from './chat-reading-core';

self.onmessage = (e: MessageEvent<ChatInput>) => {
	self.postMessage(readChatInput(e.data));
};
