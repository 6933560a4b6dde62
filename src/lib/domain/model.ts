/** The postmortem model: the one shape every part of the app reads and writes. */

export const STATUSES = ['draft', 'in-review', 'final'] as const;
/** Where the document is in its life. */
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4', 'sev5'] as const;
/** How bad the incident was; '' while nobody has said. */
export type Severity = (typeof SEVERITIES)[number] | '';

export const MILESTONES = ['impact-began', 'detected', 'declared', 'mitigated', 'resolved'] as const;
/** A timeline entry can mark one of these moments; metrics are derived from them. */
export type Milestone = (typeof MILESTONES)[number];

export const FACTOR_KINDS = ['technical', 'process', 'tooling', 'communication', 'organisational', 'external'] as const;
/** What sort of contributing factor this is. */
export type FactorKind = (typeof FACTOR_KINDS)[number];

export const ACTION_KINDS = ['quick-fix', 'design-change', 'process-change'] as const;
/** What sort of corrective action this is. */
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_TERMS = ['short', 'long'] as const;
/** Short-term (days to weeks) or long-term (a quarter or more). */
export type ActionTerm = (typeof ACTION_TERMS)[number];

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
/** How urgent a corrective action is. */
export type Priority = (typeof PRIORITIES)[number];

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
/** Where a corrective action stands. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** One timestamped thing that happened. `at` is wall-clock time in the incident's time zone. */
export interface TimelineEntry {
	id: string;
	/** 'YYYY-MM-DDTHH:mm' in the postmortem's `timeZone`; '' when not known yet (sorted last). */
	at: string;
	who: string;
	what: string;
	link: string;
	milestone: Milestone | '';
	/** Where the entry came from when it was not typed here (a message of a chat log added from the Timeline step). */
	source?: TimelineSource;
	/** True when this is what was learned afterwards, not what people knew at the time (hindsight kept visible). */
	learnedLater?: boolean;
}

/**
 * Where a timeline entry came from: a message of a chat log, or an entry of a participant's account.
 * Who wrote it, and a key that finds it again in the same log or account.
 */
export interface TimelineSource {
	kind: 'chat' | 'account';
	/** The author as the log or account names them (the entry's "who" may be edited afterwards). */
	author: string;
	/** A fingerprint of the message or entry (its time, author and text), so one imported again adds nothing twice. */
	key: string;
}

/** Anything that helped the failure happen, or hindered detecting, diagnosing or resolving it. */
export interface ContributingFactor {
	id: string;
	description: string;
	kind: FactorKind | '';
}

/** A specific, owned piece of follow-up work. */
export interface CorrectiveAction {
	id: string;
	title: string;
	kind: ActionKind | '';
	term: ActionTerm | '';
	priority: Priority | '';
	owner: string;
	/** 'YYYY-MM-DD' or ''. */
	dueDate: string;
	status: ActionStatus;
	trackerLink: string;
	/** How we will know it worked. */
	successMeasure: string;
	/** Ids of the contributing factors this action addresses (absent on actions written before links existed). */
	factorIds?: string[];
}

export const AGENDA_IDS = ['opening', 'impact', 'timeline', 'went-well', 'went-wrong', 'actions'] as const;
/** One item of the meeting agenda in facilitation mode. */
export interface AgendaItem {
	id: (typeof AGENDA_IDS)[number];
	minutes: number;
}

/** A recommendation raised in the meeting, to become a corrective action afterwards. */
export interface ParkingLotItem {
	id: string;
	text: string;
}

/** Meeting state kept with the postmortem. */
export interface Facilitation {
	agenda: AgendaItem[];
	parkingLot: ParkingLotItem[];
}

/** The shape version of a postmortem object (1 today); `restorePostmortem` upgrades older ones. */
export const POSTMORTEM_VERSION = 1;

/** A whole postmortem document. */
export interface Postmortem {
	id: string;
	/** The shape version this object was written in (see POSTMORTEM_VERSION). */
	schemaVersion: number;
	/** Increments on every stored save; used to detect two tabs writing the same postmortem. */
	revision: number;
	/** ISO instants. */
	createdAt: string;
	updatedAt: string;

	// Overview
	title: string;
	/** 'YYYY-MM-DDTHH:mm' when the incident started, in `timeZone`; '' if unknown. */
	incidentDate: string;
	/** IANA time zone name, e.g. 'Europe/Berlin' or 'UTC'. */
	timeZone: string;
	status: Status;
	severity: Severity;
	incidentLead: string;
	facilitator: string;
	authors: string[];
	participants: string[];
	services: string[];
	tags: string[];
	/** 'YYYY-MM-DD' of the postmortem meeting, or ''. */
	meetingDate: string;

	summary: string;
	impact: string;
	trigger: string;
	detection: string;
	resolution: string;
	timeline: TimelineEntry[];
	wentWell: string;
	/** Free narrative of what went wrong, beside the list of factors. */
	wentWrong: string;
	contributingFactors: ContributingFactor[];
	gotLucky: string;
	correctiveActions: CorrectiveAction[];
	/** Why no high/critical action is needed, when the risk is accepted explicitly. */
	riskAccepted: string;
	lessons: string;
	supportingInfo: string;
	publicSummary: string;

	/** Keys of language findings a person marked "reviewed, keep it" (see `findingKey`). */
	reviewedFindings: string[];
	/** The note written when moving to final with checks still failing. */
	finalNote: string;
	/**
	 * Ids of the review checks that failed when it was marked final (accepted with `finalNote`), so a
	 * check failing later is told apart. Set when it is marked final; absent before (and for one
	 * marked final by an older version of the app).
	 */
	finalChecks?: string[];
	facilitation: Facilitation;

	/** Fields from a newer or foreign writer that we do not know; kept and written back on export. */
	extra: Record<string, unknown>;
}

/** Default meeting agenda with timeboxes in minutes (about an hour). */
export const DEFAULT_AGENDA: readonly AgendaItem[] = [
	{ id: 'opening', minutes: 1 },
	{ id: 'impact', minutes: 5 },
	{ id: 'timeline', minutes: 15 },
	{ id: 'went-well', minutes: 5 },
	{ id: 'went-wrong', minutes: 15 },
	{ id: 'actions', minutes: 15 }
];

/** A fresh random id. */
export function newId(): string {
	return crypto.randomUUID();
}

/** The page address used in place of an id by the editor that works in memory when storage is unavailable (/p/unsaved). */
export const UNSAVED_ID = 'unsaved';

// Copy naming lives in copies.ts; kept here for the modules that import it from the model.
export { importedTitle } from './copies';

/** A blank postmortem, ready to be filled in. */
export function createPostmortem(now: Date = new Date(), timeZone = defaultTimeZone()): Postmortem {
	const iso = now.toISOString();
	return {
		id: newId(),
		schemaVersion: POSTMORTEM_VERSION,
		revision: 0,
		createdAt: iso,
		updatedAt: iso,
		title: '',
		incidentDate: '',
		timeZone,
		status: 'draft',
		severity: '',
		incidentLead: '',
		facilitator: '',
		authors: [],
		participants: [],
		services: [],
		tags: [],
		meetingDate: '',
		summary: '',
		impact: '',
		trigger: '',
		detection: '',
		resolution: '',
		timeline: [],
		wentWell: '',
		wentWrong: '',
		contributingFactors: [],
		gotLucky: '',
		correctiveActions: [],
		riskAccepted: '',
		lessons: '',
		supportingInfo: '',
		publicSummary: '',
		reviewedFindings: [],
		finalNote: '',
		facilitation: { agenda: DEFAULT_AGENDA.map((a) => ({ ...a })), parkingLot: [] },
		extra: {}
	};
}

/** The browser's or machine's time zone, falling back to UTC. */
export function defaultTimeZone(): string {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	} catch {
		return 'UTC';
	}
}

export const SECTION_IDS = [
	'overview',
	'summary',
	'impact',
	'trigger',
	'timeline',
	'went-well',
	'factors',
	'lucky',
	'actions',
	'lessons',
	'supporting',
	'public-summary'
] as const;
/** The steps of the guided editor, in order. */
export type SectionId = (typeof SECTION_IDS)[number];
