/// <reference lib="webworker" />
// The library's check of its Final postmortems (see final-checks.ts), off the page: the review
// checklist lives in the editor's code, which the library's page must not download for it.
import { failingSinceFinal } from '$lib/domain/checklist';
import { reviewPostmortem } from '$lib/domain/review';
import type { Postmortem } from '$lib/domain/model';

self.onmessage = (e: MessageEvent<{ pms: Postmortem[]; now: number }>) => {
	const now = new Date(e.data.now);
	const out: [string, number][] = [];
	for (const pm of e.data.pms) {
		const n = failingSinceFinal(pm, reviewPostmortem(pm, now, [])).length;
		if (n) out.push([pm.id, n]);
	}
	self.postMessage(out);
};
