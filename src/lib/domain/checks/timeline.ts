/** Checks of the timeline: its milestones are marked, its entries and milestones are in order. */

import type { Milestone } from '../model';
import { list, type ReviewCheck } from './check';

const MILESTONE_NAMES: Record<Milestone, string> = {
	'impact-began': 'impact began',
	detected: 'detected',
	declared: 'incident declared',
	mitigated: 'mitigated',
	resolved: 'resolved'
};

/** Pairs of milestones where the first must not come after the second. */
const MILESTONE_ORDER: Array<[Milestone, Milestone]> = [
	['impact-began', 'detected'],
	['detected', 'declared'],
	['detected', 'mitigated'],
	['mitigated', 'resolved'],
	['declared', 'resolved'],
	['impact-began', 'mitigated'],
	['impact-began', 'resolved'],
	['detected', 'resolved']
];

const REQUIRED: Milestone[] = ['impact-began', 'detected', 'resolved'];

/** The timeline marks where impact began, where it was detected and where it was resolved. */
export const timelineMilestones: ReviewCheck = {
	id: 'timeline-milestones',
	title: 'Timeline marks impact start, detection and resolution',
	section: 'timeline',
	run: ({ pm }) => {
		const missing = REQUIRED.filter((m) => !pm.timeline.some((e) => e.milestone === m));
		return {
			status: missing.length ? 'fail' : 'pass',
			message: missing.length
				? `Mark the timeline entries where ${list(missing.map((m) => `“${MILESTONE_NAMES[m]}”`))} happened.`
				: 'Impact start, detection and resolution are marked.'
		};
	}
};

/** Timed entries are in chronological order (the editor keeps entries sorted; imports may not). */
export const timelineOrder: ReviewCheck = {
	id: 'timeline-order',
	title: 'Timeline entries are in order',
	section: 'timeline',
	run: ({ pm }) => {
		const timed = pm.timeline.map((e, i) => ({ e, n: i + 1 })).filter((x) => x.e.at);
		const outOfOrder = timed.findIndex((x, i) => i > 0 && x.e.at < timed[i - 1].e.at);
		return {
			status: outOfOrder > 0 ? 'warn' : 'pass',
			message:
				outOfOrder > 0
					? `Put timeline entry ${timed[outOfOrder].n} (${timed[outOfOrder].e.at.replace('T', ' ')}) before entry ${timed[outOfOrder - 1].n} (${timed[outOfOrder - 1].e.at.replace('T', ' ')}), or correct their times.`
					: 'Timeline entries are in chronological order.'
		};
	}
};

/** Milestones have times, in order: impact began ≤ detected ≤ mitigated ≤ resolved. */
export const milestoneOrder: ReviewCheck = {
	id: 'milestone-order',
	title: 'Milestones have times in a sensible order',
	section: 'timeline',
	run: ({ pm }) => {
		const when = new Map<Milestone, string>();
		const untimed: Milestone[] = [];
		for (const e of pm.timeline) {
			if (!e.milestone) continue;
			if (!e.at) {
				if (!untimed.includes(e.milestone)) untimed.push(e.milestone);
				continue;
			}
			const prev = when.get(e.milestone);
			if (!prev || e.at < prev) when.set(e.milestone, e.at);
		}
		const bad = MILESTONE_ORDER.find(([a, b]) => when.has(a) && when.has(b) && when.get(a)! > when.get(b)!);
		const noTime = untimed.filter((m) => !when.has(m));
		return {
			status: bad || noTime.length ? 'warn' : 'pass',
			message: bad
				? `“${MILESTONE_NAMES[bad[1]]}” (${when.get(bad[1])!.replace('T', ' ')}) comes before “${MILESTONE_NAMES[bad[0]]}” (${when.get(bad[0])!.replace('T', ' ')}): check the times or the milestone marks.`
				: noTime.length
					? `Give the ${list(noTime.map((m) => `“${MILESTONE_NAMES[m]}”`))} milestone a time so durations can be worked out.`
					: 'Milestones are in a sensible order.'
		};
	}
};
