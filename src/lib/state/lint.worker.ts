/// <reference lib="webworker" />
// Lints a whole document off the main thread when it is opened, so compiling the language
// patterns for the first time never blocks the page.
import { lintText } from '$lib/domain/lint';

self.onmessage = (e: MessageEvent<{ texts: string[] }>) => {
	self.postMessage({ results: e.data.texts.map((t) => lintText(t)) });
};
