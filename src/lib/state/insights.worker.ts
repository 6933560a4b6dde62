/// <reference lib="webworker" />
// Works out the insights page's figures off the main thread: reading every postmortem's timeline
// (with time zones) for a thousand postmortems would otherwise hold the page up.
import { computeInsights } from '$lib/domain/insights';
import type { InsightsQuery } from '$lib/domain/insights-view';
import type { Postmortem } from '$lib/domain/model';

self.onmessage = (e: MessageEvent<{ seq: number; pms: Postmortem[]; query: InsightsQuery; today: string }>) => {
	const { seq, pms, query, today } = e.data;
	try {
		self.postMessage({ seq, insights: computeInsights(pms, query, today) });
	} catch (err) {
		self.postMessage({ seq, error: err instanceof Error ? err.message : String(err) });
	}
};
