/// <reference lib="webworker" />
// Analyses a whole document off the main thread when it is opened: lints every text (so compiling
// the language patterns never blocks the page, which loads them only once editing starts), runs the
// review checklist, and derives the durations (so setting up the browser's time-zone formatting does
// not block it either).
import { analysePostmortem } from '$lib/domain/analysis';
import type { Postmortem } from '$lib/domain/model';

self.onmessage = (e: MessageEvent<{ pm: Postmortem; now: number }>) => {
	self.postMessage(analysePostmortem(e.data.pm, new Date(e.data.now)));
};
