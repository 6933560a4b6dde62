/**
 * The blameless language rules and the shape of a language finding. The engine that finds them
 * (`lint.ts`) is large and is loaded lazily by the editor, so it is not part of this barrel.
 */

import { type Postmortem } from './model';
import { textFields, type TextField } from './parts';

/** The language rules, in the order a help panel lists them. */
export const LANGUAGE_RULE_IDS = ['counterfactual', 'blame-label', 'why-question', 'hindsight', 'minimising', 'root-cause'] as const;
/** Which kind of problem a language finding is. */
export type LanguageRuleId = (typeof LANGUAGE_RULE_IDS)[number];

/** One phrase in a text that hurts a blameless review, with why and what to write instead. */
export interface LanguageFinding {
	/** UTF-16 offsets into the linted text, as `String.prototype.slice` takes them. */
	start: number;
	end: number;
	rule: LanguageRuleId;
	/** `text.slice(start, end)`. */
	phrase: string;
	message: string;
	suggestion: string;
}

/** Title and explanation of each language rule, for a help panel. */
export const LANGUAGE_RULES: Record<LanguageRuleId, { title: string; explanation: string }> = {
	counterfactual: {
		title: 'Counterfactuals',
		explanation:
			'"Should have", "could have", "failed to", "neglected to", "forgot to" and "if only" describe what did not happen. They build a story that exists only in hindsight and quietly judge the people involved. Describe what people actually saw, knew and did, and what made that reasonable at the time.'
	},
	'blame-label': {
		title: 'Blame labels',
		explanation:
			'"Human error", "careless", "operator error", "X\'s fault" judge a person instead of explaining. Human error is where an investigation starts, never where it ends: ask what made the action reasonable, easy or likely, and why no check or review caught it.'
	},
	'why-question': {
		title: '"Why did you…" questions',
		explanation:
			'"Why did you…" makes people justify themselves. Ask "what" and "how" instead: "What did you think was happening?", "What did you know at that point?", "What did you do next?"'
	},
	hindsight: {
		title: 'Hindsight and the curse of knowledge',
		explanation:
			'"Obviously", "clearly" and "it was clear that" are true only now that we know how it ended. Stand where the practitioner stood, at that time, with what they could see.'
	},
	minimising: {
		title: 'Minimising words',
		explanation:
			'"Just", "simply" and "only needed to" make a step sound trivial and hide the knowledge, access and time it takes. Say what the step really involves.'
	},
	'root-cause': {
		title: '"The root cause"',
		explanation:
			'Complex systems fail through several contributing factors. "The root cause" suggests there was only one, and the search stops when it is found. List contributing factors instead.'
	}
};

/** A key for a finding that survives edits elsewhere in the text: field, rule and phrase. */
export function findingKey(fieldRef: string, f: LanguageFinding): string {
	return `${fieldRef}:${f.rule}:${f.phrase.toLowerCase()}`;
}

/** A language finding located in a postmortem field, with its key and whether it was marked reviewed. */
export interface PostmortemFinding {
	field: TextField;
	finding: LanguageFinding;
	key: string;
	reviewed: boolean;
}

/**
 * Every finding in a postmortem's text fields, in document order, with its field, key and whether
 * it was marked reviewed; `findingsIn` gives a text's findings (the engine's `lintText`, or a cache).
 */
export function locateFindings(pm: Postmortem, findingsIn: (text: string) => readonly LanguageFinding[]): PostmortemFinding[] {
	const reviewed = new Set(pm.reviewedFindings);
	const out: PostmortemFinding[] = [];
	for (const field of textFields(pm))
		for (const finding of findingsIn(field.text)) {
			const key = findingKey(field.ref, finding);
			out.push({ field, finding, key, reviewed: reviewed.has(key) });
		}
	return out;
}
