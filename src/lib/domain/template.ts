/** The postmortem template: sections, guiding questions and field definitions (labels and progress rules are re-exported). */

import type { ContributingFactor, CorrectiveAction, Postmortem, SectionId, TimelineEntry } from './model';
import { SEVERITY_LABELS, STATUS_LABELS } from './labels';
import {
	ACTION_KIND_LABELS,
	ACTION_STATUS_LABELS,
	FACTOR_KIND_LABELS,
	MILESTONE_LABELS,
	PRIORITY_LABELS,
	TERM_LABELS
} from './item-labels';

/**
 * How a field is edited: one line, several lines of plain text, Markdown text, a list of names, a
 * date, a date and time, a time zone, a choice, a link.
 */
export type FieldKind = 'text' | 'multiline' | 'markdown' | 'list' | 'date' | 'datetime' | 'timezone' | 'select' | 'url';

/** One choice of a select field. */
export interface FieldOption {
	value: string;
	label: string;
}

/** One editable field of a section or of a list item. */
export interface FieldDef<K extends string = string> {
	key: K;
	label: string;
	kind: FieldKind;
	placeholder?: string;
	hint?: string;
	/** Choices for 'select' fields, '' first when "not set" is allowed. */
	options?: readonly FieldOption[];
	/** Height of a 'multiline' or 'markdown' box, in lines. */
	rows?: number;
}

/** Keys of the postmortem that are simple section fields. */
export type PostmortemFieldKey = keyof Postmortem;

/** The repeated items of a list section (timeline entries, factors, actions). */
export interface ItemDef {
	/** Singular noun for buttons, e.g. "entry". */
	noun: string;
	fields: readonly FieldDef<string>[];
}

/** One step of the guided editor. */
export interface SectionDef {
	id: SectionId;
	title: string;
	/** Short label for navigation. */
	short: string;
	/** One sentence on what the section is for. */
	intro: string;
	questions: readonly string[];
	/** A one-line blameless tip. */
	tip: string;
	/** Optional sections do not count towards completion. */
	optional: boolean;
	fields: readonly FieldDef<PostmortemFieldKey>[];
	item?: ItemDef;
}

/** The choices of a select field; `empty` labels the "not set" choice, when there is one. */
function options(labels: Record<string, string>, empty?: string): FieldOption[] {
	const list = Object.entries(labels).map(([value, label]) => ({ value, label }));
	return empty === undefined ? list : [{ value: '', label: empty }, ...list];
}
const NOT_SET = 'Not set';

const TIMELINE_FIELDS: readonly FieldDef<keyof TimelineEntry>[] = [
	{ key: 'at', label: 'Time', kind: 'datetime' },
	{ key: 'who', label: 'Who', kind: 'text' },
	{ key: 'milestone', label: 'Milestone', kind: 'select', options: options(MILESTONE_LABELS, 'None') },
	{ key: 'what', label: 'What happened', kind: 'multiline', rows: 2 },
	{ key: 'link', label: 'Link (optional)', kind: 'url', placeholder: 'https://…' }
];

const FACTOR_FIELDS: readonly FieldDef<keyof ContributingFactor>[] = [
	// Numbered in the form: "Contributing factor 1".
	{ key: 'description', label: 'Contributing factor', kind: 'multiline', rows: 3 },
	{ key: 'kind', label: 'Kind', kind: 'select', options: options(FACTOR_KIND_LABELS, NOT_SET) }
];

const ACTION_FIELDS: readonly FieldDef<keyof CorrectiveAction>[] = [
	{ key: 'title', label: 'Action', kind: 'text', hint: 'Specific enough that someone else could do it.' },
	{ key: 'kind', label: 'Kind', kind: 'select', options: options(ACTION_KIND_LABELS, NOT_SET) },
	{ key: 'term', label: 'Term', kind: 'select', options: options(TERM_LABELS, NOT_SET) },
	{ key: 'priority', label: 'Priority', kind: 'select', options: options(PRIORITY_LABELS, NOT_SET) },
	{ key: 'owner', label: 'Owner', kind: 'text' },
	{ key: 'dueDate', label: 'Due date', kind: 'date' },
	{ key: 'status', label: 'Status', kind: 'select', options: options(ACTION_STATUS_LABELS) },
	{ key: 'trackerLink', label: 'Tracker link', kind: 'url', placeholder: 'https://…' },
	{ key: 'successMeasure', label: 'How we will know it worked', kind: 'multiline', rows: 2 }
];

/** The twelve sections of the postmortem, in order. */
export const SECTIONS: readonly SectionDef[] = [
	{
		id: 'overview',
		title: 'Overview',
		short: 'Overview',
		intro: 'The facts that identify this incident and the people who are writing it up.',
		questions: [
			'What would someone search for to find this incident a year from now?',
			'When did it start, and in which time zone are the times written?',
			'How severe was it, and who led the response?',
			'Who facilitates the postmortem? Ideally someone other than the incident lead.',
			'Which services were involved, and who took part?'
		],
		tip: 'Naming people is fine: blameless is not anonymous. Judging them is what we avoid.',
		optional: false,
		fields: [
			{
				key: 'title',
				label: 'Title',
				kind: 'text',
				hint: 'Name the incident by what people noticed, e.g. “Checkout errors after connection pool change”.'
			},
			{ key: 'incidentDate', label: 'Incident started', kind: 'datetime', hint: 'Date and time in the incident’s time zone.' },
			{
				key: 'timeZone',
				label: 'Time zone',
				kind: 'timezone',
				hint: 'All timeline times use this zone. UTC has no clock changes to trip over.'
			},
			{ key: 'severity', label: 'Severity', kind: 'select', options: options(SEVERITY_LABELS, NOT_SET) },
			{ key: 'status', label: 'Status', kind: 'select', options: options(STATUS_LABELS) },
			{ key: 'incidentLead', label: 'Incident lead', kind: 'text' },
			{ key: 'facilitator', label: 'Facilitator', kind: 'text', hint: 'Ideally not the incident lead.' },
			{ key: 'meetingDate', label: 'Postmortem meeting', kind: 'date', hint: 'Aim for within five business days of the incident.' },
			{ key: 'authors', label: 'Authors', kind: 'list' },
			{ key: 'participants', label: 'Participants', kind: 'list' },
			{ key: 'services', label: 'Services affected', kind: 'list' },
			{ key: 'tags', label: 'Tags', kind: 'list' }
		]
	},
	{
		id: 'summary',
		title: 'Summary',
		short: 'Summary',
		intro: 'Two or three sentences that a newcomer to the team understands.',
		questions: ['What happened, in plain words?', 'For how long did it last?', 'Who noticed the effects?', 'How did it end?'],
		tip: 'Describe what the system and the people in it did; leave judgement out.',
		optional: false,
		fields: [
			{ key: 'summary', label: 'Summary', kind: 'markdown', hint: 'Two or three sentences: what happened, for how long, to whom.', rows: 4 }
		]
	},
	{
		id: 'impact',
		title: 'Impact',
		short: 'Impact',
		intro: 'Who and what was affected, for how long and how badly.',
		questions: [
			'Which users, customers or teams were affected, and how many?',
			'For how long were they affected?',
			'Were transactions, data or money lost? Was personal data exposed?',
			'How was the impact measured, and how sure are we of the numbers?'
		],
		tip: 'Numbers with their source are worth more than adjectives.',
		optional: false,
		fields: [
			{
				key: 'impact',
				label: 'Impact',
				kind: 'markdown',
				hint: 'Who and what was affected, for how long, how badly, and how you measured it.',
				rows: 8
			}
		]
	},
	{
		id: 'trigger',
		title: 'Trigger, detection, resolution',
		short: 'Trigger',
		intro: 'What set the incident off, how it was noticed and what ended it.',
		questions: [
			'What change or event set it off?',
			'How and when was it noticed: an alert, a person, a customer?',
			'What ended the impact, and who did it?',
			'What was known at each of those moments?'
		],
		tip: 'A trigger is where the story starts, not the one cause: keep looking past it.',
		optional: false,
		fields: [
			{ key: 'trigger', label: 'Trigger', kind: 'markdown', hint: 'What set it off?', rows: 4 },
			{
				key: 'detection',
				label: 'Detection',
				kind: 'markdown',
				hint: 'How and when was it noticed: a person, an alert, a customer?',
				rows: 4
			},
			{ key: 'resolution', label: 'Resolution', kind: 'markdown', hint: 'What ended it?', rows: 4 }
		]
	},
	{
		id: 'timeline',
		title: 'Timeline',
		short: 'Timeline',
		intro: 'What happened, when and by whom, in order: the heart of the postmortem.',
		questions: [
			'What do the chat logs, alerts, deploy logs and tickets show, minute by minute?',
			'When did the impact begin, when was it detected, declared, mitigated and resolved?',
			'What did people know, and what did they think was happening, at each point?',
			'What did they do next, and what did they see as a result?'
		],
		tip: 'Stand where each person stood at that moment; leave out what only hindsight shows.',
		optional: false,
		fields: [],
		item: { noun: 'entry', fields: TIMELINE_FIELDS }
	},
	{
		id: 'went-well',
		title: 'What went well',
		short: 'Went well',
		intro: 'The safeguards, skills and habits that limited the damage.',
		questions: [
			'Which safeguards held, and what went to plan?',
			'What made detection, diagnosis and remediation effective?',
			'How did the responders work out what was wrong?',
			'How does the team already monitor, respond, anticipate and learn?'
		],
		tip: 'Looking at what went right counters negativity bias and shows where people created safety.',
		optional: false,
		fields: [
			{
				key: 'wentWell',
				label: 'What went well',
				kind: 'markdown',
				hint: 'Safeguards that held, what went to plan, what made the response effective.',
				rows: 8
			}
		]
	},
	{
		id: 'factors',
		title: 'Contributing factors',
		short: 'Factors',
		intro: 'Everything that helped the failure happen or made it harder to detect, diagnose or resolve.',
		questions: [
			'How did it happen, and what let it spread undetected?',
			'What hindered detection, diagnosis and resolution?',
			'For an action that went wrong: what made it reasonable, easy or likely at the time?',
			'Which test, review or check was in a position to catch it, and what kept it from doing so?',
			'Was the response itself effective? How close did it come to being much worse?'
		],
		tip: 'There is no single root cause; when a factor lands on a person, a second story is still untold.',
		optional: false,
		fields: [
			{
				key: 'wentWrong',
				label: 'What went wrong (narrative)',
				kind: 'markdown',
				hint: 'Tell the second story: what made each action reasonable at the time?',
				rows: 5
			}
		],
		item: { noun: 'factor', fields: FACTOR_FIELDS }
	},
	{
		id: 'lucky',
		title: 'Where we got lucky',
		short: 'Lucky',
		intro: 'The circumstances that kept this from being worse.',
		questions: [
			'What happened to go our way this time?',
			'On a different day or at a different hour, how would this have gone?',
			'Which safeguard did we assume we had, but did not need to rely on?'
		],
		tip: 'Luck is a safeguard nobody designed: name it so it can be designed.',
		optional: false,
		fields: [
			{ key: 'gotLucky', label: 'Where we got lucky', kind: 'markdown', hint: 'How could a different day have been worse?', rows: 6 }
		]
	},
	{
		id: 'actions',
		title: 'Corrective actions',
		short: 'Actions',
		intro: 'A few specific, owned pieces of work that make this class of failure less likely or less harmful.',
		questions: [
			'How could this class of failure be removed, or made less likely to recur?',
			'How could detection, diagnosis and resolution be faster next time?',
			'How could the impact be smaller?',
			'Is there at least one short-term and one long-term action?',
			'Is each action worth its effort, and how will we know it worked?'
		],
		tip: 'Fewer, owned actions beat a long wish list; being able to do something is no reason to do it.',
		optional: false,
		fields: [
			{
				key: 'riskAccepted',
				label: 'Accepted risk (optional)',
				kind: 'multiline',
				hint: 'If no action is high or critical priority, say why the remaining risk is acceptable.',
				rows: 2
			}
		],
		item: { noun: 'action', fields: ACTION_FIELDS }
	},
	{
		id: 'lessons',
		title: 'Lessons learned',
		short: 'Lessons',
		intro: 'What people now understand about the system that they did not before.',
		questions: [
			'What surprised the people involved?',
			'Which assumption about the system turned out not to hold?',
			'What would you explain to a new team member because of this incident?'
		],
		tip: 'Explain the basics: what seems clear to you now was not clear to anyone at the time.',
		optional: false,
		fields: [
			{
				key: 'lessons',
				label: 'Lessons learned',
				kind: 'markdown',
				hint: 'What do people now understand about the system that they did not before?',
				rows: 8
			}
		]
	},
	{
		id: 'supporting',
		title: 'Supporting information',
		short: 'Supporting',
		intro: 'Links to the evidence: logs, dashboards, traces, tickets and screenshots.',
		questions: [
			'Which dashboards and graphs show the impact?',
			'Where are the chat logs, alerts and deploy logs?',
			'Which tickets, traces or screenshots help a reader follow the story?'
		],
		tip: 'Several sources and viewpoints guard against confirmation bias.',
		optional: false,
		fields: [
			{
				key: 'supportingInfo',
				label: 'Supporting information',
				kind: 'markdown',
				hint: 'Links to logs, dashboards, traces, tickets, screenshots.',
				rows: 6
			}
		]
	},
	{
		id: 'public-summary',
		title: 'Public summary',
		short: 'Public',
		intro: 'An optional account for customers, free of internal names and details.',
		questions: [
			'What happened, and what did customers experience?',
			'How and when was service restored?',
			'What went well, and what did not?',
			'What are we doing so it does not happen again?'
		],
		tip: 'Own the outcome as an organisation; leave individual names out.',
		optional: true,
		fields: [
			{
				key: 'publicSummary',
				label: 'Public summary',
				kind: 'markdown',
				hint: 'For customers: what happened, the impact on them, how and when service was restored, and what you are doing about it. Exported separately with “Download public summary”.',
				rows: 10
			}
		]
	}
];

/** The definition of a section's own field; throws when the template has none, so no form shows an undefined field. */
export function fieldDef(id: SectionId, key: PostmortemFieldKey): FieldDef<PostmortemFieldKey> {
	const def = sectionDef(id).fields.find((f) => f.key === key);
	if (!def) throw new Error(`No field ${key} in section ${id}`);
	return def;
}

/** The definition of a field of a list section's items (timeline entries, factors, actions); throws when there is none. */
export function itemFieldDef(id: SectionId, key: string): FieldDef<string> {
	const def = sectionDef(id).item?.fields.find((f) => f.key === key);
	if (!def) throw new Error(`No item field ${key} in section ${id}`);
	return def;
}

/** The section definition for an id. */
export function sectionDef(id: SectionId): SectionDef {
	const def = SECTIONS.find((s) => s.id === id);
	if (!def) throw new Error(`Unknown section: ${id}`);
	return def;
}

export * from './labels';
export * from './item-labels';
export * from './progress';
