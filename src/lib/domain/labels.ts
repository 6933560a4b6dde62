/**
 * Display labels the library shows (the title of an untitled postmortem, statuses, severities). The
 * labels of a postmortem's items (milestones, kinds, priorities) are in item-labels.ts, so the
 * library's first load does not carry them.
 */

import type { Severity, Status } from './model';

/** Title used when a postmortem has none yet. */
export const UNTITLED = 'Untitled postmortem';

/** Display labels for the document status. */
export const STATUS_LABELS: Record<Status, string> = {
	draft: 'Draft',
	'in-review': 'In review',
	final: 'Final'
};

/** Display labels for severities. */
export const SEVERITY_LABELS: Record<Exclude<Severity, ''>, string> = {
	sev1: 'SEV 1 – critical',
	sev2: 'SEV 2 – major',
	sev3: 'SEV 3 – moderate',
	sev4: 'SEV 4 – minor',
	sev5: 'SEV 5 – low'
};
