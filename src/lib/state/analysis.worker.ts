/// <reference lib="webworker" />
// Analyses a whole document off the main thread when it is opened: lints every text (so compiling
// the language patterns for the first time never blocks the page) and derives the durations (so
// setting up the browser's time-zone formatting does not either).
import { lintText } from '$lib/domain/lint';
import { deriveMetrics } from '$lib/domain/metrics';
import type { Postmortem } from '$lib/domain/model';

self.onmessage = (e: MessageEvent<{ texts: string[]; timing: Pick<Postmortem, 'timeline' | 'timeZone'> }>) => {
	self.postMessage({ results: e.data.texts.map((t) => lintText(t)), metrics: deriveMetrics(e.data.timing) });
};
