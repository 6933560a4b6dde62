/** "Why did you…" questions aimed at a person. */

import { isName } from '../../names';
import type { Ctx, Rule, Verdict } from '../rule';
import { AP, clauseAfter, isPersonWord, lower, NB, NE, rx, tokens } from '../text';
import { PRONOUNS, ROLES } from '../words';

/** The why-question rule. */
export const whyQuestion: Rule = {
	id: 'why-question',
	message: '"Why did you…" puts people on the defensive: they justify themselves instead of telling you what they saw.',
	patterns: () => [
		// Loaded questions: "how could they not see…", "what were they thinking".
		{
			re: rx(
				`${NB}(?:how\\s+(?:could|can|did|would)\\s+(?:they|he|she|you|anyone|anybody|somebody|someone|the\\s+(?:team|engineer|operator|on-?call|reviewer))\\s+(?:not|possibly|ever)|what\\s+(?:were|was)\\s+(?:they|he|she|you|the\\s+(?:team|engineer|operator|reviewer))\\s+thinking)${NE}`
			),
			suggest: () => `Ask what they saw and what they expected: 'What did the dashboard show then, and what did that tell you?'`
		},
		{
			re: rx(
				`${NB}why(?:\\s+on\\s+earth|\\s+the\\s+hell)?\\s+(?:did|do|does|would|were|was|is|are|had|has|have|could|should|will|won${AP}?t|(?:did|do|does|would|were|was|is|are|had|has|have|could|should)n${AP}?t)(?:\\s+not)?${NE}`
			),
			accept: (c) => {
				const v = whyAccept(c);
				// A question needs a verb after its subject; "not “why did you”" only mentions the phrase.
				return v && typeof v === 'object' && /\p{L}/u.test(v.data ?? '') ? v : false;
			},
			suggest: (p, rest) => {
				const negative = /n['’]?t\b|\bnot\b/i.test(p);
				const what = rest.split(/\s+/).slice(0, 6).join(' ');
				if (!what) return `Ask a "what" or "how" question instead: 'What did you know at that point?' or 'What did you see?'`;
				return negative
					? `Ask a "what" or "how" question instead: 'What was going on that made “${what}” hard to do at the time?' or 'What did you know at that point?'`
					: `Ask a "what" or "how" question instead: 'What made “${what}” look like the right step at the time?' or 'What did you see at that point?'`;
			}
		}
	]
};

/** A "why" question aimed at a person: the subject after "why did", and the rest of the question. */
function whyAccept(c: Ctx): Verdict {
	const a = clauseAfter(c.masked, c.end);
	const toks = tokens(a.str, a.from);
	if (!toks.length) return false;
	const w0 = lower(toks[0].w);
	const rest = (k: number) =>
		a.str
			.slice(toks[k].e - a.from)
			.replace(/\?.*$/s, '')
			.replace(/["“”]/g, '')
			.trim();
	if (w0 === 'no') return toks[1] && lower(toks[1].w) === 'one' ? { end: toks[1].e, data: rest(1) } : false;
	if (PRONOUNS.has(w0) && w0 !== 'who') {
		// "Why do we page on this?" asks about a practice, not about what someone did.
		if (w0 === 'we' && !/^why\s+(?:did|didn|would|wouldn|were|weren|had|hadn)/i.test(c.m[0])) return false;
		return { end: toks[0].e, data: rest(0) };
	}
	if (/^(?:the|our|your|their|an?|that|this)$/.test(w0)) {
		for (let k = 1; k < Math.min(toks.length, 4); k++)
			if (isPersonWord(toks[k].w) && !isName(toks[k].w)) {
				while (toks[k + 1] && ROLES.has(lower(toks[k + 1].w).replace(/s$/, ''))) k++;
				return { end: toks[k].e, data: rest(k) };
			}
		return false;
	}
	return isName(toks[0].w) ? { end: toks[0].e, data: rest(0) } : false;
}
