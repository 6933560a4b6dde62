/** Meeting mode: what the facilitator reads, asks and captures, and the agenda's timeboxes. */

import { newId, type AgendaItem, type Postmortem, type SectionId } from './model';
import { createContributingFactor, createCorrectiveAction, createTimelineEntry, sortTimeline } from './parts';

/** The blameless premise to read aloud when the meeting opens. */
export const PRIME_DIRECTIVE = {
	title: 'Before we start',
	directive:
		'Whatever we find, we understand and truly believe that everyone did the best job they could, given what they knew at the time, their skills and abilities, the resources available, and the situation at hand.',
	premise: [
		'We are here to learn how our system really works, not to find someone to blame. The incident showed us a place where it does not work the way we thought.',
		'Naming who did what is fine and helps us understand. Judging them is not: we ask what made each action make sense at that moment.',
		'There is rarely a single cause. We look for several contributing factors, and for what went well, too.',
		'We ask "what" and "how", not "why did you". Anyone may say "pause" if the conversation drifts towards blame.'
	]
} as const;

/** Where text captured during an agenda item goes in the postmortem. */
export type CaptureTarget = 'none' | 'impact' | 'timeline' | 'wentWell' | 'wentWrong' | 'actions';

/** What the facilitator shows and asks during one agenda item. */
export interface AgendaItemGuide {
	title: string;
	/** Questions shown in large type, in the order to ask them. */
	questions: string[];
	captureTarget: CaptureTarget;
	/** Label of the capture box, e.g. "Add a timeline entry". */
	captureLabel: string;
	/** The editor step whose work the room sees and edits beside this item; none for the opening. */
	section?: SectionId;
}

/** Title, questions and capture target of each agenda item. */
export const AGENDA_ITEMS: Record<AgendaItem['id'], AgendaItemGuide> = {
	opening: {
		title: 'Opening',
		questions: [
			'Everyone did the best job they could with what they knew, their skills, the resources and the situation.',
			'We are here to learn how the system works, not to find who to blame.',
			'Who is taking notes, and who will keep time?'
		],
		captureTarget: 'none',
		captureLabel: ''
	},
	impact: {
		title: 'Impact',
		questions: [
			'Who and what was affected, and for how long?',
			'How badly: lost requests, data, money, personal data?',
			'How do we know? What did we measure, and where?',
			'What could have gone much worse?'
		],
		captureTarget: 'impact',
		section: 'impact',
		captureLabel: 'Add to the impact'
	},
	timeline: {
		title: 'Timeline',
		questions: [
			'What happened first? What did you see?',
			'What did you think was happening at that point?',
			'What did you know then, and where did that come from?',
			'What did you do next, and what did you expect it to do?',
			'When did impact begin, when did we notice, and when was it over?'
		],
		captureTarget: 'timeline',
		section: 'timeline',
		captureLabel: 'Add a timeline entry'
	},
	'went-well': {
		title: 'What went well',
		questions: [
			'Which safeguards held?',
			'What made detection, diagnosis or repair quicker?',
			'How did you work out what was wrong?',
			'What went to plan? Where did someone step in and make things safer?'
		],
		captureTarget: 'wentWell',
		section: 'went-well',
		captureLabel: 'Add to what went well'
	},
	'went-wrong': {
		title: 'What didn’t go well',
		questions: [
			'What helped this happen?',
			'What made the action that went wrong reasonable, easy or likely at the time?',
			'Which test or review might catch this, and why did none catch it this time?',
			'What slowed down detection, diagnosis or resolution?',
			'How did it spread without being noticed?'
		],
		captureTarget: 'wentWrong',
		section: 'factors',
		captureLabel: 'Add a contributing factor'
	},
	actions: {
		title: 'Action items',
		questions: [
			'How could we remove this class of failure?',
			'How could we make it less likely, or less harmful?',
			'How could we detect, diagnose or resolve it faster?',
			'Which of these is worth its effort? Who owns it, by when?',
			'How will we know it worked?'
		],
		captureTarget: 'actions',
		section: 'actions',
		captureLabel: 'Add to the parking lot'
	}
};

/** A card naming a bias, what it does to a review, and how to counter it. */
export interface BiasCard {
	id: string;
	name: string;
	what: string;
	counterMove: string;
}

/** The biases a facilitator names during a review, each with its counter-move. */
export const BIAS_CARDS: readonly BiasCard[] = [
	{
		id: 'fundamental-attribution',
		name: 'Fundamental attribution error',
		what: 'We explain our own mistakes by the situation, and other people’s by their character.',
		counterMove: 'Explain what others did by their context, exactly as you would explain yourself.'
	},
	{
		id: 'confirmation',
		name: 'Confirmation bias',
		what: 'We notice and remember the evidence that fits the story we already believe.',
		counterMove: 'Gather several viewpoints before concluding, and let the facts lead.'
	},
	{
		id: 'hindsight',
		name: 'Hindsight bias',
		what: 'Knowing how it ended makes the path to it look obvious and the missed signals look loud.',
		counterMove: 'Stand where the practitioner stood, at that time, with only what they could see.'
	},
	{
		id: 'negativity',
		name: 'Negativity bias',
		what: 'What went wrong gets all the attention; what went right becomes invisible.',
		counterMove: 'Review what went right too: where people created safety, and which safeguards held.'
	},
	{
		id: 'curse-of-knowledge',
		name: 'Curse of knowledge',
		what: 'Once we know something, we cannot imagine not knowing it, and we skip the basics.',
		counterMove: 'Explain the basics, and ask others to explain them too.'
	},
	{
		id: 'outcome',
		name: 'Outcome bias',
		what: 'We judge a decision by how it turned out rather than by how it was made.',
		counterMove: 'Judge the decision by what was known when it was made, not by how it ended.'
	}
];

/** A card for the traps that open when looking for causes. */
export const CAUSE_TRAPS_CARD = {
	id: 'cause-traps',
	name: 'Traps when looking for causes',
	what: 'The search for causes drifts from what happened to what we now think should have happened.',
	counterMove: 'Keep describing what people saw and did at the time, and test every conclusion against the data.',
	traps: [
		{
			name: 'Comparing with alternative actions',
			what: 'Holding up the path not taken ("they could have…") describes a world that did not exist, and hides why the real choice made sense.'
		},
		{
			name: 'Cherry-picking',
			what: 'Picking the data that supports a conclusion already held, and leaving out the rest.'
		},
		{
			name: 'The shopping bag',
			what: 'Filling a bag with every piece of data that was available somewhere, though it was not observable to the people at the time.'
		}
	]
} as const;

/** Questions to ask instead of "why did you…". */
export const WHAT_HOW_QUESTIONS: readonly string[] = [
	'What did you think was happening?',
	'What did you know at that point?',
	'What did you see on the screen, in the logs or in chat?',
	'What did you do next, and what did you expect to happen?',
	'What made that look like the right step at the time?',
	'How did you decide between the options you had?',
	'What was competing for your attention?',
	'How did it look from where you were?',
	'What would you have needed to know, and where could it have come from?',
	'How does this usually go, on a normal day?',
	'Who else did you talk to, and what did they tell you?'
];

function appendParagraph(existing: string, text: string): string {
	const head = existing.trimEnd();
	return head ? `${head}\n\n${text}` : text;
}

/** A new postmortem with text captured during an agenda item added where it belongs. */
export function captureInto(pm: Postmortem, agendaId: AgendaItem['id'], text: string, now: Date = new Date()): Postmortem {
	const t = text.trim();
	const target = AGENDA_ITEMS[agendaId]?.captureTarget ?? 'none';
	if (!t || target === 'none') return pm;
	const updatedAt = now.toISOString();
	switch (target) {
		case 'impact':
			return { ...pm, impact: appendParagraph(pm.impact, t), updatedAt };
		case 'wentWell':
			return { ...pm, wentWell: appendParagraph(pm.wentWell, t), updatedAt };
		case 'timeline': {
			// "09:45 Marco pages the gateway team": the time is the entry's, in the incident's time zone.
			const timed = capturedTime(pm, t);
			const entry = { ...createTimelineEntry(timed?.at ?? ''), what: timed?.what ?? t };
			return { ...pm, timeline: sortTimeline([...pm.timeline, entry]), updatedAt };
		}
		case 'wentWrong':
			return { ...pm, contributingFactors: [...pm.contributingFactors, createContributingFactor(t)], updatedAt };
		case 'actions':
			return {
				...pm,
				facilitation: { ...pm.facilitation, parkingLot: [...pm.facilitation.parkingLot, { id: newId(), text: t }] },
				updatedAt
			};
	}
}

/**
 * A time at the start of a captured timeline line ("09:45 …", "9:45 pm …", "[21:05] …", "21.05 – …")
 * as the entry's `at` ('YYYY-MM-DDTHH:mm', wall time in the incident's zone), and the text after it.
 * The day is that of the latest entry so far (or the incident's start), or the next day when the
 * time is more than twelve hours before it (a meeting past midnight). Undefined when the line starts
 * with no time, or no day is known yet.
 */
export function capturedTime(pm: Pick<Postmortem, 'timeline' | 'incidentDate'>, text: string): { at: string; what: string } | undefined {
	const m = /^\[?([01]?\d|2[0-3])[:.]([0-5]\d)(?::[0-5]\d)?(?:\s*([ap])\.?m\.?)?\]?(?:\s*[-–—:]\s*|\s+)(\S[\s\S]*)$/i.exec(text);
	if (!m) return undefined;
	let hour = Number(m[1]);
	const meridiem = m[3]?.toLowerCase();
	if (meridiem) {
		if (hour < 1 || hour > 12) return undefined;
		hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
	}
	const anchor = pm.timeline.reduce((latest, e) => (e.at > latest ? e.at : latest), '') || pm.incidentDate;
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(anchor)) return undefined;
	const minutes = hour * 60 + Number(m[2]);
	const anchorMinutes = Number(anchor.slice(11, 13)) * 60 + Number(anchor.slice(14, 16));
	let day = anchor.slice(0, 10);
	if (minutes < anchorMinutes - 12 * 60) day = new Date(Date.parse(`${day}T00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	return { at: `${day}T${String(hour).padStart(2, '0')}:${m[2]}`, what: m[4].trim() };
}

/** A new postmortem whose parking-lot items became draft corrective actions; the lot is emptied. */
export function parkingLotToActions(pm: Postmortem, now: Date = new Date()): Postmortem {
	if (!pm.facilitation.parkingLot.length) return pm;
	const drafts = pm.facilitation.parkingLot
		.map((p) => p.text.trim())
		.filter(Boolean)
		.map((title) => createCorrectiveAction(title));
	return {
		...pm,
		correctiveActions: [...pm.correctiveActions, ...drafts],
		facilitation: { ...pm.facilitation, parkingLot: [] },
		updatedAt: now.toISOString()
	};
}

/** Total planned minutes of an agenda. */
export function totalAgendaMinutes(agenda: readonly AgendaItem[]): number {
	return agenda.reduce((sum, a) => sum + Math.max(0, a.minutes || 0), 0);
}

/** Whether an agenda item has run past its timebox. */
export function isOverrun(item: AgendaItem, elapsedSeconds: number): boolean {
	return elapsedSeconds > item.minutes * 60;
}

/** The timer of one agenda item. */
export interface AgendaItemTimer {
	id: AgendaItem['id'];
	plannedSeconds: number;
	elapsedSeconds: number;
	/** Negative once overrun. */
	remainingSeconds: number;
	overrun: boolean;
	/** elapsed / planned, 0..1 (clamped), for a progress bar. */
	progress: number;
}

/** Timers for every agenda item and for the whole meeting, from seconds spent per item. */
export function timerState(
	agenda: readonly AgendaItem[],
	elapsedSecondsPerItem: Partial<Record<AgendaItem['id'], number>>
): { items: AgendaItemTimer[]; plannedSeconds: number; elapsedSeconds: number; remainingSeconds: number; overrun: boolean } {
	const items = agenda.map((a): AgendaItemTimer => {
		const plannedSeconds = Math.max(0, a.minutes) * 60;
		const elapsedSeconds = Math.max(0, elapsedSecondsPerItem[a.id] ?? 0);
		return {
			id: a.id,
			plannedSeconds,
			elapsedSeconds,
			remainingSeconds: plannedSeconds - elapsedSeconds,
			overrun: isOverrun(a, elapsedSeconds),
			progress: plannedSeconds ? Math.min(1, elapsedSeconds / plannedSeconds) : elapsedSeconds > 0 ? 1 : 0
		};
	});
	const plannedSeconds = totalAgendaMinutes(agenda) * 60;
	const elapsedSeconds = items.reduce((s, i) => s + i.elapsedSeconds, 0);
	return {
		items,
		plannedSeconds,
		elapsedSeconds,
		remainingSeconds: plannedSeconds - elapsedSeconds,
		overrun: elapsedSeconds > plannedSeconds
	};
}

/** Seconds as a countdown clock: 125 → '2:05', -30 → '-0:30', 3725 → '1:02:05'. */
export function formatClock(seconds: number): string {
	const sign = seconds < 0 ? '-' : '';
	const s = Math.floor(Math.abs(seconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, '0');
	return h ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}
