/** Reading words and clauses of a masked text: the helpers the rules' patterns share. */

import { isName } from '../names';
import { ADVERBS, AUX_SKIP, ED_WORDS, FUNCTION_WORDS, MASS_NOUNS, PARTICIPLES, PRONOUNS, ROLES } from './words';

/** A word character, for the boundaries of a pattern. */
const W = '[\\p{L}\\p{M}\\p{N}_]';
/** Pattern source: no word character before. */
export const NB = `(?<!${W})`;
/** Pattern source: no word character after. */
export const NE = `(?!${W})`;
/** Pattern source: an apostrophe, straight or curly. */
export const AP = "['’]";
const WORD_RE = /[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_'’-]*[\p{L}\p{M}\p{N}_])?/gu;
const BOUNDARY_RE = /[.!?;:](?=\s|$)|\n|\u0000/gu;

/** A word and its offsets [s, e) in the text. */
export interface Tok {
	w: string;
	s: number;
	e: number;
}

/** A rule's expression: global, case-insensitive, Unicode, with match indices. */
export function rx(source: string): RegExp {
	return new RegExp(source, 'giud');
}

/** The words of `str`, with offsets shifted by `offset`. */
export function tokens(str: string, offset: number): Tok[] {
	const out: Tok[] = [];
	for (const m of str.matchAll(WORD_RE)) out.push({ w: m[0], s: offset + m.index, e: offset + m.index + m[0].length });
	return out;
}

/** The clause before `pos` (from the last sentence boundary), at most 200 characters. */
export function clauseBefore(masked: string, pos: number): { str: string; from: number; atStart: boolean } {
	const from0 = Math.max(0, pos - 200);
	const slice = masked.slice(from0, pos);
	let cut = -1;
	for (const m of slice.matchAll(BOUNDARY_RE)) cut = m.index + m[0].length;
	if (cut >= 0) return { str: slice.slice(cut), from: from0 + cut, atStart: true };
	return { str: slice, from: from0, atStart: from0 === 0 };
}

/** The clause after `pos` (to the next sentence boundary), at most 200 characters. */
export function clauseAfter(masked: string, pos: number): { str: string; from: number } {
	const slice = masked.slice(pos, pos + 200);
	BOUNDARY_RE.lastIndex = 0;
	const m = BOUNDARY_RE.exec(slice);
	BOUNDARY_RE.lastIndex = 0;
	return { str: m ? slice.slice(0, m.index) : slice, from: pos };
}

/** Lower case with straight apostrophes, for looking words up in the lists. */
export function lower(w: string): string {
	return w.toLowerCase().replace(/’/g, "'");
}

/** Whether a word is a past participle (irregular, or ending in -ed). */
export function isParticiple(w: string): boolean {
	const l = lower(w);
	if (PARTICIPLES.has(l)) return true;
	return /^[\p{L}-]{2,}ed$/u.test(l) && !ED_WORDS.has(l);
}

/** Whether a word is an adverb (listed, or ending in -ly). */
export function isAdverb(w: string): boolean {
	const l = lower(w);
	return ADVERBS.has(l) || (l.length > 4 && l.endsWith('ly') && l !== 'only' && l !== 'early' && l !== 'family');
}

/** Index of the first token that is not an adverb, or -1. */
export function firstNonAdverb(toks: Tok[], from = 0, max = 3): number {
	for (let i = from; i < toks.length && i < from + max; i++) if (!isAdverb(toks[i].w)) return i;
	return -1;
}

/** Whether a word (last word of a subject) stands for a person: a pronoun, a role, or a name. */
export function isPersonWord(w: string): boolean {
	const l = lower(w).replace(/'(?:d|ve|s|ll)$/, '');
	if (PRONOUNS.has(l)) return true;
	if (ROLES.has(l) || (l.endsWith('s') && ROLES.has(l.slice(0, -1)))) return true;
	return isName(w.replace(/['’](?:d|ve|ll)$/, ''));
}

/** Whether the clause before `pos` ends with a person as subject (skipping auxiliaries and adverbs). */
export function personSubjectBefore(masked: string, pos: number): boolean {
	const toks = tokens(clauseBefore(masked, pos).str, 0);
	for (let i = toks.length - 1, n = 0; i >= 0 && n < 4; i--, n++) {
		const w = toks[i].w;
		if (AUX_SKIP.has(lower(w)) || isAdverb(w)) continue;
		return isPersonWord(w);
	}
	return false;
}

/** "should have updated docs" is a recommendation (adjective + noun), not a counterfactual. */
export function adjectivalUse(masked: string, participle: Tok): boolean {
	if (/^(?:been|known|seen|done|gone)$/i.test(participle.w)) return false;
	const a = clauseAfter(masked, participle.e);
	if (/^\s*,/.test(a.str)) return false;
	const t = tokens(a.str, a.from)[0];
	if (!t || !/^\p{Ll}/u.test(t.w)) return false;
	const l = lower(t.w);
	if (FUNCTION_WORDS.has(l) || isAdverb(l)) return false;
	return (l.length > 3 && l.endsWith('s') && !l.endsWith('ss')) || MASS_NOUNS.has(l) || /(?:ing|tion|ment|ity|ance|ence|age)$/.test(l);
}

/** The next meaningful word after `end` (skipping adverbs), with its token. */
export function nextWord(masked: string, end: number, skip = 3): { tok?: Tok; negated: boolean; toks: Tok[]; i: number } {
	const a = clauseAfter(masked, end);
	const toks = tokens(a.str, a.from);
	const i = firstNonAdverb(toks, 0, skip + 1);
	const negated = toks.slice(0, Math.max(i, 0)).some((t) => /^(?:not|never)$/i.test(t.w));
	return { tok: i >= 0 ? toks[i] : undefined, negated, toks, i };
}

/** The first word after `end`, or ''. */
export function wordAfter(masked: string, end: number): string {
	const a = clauseAfter(masked, end);
	const toks = tokens(a.str, a.from);
	return toks.length ? toks[0].w : '';
}

/** A phrase in curly quotes, for a suggestion. */
export function quote(s: string): string {
	return `“${s}”`;
}
