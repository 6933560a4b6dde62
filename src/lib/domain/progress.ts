/** How far a postmortem and each of its sections are filled in (empty, started, filled). */

import { SECTION_IDS, type ContributingFactor, type CorrectiveAction, type Postmortem, type SectionId, type TimelineEntry } from './model';

/** Sections that do not count toward completion. */
export const OPTIONAL_SECTIONS: readonly SectionId[] = ['public-summary'];

/** How far a section has been filled in. */
export type SectionProgress = 'empty' | 'started' | 'filled';

const has = (s: string) => s.trim() !== '';

/** True when a timeline entry holds anything besides its id. */
export function isTimelineEntryEmpty(e: TimelineEntry): boolean {
	return !has(e.at) && !has(e.who) && !has(e.what) && !has(e.link) && !e.milestone;
}

/** True when a contributing factor holds neither text nor a kind. */
export function isFactorEmpty(f: ContributingFactor): boolean {
	return !has(f.description) && !f.kind;
}

/** True when a corrective action holds nothing but the default status. */
export function isActionEmpty(a: CorrectiveAction): boolean {
	return (
		!has(a.title) &&
		!a.kind &&
		!a.term &&
		!a.priority &&
		!has(a.owner) &&
		!has(a.dueDate) &&
		a.status === 'open' &&
		!has(a.trackerLink) &&
		!has(a.successMeasure)
	);
}

/** True when an action has everything a review asks for: title, owner, due date and priority. */
export function isActionComplete(a: CorrectiveAction): boolean {
	return has(a.title) && has(a.owner) && has(a.dueDate) && a.priority !== '';
}

function level(filled: boolean, started: boolean): SectionProgress {
	return filled ? 'filled' : started ? 'started' : 'empty';
}

/**
 * How far a section is filled in. Rules: overview is filled with title, incident date, severity and
 * incident lead; trigger with all three texts; timeline with >= 3 entries including a resolved
 * milestone; factors with >= 2 described factors; actions when one action has title, owner, due date
 * and priority. Single-text sections are either empty or filled.
 */
export function sectionProgress(pm: Postmortem, id: SectionId): SectionProgress {
	switch (id) {
		case 'overview': {
			const core = [pm.title, pm.incidentDate, pm.severity, pm.incidentLead];
			const rest = [pm.facilitator, pm.meetingDate];
			const lists = [pm.authors, pm.participants, pm.services, pm.tags];
			return level(core.every(has), core.some(has) || rest.some(has) || lists.some((l) => l.some(has)));
		}
		case 'summary':
			return level(has(pm.summary), false);
		case 'impact':
			return level(has(pm.impact), false);
		case 'trigger': {
			const t = [pm.trigger, pm.detection, pm.resolution];
			return level(t.every(has), t.some(has));
		}
		case 'timeline': {
			const entries = pm.timeline.filter((e) => !isTimelineEntryEmpty(e));
			return level(entries.length >= 3 && entries.some((e) => e.milestone === 'resolved'), entries.length > 0);
		}
		case 'went-well':
			return level(has(pm.wentWell), false);
		case 'factors': {
			const n = pm.contributingFactors.filter((f) => has(f.description)).length;
			return level(n >= 2, n > 0 || has(pm.wentWrong) || pm.contributingFactors.some((f) => !isFactorEmpty(f)));
		}
		case 'lucky':
			return level(has(pm.gotLucky), false);
		case 'actions':
			return level(
				pm.correctiveActions.some(isActionComplete),
				pm.correctiveActions.some((a) => !isActionEmpty(a)) || has(pm.riskAccepted)
			);
		case 'lessons':
			return level(has(pm.lessons), false);
		case 'supporting':
			return level(has(pm.supportingInfo), false);
		case 'public-summary':
			return level(has(pm.publicSummary), false);
	}
}

/** How many of the required (non-optional) sections are filled. */
export function completion(pm: Postmortem): { filled: number; total: number } {
	const required = SECTION_IDS.filter((id) => !OPTIONAL_SECTIONS.includes(id));
	return {
		filled: required.filter((id) => sectionProgress(pm, id) === 'filled').length,
		total: required.length
	};
}
