/** Hindsight and the curse of knowledge: "obviously", "it was clear that", "easy to spot", "clearly". */

import type { Rule } from '../rule';
import { AP, NB, NE, rx } from '../text';

/** The hindsight rule. */
export const hindsight: Rule = {
	id: 'hindsight',
	message:
		'Hindsight: it was only clear once the outcome was known; at the time other signals competed for attention (curse of knowledge).',
	patterns: () => [
		// Mind-reading: claims about what was in someone's head, made from the outcome; and a dismissive tone.
		{
			re: rx(
				`${NB}(?:(?:clearly|obviously|evidently|apparently)\\s+(?:did\\s+not|didn${AP}?t|does\\s+not|doesn${AP}?t|never)\\s+(?:understand|know|care|think|read|realise|realize)|(?:apparently|evidently)\\s+(?:nobody|no\\s+one|no-one)\\s+(?:thought|bothered|cared)|(?:nobody|no\\s+one|no-one)\\s+cared\\s+enough|(?:it\\s+was\\s+)?plain\\s+to\\s+see|(?:frankly|needless\\s+to\\s+say)(?=\\s*,))${NE}`
			),
			suggest: () =>
				`Describe what people saw and said at the time instead of what they must have thought: their own words, the screens and messages in front of them.`
		},
		{
			re: rx(`${NB}obviously${NE}`),
			suggest: () => `Drop “obviously” and say what was visible at the time, to whom, and what else competed for their attention.`
		},
		{
			re: rx(
				`${NB}(?:was|were|is|seemed|looked|been)\\s+(?:so\\s+|very\\s+|pretty\\s+|quite\\s+|fairly\\s+|really\\s+|completely\\s+|perfectly\\s+|totally\\s+)?obvious${NE}|${NB}(?:an?|the)\\s+obvious\\s+(?:mistake|error|sign|signal|problem|cause|fix|thing|answer|warning|oversight|issue|choice|step|check|red\\s+flag|bug)s?${NE}`
			),
			suggest: () => `Describe what the people involved could see at the time; it is obvious only now that the outcome is known.`
		},
		{
			re: rx(
				`${NB}(?:it|this)\\s+(?:was|should\\s+have\\s+been|must\\s+have\\s+been|had\\s+been|would\\s+have\\s+been|seemed)\\s+(?:very\\s+|quite\\s+|perfectly\\s+|pretty\\s+|so\\s+|crystal\\s+)?clear(?:\\s+that)?${NE}`
			),
			suggest: () => `Say how and when this became known, and what people saw before that; it may only be clear now.`
		},
		{
			re: rx(
				`${NB}(?:was|were|is|should\\s+have\\s+been|would\\s+have\\s+been)\\s+(?:very\\s+|so\\s+|really\\s+|pretty\\s+)?easy\\s+to\\s+(?:spot|see|catch|notice|avoid|prevent|detect|find)${NE}`
			),
			suggest: () => `Describe what made it hard to spot at the time: what was on screen, what was noisy, what looked normal?`
		},
		{
			re: rx(`${NB}clearly${NE}(?![-‑])`),
			accept: (c) => {
				const before = c.masked.slice(Math.max(0, c.start - 30), c.start);
				const after = c.masked.slice(c.end, c.end + 40);
				if (/\b(?:should|could|would|must|ought\s+to)\s+have\s+$/i.test(before)) return true;
				if (/\b(?:should|could|would|must|ought\s+to)\s+$/i.test(before) && /^\s+have\b/i.test(after)) return true;
				if (
					/^\s+(?:wrong|incorrect|mistaken|a\s+mistake|an\s+error|an\s+oversight|the\s+wrong|bad|a\s+bad|broken|negligent|careless|unsafe|risky|dangerous|the\s+cause|at\s+fault|to\s+blame|showed|indicated|warned|signall?ed|pointed|should\s+have|needed|had\s+to|knew|ignored|missed|failed|caused|a\s+bug|obvious)\b/i.test(
						after
					)
				)
					return true;
				return (
					/\b(?:was|were|had\s+been)\s+$/i.test(before) &&
					/^\s+(?:visible|labell?ed|marked|documented|stated|shown|displayed|written|explained|highlighted|flagged|described|noted|red)\b/i.test(
						after
					)
				);
			},
			suggest: () => `Drop “clearly” and describe what was visible at the time and what competed with it for attention.`
		}
	]
};
