/** The shape of a language rule: its id, the message of its findings and its patterns. */

import type { LanguageRuleId } from '../language';

/** A pattern's match as its `accept` sees it: the masked text, the match and its phrase span. */
export interface Ctx {
	masked: string;
	m: RegExpExecArray;
	start: number;
	end: number;
}

/** What a pattern's `accept` may answer: no, yes, or yes with a different phrase span. */
export type Verdict = boolean | { start?: number; end?: number; data?: string };

/** One way a rule's wording shows up: an expression, an optional check of its context, and a suggestion. */
export interface Pattern {
	re: RegExp;
	accept?: (c: Ctx) => Verdict;
	/** What to write instead; `data` is what `accept` passed on (e.g. the verb after "failed to"). */
	suggest: (phrase: string, data: string) => string;
}

/**
 * A language rule. Its title and explanation for the help panel are `LANGUAGE_RULES[id]` in
 * `language.ts`, which the editor loads up front; what is here loads with the engine.
 */
export interface Rule {
	id: LanguageRuleId;
	/** Why a finding of this rule hurts a blameless review: every finding's `message`. */
	message: string;
	/** Builds the rule's patterns (compiling them costs time, so the engine does it on first use). */
	patterns: () => Pattern[];
}
