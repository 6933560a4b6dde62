/** Checks of the contributing factors: at least two, and none that is a person or their error. */

import { looksLikePersonName } from '../names';
import type { Postmortem } from '../model';
import { list, plural, type ReviewCheck } from './check';

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

/** At least two contributing factors are listed. */
export const factorsCount: ReviewCheck = {
	id: 'factors-count',
	title: 'At least two contributing factors',
	section: 'factors',
	run: ({ factors }) => ({
		status: factors.length >= 2 ? 'pass' : 'fail',
		message:
			factors.length >= 2
				? `${plural(factors.length, 'contributing factor')} listed.`
				: `Add ${factors.length ? 'at least one more contributing factor' : 'at least two contributing factors'}: what helped it happen, and what hindered detection, diagnosis or resolution?`
	})
};

/** No contributing factor names only a person or carries a blame label. */
export const factorsBlameless: ReviewCheck = {
	id: 'factors-blameless',
	title: 'No factor is a person or “human error”',
	section: 'factors',
	run: ({ pm, factors, findings }) => {
		const people = peopleOf(pm);
		// Reviewed or not, a blame label in a factor fails this check; the findings already hold them.
		const blameLabelled = new Set(findings.filter((f) => f.finding.rule === 'blame-label').map((f) => f.field.ref));
		const blaming = factors.filter((x) => blameLabelled.has(`factors.${x.f.id}.description`) || namesOnlyAPerson(x.d, people));
		return {
			status: blaming.length ? 'fail' : 'pass',
			message: blaming.length
				? `Rewrite contributing factor ${list(blaming.map((x) => String(x.n)))} as the conditions that made the action reasonable, easy or likely, not as a person or their error.`
				: 'No contributing factor blames a person.'
		};
	}
};
