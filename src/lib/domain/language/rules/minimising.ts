/** Minimising words: "just", "simply", "only needed to", "trivial". */

import type { Rule } from '../rule';
import { NB, NE, quote, rx } from '../text';
import { BASE_VERBS } from '../words';

/** The minimising rule. */
export const minimising: Rule = {
	id: 'minimising',
	message: 'Minimising: it makes the step sound trivial and hides the knowledge, access and time it needed.',
	patterns: () => [
		{
			re: rx(`${NB}(?:just|simply|merely|only)\\s+(?:had|needed|has|have|need|needs)\\s+to${NE}`),
			accept: (c) => !/\bnot\s+$/i.test(c.masked.slice(Math.max(0, c.start - 5), c.start)),
			suggest: (p) => `Drop the minimiser in ${quote(p)} and say what the step involved: which knowledge, access and time it took.`
		},
		{
			re: rx(`${NB}(?:just|simply|merely)\\s+(?:${BASE_VERBS})${NE}(?![-‑])`),
			accept: (c) => {
				const before = c.masked.slice(Math.max(0, c.start - 12), c.start);
				// "had just run" means "recently", not "merely"; "we just restart it" describes a habit.
				return !/\b(?:had|has|have|having|was|were|is|are|been|we|i|they)\s+$|['’]d\s+$|['’]ve\s+$/i.test(before);
			},
			suggest: (p) => {
				const verb = p.split(/\s+/).slice(1).join(' ');
				return `Drop “${p.split(/\s+/)[0]}” and say what “${verb}” takes: e.g. '${verb} (needs production access and the runbook page for it)'.`;
			}
		},
		{
			re: rx(`${NB}(?:should|could|can|would|might|must)\\s+(?:have\\s+)?(?:just|simply|merely)${NE}`),
			suggest: () => `Drop the minimiser and say what the step involved: which knowledge, access and time it took.`
		},
		{
			re: rx(
				`${NB}all\\s+(?:you|they|he|she|we|i|someone|anyone|the\\s+[\\p{L}-]+)\\s+(?:had|needed|has|have|need|needs)\\s+to\\s+do\\s+(?:was|is)${NE}`
			),
			suggest: () => `Say what the step involved and what made it hard to see or do at the time.`
		},
		{
			re: rx(`${NB}(?:was|is|were|would\\s+have\\s+been|would\\s+be)\\s+(?:a\\s+|an\\s+)?trivial(?:ly)?${NE}`),
			suggest: () => `Describe the change without judging its size: what did it touch, and what made its effect hard to predict?`
		}
	]
};
