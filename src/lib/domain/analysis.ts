/** The whole-document analysis of a postmortem as it is opened: what the editor's worker works out. */

import { findingKey, type LanguageFinding, type PostmortemFinding } from './language';
import { lintText } from './lint';
import { deriveMetrics, type Metrics } from './metrics';
import { textFields, type Postmortem } from './model';
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
	const fields = textFields(pm);
	const byText = new Map<string, LanguageFinding[]>();
	for (const f of fields) if (!byText.has(f.text)) byText.set(f.text, lintText(f.text));
	const reviewed = new Set(pm.reviewedFindings);
	const findings: PostmortemFinding[] = fields.flatMap((field) =>
		byText.get(field.text)!.map((finding) => {
			const key = findingKey(field.ref, finding);
			return { field, finding, key, reviewed: reviewed.has(key) };
		})
	);
	return {
		texts: [...byText.keys()],
		results: [...byText.values()],
		metrics: deriveMetrics(pm),
		review: reviewPostmortem(pm, now, findings)
	};
}
