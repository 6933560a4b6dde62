import { describe, expect, it } from 'vitest';
import { createPostmortem, type Postmortem } from '$lib/domain/model';
import { createContributingFactor, createCorrectiveAction, createTimelineEntry } from '$lib/domain/parts';
import { escapeInline, toMarkdown } from '$lib/domain/markdown';
import { parseMarkdownImport, unescapeInline } from '$lib/domain/markdown-import';
import { parseImport } from '$lib/domain/import';
import type { ImportResult } from '$lib/domain/schema';
import { EXAMPLE_ID, examplePostmortem } from '$lib/domain/example';
import { markedExample } from './helpers';

const NOW = new Date('2026-03-11T09:00:00Z');

function only(r: ImportResult): Postmortem {
	if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
	expect(r.postmortems).toHaveLength(1);
	return r.postmortems[0];
}

/** A postmortem full of characters that Markdown treats specially. */
function tricky(): Postmortem {
	const pm = createPostmortem(NOW, 'America/Argentina/Buenos_Aires');
	pm.title = 'Pipes | stars * and <br> \\ back_slashes _x_ &amp; [x](y)';
	pm.incidentDate = '2026-01-01T23:59';
	pm.status = 'final';
	pm.severity = 'sev1';
	pm.incidentLead = "O'Brien, Pat";
	pm.authors = ['Doe, Jane', 'a\\,b', 'c|d'];
	pm.tags = ['#hash', '`code`'];
	pm.summary = '## Not a section\n\nParagraph with | pipe.\n\n```\n## Impact\n```';
	pm.impact = '    indented code first\n\ntext';
	pm.detection = 'Only detection, no trigger.';
	pm.timeline = [
		{
			...createTimelineEntry('2026-01-01T23:59'),
			who: 'a|b',
			what: 'one\ntwo\n\nthree <br> literal \\<br>',
			link: 'https://x.example/a|b?c=1&d=2',
			milestone: 'impact-began'
		},
		{ ...createTimelineEntry(''), what: 'no time yet', link: 'see ticket 12 | 13' },
		{ ...createTimelineEntry('2026-01-02T00:10'), who: '', what: '', link: '<https://not-autolinked>', milestone: 'resolved' }
	];
	pm.contributingFactors = [
		{ ...createContributingFactor('**Process:** looks like a kind'), kind: '' },
		{ ...createContributingFactor('multi\n\n- nested\n    code'), kind: 'external' },
		{ ...createContributingFactor(''), kind: 'tooling' }
	];
	pm.wentWrong = '- a list\n- in the narrative';
	const a = createCorrectiveAction('Fix | things\nnow');
	Object.assign(a, {
		kind: 'design-change',
		term: 'long',
		priority: 'low',
		owner: 'Ana',
		dueDate: '2026-02-01',
		status: 'wont-do',
		trackerLink: 'tracker: 12',
		successMeasure: ''
	});
	pm.correctiveActions = [a, { ...createCorrectiveAction(), status: 'done' }];
	pm.riskAccepted = 'We accept it.';
	pm.facilitation.parkingLot = [
		{ id: 'p1', text: 'idea one\nmore' },
		{ id: 'p2', text: 'idea two' }
	];
	pm.finalNote = 'Finalised with an open check.';
	return pm;
}

describe('Markdown import', () => {
	it('round-trips the example exactly', () => {
		const md = toMarkdown(examplePostmortem(NOW));
		const r = parseMarkdownImport(md, NOW);
		expect(r.ok && r.warnings).toEqual([]);
		expect(toMarkdown(only(r))).toBe(md);
	});

	it('reads back every field of the example', () => {
		const original = examplePostmortem(NOW);
		const pm = only(parseMarkdownImport(toMarkdown(original), NOW));
		const strip = (p: Postmortem) => ({
			...p,
			id: '',
			timeline: p.timeline.map((e) => ({ ...e, id: '' })),
			contributingFactors: p.contributingFactors.map((f) => ({ ...f, id: '' })),
			// Links read back by position: the ids are new, the factors they point to the same.
			correctiveActions: p.correctiveActions.map((a) => ({
				...a,
				id: '',
				factorIds: a.factorIds?.map((id) => p.contributingFactors.findIndex((f) => f.id === id))
			})),
			facilitation: { ...p.facilitation, parkingLot: p.facilitation.parkingLot.map((x) => ({ ...x, id: '' })) }
		});
		expect(strip(pm)).toEqual(strip(original));
		expect(pm.correctiveActions[0].factorIds).toEqual([pm.contributingFactors[0].id, pm.contributingFactors[1].id]);
		expect(pm.id).not.toBe(EXAMPLE_ID);
		expect(pm.timeline[0].id).not.toBe(original.timeline[0].id);
	});

	it('round-trips text full of Markdown punctuation, newlines and pipes', () => {
		const pm = tricky();
		const md = toMarkdown(pm);
		const back = only(parseMarkdownImport(md, NOW));
		expect(toMarkdown(back)).toBe(md);
		expect(back.title).toBe(pm.title);
		expect(back.authors).toEqual(pm.authors);
		expect(back.incidentLead).toBe(pm.incidentLead);
		expect(back.tags).toEqual(pm.tags);
		expect(back.timeZone).toBe(pm.timeZone);
		expect(back.summary).toBe(pm.summary);
		expect(back.impact).toBe(pm.impact);
		expect(back.trigger).toBe('');
		expect(back.detection).toBe(pm.detection);
		expect(back.timeline.map(({ at, who, what, link, milestone }) => ({ at, who, what, link, milestone }))).toEqual(
			[pm.timeline[0], pm.timeline[2], pm.timeline[1]].map(({ at, who, what, link, milestone }) => ({ at, who, what, link, milestone }))
		);
		expect(back.contributingFactors.map(({ description, kind }) => ({ description, kind }))).toEqual([
			{ description: 'looks like a kind', kind: 'process' },
			{ description: 'multi\n\n- nested\n    code', kind: 'external' },
			{ description: '', kind: 'tooling' }
		]);
		expect(back.wentWrong).toBe(pm.wentWrong);
		const { id: _a, ...action } = back.correctiveActions[0];
		const { id: _b, ...expected } = pm.correctiveActions[0];
		expect(action).toEqual(expected);
		expect(back.correctiveActions[1].status).toBe('done');
		expect(back.riskAccepted).toBe(pm.riskAccepted);
		expect(back.facilitation.parkingLot.map((p) => p.text)).toEqual(['idea one\nmore', 'idea two']);
		expect(back.finalNote).toBe(pm.finalNote);
	});

	it('round-trips the example with every text replaced by markers', () => {
		const md = toMarkdown(markedExample().pm);
		expect(toMarkdown(only(parseMarkdownImport(md, NOW)))).toBe(md);
	});

	it('round-trips an almost empty postmortem', () => {
		const pm = createPostmortem(NOW, 'UTC');
		const md = toMarkdown(pm);
		const back = only(parseMarkdownImport(md, NOW));
		expect(back.title).toBe('');
		expect(back.timeZone).toBe('UTC');
		expect(toMarkdown(back)).toBe(md);
	});

	it('escapes and unescapes inline text exactly', () => {
		for (const s of ['a|b', 'x\\|y', '\\', '<br>', '\\<br>', 'a\nb', '*_`[]<>~&amp;', 'C:\\Users\\me', 'a, b']) {
			expect(unescapeInline(escapeInline(s, ','))).toBe(s);
		}
		expect(unescapeInline('line<br/>next<BR />end')).toBe('line\nnext\nend');
		expect(unescapeInline('C:\\Users')).toBe('C:\\Users');
	});

	it('reads Markdown that starts with its first section, named after its file, and keeps the text before it', () => {
		const r = parseMarkdownImport('Just some notes\n\n## Summary\n\nhello', NOW, { fileName: '2026-01-02-cache-stampede.md' });
		const pm = only(r);
		expect(pm.title).toBe('Cache stampede');
		expect(pm.summary).toBe('hello');
		expect(pm.supportingInfo).toBe('## Overview\n\nJust some notes');
		expect(only(parseImport('## Summary\n\nhello', NOW)).title).toBe('');
	});

	it('refuses Markdown in which nothing reads as part of a postmortem, and takes a title with one field', () => {
		const r = parseMarkdownImport('# Meeting notes\n\nWe talked about the outage.\n\n- Ana: rollback\n');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toContain('Nothing in this Markdown file reads as part of a postmortem');
		expect(parseMarkdownImport('# Just a title\n', NOW).ok).toBe(false);
		expect(only(parseMarkdownImport('# T\n\n- **Severity:** SEV1\n', NOW)).severity).toBe('sev1');
	});

	it('keeps a timeline row whose time cannot be read, with its text and no time', () => {
		const md =
			'# T\n\n## Timeline\n\n| Time (UTC) | Who | What | Milestone | Link |\n| --- | --- | --- | --- | --- |\n| yesterday | a | b |  |  |\n';
		const pm = only(parseImport(md, NOW));
		expect(pm.timeline.map((e) => [e.at, e.who, e.what])).toEqual([['', 'a', 'yesterday b']]);
		expect(pm.timeZone).toBe('UTC');
	});

	it('is reached through parseImport for non-JSON text', () => {
		const md = toMarkdown(examplePostmortem(NOW));
		const r = parseImport(md, NOW);
		expect(r.ok && r.kind).toBe('markdown');
		expect(toMarkdown(only(r))).toBe(md);
	});

	it('reads hand-written Markdown in our shape leniently and keeps what it does not know', () => {
		const md = [
			'# Hand written',
			'',
			'- **Status:** Archived',
			'- **Mood:** fine',
			'some loose text',
			'',
			'## Summary',
			'',
			'It broke.',
			'',
			'## Timeline',
			'',
			'| Time | What | Milestone |',
			'|:-----|------|----|',
			'| 2026-01-01 10:00 | It started | Impact began |',
			'| 2026-01-01 10:30 | Fixed | Finished |',
			'',
			'## Contributing factors',
			'',
			'A narrative paragraph.',
			'',
			'- **Technical:** a factor'
		].join('\n');
		const r = parseImport(md, NOW);
		if (!r.ok) throw new Error(r.error);
		const pm = r.postmortems[0];
		expect(pm.title).toBe('Hand written');
		expect(pm.status).toBe('draft');
		expect(pm.summary).toBe('It broke.');
		expect(pm.timeline.map((e) => [e.at, e.what, e.milestone])).toEqual([
			['2026-01-01T10:00', 'It started', 'impact-began'],
			['2026-01-01T10:30', 'Fixed (Milestone: Finished)', '']
		]);
		expect(pm.contributingFactors.map((f) => [f.kind, f.description])).toEqual([['technical', 'a factor']]);
		expect(pm.wentWrong).toBe('A narrative paragraph.');
		expect(pm.supportingInfo).toBe('## Overview\n\n- **Status:** Archived\n- **Mood:** fine\nsome loose text');
		expect(r.warnings).toEqual([]);
		expect(r.recognised?.map((f) => f.field)).toEqual([
			'Title',
			'Incident date',
			'Summary',
			'Timeline',
			'Contributing factors',
			'What went wrong',
			'Supporting information'
		]);
	});
});

describe('Markdown of what was learned later', () => {
	it('marks an entry learned later in its row and reads the mark back; typed text that looks like it stays text', () => {
		const pm = createPostmortem(NOW, 'UTC');
		pm.timeline = [
			{ ...createTimelineEntry('2026-03-10T14:02'), what: 'The pool was at its limit', learnedLater: true },
			{ ...createTimelineEntry('2026-03-10T14:05'), what: '*(Learned later)* typed by hand' },
			{ ...createTimelineEntry('2026-03-10T14:06'), what: 'Known then' }
		];
		const md = toMarkdown(pm);
		expect(md).toContain('| *(Learned later)* The pool was at its limit |');
		const back = roundTrip(pm);
		expect(back.timeline.map((e) => [e.what, e.learnedLater ?? false])).toEqual([
			['The pool was at its limit', true],
			['*(Learned later)* typed by hand', false],
			['Known then', false]
		]);
	});
});

describe('Markdown import of the actions’ factors', () => {
	it('ties each action to the listed factors its “Factors” cell numbers, and warns about numbers not in the list', () => {
		const md = [
			'# Linked by hand',
			'',
			'## Contributing factors',
			'',
			'1. No canary stage',
			'2. **Tooling:** No fleet-wide check',
			'',
			'## Corrective actions',
			'',
			'| # | Action | Factors |',
			'|---|--------|---------|',
			'| 1 | Add a canary stage | 1 |',
			'| 2 | Check fleet totals | 2, 1; 7 x |',
			'| 3 | Unlinked | |'
		].join('\n');
		const r = parseMarkdownImport(md, NOW);
		if (!r.ok) throw new Error(r.error);
		const [pm] = r.postmortems;
		const [f1, f2] = pm.contributingFactors.map((f) => f.id);
		expect(pm.contributingFactors[1]).toMatchObject({ kind: 'tooling', description: 'No fleet-wide check' });
		expect(pm.correctiveActions.map((a) => a.factorIds)).toEqual([[f1], [f2, f1], undefined]);
		expect(pm.correctiveActions[1].title).toBe('Check fleet totals (Factors: x)');
		expect(r.warnings).toEqual([
			'“Check fleet totals (Factors: x)” names contributing factor 7, which the list does not have; that link was left out.'
		]);
	});
});

/** Export, then import again. */
const roundTrip = (pm: Postmortem): Postmortem => only(parseMarkdownImport(toMarkdown(pm), NOW));

describe('Markdown round trip of texts that look like the document itself', () => {
	it('a line in a text that reads like one of the document headings stays in its field', () => {
		const pm = examplePostmortem(NOW);
		pm.summary = 'Intro.\n\n## Timeline\n\nMore summary.\n\n## Impact\n\nStill the summary.';
		pm.trigger = 'A trigger.\n\n### Resolution\n\nStill the trigger.';
		pm.lessons = '## Final note\n\nLessons, not the final note.';
		const back = roundTrip(pm);
		expect(back.summary).toBe(pm.summary);
		expect(back.impact).toBe(pm.impact);
		expect(back.trigger).toBe(pm.trigger);
		expect(back.resolution).toBe(pm.resolution);
		expect(back.lessons).toBe(pm.lessons);
		expect(back.finalNote).toBe(pm.finalNote);
		expect(back.timeline).toEqual(pm.timeline.map((e, i) => ({ ...e, id: back.timeline[i].id })));
	});

	it('an unclosed code fence in a text does not swallow the sections after it', () => {
		const pm = examplePostmortem(NOW);
		pm.summary = 'Run this:\n\n```sh\nkubectl rollout undo';
		pm.contributingFactors[0].description = 'The log said:\n\n~~~\npool exhausted';
		// A fence that starts a list item's text, closed or not.
		pm.contributingFactors[1].description = '```\nlimits.yaml: max 20';
		pm.contributingFactors[2] = { ...pm.contributingFactors[2], kind: '', description: '~~~\nraw log\n~~~' };
		pm.facilitation.parkingLot = [{ id: 'p1', text: '```sh\nkubectl rollout undo' }];
		const back = roundTrip(pm);
		expect(back.contributingFactors[0].description.startsWith(pm.contributingFactors[0].description)).toBe(true);
		expect(back.contributingFactors[1].description).toBe('```\nlimits.yaml: max 20\n```');
		expect(back.contributingFactors[1].kind).toBe(pm.contributingFactors[1].kind);
		expect(back.contributingFactors[2]).toMatchObject({ kind: '', description: '~~~\nraw log\n~~~' });
		expect(back.contributingFactors).toHaveLength(pm.contributingFactors.length);
		expect(back.facilitation.parkingLot.map((p) => p.text)).toEqual(['```sh\nkubectl rollout undo\n```']);
		expect(back.lessons).toBe(pm.lessons);
		expect(back.finalNote).toBe(pm.finalNote);
		expect(back.gotLucky).toBe(pm.gotLucky);
		expect(back.summary.startsWith(pm.summary)).toBe(true);
		expect(back.impact).toBe(pm.impact);
		expect(back.timeline).toHaveLength(pm.timeline.length);
		expect(back.correctiveActions).toHaveLength(pm.correctiveActions.length);
	});
});

describe('Markdown import through marked’s tokens', () => {
	it('round-trips factors and parking-lot items whose text reads as a rule or a task', () => {
		const pm = examplePostmortem(NOW);
		pm.contributingFactors[0] = { ...pm.contributingFactors[0], kind: '', description: '---\n\nafter the rule' };
		pm.contributingFactors[1].description = '- -\n  - nested';
		pm.contributingFactors[2].description = '[x] done\n[ ] open';
		pm.facilitation.parkingLot = [
			{ id: 'p1', text: '---' },
			{ id: 'p2', text: '1. first\n2. second' }
		];
		const md = toMarkdown(pm);
		const back = roundTrip(pm);
		expect(back.contributingFactors.map((f) => f.description)).toEqual(pm.contributingFactors.map((f) => f.description));
		expect(back.facilitation.parkingLot.map((p) => p.text)).toEqual(['---', '1. first\n2. second']);
		expect(toMarkdown(back)).toBe(md);
	});

	it('keeps the sections after a text with an unclosed HTML comment or <pre>', () => {
		const pm = examplePostmortem(NOW);
		pm.summary = 'Draft <!-- to do\n\n<pre>\nraw';
		const md = toMarkdown(pm);
		const back = roundTrip(pm);
		expect(back.summary).toBe(pm.summary);
		expect(back.impact).toBe(pm.impact);
		expect(toMarkdown(back)).toBe(md);
	});

	it('reads a table’s cell text with escaped pipes and keeps a line after the table as text', () => {
		const md = '# T\n\n## Timeline\n\n| Time | What |\n| --- | --- |\n| 2026-01-01 10:00 | a \\| b |\nsome note\n';
		const r = parseImport(md, NOW);
		const pm = only(r);
		expect(pm.timeline.map((e) => [e.at, e.what])).toEqual([['2026-01-01T10:00', 'a | b']]);
		expect(pm.supportingInfo).toBe('## Timeline\n\nsome note');
		expect(r.ok && r.warnings).toEqual([]);
	});

	it('refuses lists or quotes nested too deeply for the lexer, with a clear message', () => {
		for (const overview of ['>'.repeat(2000), Array.from({ length: 300 }, (_, i) => '  '.repeat(i) + '- x').join('\n')]) {
			const t0 = performance.now();
			expect(parseMarkdownImport(`# T\n\n${overview}\n\n## Summary\n\nhello\n`, NOW)).toEqual({
				ok: false,
				error: 'This Markdown file nests lists or quotes too deeply to be read.'
			});
			expect(performance.now() - t0).toBeLessThan(1000);
		}
		// Our own export reads only its structured parts with the lexer, so a text of quotes is no problem there.
		expect(only(parseMarkdownImport(`# T\n\n- **Status:** Draft\n\n## Summary\n\n${'>'.repeat(2000)}\n`, NOW)).summary).toBe(
			'>'.repeat(2000)
		);
	});
});
