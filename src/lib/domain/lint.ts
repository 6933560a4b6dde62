/** The blameless language coach: finds wording that blames, judges in hindsight or hides complexity. */

import { textFields, type Postmortem } from './model';
import { findingKey, type LanguageFinding, type LanguageRuleId, type PostmortemFinding } from './language';
import { isName } from './names';

const MESSAGES: Record<LanguageRuleId, string> = {
	counterfactual:
		'Counterfactual: it describes what did not happen, a story that exists only in hindsight and implies someone chose wrongly.',
	'blame-label':
		'Blame label: it judges a person instead of explaining what made the action reasonable at the time, and ends the inquiry where it should start.',
	'why-question': '"Why did you…" puts people on the defensive: they justify themselves instead of telling you what they saw.',
	hindsight:
		'Hindsight: it was only clear once the outcome was known; at the time other signals competed for attention (curse of knowledge).',
	minimising: 'Minimising: it makes the step sound trivial and hides the knowledge, access and time it needed.',
	'root-cause': '"The root cause" suggests a single cause; incidents in complex systems have several contributing factors.'
};

// ---------------------------------------------------------------------------------------------
// Word lists

const PARTICIPLES = new Set(
	`been done known seen taken given gone got gotten made said told thought caught brought bought taught
	sought fought found felt held heard kept left lost meant met paid put read run set sent spent stood
	understood won written chosen spoken broken driven hidden shown drawn thrown grown flown blown forgotten
	woken proven begun become come hit let cut shut quit spread split built dealt led fed bent lent sold slept
	spun struck stuck swept rerun re-run undone redone rewritten rebuilt overseen foreseen mistaken withdrawn
	reread rung rang sung swum torn worn sworn shaken ridden risen eaten fallen stolen frozen chosen bitten
	forbidden forgiven beaten upheld withheld overridden overrun`.split(/\s+/)
);
/** Words ending in -ed that are not past participles. */
const ED_WORDS = new Set(
	'red bed need speed feed seed bleed breed greed hundred sacred naked wicked embed indeed proceed succeed exceed shred ragged rugged'.split(
		' '
	)
);
const ADVERBS = new Set(
	'just also never not already still then first all both simply really even actually probably definitely maybe perhaps at least only again ever instead rather so'.split(
		' '
	)
);
const PRONOUNS = new Set('i we you he she they someone somebody anyone anybody nobody everyone everybody who'.split(' '));
const ROLES = new Set(
	`engineer operator on-call oncall on-caller team developer sre reviewer responder admin administrator
	sysadmin dba manager lead ic commander author staff person people human analyst tester
	owner colleague teammate contractor employee maintainer approver releaser deployer coordinator
	intern newcomer junior senior`.split(/\s+/)
);

/** Outcomes: "we could have lost data" is about luck, not a judgement of a decision. */
const OUTCOMES = new Set(
	`been lost gone caused hit affected exposed corrupted deleted dropped wiped destroyed broken taken leaked
	cost become happened led resulted ended triggered hurt damaged impacted spread cascaded crashed failed
	lasted continued overloaded exhausted saturated filled woken`.split(/\s+/)
);
/** Verbs of detection and prevention: "could have been caught", "would have prevented it". */
const PREVENTED = new Set(
	'caught prevented avoided detected spotted noticed found stopped seen known realised realized flagged handled mitigated fixed'.split(' ')
);
const BASE_VERBS = `restart reboot rerun re-run retry redeploy deploy roll rollback revert undo click press push
	check look read use add change flip toggle delete remove kill scale bump increase decrease raise lower copy
	paste type turn switch disable enable open close run apply set update upgrade fix patch ask follow grep
	search google page call ping reload refresh clear purge flush edit tweak rename move stop start wait ignore
	skip write merge restore comment tell escalate drain failover fail reset`
	.split(/\s+/)
	.join('|');

// ---------------------------------------------------------------------------------------------
// Small text helpers

const W = '[\\p{L}\\p{M}\\p{N}_]';
const NB = `(?<!${W})`;
const NE = `(?!${W})`;
const AP = "['’]";
const WORD_RE = /[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_'’-]*[\p{L}\p{M}\p{N}_])?/gu;
const BOUNDARY_RE = /[.!?;:](?=\s|$)|\n|\u0000/gu;

interface Tok {
	w: string;
	s: number;
	e: number;
}

function tokens(str: string, offset: number): Tok[] {
	const out: Tok[] = [];
	for (const m of str.matchAll(WORD_RE)) out.push({ w: m[0], s: offset + m.index, e: offset + m.index + m[0].length });
	return out;
}

/** The clause before `pos` (from the last sentence boundary), at most 200 characters. */
function clauseBefore(masked: string, pos: number): { str: string; from: number; atStart: boolean } {
	const from0 = Math.max(0, pos - 200);
	const slice = masked.slice(from0, pos);
	let cut = -1;
	for (const m of slice.matchAll(BOUNDARY_RE)) cut = m.index + m[0].length;
	if (cut >= 0) return { str: slice.slice(cut), from: from0 + cut, atStart: true };
	return { str: slice, from: from0, atStart: from0 === 0 };
}

/** The clause after `pos` (to the next sentence boundary), at most 200 characters. */
function clauseAfter(masked: string, pos: number): { str: string; from: number } {
	const slice = masked.slice(pos, pos + 200);
	BOUNDARY_RE.lastIndex = 0;
	const m = BOUNDARY_RE.exec(slice);
	BOUNDARY_RE.lastIndex = 0;
	return { str: m ? slice.slice(0, m.index) : slice, from: pos };
}

function lower(w: string): string {
	return w.toLowerCase().replace(/’/g, "'");
}

function isParticiple(w: string): boolean {
	const l = lower(w);
	if (PARTICIPLES.has(l)) return true;
	return /^[\p{L}-]{2,}ed$/u.test(l) && !ED_WORDS.has(l);
}

function isAdverb(w: string): boolean {
	const l = lower(w);
	return ADVERBS.has(l) || (l.length > 4 && l.endsWith('ly') && l !== 'only' && l !== 'early' && l !== 'family');
}

/** Index of the first token that is not an adverb, or -1. */
function firstNonAdverb(toks: Tok[], from = 0, max = 3): number {
	for (let i = from; i < toks.length && i < from + max; i++) if (!isAdverb(toks[i].w)) return i;
	return -1;
}

/** Whether a word (last word of a subject) stands for a person: a pronoun, a role, or a name. */
function isPersonWord(w: string): boolean {
	const l = lower(w).replace(/'(?:d|ve|s|ll)$/, '');
	if (PRONOUNS.has(l)) return true;
	if (ROLES.has(l) || (l.endsWith('s') && ROLES.has(l.slice(0, -1)))) return true;
	return isName(w.replace(/['’](?:d|ve|ll)$/, ''));
}

const AUX_SKIP = new Set("had has have 'd would".split(' '));

/** Whether the clause before `pos` ends with a person as subject (skipping auxiliaries and adverbs). */
function personSubjectBefore(masked: string, pos: number): boolean {
	const toks = tokens(clauseBefore(masked, pos).str, 0);
	for (let i = toks.length - 1, n = 0; i >= 0 && n < 4; i--, n++) {
		const w = toks[i].w;
		if (AUX_SKIP.has(lower(w)) || isAdverb(w)) continue;
		return isPersonWord(w);
	}
	return false;
}

function quote(s: string): string {
	return `“${s}”`;
}

// ---------------------------------------------------------------------------------------------
// Patterns

interface Ctx {
	masked: string;
	m: RegExpExecArray;
	start: number;
	end: number;
}

/** What a pattern's `accept` may answer: no, yes, or yes with a different phrase span. */
type Verdict = boolean | { start?: number; end?: number; data?: string };

interface Pattern {
	rule: LanguageRuleId;
	re: RegExp;
	accept?: (c: Ctx) => Verdict;
	suggest: (phrase: string, data: string) => string;
}

function rx(source: string): RegExp {
	return new RegExp(source, 'giud');
}

const FUNCTION_WORDS = new Set(
	`the a an this that these those it them him her us me you his their our its my your any some all no every
	each both either back up down out in on off over to for with by at from into onto about before after
	earlier sooner first again instead anything something everything nothing anyone someone there here when
	while because as so and or but than which who whom whose what how if whether until during without via
	through enough more less much twice once then now yet just also even later faster further`.split(/\s+/)
);
const MASS_NOUNS = new Set(
	'capacity access monitoring alerting tooling ownership coverage documentation logging testing data infrastructure support staff oversight tracing budget headroom redundancy'.split(
		' '
	)
);
/** "should have updated docs" is a recommendation (adjective + noun), not a counterfactual. */
function adjectivalUse(masked: string, participle: Tok): boolean {
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
function nextWord(masked: string, end: number, skip = 3): { tok?: Tok; negated: boolean; toks: Tok[]; i: number } {
	const a = clauseAfter(masked, end);
	const toks = tokens(a.str, a.from);
	const i = firstNonAdverb(toks, 0, skip + 1);
	const negated = toks.slice(0, Math.max(i, 0)).some((t) => /^(?:not|never)$/i.test(t.w));
	return { tok: i >= 0 ? toks[i] : undefined, negated, toks, i };
}

const DESCRIBE = 'Describe what happened instead: what did they see and do at that moment, and what made it reasonable?';

const SUGGEST_COUNTERFACTUAL = (phrase: string, verb: string): string =>
	verb
		? `${DESCRIBE} e.g. 'the step to ${verb} was not taken because …' rather than ${quote(`${phrase} ${verb}`)}.`
		: `${DESCRIBE} Write what was done and known then, not what was not done.`;

// Compiled on first use: building these /iu expressions takes tens of milliseconds, which a page
// that only imports this module (or never lints) should not pay.
let compiled: Pattern[] | undefined;
const patterns = (): Pattern[] =>
	(compiled ??= [
		// should have / should not have + past participle; should've always.
		{
			rule: 'counterfactual',
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
			rule: 'counterfactual',
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
			rule: 'counterfactual',
			re: rx(`${NB}ought(?:n${AP}?t|\\s+not)?\\s+to(?:\\s+have|${AP}ve)${NE}`),
			suggest: (p) => `${DESCRIBE} Replace ${quote(p)} with what was done and what was known at the time.`
		},
		// would have caught / prevented / noticed …; wouldn't have happened.
		{
			rule: 'counterfactual',
			re: rx(`${NB}would(?:\\s+have|${AP}ve|(?:n${AP}?t|\\s+not|\\s+never)\\s+have)${NE}`),
			accept: (c) => {
				const negative = /n['’]?t|not|never/i.test(c.m[0]);
				const n = nextWord(c.masked, c.end);
				if (!n.tok) return false;
				const v = lower(n.tok.w);
				if (negative || n.negated) return v === 'happened' ? { end: n.tok.e } : false;
				// "Without the canary we would have noticed only later" is about luck, not a judgement.
				if (/\bwithout\b/i.test(clauseBefore(c.masked, c.start).str)) return false;
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
			rule: 'counterfactual',
			re: rx(`${NB}if\\s+only${NE}`),
			accept: (c) => {
				const a = clauseAfter(c.masked, c.end);
				const toks = tokens(a.str, a.from);
				if (!toks.length || /^(?:one|two|three|a|an|few|some|part|half|partially|single|\d+)$/i.test(toks[0].w)) return false;
				return toks.slice(0, 6).some((t) => /^(?:had|hadn['’]?t|were|weren['’]?t|knew|\p{L}+['’]d)$/iu.test(t.w));
			},
			suggest: () => `Replace the wish with what happened and what made the other path hard to see or take at the time.`
		},
		// "Had she checked the dashboard, …": inverted conditional at the start of a clause.
		{
			rule: 'counterfactual',
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
			rule: 'counterfactual',
			re: rx(`${NB}failed\\s+to${NE}`),
			accept: (c) => (personSubjectBefore(c.masked, c.start) ? { data: verbAfter(c) } : false),
			suggest: SUGGEST_COUNTERFACTUAL
		},
		{
			rule: 'counterfactual',
			re: rx(`${NB}(?:neglect(?:ed|ing|s)?|forgot(?:ten)?|forgetting)\\s+to${NE}`),
			accept: (c) => ({ data: verbAfter(c) }),
			suggest: SUGGEST_COUNTERFACTUAL
		},
		{
			rule: 'counterfactual',
			re: rx(`${NB}forgot${NE}(?!\\s*-?\\s*password)`),
			accept: (c) => !/^\s+to\b/i.test(c.masked.slice(c.end, c.end + 4)),
			suggest: () =>
				`${DESCRIBE} Memory is not a safeguard: what reminder, checklist or tool was missing? e.g. 'the step is not in the runbook, so …'.`
		},
		{
			rule: 'counterfactual',
			re: rx(`${NB}(?:did(?:n${AP}?t|\\s+not)\\s+bother|(?:could(?:n${AP}?t|\\s+not)\\s+be\\s+bothered)|not\\s+bothering)${NE}`),
			suggest: () => `${DESCRIBE} Effort is always traded against time and other work: what else was competing for attention?`
		},

		// ----- blame labels
		{
			rule: 'blame-label',
			re: rx(
				`${NB}(?:human\\s+(?:errors?|mistakes?|failures?|failings?)|(?:operator|pilot|engineer|admin|administrator)\\s+(?:errors?|mistakes?)|user\\s+error)${NE}(?!\\s+(?:rates?|codes?|messages?|pages?|counts?|budget|responses?|logs?|types?|class(?:es)?)${NE})`
			),
			suggest: () =>
				`Ask what made the action reasonable, easy or likely, and which test or review missed it; name that as the factor, e.g. 'the command ran against production without a confirmation step'.`
		},
		{
			rule: 'blame-label',
			re: rx(
				`${NB}(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|incompeten(?:t|tly|ce|cy)|laziness|sloppy|sloppily|sloppiness|reckless(?:ly|ness)?|irresponsibl[ey]|irresponsibility|inattentive(?:ness)?|stupid(?:ity)?|idiot(?:ic|s)?|moron(?:ic|s)?|foolish(?:ly|ness)?|(?:dumb|silly|rookie)\\s+mistakes?|fat[\\s-]?finger(?:ed|ing|s)?)${NE}`
			),
			suggest: (p) =>
				`Replace ${quote(p)} with the conditions: what was the person juggling, what did the tool show them, how much time did they have?`
		},
		{
			rule: 'blame-label',
			re: rx(
				`${NB}(?:was|were|is|are|being|been|too|so|plain|pretty|simply|just)\\s+lazy${NE}|${NB}lazy\\s+(?:engineers?|operators?|developers?|people|person|team)${NE}`
			),
			suggest: () => `Describe the conditions instead: what made the shortcut the sensible-looking choice at the time?`
		},
		{
			rule: 'blame-label',
			re: rx(
				`${NB}(?:wasn${AP}?t|was\\s+not|weren${AP}?t|were\\s+not|not)\\s+paying\\s+attention${NE}|${NB}(?:didn${AP}?t|did\\s+not)\\s+pay\\s+attention${NE}`
			),
			suggest: () => `Describe where attention was and why: what else was on screen, in chat or on the pager?`
		},
		// Bob's mistake / his error (but not "their error budget", "the parser's error handling").
		{
			rule: 'blame-label',
			re: rx(
				`${NB}(?<who>[\\p{L}\\p{M}]+)${AP}s\\s+(?:mistakes?|error)${NE}(?!\\s+(?:rates?|codes?|messages?|budget|handling|paths?|logs?|count|responses?|class|types?|pages?)${NE})|${NB}(?:his|her|their|my|your|our)\\s+(?:mistakes?|error)${NE}(?!\\s+(?:rates?|codes?|messages?|budget|handling|paths?|logs?|count|responses?|class|types?|pages?)${NE})`
			),
			accept: (c) => {
				const who = c.m.groups?.who;
				return !who || (isPersonWord(who) && !/^(?:nobody|anybody|anyone|everyone|everybody)$/i.test(who));
			},
			suggest: () =>
				`Describe what made the action reasonable, easy or likely at the time, and which check or review missed it, instead of whose mistake it was.`
		},
		// X's fault / my fault; not "nobody's fault" and not "fault tolerance".
		{
			rule: 'blame-label',
			re: rx(
				`${NB}(?:[\\p{L}\\p{M}]+${AP}s|my|his|her|their|our|your)\\s+fault${NE}(?!\\s*-?\\s*(?:toleran|domain|inject|detect|handl|code|counter|isolat|zone|line|report|log|tree|condition|state|mode|path|model|analys))`
			),
			accept: (c) => {
				const l = lower(c.m[0]);
				if (/^(?:nobody|anybody|anyone|no-one)'s/.test(l)) return false;
				if (/^one's/.test(l) && /\bno\s*$/i.test(c.masked.slice(Math.max(0, c.start - 4), c.start))) return false;
				return true;
			},
			suggest: () => `Name the conditions and decisions instead of a person at fault: what made the action make sense at the time?`
		},
		{
			rule: 'blame-label',
			re: rx(`${NB}at\\s+fault${NE}|${NB}(?:was|is|were|are|entirely|all|totally|partly|completely)\\s+(?<p>(?:the\\s+)?fault\\s+of)${NE}`),
			suggest: () => `Name the conditions and decisions instead of who is at fault: what made the action make sense at the time?`
		},
		{
			rule: 'blame-label',
			re: rx(
				`${NB}(?:to\\s+blame|blamed|blaming|blames|(?:the|take|takes|took|taking|put|putting|shift|shifting|lay|laid|assign|assigning|point)\\s+(?:the\\s+)?blame|blame\\s+(?:on|for|the|him|her|them|it|falls|fell|lies|lay|rests))${NE}(?![-‑](?:free|less|aware))`
			),
			accept: (c) => {
				const before = c.masked.slice(Math.max(0, c.start - 40), c.start);
				if (/\b(?:git|svn|hg)\s+$/i.test(before)) return false;
				if (/^to\s/i.test(c.m[0])) {
					// "X is to blame" judges; "looking for someone to blame" talks about blaming.
					if (
						!/\b(?:is|was|are|were|be|been|being)\s+(?:(?:partly|partially|largely|mostly|entirely|solely|all|also|not)\s+)?$/i.test(before)
					)
						return false;
					if (/\b(?:no\s+one|no-one|nobody|none\s+of\s+us|none)\s+(?:is|was|were|are)\s+$/i.test(before)) return false;
				}
				return true;
			},
			suggest: () => `Leave blame out: describe the conditions that made the failure possible, as contributing factors.`
		},
		{
			rule: 'blame-label',
			re: rx(
				`${NB}(?:(?:dropped|drop|drops|dropping)\\s+the\\s+ball|(?:messed|screwed|fucked|f\\*cked|cocked|botched|bungled)\\s+(?:it\\s+|this\\s+|that\\s+)?up|(?:screw|mess|fuck|f\\*ck|cock)-?ups?|botched|bungled|blunder(?:ed|s)?)${NE}`
			),
			suggest: () => `Say what happened plainly and without judgement, e.g. 'the hand-off note did not mention the open incident'.`
		},

		// ----- why questions aimed at people
		{
			rule: 'why-question',
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
		},

		// ----- hindsight and the curse of knowledge
		{
			rule: 'hindsight',
			re: rx(`${NB}obviously${NE}`),
			suggest: () => `Drop “obviously” and say what was visible at the time, to whom, and what else competed for their attention.`
		},
		{
			rule: 'hindsight',
			re: rx(
				`${NB}(?:was|were|is|seemed|looked|been)\\s+(?:so\\s+|very\\s+|pretty\\s+|quite\\s+|fairly\\s+|really\\s+|completely\\s+|perfectly\\s+|totally\\s+)?obvious${NE}|${NB}(?:an?|the)\\s+obvious\\s+(?:mistake|error|sign|signal|problem|cause|fix|thing|answer|warning|oversight|issue|choice|step|check|red\\s+flag|bug)s?${NE}`
			),
			suggest: () => `Describe what the people involved could see at the time; it is obvious only now that the outcome is known.`
		},
		{
			rule: 'hindsight',
			re: rx(
				`${NB}(?:it|this)\\s+(?:was|should\\s+have\\s+been|must\\s+have\\s+been|had\\s+been|would\\s+have\\s+been|seemed)\\s+(?:very\\s+|quite\\s+|perfectly\\s+|pretty\\s+|so\\s+|crystal\\s+)?clear(?:\\s+that)?${NE}`
			),
			suggest: () => `Say how and when this became known, and what people saw before that; it may only be clear now.`
		},
		{
			rule: 'hindsight',
			re: rx(
				`${NB}(?:was|were|is|should\\s+have\\s+been|would\\s+have\\s+been)\\s+(?:very\\s+|so\\s+|really\\s+|pretty\\s+)?easy\\s+to\\s+(?:spot|see|catch|notice|avoid|prevent|detect|find)${NE}`
			),
			suggest: () => `Describe what made it hard to spot at the time: what was on screen, what was noisy, what looked normal?`
		},
		{
			rule: 'hindsight',
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
		},

		// ----- minimising
		{
			rule: 'minimising',
			re: rx(`${NB}(?:just|simply|merely|only)\\s+(?:had|needed|has|have|need|needs)\\s+to${NE}`),
			accept: (c) => !/\bnot\s+$/i.test(c.masked.slice(Math.max(0, c.start - 5), c.start)),
			suggest: (p) => `Drop the minimiser in ${quote(p)} and say what the step involved: which knowledge, access and time it took.`
		},
		{
			rule: 'minimising',
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
			rule: 'minimising',
			re: rx(`${NB}(?:should|could|can|would|might|must)\\s+(?:have\\s+)?(?:just|simply|merely)${NE}`),
			suggest: () => `Drop the minimiser and say what the step involved: which knowledge, access and time it took.`
		},
		{
			rule: 'minimising',
			re: rx(
				`${NB}all\\s+(?:you|they|he|she|we|i|someone|anyone|the\\s+[\\p{L}-]+)\\s+(?:had|needed|has|have|need|needs)\\s+to\\s+do\\s+(?:was|is)${NE}`
			),
			suggest: () => `Say what the step involved and what made it hard to see or do at the time.`
		},
		{
			rule: 'minimising',
			re: rx(`${NB}(?:was|is|were|would\\s+have\\s+been|would\\s+be)\\s+(?:a\\s+|an\\s+)?trivial(?:ly)?${NE}`),
			suggest: () => `Describe the change without judging its size: what did it touch, and what made its effect hard to predict?`
		},

		// ----- single root cause
		{
			rule: 'root-cause',
			re: rx(`${NB}root[\\s-]+cause${NE}(?![-‑]|\\s+analys)`),
			accept: (c) => {
				const before = c.masked.slice(Math.max(0, c.start - 24), c.start);
				return !/\b(?:no|not\s+an?|not\s+one|never\s+an?)\s+(?:single\s+|one\s+)?$/i.test(before);
			},
			suggest: () =>
				`Speak of contributing factors: 'one of the contributing factors was …', and look for the others (what hindered detection, diagnosis, resolution?).`
		},
		{
			rule: 'root-cause',
			re: rx(`${NB}the\\s+(?:real|true|single|sole|only|one|actual|ultimate|underlying)\\s+cause${NE}`),
			accept: (c) => !/\b(?:no|not)\s+$/i.test(c.masked.slice(Math.max(0, c.start - 5), c.start)),
			suggest: () => `Speak of contributing factors: 'one of the contributing factors was …', and look for the others.`
		}
	]);

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

function verbAfter(c: Ctx): string {
	const a = clauseAfter(c.masked, c.end);
	const toks = tokens(a.str, a.from);
	return toks.length ? toks[0].w : '';
}

// ---------------------------------------------------------------------------------------------
// Ignored ranges: code and URLs

/** Ranges [start, end) of inline code, fenced and indented code blocks, and URLs. */
function ignoredRanges(text: string): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	// Block code, line by line.
	let pos = 0;
	let fence: { ch: string; len: number } | null = null;
	let fenceStart = 0;
	let prevBlank = true;
	let inIndented = false;
	let inList = false;
	const blocks: Array<[number, number]> = [];
	while (pos <= text.length) {
		let nl = text.indexOf('\n', pos);
		if (nl < 0) nl = text.length;
		const line = text.slice(pos, nl);
		const blank = line.trim() === '';
		if (fence) {
			const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
			if (close && close[1][0] === fence.ch && close[1].length >= fence.len) {
				blocks.push([fenceStart, nl]);
				fence = null;
			}
		} else {
			const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
			if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) {
				fence = { ch: open[1][0], len: open[1].length };
				fenceStart = pos;
				inIndented = false;
			} else if (!blank && /^(?: {4}|\t)/.test(line) && (inIndented || (prevBlank && !inList))) {
				blocks.push([pos, nl]);
				inIndented = true;
			} else if (!blank) {
				inIndented = false;
				if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) inList = true;
				else if (!/^\s/.test(line)) inList = false;
			}
		}
		prevBlank = blank;
		pos = nl + 1;
	}
	if (fence) blocks.push([fenceStart, text.length]);
	ranges.push(...blocks);

	// Inline code spans, paired per paragraph (a backtick run closes at the next run of the same length).
	const inBlock = (i: number) => blocks.some(([a, b]) => i >= a && i < b);
	const runs: Array<{ s: number; len: number; para: number }> = [];
	let para = 0;
	for (const m of text.matchAll(/`+|\n[ \t]*\n/g)) {
		if (m[0][0] === '\n') para++;
		else if (!inBlock(m.index)) runs.push({ s: m.index, len: m[0].length, para });
	}
	const next = new Array<number>(runs.length).fill(-1);
	const last = new Map<string, number>();
	for (let i = runs.length - 1; i >= 0; i--) {
		const k = `${runs[i].para}:${runs[i].len}`;
		next[i] = last.get(k) ?? -1;
		last.set(k, i);
	}
	for (let i = 0; i < runs.length; i++) {
		const j = next[i];
		if (j < 0) continue;
		ranges.push([runs[i].s, runs[j].s + runs[j].len]);
		i = j;
	}

	// URLs.
	for (const m of text.matchAll(/(?:https?:\/\/|www\.)[^\s<>"'`]+/gi)) {
		const url = m[0].replace(/[.,;:!?)\]}*_]+$/, '');
		ranges.push([m.index, m.index + url.length]);
	}
	return ranges;
}

/** The text with ignored ranges replaced by NUL characters (same length, so offsets stay valid). */
function maskIgnored(text: string): string {
	const ranges = ignoredRanges(text).sort((a, b) => a[0] - b[0]);
	if (!ranges.length) return text;
	let out = '';
	let pos = 0;
	for (const [a, b] of ranges) {
		const s = Math.max(a, pos);
		if (b <= s) continue;
		out += text.slice(pos, s) + '\u0000'.repeat(b - s);
		pos = b;
	}
	return out + text.slice(pos);
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Every phrase in `text` that hurts a blameless review, in order of position. */
export function lintText(text: string): LanguageFinding[] {
	if (!text) return [];
	const masked = maskIgnored(text);
	const raw: Array<{ start: number; end: number; rule: LanguageRuleId; p: Pattern; data: string }> = [];
	for (const p of patterns()) {
		p.re.lastIndex = 0;
		let m: RegExpExecArray | null;
		while ((m = p.re.exec(masked))) {
			const span = m.indices?.groups?.p ?? [m.index, m.index + m[0].length];
			let [start, end] = span;
			let data = '';
			if (p.accept) {
				const v = p.accept({ masked, m, start, end });
				if (!v) continue;
				if (typeof v === 'object') {
					start = v.start ?? start;
					end = v.end ?? end;
					data = v.data ?? '';
				}
			}
			raw.push({ start, end, rule: p.rule, p, data });
			if (m[0].length === 0) p.re.lastIndex++;
		}
	}
	raw.sort((a, b) => a.start - b.start || b.end - a.end);
	// Overlapping findings of the same rule become one.
	const merged: typeof raw = [];
	for (const r of raw) {
		const prev = merged.findLast((x) => x.rule === r.rule && x.end > r.start);
		if (prev) prev.end = Math.max(prev.end, r.end);
		else merged.push({ ...r });
	}
	return merged
		.sort((a, b) => a.start - b.start || a.end - b.end)
		.map((r) => {
			const phrase = text.slice(r.start, r.end);
			return {
				start: r.start,
				end: r.end,
				rule: r.rule,
				phrase,
				message: MESSAGES[r.rule],
				suggestion: r.p.suggest(phrase, r.data)
			};
		});
}

/** Language findings across every free-text field of a postmortem, in document order. */
export function lintPostmortem(pm: Postmortem): PostmortemFinding[] {
	const reviewed = new Set(pm.reviewedFindings);
	const out: PostmortemFinding[] = [];
	for (const field of textFields(pm))
		for (const finding of lintText(field.text)) {
			const key = findingKey(field.ref, finding);
			out.push({ field, finding, key, reviewed: reviewed.has(key) });
		}
	return out;
}
