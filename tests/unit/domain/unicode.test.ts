import { describe, expect, it } from 'vitest';
import { parseImport, toJson, toMarkdown, type Postmortem } from '$lib/domain';
import { markedExample } from './helpers';

/** What a file write and a file read do to the text: UTF-8 out, UTF-8 in. */
const throughFile = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));

// NUL and other controls, lone surrogates (which UTF-8 cannot hold), bidi marks and overrides, a BOM,
// joiners, line and paragraph separators, and character references typed as text.
const AWKWARD = [
	'\u0000',
	'\u0001\u0007\u000b\u000c\u007f\u0085',
	'\ud800',
	'\udfff',
	'x\udc00\ud83d',
	'\u200e\u200f\u061c',
	'\u202a\u202b\u202c\u202d\u202e',
	'\u2066\u2067\u2068\u2069',
	'\ufeff',
	'\u200b\u200c\u200d',
	'\u2028',
	'\u2029',
	'👩🏽‍💻 עברית العربية',
	'&#xD800; &#x2028; &#x0; &amp;',
	'\\&#xDBFF; \\\\&#xdc00;'
];

/** The example with `s` inside each kind of text the Markdown export writes: inline, table cell, list item and long text. */
function withEverywhere(s: string): Postmortem {
	const { pm } = markedExample();
	const w = `a${s}b`;
	pm.title = w + pm.title + w;
	pm.incidentLead = w;
	pm.tags = [w, 'plain'];
	pm.summary = `${w}\n\n${pm.summary}${w}`;
	pm.lessons = `- ${w}\n- ${w}`;
	pm.timeline[0] = { ...pm.timeline[0], who: w, what: `${w}\n${w}` };
	pm.correctiveActions[0] = { ...pm.correctiveActions[0], title: w, owner: w };
	pm.contributingFactors[0] = { ...pm.contributingFactors[0], description: `${w}\n\n${w}` };
	pm.facilitation.parkingLot = [{ id: 'p1', text: w }];
	return pm;
}

const texts = (pm: Postmortem) => ({
	title: pm.title,
	incidentLead: pm.incidentLead,
	tags: pm.tags,
	summary: pm.summary,
	lessons: pm.lessons,
	timeline: pm.timeline.map(({ who, what }) => ({ who, what })),
	actions: pm.correctiveActions.map(({ title, owner }) => ({ title, owner })),
	factors: pm.contributingFactors.map((f) => f.description),
	parkingLot: pm.facilitation.parkingLot.map((p) => p.text)
});

describe('Unicode round-trips verbatim through every export', () => {
	for (const s of AWKWARD) {
		it(`${JSON.stringify(s)} through JSON`, () => {
			const pm = withEverywhere(s);
			const back = parseImport(throughFile(toJson(pm)), new Date(), 'awkward.json');
			if (!back.ok) throw new Error(back.error);
			expect(back.postmortems[0]).toEqual(pm);
		});

		it(`${JSON.stringify(s)} through Markdown`, () => {
			const pm = withEverywhere(s);
			const md = throughFile(toMarkdown(pm));
			const back = parseImport(md, new Date(), 'awkward.md');
			if (!back.ok) throw new Error(back.error);
			expect(texts(back.postmortems[0])).toEqual(texts(pm));
			// And the document it reads back to is written the same again.
			expect(toMarkdown(back.postmortems[0])).toBe(md);
		});
	}

	it('the Markdown file is valid UTF-8 with no NUL, that says what a lone surrogate, NUL or line separator was', () => {
		const md = toMarkdown(withEverywhere('\ud800\u0000\u2028'));
		expect(md).toContain('&#xD800;&#x0;&#x2028;');
		expect(md.isWellFormed()).toBe(true);
		expect(md).not.toContain('\u0000');
		// So the app reads its own export as the Markdown it is, not as a binary file.
		expect(parseImport(md, new Date(), 'awkward.md').ok).toBe(true);
	});
});
