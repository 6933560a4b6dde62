/** "The root cause": one cause named where several factors contributed. */

import type { Rule } from '../rule';
import { NB, NE, rx } from '../text';

/** The root-cause rule. */
export const rootCause: Rule = {
	id: 'root-cause',
	message: '"The root cause" suggests a single cause; incidents in complex systems have several contributing factors.',
	patterns: () => [
		{
			re: rx(`${NB}root[\\s-]+cause${NE}(?![-‑]|\\s+analys)`),
			accept: (c) => {
				const before = c.masked.slice(Math.max(0, c.start - 24), c.start);
				return !/\b(?:no|not\s+an?|not\s+one|never\s+an?)\s+(?:single\s+|one\s+)?$/i.test(before);
			},
			suggest: () =>
				`Speak of contributing factors: 'one of the contributing factors was …', and look for the others (what hindered detection, diagnosis, resolution?).`
		},
		{
			re: rx(`${NB}the\\s+(?:real|true|single|sole|only|one|actual|ultimate|underlying)\\s+cause${NE}`),
			accept: (c) => !/\b(?:no|not)\s+$/i.test(c.masked.slice(Math.max(0, c.start - 5), c.start)),
			suggest: () => `Speak of contributing factors: 'one of the contributing factors was …', and look for the others.`
		}
	]
};
