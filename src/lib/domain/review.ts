/** The review checklist: what a good blameless postmortem has before it is final. */

import type { PostmortemFinding } from './language';
import { looksLikePersonName } from './names';
import type { CorrectiveAction, Milestone, Postmortem, SectionId } from './model';
import type { ReviewItem } from './checklist';

/** Business days (Mon–Fri) allowed between the incident and the postmortem meeting. */
export const MEETING_WITHIN_BUSINESS_DAYS = 5;
/** Above this many corrective actions the review warns. */
export const MAX_ACTIONS = 10;

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

const PERSON_ONLY =
	/^(?:(?:the|our|an?)\s+)?(?:(?:primary|secondary|on-?call|oncall|junior|senior|new|database|platform|sre|ops|release)\s+)*(?:engineers?|operators?|on-?calls?|oncall|on-?caller|developers?|devs?|sres?|dbas?|admins?|administrators?|sysadmins?|team|people|persons?|humans?|staff|intern|contractors?|responders?|reviewers?|deployers?)$/i;

/** "Bob", "the on-call engineer", "Alice (SRE)": a description that names only a person. */
function namesOnlyAPerson(description: string, people: Set<string>): boolean {
	const d = description
		.trim()
		.replace(/\([^)]*\)/g, '')
		.replace(/[.!;:,]+$/, '')
		.trim();
	if (!d) return false;
	if (PERSON_ONLY.test(d)) return true;
	if (people.has(d.toLowerCase())) return true;
	// "Bob", "Bob Smith": listed people, or a lone word shaped like a name.
	const words = d.split(/\s+/);
	if (words.length <= 2 && words.every((w) => people.has(w.toLowerCase()))) return true;
	return words.length === 1 && looksLikePersonName(words[0]);
}

function peopleOf(pm: Postmortem): Set<string> {
	// Not timeline "who": that is often a system ("PagerDuty", "CI").
	const names = [pm.incidentLead, pm.facilitator, ...pm.authors, ...pm.participants];
	const out = new Set<string>();
	for (const n of names) {
		const t = n.trim().toLowerCase();
		if (!t) continue;
		out.add(t);
		for (const part of t.split(/\s+/)) if (part.length > 1) out.add(part);
	}
	return out;
}

const VAGUE_START =
	/^(?:improve|improving|improved|enhance|better|more|increase|investigate|investigating|look\s+(?:into|at)|review|revisit|reconsider|ensure|make\s+sure|train|training|educate|communicate|consider|explore|discuss|think\s+about|work\s+on|follow\s+up(?:\s+on)?|fix|address|prevent|avoid|monitor|understand|learn|check|clarify|raise\s+awareness|be)\b/i;
const NEVER_SPECIFIC =
	/\b(?:be\s+(?:more\s+)?(?:careful|vigilant|diligent|attentive)|pay\s+(?:more\s+)?attention|try\s+harder|double[-\s]check|remind\s+(?:people|everyone|the\s+team|engineers|staff)|(?:does\s*n[o']?t|do\s+not|never|won'?t)\s+happen\s+again|in\s+the\s+future|going\s+forward|lessons?\s+learn(?:ed|t))\b/i;
const COMMON_HYPHENATED =
	/^(?:on-call|follow-up|double-check|long-term|short-term|re-run|e-mail|sign-off|hand-off|hand-over|post-mortem|post-incident|in-house|end-to-end|real-time|well-known)$/i;

/** A corrective action title too vague to act on ("Improve monitoring", "Be more careful"). */
export function isVagueAction(title: string): boolean {
	const t = title.trim();
	if (!t) return false;
	if (NEVER_SPECIFIC.test(t)) return true;
	if (!VAGUE_START.test(t)) return false;
	const words = t.split(/\s+/);
	const concrete =
		/\d|`|[a-z][A-Z]|_|\/|\w\.\w|[<>=%]/.test(t) ||
		words.some((w, i) => {
			const bare = w.replace(/^[("'“]+|[)"'”,.;:!?]+$/g, '');
			return (i > 0 && /^\p{Lu}/u.test(bare) && bare !== 'I') || (/\w-\w/.test(bare) && !COMMON_HYPHENATED.test(bare));
		});
	return !concrete && words.length <= 5;
}

/** Today's date 'YYYY-MM-DD' in a time zone (UTC if the zone is unknown). */
function dateIn(now: Date, timeZone: string): string {
	try {
		const parts = new Intl.DateTimeFormat('en-CA', {
			timeZone: timeZone || 'UTC',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		}).formatToParts(now);
		const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
		return `${get('year')}-${get('month')}-${get('day')}`;
	} catch {
		return now.toISOString().slice(0, 10);
	}
}

function parseDay(d: string): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
	if (!m) return undefined;
	const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
	return Number.isNaN(t) ? undefined : t / 86_400_000;
}

/** Weekdays (Mon–Fri) after `from` up to and including `to`; negative when `to` is earlier. */
export function businessDaysBetween(from: string, to: string): number {
	const a = parseDay(from);
	const b = parseDay(to);
	if (a === undefined || b === undefined) return NaN;
	if (b < a) return -businessDaysBetween(to, from);
	let n = 0;
	for (let d = a + 1; d <= b; d++) {
		const wd = (d + 4) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Sunday
		if (wd !== 0 && wd !== 6) n++;
	}
	return n;
}

/** The date `days` business days after `from`, as 'YYYY-MM-DD'. */
function addBusinessDays(from: string, days: number): string {
	let d = parseDay(from) ?? 0;
	let left = days;
	while (left > 0) {
		d++;
		const wd = (d + 4) % 7;
		if (wd !== 0 && wd !== 6) left--;
	}
	return new Date(d * 86_400_000).toISOString().slice(0, 10);
}

function actionLabel(a: CorrectiveAction, i: number): string {
	const t = a.title.trim();
	return t ? `${i + 1} (“${t.length > 40 ? t.slice(0, 39) + '…' : t}”)` : `${i + 1}`;
}

function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function plural(n: number, one: string, many = one + 's'): string {
	return `${n} ${n === 1 ? one : many}`;
}

/**
 * Check a postmortem against the review checklist; `now` dates a meeting not yet held and
 * `findings` are its language findings (`lintPostmortem(pm)`, or what an editor already found).
 */
export function reviewPostmortem(pm: Postmortem, now: Date, findings: readonly PostmortemFinding[]): ReviewItem[] {
	const items: ReviewItem[] = [];
	const add = (id: string, status: ReviewItem['status'], title: string, message: string, section: SectionId) =>
		items.push({ id, status, title, message, section });

	// Contributing factors.
	const factors = pm.contributingFactors.map((f, i) => ({ f, n: i + 1, d: f.description.trim() })).filter((x) => x.d);
	add(
		'factors-count',
		factors.length >= 2 ? 'pass' : 'fail',
		'At least two contributing factors',
		factors.length >= 2
			? `${plural(factors.length, 'contributing factor')} listed.`
			: `Add ${factors.length ? 'at least one more contributing factor' : 'at least two contributing factors'}: what helped it happen, and what hindered detection, diagnosis or resolution?`,
		'factors'
	);
	const people = peopleOf(pm);
	// Reviewed or not, a blame label in a factor fails this check; the findings already hold them.
	const blameLabelled = new Set(findings.filter((f) => f.finding.rule === 'blame-label').map((f) => f.field.ref));
	const blaming = factors.filter((x) => blameLabelled.has(`factors.${x.f.id}.description`) || namesOnlyAPerson(x.d, people));
	add(
		'factors-blameless',
		blaming.length ? 'fail' : 'pass',
		'No factor is a person or “human error”',
		blaming.length
			? `Rewrite contributing factor ${list(blaming.map((x) => String(x.n)))} as the conditions that made the action reasonable, easy or likely, not as a person or their error.`
			: 'No contributing factor blames a person.',
		'factors'
	);

	// What went well.
	add(
		'went-well',
		pm.wentWell.trim() ? 'pass' : 'fail',
		'“What went well” is filled in',
		pm.wentWell.trim()
			? 'What went well is recorded.'
			: 'Write what went well: which safeguards held and what made detection, diagnosis and repair effective.',
		'went-well'
	);

	// Timeline milestones.
	const required: Milestone[] = ['impact-began', 'detected', 'resolved'];
	const missing = required.filter((m) => !pm.timeline.some((e) => e.milestone === m));
	add(
		'timeline-milestones',
		missing.length ? 'fail' : 'pass',
		'Timeline marks impact start, detection and resolution',
		missing.length
			? `Mark the timeline entries where ${list(missing.map((m) => `“${MILESTONE_NAMES[m]}”`))} happened.`
			: 'Impact start, detection and resolution are marked.',
		'timeline'
	);

	// Timeline order (the editor keeps entries sorted; imports may not).
	const timed = pm.timeline.map((e, i) => ({ e, n: i + 1 })).filter((x) => x.e.at);
	const outOfOrder = timed.findIndex((x, i) => i > 0 && x.e.at < timed[i - 1].e.at);
	add(
		'timeline-order',
		outOfOrder > 0 ? 'warn' : 'pass',
		'Timeline entries are in order',
		outOfOrder > 0
			? `Put timeline entry ${timed[outOfOrder].n} (${timed[outOfOrder].e.at.replace('T', ' ')}) before entry ${timed[outOfOrder - 1].n} (${timed[outOfOrder - 1].e.at.replace('T', ' ')}), or correct their times.`
			: 'Timeline entries are in chronological order.',
		'timeline'
	);

	// Milestone order: impact began ≤ detected ≤ mitigated ≤ resolved.
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
	add(
		'milestone-order',
		bad || noTime.length ? 'warn' : 'pass',
		'Milestones have times in a sensible order',
		bad
			? `“${MILESTONE_NAMES[bad[1]]}” (${when.get(bad[1])!.replace('T', ' ')}) comes before “${MILESTONE_NAMES[bad[0]]}” (${when.get(bad[0])!.replace('T', ' ')}): check the times or the milestone marks.`
			: noTime.length
				? `Give the ${list(noTime.map((m) => `“${MILESTONE_NAMES[m]}”`))} milestone a time so durations can be worked out.`
				: 'Milestones are in a sensible order.',
		'timeline'
	);

	// Corrective actions ("won't do" actions are kept for the record but not checked).
	const actions = pm.correctiveActions.map((a, i) => ({ a, i })).filter((x) => x.a.status !== 'wont-do');
	if (!actions.length) {
		add(
			'actions-present',
			'fail',
			'There are corrective actions',
			pm.correctiveActions.length
				? 'Every action is marked “won’t do”: add at least one action the team will carry out.'
				: 'Add corrective actions: how to reduce the chance this recurs, and to detect, diagnose and resolve it faster.',
			'actions'
		);
	} else {
		add('actions-present', 'pass', 'There are corrective actions', `${plural(actions.length, 'corrective action')} planned.`, 'actions');

		const incomplete = actions
			.map(({ a, i }) => ({
				label: actionLabel(a, i),
				lacks: [!a.owner.trim() && 'an owner', !a.dueDate && 'a due date', !a.priority && 'a priority'].filter((x): x is string => !!x)
			}))
			.filter((x) => x.lacks.length);
		add(
			'actions-complete',
			incomplete.length ? 'fail' : 'pass',
			'Every action has an owner, a due date and a priority',
			incomplete.length
				? `Give ${incomplete
						.slice(0, 4)
						.map((x) => `action ${x.label} ${list(x.lacks)}`)
						.join('; ')}${incomplete.length > 4 ? `; and ${incomplete.length - 4} more` : ''}.`
				: 'Every action has an owner, a due date and a priority.',
			'actions'
		);

		const hasShort = actions.some(({ a }) => a.term === 'short');
		const hasLong = actions.some(({ a }) => a.term === 'long');
		const lackTerm = [!hasShort && 'short-term', !hasLong && 'long-term'].filter((x): x is string => !!x);
		add(
			'actions-terms',
			lackTerm.length ? 'warn' : 'pass',
			'Short-term and long-term actions',
			lackTerm.length
				? `Add (or mark) at least one ${list(lackTerm)} action: a quick fix now and a deeper change later.`
				: 'There are both short-term and long-term actions.',
			'actions'
		);

		const urgent = actions.some(({ a }) => a.priority === 'high' || a.priority === 'critical');
		add(
			'actions-priority',
			urgent || pm.riskAccepted.trim() ? 'pass' : 'warn',
			'A high-priority action, or the risk accepted',
			urgent
				? 'At least one action has high or critical priority.'
				: pm.riskAccepted.trim()
					? 'No action is high priority, and the accepted risk is explained.'
					: 'Make at least one action high or critical priority, or write down why the risk is accepted.',
			'actions'
		);

		add(
			'actions-count',
			actions.length > MAX_ACTIONS ? 'warn' : 'pass',
			'Not too many actions',
			actions.length > MAX_ACTIONS
				? `Trim the ${actions.length} actions to the ${MAX_ACTIONS} or fewer that matter most: too many actions are as bad as none.`
				: 'The number of actions is manageable.',
			'actions'
		);

		const vague = actions.filter(({ a }) => isVagueAction(a.title));
		add(
			'actions-specific',
			vague.length ? 'warn' : 'pass',
			'Actions are specific',
			vague.length
				? `Make action ${list(vague.map(({ a, i }) => actionLabel(a, i)))} specific: what exactly changes, where, and how you will know it worked.`
				: 'No action title is vague.',
			'actions'
		);
	}

	// Timing: the meeting within about five business days.
	const incidentDay = parseDay(pm.incidentDate) !== undefined ? pm.incidentDate.slice(0, 10) : '';
	if (!incidentDay) {
		add('timing', 'warn', 'Held within five business days', 'Enter the incident date so the timing can be checked.', 'overview');
	} else {
		const held = parseDay(pm.meetingDate) !== undefined ? pm.meetingDate.slice(0, 10) : '';
		const deadline = addBusinessDays(incidentDay, MEETING_WITHIN_BUSINESS_DAYS);
		if (held) {
			const days = businessDaysBetween(incidentDay, held);
			add(
				'timing',
				days < 0 || days > MEETING_WITHIN_BUSINESS_DAYS ? 'warn' : 'pass',
				'Held within five business days',
				days < 0
					? 'The meeting date is before the incident date: check both dates.'
					: days > MEETING_WITHIN_BUSINESS_DAYS
						? `The meeting was ${days} business days after the incident; aim for five or fewer next time, while memories are fresh.`
						: `The meeting was ${plural(days, 'business day')} after the incident.`,
				'overview'
			);
		} else if (pm.status === 'final') {
			add('timing', 'warn', 'Held within five business days', 'Record the meeting date.', 'overview');
		} else {
			const days = businessDaysBetween(incidentDay, dateIn(now, pm.timeZone));
			add(
				'timing',
				days > MEETING_WITHIN_BUSINESS_DAYS ? 'warn' : 'pass',
				'Held within five business days',
				days > MEETING_WITHIN_BUSINESS_DAYS
					? `It has been ${days} business days since the incident: hold the meeting soon and record its date.`
					: `Hold the meeting by ${deadline} and record its date.`,
				'overview'
			);
		}
	}

	// Language.
	const open = findings.filter((f) => !f.reviewed);
	add(
		'language',
		open.length ? 'warn' : 'pass',
		'No unreviewed blaming or counterfactual language',
		open.length
			? `Review ${plural(open.length, 'flagged phrase')}: rephrase ${open.length === 1 ? 'it' : 'them'} or mark ${open.length === 1 ? 'it' : 'each'} “reviewed, keep it”.`
			: 'No open language findings.',
		open[0]?.field.section ?? 'summary'
	);

	return items;
}
