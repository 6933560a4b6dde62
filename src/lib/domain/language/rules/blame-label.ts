/** Blame labels: "human error", "careless", "Bob's mistake", "X's fault", "to blame", "dropped the ball". */

import type { Rule } from '../rule';
import { AP, isPersonWord, lower, NB, NE, personSubjectBefore, quote, rx } from '../text';

/** The blame-label rule. */
export const blameLabel: Rule = {
	id: 'blame-label',
	message:
		'Blame label: it judges a person instead of explaining what made the action reasonable at the time, and ends the inquiry where it should start.',
	patterns: () => [
		// A person as the subject of a judging verb: "Sam overlooked the warning" (not "the alert missed the spike").
		{
			re: rx(`${NB}(?:overlooked|ignored|neglected|missed|disregarded)${NE}`),
			accept: (c) => personSubjectBefore(c.masked, c.start),
			suggest: (p) =>
				`Instead of ${quote(p)}, describe what the person saw and what competed for their attention: how did the signal reach them, and what made it easy to pass over?`
		},
		{
			re: rx(
				`${NB}(?:(?:didn${AP}?t|did\\s+not)\\s+even\\s+(?:look|check|read|try|bother)|cut(?:s|ting)?\\s+corners|lack\\s+of\\s+(?:attention|care|diligence|rigou?r)|poor\\s+(?:judge?ment|discipline|attention|work(?:manship)?|decisions?)|amateurish(?:ly)?|asleep\\s+at\\s+the\\s+wheel|any\\s+(?:competent|decent|good|reasonable)\\s+(?:engineer|developer|operator|admin|person|sre)s?|(?:should|ought\\s+to)\\s+(?:have\\s+)?know(?:n)?\\s+better)${NE}`
			),
			suggest: (p) =>
				`${quote(p)} judges a person. Say what the work was like instead: what did they know, what did the tools show, how much time and help did they have?`
		},
		// Blame carried by a cause: "caused by Tom's bad change", "a mistake made by the night shift", "due to a user mistake".
		{
			re: rx(
				`${NB}(?:(?:caused\\s+by|(?:the\\s+)?result\\s+of|because\\s+of|due\\s+to)\\s+(?:[\\p{L}\\p{M}]+${AP}s|his|her|their|the\\s+(?:user|operator|engineer|developer)${AP}?s?)\\s+(?:bad|wrong|faulty|careless|sloppy|botched|poor|mistaken)\\s+\\p{L}+|(?:a\\s+|the\\s+)?(?:mistake|error|blunder)s?\\s+(?:made|caused|committed)\\s+by|(?:due\\s+to|because\\s+of|caused\\s+by)\\s+(?:a\\s+|the\\s+)?(?:user|operator|engineer|developer|human)\\s+(?:mistake|slip|blunder))${NE}`
			),
			suggest: () =>
				`Name what made the change or the action look right at the time, and which check, test or review did not catch it, instead of whose mistake it was.`
		},
		{
			re: rx(
				`${NB}(?:human\\s+(?:errors?|mistakes?|failures?|failings?)|(?:operator|pilot|engineer|admin|administrator)\\s+(?:errors?|mistakes?)|user\\s+error)${NE}(?!\\s+(?:rates?|codes?|messages?|pages?|counts?|budget|responses?|logs?|types?|class(?:es)?)${NE})`
			),
			suggest: () =>
				`Ask what made the action reasonable, easy or likely, and which test or review missed it; name that as the factor, e.g. 'the command ran against production without a confirmation step'.`
		},
		{
			re: rx(
				`${NB}(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|incompeten(?:t|tly|ce|cy)|laziness|sloppy|sloppily|sloppiness|reckless(?:ly|ness)?|irresponsibl[ey]|irresponsibility|inattentive(?:ness)?|stupid(?:ity)?|idiot(?:ic|s)?|moron(?:ic|s)?|foolish(?:ly|ness)?|(?:dumb|silly|rookie)\\s+mistakes?|fat[\\s-]?finger(?:ed|ing|s)?)${NE}`
			),
			suggest: (p) =>
				`Replace ${quote(p)} with the conditions: what was the person juggling, what did the tool show them, how much time did they have?`
		},
		{
			re: rx(
				`${NB}(?:was|were|is|are|being|been|too|so|plain|pretty|simply|just)\\s+lazy${NE}|${NB}lazy\\s+(?:engineers?|operators?|developers?|people|person|team)${NE}`
			),
			suggest: () => `Describe the conditions instead: what made the shortcut the sensible-looking choice at the time?`
		},
		{
			re: rx(
				`${NB}(?:wasn${AP}?t|was\\s+not|weren${AP}?t|were\\s+not|not)\\s+paying\\s+attention${NE}|${NB}(?:didn${AP}?t|did\\s+not)\\s+pay\\s+attention${NE}`
			),
			suggest: () => `Describe where attention was and why: what else was on screen, in chat or on the pager?`
		},
		// Bob's mistake / his error (but not "their error budget", "the parser's error handling").
		{
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
			re: rx(`${NB}at\\s+fault${NE}|${NB}(?:was|is|were|are|entirely|all|totally|partly|completely)\\s+(?<p>(?:the\\s+)?fault\\s+of)${NE}`),
			suggest: () => `Name the conditions and decisions instead of who is at fault: what made the action make sense at the time?`
		},
		{
			re: rx(
				`${NB}(?:to\\s+blame|blamed|blaming|blames|(?:the|take|takes|took|taking|put|putting|shift|shifting|lay|laid|assign|assigning|point)\\s+(?:the\\s+)?blame|blame\\s+(?:on|for|the|him|her|them|it|falls|fell|lies|lay|rests))${NE}(?![-‑](?:free|less|aware))`
			),
			accept: (c) => {
				const before = c.masked.slice(Math.max(0, c.start - 40), c.start);
				if (/\b(?:git|svn|hg)\s+$/i.test(before)) return false;
				// "Our first hypothesis blamed the network": a thing blamed is a hypothesis, not a judgement of a person.
				if (/^blam(?:ed|ing|es)$/i.test(c.m[0])) {
					const after = /^\s+(?:(?:the|a|an|our|their|its)\s+)?([\p{L}\p{M}-]+)/u.exec(c.masked.slice(c.end));
					if (
						after &&
						!isPersonWord(after[1]) &&
						!/^(?:him|her|them|me|us|himself|herself|themselves|myself|ourselves|each|one)$/i.test(after[1])
					)
						return false;
				}
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
			re: rx(
				`${NB}(?:(?:dropped|drop|drops|dropping)\\s+the\\s+ball|(?:messed|screwed|fucked|f\\*cked|cocked|botched|bungled)\\s+(?:it\\s+|this\\s+|that\\s+)?up|(?:screw|mess|fuck|f\\*ck|cock)-?ups?|botched|bungled|blunder(?:ed|s)?)${NE}`
			),
			suggest: () => `Say what happened plainly and without judgement, e.g. 'the hand-off note did not mention the open incident'.`
		}
	]
};
