/** Display labels for the enumerations of a postmortem's items (milestones, factor and action kinds, terms, priorities, action statuses). */

import type { ActionKind, ActionStatus, ActionTerm, FactorKind, Milestone, Priority } from './model';

/** Display labels for timeline milestones. */
export const MILESTONE_LABELS: Record<Milestone, string> = {
	'impact-began': 'Impact began',
	detected: 'Detected',
	declared: 'Incident declared',
	mitigated: 'Mitigated',
	resolved: 'Resolved'
};

/** Display labels for kinds of contributing factor. */
export const FACTOR_KIND_LABELS: Record<FactorKind, string> = {
	technical: 'Technical',
	process: 'Process',
	tooling: 'Tooling',
	communication: 'Communication',
	organisational: 'Organisational',
	external: 'External'
};

/** Display labels for kinds of corrective action. */
export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
	'quick-fix': 'Quick fix',
	'design-change': 'Design change',
	'process-change': 'Process change'
};

/** Display labels for action terms. */
export const TERM_LABELS: Record<ActionTerm, string> = {
	short: 'Short term',
	long: 'Long term'
};

/** Display labels for priorities. */
export const PRIORITY_LABELS: Record<Priority, string> = {
	critical: 'Critical',
	high: 'High',
	medium: 'Medium',
	low: 'Low'
};

/** Display labels for action statuses. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
	open: 'Open',
	'in-progress': 'In progress',
	done: 'Done',
	'wont-do': "Won't do"
};
