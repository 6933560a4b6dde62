/** The whole-document analysis of a postmortem as it is opened: what the editor's worker works out. */

import { locateFindings, type LanguageFinding } from './language';
import { lintText } from './lint';
import { deriveMetrics, type Metrics } from './metrics';
import type { Postmortem } from './model';
import { reviewPostmortem } from './review';
import type { ReviewItem } from './checklist';

/** A postmortem's analysis: each distinct text's language findings, its durations and its checklist. */
export interface PostmortemAnalysis {
	texts: string[];
	/** `results[i]` are the findings in `texts[i]`. */
	results: LanguageFinding[][];
	metrics: Metrics;
	review: ReviewItem[];
}

/** Lint every text field once per distinct text, derive the durations and run the review checklist. */
export function analysePostmortem(pm: Postmortem, now: Date): PostmortemAnalysis {
	const byText = new Map<string, LanguageFinding[]>();
	const lintOnce = (text: string): LanguageFinding[] => {
		let found = byText.get(text);
		if (!found) byText.set(text, (found = lintText(text)));
		return found;
	};
	const findings = locateFindings(pm, lintOnce);
	return {
		texts: [...byText.keys()],
		results: [...byText.values()],
		metrics: deriveMetrics(pm),
		review: reviewPostmortem(pm, now, findings)
	};
}
