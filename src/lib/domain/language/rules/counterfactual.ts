/** Counterfactuals: "should have", "could have", "failed to", "forgot to", "if only", "had she checked". */

import type { Rule } from '../rule';
import {
	adjectivalUse,
	AP,
	clauseAfter,
	clauseBefore,
	firstNonAdverb,
	isParticiple,
	isPersonWord,
	lower,
	NB,
	NE,
	nextWord,
	personSubjectBefore,
	quote,
	rx,
	tokens,
	wordAfter
} from '../text';
import { isName } from '../../names';
import { OUTCOMES, PREVENTED, PRONOUNS } from '../words';

const DESCRIBE = 'Describe what happened instead: what did they see and do at that moment, and what made it reasonable?';

const SUGGEST_COUNTERFACTUAL = (phrase: string, verb: string): string =>
	verb
		? `${DESCRIBE} e.g. 'the step to ${verb} was not taken because …' rather than ${quote(`${phrase} ${verb}`)}.`
		: `${DESCRIBE} Write what was done and known then, not what was not done.`;

/** The counterfactual rule. */
export const counterfactual: Rule = {
	id: 'counterfactual',
	message: 'Counterfactual: it describes what did not happen, a story that exists only in hindsight and implies someone chose wrongly.',
	patterns: () => [
		// should have / should not have + past participle; should've always.
		{
			re: rx(`${NB}(?:should(?:n${AP}?t|\\s+not)?\\s+(?:have|of)|should(?:n${AP}?t)?${AP}ve)${NE}`),
			accept: (c) => {
				const n = nextWord(c.masked, c.end);
				if (/['’]ve$/i.test(c.m[0])) return { end: n.tok && isParticiple(n.tok.w) ? n.tok.e : c.end, data: '' };
				if (!n.tok || !isParticiple(n.tok.w) || adjectivalUse(c.masked, n.tok)) return false;
				// "The TTL should have been 5 minutes" states a value, not a judgement of someone's action.
				if (/^been$/i.test(n.tok.w) && /^\d/.test(n.toks[n.i + 1]?.w ?? '')) return false;
				return { end: n.tok.e };
			},
			suggest: (p) => {
				const last = p.split(/\s+/).at(-1) ?? '';
				const example = isParticiple(last) && !/^been$/i.test(last) ? `it was not ${last} because …` : 'the check was not run because …';
				return `${DESCRIBE} e.g. '${example}' instead of ${quote(p)}.`;
			}
		},
		// could have + participle, when a person is the subject, or "could have been caught/prevented".
		{
			re: rx(`${NB}could(?:\\s+have|${AP}ve)${NE}`),
			accept: (c) => {
				const n = nextWord(c.masked, c.end);
				if (!n.tok || n.negated) return false;
				const v = lower(n.tok.w);
				if (v === 'been') {
					const k = firstNonAdverb(n.toks, n.i + 1);
					if (k >= 0 && PREVENTED.has(lower(n.toks[k].w))) return { end: n.toks[k].e };
					return false;
				}
				if (!isParticiple(v) || OUTCOMES.has(v) || adjectivalUse(c.masked, n.tok)) return false;
				// "Anyone could have made that mistake" is the blameless view, not a judgement.
				if (/\b(?:anyone|anybody|everyone|everybody|any\s+of\s+us)\s+$/i.test(c.masked.slice(Math.max(0, c.start - 16), c.start)))
					return false;
				return personSubjectBefore(c.masked, c.start) ? { end: n.tok.e } : false;
			},
			suggest: (p) =>
				`${DESCRIBE} Options that look clear now were not visible then; if one should exist next time, make it a corrective action rather than ${quote(p)}.`
		},
		{
			re: rx(`${NB}ought(?:n${AP}?t|\\s+not)?\\s+to(?:\\s+have|${AP}ve)${NE}`),
			suggest: (p) => `${DESCRIBE} Replace ${quote(p)} with what was done and what was known at the time.`
		},
		// would have caught / prevented / noticed …; wouldn't have happened.
		{
			re: rx(`${NB}would(?:\\s+have|${AP}ve|(?:n${AP}?t|\\s+not|\\s+never)\\s+have)${NE}`),
			accept: (c) => {
				const negative = /n['’]?t|not|never/i.test(c.m[0]);
				const n = nextWord(c.masked, c.end);
				if (!n.tok) return false;
				const v = lower(n.tok.w);
				if (negative || n.negated) return v === 'happened' ? { end: n.tok.e } : false;
				// "Without the canary we would have noticed only later" is about luck, not a judgement.
				if (/\bwithout\b/i.test(clauseBefore(c.masked, c.start).str)) return false;
				// "the consumer would have caught up": a phrasal verb about a system, not a check missed.
				if (v === 'caught' && /^\s+up\b/i.test(c.masked.slice(n.tok.e))) return false;
				if (PREVENTED.has(v)) return { end: n.tok.e };
				if (v === 'been') {
					const k = firstNonAdverb(n.toks, n.i + 1);
					if (k >= 0 && PREVENTED.has(lower(n.toks[k].w))) return { end: n.toks[k].e };
				}
				return false;
			},
			suggest: (p) =>
				`Describe which checks existed at the time and why they did not catch it; a check that would help next time belongs in the corrective actions, not in ${quote(p)}.`
		},
		// if only … had / were / knew
		{
			re: rx(`${NB}if\\s+only${NE}`),
			accept: (c) => {
				const a = clauseAfter(c.masked, c.end);
				const toks = tokens(a.str, a.from);
				if (!toks.length || /^(?:one|two|three|a|an|few|some|part|half|partially|single|\d+)$/i.test(toks[0].w)) return false;
				return toks.slice(0, 6).some((t) => /^(?:had|hadn['’]?t|were|weren['’]?t|knew|\p{L}+['’]d)$/iu.test(t.w));
			},
			suggest: () => `Replace the wish with what happened and what made the other path hard to see or take at the time.`
		},
		// "If Ana had checked the config, we would not have…": a person's path not taken, without a "should".
		{
			re: rx(
				`${NB}if\\s+(?:the\\s+|our\\s+)?(?<who>[\\p{L}\\p{M}-]+)\\s+had\\s+(?:(?:not|only|just|simply)\\s+)?(?<v>[\\p{L}\\p{M}]+)${NE}`
			),
			accept: (c) => {
				const { who = '', v = '' } = c.m.groups ?? {};
				if (!isPersonWord(who) || !isParticiple(v) || /^been$/i.test(v)) return false;
				return /\b(?:would|could|might|wouldn['’]?t|couldn['’]?t)\b/i.test(
					clauseAfter(c.masked, c.end).str + c.masked.slice(c.end, c.end + 200)
				);
			},
			suggest: () =>
				`Describe what they did and knew at that moment, and what made the other path hard to see or take, instead of what would have followed from it.`
		},
		// "Had she checked the dashboard, …": inverted conditional at the start of a clause.
		{
			re: rx(`${NB}had${NE}`),
			accept: (c) => {
				const before = clauseBefore(c.masked, c.start);
				const prev = tokens(before.str, before.from).filter((t) => !/^\d+$/.test(t.w));
				const lastPrev = prev.at(-1);
				const gap = c.masked.slice(lastPrev ? lastPrev.e : before.from, c.start);
				const clauseStart = (!lastPrev && before.atStart) || /[,—–(]/.test(gap);
				if (!clauseStart) return false;
				const a = clauseAfter(c.masked, c.end);
				const toks = tokens(a.str, a.from);
				if (toks.length < 2) return false;
				const w0 = lower(toks[0].w);
				const rest = (k: number) => a.str.slice(toks[k].e - a.from);
				const consequence = (k: number) => /,|\b(?:would|could|might|wouldn['’]?t|couldn['’]?t)\b/i.test(rest(k));
				if (PRONOUNS.has(w0) && w0 !== 'who') {
					const k = firstNonAdverb(toks, 1);
					return k >= 0 && isParticiple(toks[k].w) ? { end: toks[k].e } : false;
				}
				const det = /^(?:the|a|an|our|their|his|her|my|your|any|that|this)$/.test(w0);
				if (!det && !isName(toks[0].w)) return false;
				for (let k = det ? 2 : 1; k < Math.min(toks.length, det ? 5 : 2); k++) {
					if (isParticiple(toks[k].w)) return consequence(k) ? { end: toks[k].e } : false;
				}
				return false;
			},
			suggest: () =>
				`Describe what they actually did and knew at that moment, instead of the path not taken; e.g. 'she looked at the error-rate graph, which showed no change, because …'.`
		},
		// failed to: only with a person as subject ("the job failed to start" is a system description).
		{
			re: rx(`${NB}failed\\s+to${NE}`),
			accept: (c) => (personSubjectBefore(c.masked, c.start) ? { data: wordAfter(c.masked, c.end) } : false),
			suggest: SUGGEST_COUNTERFACTUAL
		},
		{
			re: rx(`${NB}(?:neglect(?:ed|ing|s)?|forgot(?:ten)?|forgetting)\\s+to${NE}`),
			accept: (c) => ({ data: wordAfter(c.masked, c.end) }),
			suggest: SUGGEST_COUNTERFACTUAL
		},
		{
			re: rx(`${NB}forgot${NE}(?!\\s*-?\\s*password)`),
			accept: (c) => !/^\s+to\b/i.test(c.masked.slice(c.end, c.end + 4)),
			suggest: () =>
				`${DESCRIBE} Memory is not a safeguard: what reminder, checklist or tool was missing? e.g. 'the step is not in the runbook, so …'.`
		},
		{
			re: rx(`${NB}(?:did(?:n${AP}?t|\\s+not)\\s+bother|(?:could(?:n${AP}?t|\\s+not)\\s+be\\s+bothered)|not\\s+bothering)${NE}`),
			suggest: () => `${DESCRIBE} Effort is always traded against time and other work: what else was competing for attention?`
		}
	]
};
