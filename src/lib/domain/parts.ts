/**
 * The parts of a postmortem the editor works with: new timeline entries, factors and actions, the
 * timeline's order, whether a draft is untouched, and the text fields the coach reads. Kept out of
 * model.ts, which the library's first load carries, since only the editor and its exports use them.
 */

import {
	createPostmortem,
	defaultTimeZone,
	newId,
	type ContributingFactor,
	type CorrectiveAction,
	type Postmortem,
	type SectionId,
	type TimelineEntry
} from './model';

/** The bookkeeping of a postmortem, which says nothing of what a person wrote. */
const BOOKKEEPING = new Set(['id', 'schemaVersion', 'revision', 'createdAt', 'updatedAt']);

/**
 * True for a postmortem nobody has written anything in yet: every field as `createPostmortem` left
 * it (in `timeZone`, the zone a new one gets here). Such a draft is not kept when its editor closes.
 */
export function isUntouched(pm: Postmortem, timeZone = defaultTimeZone()): boolean {
	const fresh = createPostmortem(new Date(pm.createdAt || 0), timeZone) as unknown as Record<string, unknown>;
	const own = pm as unknown as Record<string, unknown>;
	const keys = new Set([...Object.keys(fresh), ...Object.keys(own)]);
	for (const key of keys) {
		if (BOOKKEEPING.has(key)) continue;
		if (JSON.stringify(own[key] ?? null) !== JSON.stringify(fresh[key] ?? null)) return false;
	}
	return true;
}

/** A blank timeline entry. */
export function createTimelineEntry(at = ''): TimelineEntry {
	return { id: newId(), at, who: '', what: '', link: '', milestone: '' };
}

/** A blank contributing factor. */
export function createContributingFactor(description = ''): ContributingFactor {
	return { id: newId(), description, kind: '' };
}

/** A blank corrective action. */
export function createCorrectiveAction(title = ''): CorrectiveAction {
	return {
		id: newId(),
		title,
		kind: '',
		term: '',
		priority: '',
		owner: '',
		dueDate: '',
		status: 'open',
		trackerLink: '',
		successMeasure: ''
	};
}

/** Timeline entries in chronological order; entries without a time go last, ties keep their order. */
export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
	return entries
		.map((e, i) => ({ e, i }))
		.sort((a, b) => {
			if (a.e.at === b.e.at) return a.i - b.i;
			if (!a.e.at) return 1;
			if (!b.e.at) return -1;
			return a.e.at < b.e.at ? -1 : 1;
		})
		.map((x) => x.e);
}

/** One piece of free text the user wrote, with a stable reference to where it lives. */
export interface TextField {
	/** e.g. 'summary', 'timeline.<entryId>.what', 'factors.<factorId>.description', 'actions.<actionId>.title'. */
	ref: string;
	section: SectionId;
	/** What the UI calls this field, e.g. 'Summary' or 'Timeline entry 14:05: what happened'. */
	label: string;
	text: string;
}

/** Every free-text field of a postmortem that the language review reads, in document order. */
export function textFields(pm: Postmortem): TextField[] {
	const out: TextField[] = [];
	const add = (ref: string, section: SectionId, label: string, text: string) => {
		if (text) out.push({ ref, section, label, text });
	};
	add('title', 'overview', 'Title', pm.title);
	add('summary', 'summary', 'Summary', pm.summary);
	add('impact', 'impact', 'Impact', pm.impact);
	add('trigger', 'trigger', 'Trigger', pm.trigger);
	add('detection', 'trigger', 'Detection', pm.detection);
	add('resolution', 'trigger', 'Resolution', pm.resolution);
	for (const e of pm.timeline) {
		const when = e.at ? e.at.replace('T', ' ') : 'no time';
		add(`timeline.${e.id}.what`, 'timeline', `Timeline entry (${when}): what happened`, e.what);
	}
	add('wentWell', 'went-well', 'What went well', pm.wentWell);
	add('wentWrong', 'factors', 'What went wrong', pm.wentWrong);
	pm.contributingFactors.forEach((f, i) => add(`factors.${f.id}.description`, 'factors', `Contributing factor ${i + 1}`, f.description));
	add('gotLucky', 'lucky', 'Where we got lucky', pm.gotLucky);
	pm.correctiveActions.forEach((a, i) => {
		add(`actions.${a.id}.title`, 'actions', `Corrective action ${i + 1}: title`, a.title);
		add(`actions.${a.id}.successMeasure`, 'actions', `Corrective action ${i + 1}: how we will know it worked`, a.successMeasure);
	});
	add('riskAccepted', 'actions', 'Accepted risk', pm.riskAccepted);
	add('lessons', 'lessons', 'Lessons learned', pm.lessons);
	add('supportingInfo', 'supporting', 'Supporting information', pm.supportingInfo);
	add('publicSummary', 'public-summary', 'Public summary', pm.publicSummary);
	return out;
}
