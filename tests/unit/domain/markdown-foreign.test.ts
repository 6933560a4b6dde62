import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/domain/import';
import { parseMarkdownImport } from '$lib/domain/markdown-import';
import { readDay, sectionOf, zoneNamed } from '$lib/domain/markdown-foreign';
import { splitFrontMatter, writeFrontMatter } from '$lib/domain/front-matter';
import { toMarkdown } from '$lib/domain/markdown';
import { examplePostmortem } from '$lib/domain/example';
import { createPostmortem, type Postmortem } from '$lib/domain/model';
import { createTimelineEntry } from '$lib/domain/parts';
import type { ImportResult } from '$lib/domain/schema';

const NOW = new Date('2026-03-11T09:00:00Z');

function only(r: ImportResult): Postmortem {
	if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
	return r.postmortems[0];
}

describe('section names people use', () => {
	it('reads headings by their usual names and synonyms, in any case, numbered, with a note or a colon', () => {
		expect(sectionOf('Issue Summary')).toBe('summary');
		expect(sectionOf('WHAT HAPPENED')).toBe('summary');
		expect(sectionOf('3. Root Causes')).toBe('factors');
		expect(sectionOf('Root causes:')).toBe('factors');
		expect(sectionOf('Trigger')).toBe('trigger');
		expect(sectionOf('Resolution and recovery')).toBe('resolution');
		expect(sectionOf('Remediation')).toBe('resolution');
		expect(sectionOf('Remediation items')).toBe('actions');
		expect(sectionOf('Corrective and Preventative Measures')).toBe('actions');
		expect(sectionOf('Timeline (all times Pacific Time)')).toBe('timeline');
		expect(sectionOf('7.2 What didn’t go well?')).toBe('wentWrong');
		expect(sectionOf('Where we got lucky')).toBe('gotLucky');
		expect(sectionOf('Responders')).toBe('participants');
		expect(sectionOf('🔥 Impact on customers')).toBe('impact');
	});

	it('leaves headings that name no field alone', () => {
		for (const h of ['Appendix: dashboards', 'Glossary', 'Background', 'Five whys', 'Resolution time', 'Summaryish'])
			expect(sectionOf(h), h).toBeNull();
	});

	it('reads time zones as people name them', () => {
		expect(zoneNamed('all times Pacific Time')).toBe('America/Los_Angeles');
		expect(zoneNamed('Time (UTC)')).toBe('UTC');
		expect(zoneNamed('times in CEST')).toBe('Europe/Berlin');
		expect(zoneNamed('Europe/Lisbon')).toBe('Europe/Lisbon');
		expect(zoneNamed('Timeline of events')).toBe('');
	});

	it('reads days as people write them', () => {
		expect(readDay('2024-03-01T14:02')?.day).toBe('2024-03-01');
		expect(readDay('March 1, 2024')?.day).toBe('2024-03-01');
		expect(readDay('Friday, 1st March 2024')?.day).toBe('2024-03-01');
		expect(readDay('Mar 1', '2024')?.day).toBe('2024-03-01');
		expect(readDay('2024-02-30')).toBeNull();
		expect(readDay('14:02')).toBeNull();
	});
});

describe('timelines written elsewhere', () => {
	it('reads list timelines in several shapes, 12-hour times around noon and midnight, and crosses midnight', () => {
		const md = [
			'# Queue backlog',
			'',
			'**Date:** 2024-05-02',
			'',
			'## Timeline (all times Eastern)',
			'',
			'- 11:58 AM: alert fires',
			'- 12:05 PM - on-call acknowledges',
			'- **12:30 PM**: rolled back to the 11:00 build',
			'- 11:59 PM queue drained',
			'- 12:05 AM: all clear',
			'- 14:02 – a 24-hour time the next day'
		].join('\n');
		const pm = only(parseImport(md, NOW, 'queue.md'));
		expect(pm.timeZone).toBe('America/New_York');
		expect(pm.timeline.map((e) => [e.at, e.what])).toEqual([
			['2024-05-02T11:58', 'alert fires'],
			['2024-05-02T12:05', 'on-call acknowledges'],
			['2024-05-02T12:30', 'rolled back to the 11:00 build'],
			['2024-05-02T23:59', 'queue drained'],
			['2024-05-03T00:05', 'all clear'],
			['2024-05-03T14:02', 'a 24-hour time the next day']
		]);
		expect(pm.incidentDate).toBe('2024-05-02T11:58');
	});

	it('takes each entry’s own offset into the document’s time zone, and a link in the text as the entry’s link', () => {
		const md = [
			'# Edge errors',
			'',
			'**Time zone:** Europe/Berlin',
			'',
			'## Timeline',
			'',
			'- 2024-05-02T13:01:00Z deploy [PR 42](https://git.example/pr/42) merged',
			'- 2024-05-02 15:10 CEST errors stop'
		].join('\n');
		const pm = only(parseImport(md, NOW));
		expect(pm.timeline.map((e) => [e.at, e.what, e.link])).toEqual([
			['2024-05-02T15:01', 'deploy PR 42 merged', 'https://git.example/pr/42'],
			['2024-05-02T15:10', 'errors stop', '']
		]);
	});

	it('reads a timeline table with any sensible header, keeping columns it does not know in the text', () => {
		const md = [
			'# Cache',
			'',
			'## Timeline',
			'',
			'| When (PT) | Actor | Event | Severity |',
			'| --- | --- | --- | --- |',
			'| 2024-05-02 09:00 | Ana | cache \\| queue filled | high |',
			'| 09:30 | Ben | drained | |'
		].join('\n');
		const pm = only(parseImport(md, NOW));
		expect(pm.timeZone).toBe('America/Los_Angeles');
		expect(pm.timeline.map((e) => [e.at, e.who, e.what])).toEqual([
			['2024-05-02T09:00', 'Ana', 'cache | queue filled — Severity: high'],
			['2024-05-02T09:30', 'Ben', 'drained']
		]);
	});

	it('keeps the times in the text when the file has no date anywhere, and says so', () => {
		const r = parseImport('# X\n\n## Timeline\n\n- 14:02 alert\n- 14:10 fixed\n', NOW);
		const pm = only(r);
		expect(pm.timeline.map((e) => [e.at, e.what])).toEqual([
			['', '14:02 alert'],
			['', '14:10 fixed']
		]);
		expect(r.ok && r.warnings.join(' ')).toMatch(/no date anywhere in the file/);
	});
});

describe('action items written elsewhere', () => {
	it('reads list items with an owner, a priority, a ticket and a checkbox', () => {
		const md = [
			'# Y',
			'',
			'## Action items',
			'',
			'- [ ] Add an alert on queue depth (owner: @ana, P1)',
			'- [x] Document the failover — Ben Ode — OPS-123',
			'1. **Load test the new pool** (Bug 2231)',
			'- Rotate keys automatically https://tracker.example/issues/9 (due 2024-06-01)'
		].join('\n');
		const pm = only(parseImport(md, NOW));
		expect(
			pm.correctiveActions.map(({ title, owner, priority, status, trackerLink, dueDate }) => ({
				title,
				owner,
				priority,
				status,
				trackerLink,
				dueDate
			}))
		).toEqual([
			{ title: 'Add an alert on queue depth', owner: 'ana', priority: 'high', status: 'open', trackerLink: '', dueDate: '' },
			{ title: 'Document the failover', owner: 'Ben Ode', priority: '', status: 'done', trackerLink: 'OPS-123', dueDate: '' },
			{ title: 'Load test the new pool', owner: '', priority: '', status: 'open', trackerLink: 'Bug 2231', dueDate: '' },
			{
				title: 'Rotate keys automatically',
				owner: '',
				priority: '',
				status: 'open',
				trackerLink: 'https://tracker.example/issues/9',
				dueDate: '2024-06-01'
			}
		]);
	});

	it('reads a table with owner, priority, type and bug columns, and keeps the columns it does not know', () => {
		const md = [
			'# Z',
			'',
			'## Corrective and preventative measures',
			'',
			'| Action Item | Type | Owner | Priority | Bug | Cost |',
			'| --- | --- | --- | --- | --- | --- |',
			'| Add canary | prevent | Ana | P0 | [BUG-1](https://bugs.example/1) | small |',
			'| Page on depth | detect | Ben | P2 | BUG-2 | |'
		].join('\n');
		const pm = only(parseImport(md, NOW));
		expect(
			pm.correctiveActions.map(({ title, kind, owner, priority, trackerLink }) => ({ title, kind, owner, priority, trackerLink }))
		).toEqual([
			{
				title: 'Add canary (Cost: small)',
				kind: 'design-change',
				owner: 'Ana',
				priority: 'critical',
				trackerLink: 'https://bugs.example/1'
			},
			{ title: 'Page on depth', kind: 'design-change', owner: 'Ben', priority: 'medium', trackerLink: 'BUG-2' }
		]);
	});
});

describe('nothing is dropped', () => {
	it('keeps sections that map to no field in Supporting information under their own headings, and says what it recognised', () => {
		const md = [
			'# Outage',
			'',
			'## Summary',
			'',
			'It broke.',
			'',
			'## Lessons learned',
			'',
			'Keep the runbook current.',
			'',
			'### What went well',
			'',
			'Paging worked.',
			'',
			'### Where we got lucky',
			'',
			'Low traffic.',
			'',
			'## Appendix: dashboards',
			'',
			'See the board.',
			'',
			'### Queue depth',
			'',
			'A graph.'
		].join('\n');
		const r = parseImport(md, NOW);
		const pm = only(r);
		expect([pm.summary, pm.lessons, pm.wentWell, pm.gotLucky]).toEqual([
			'It broke.',
			'Keep the runbook current.',
			'Paging worked.',
			'Low traffic.'
		]);
		expect(pm.supportingInfo).toBe('## Appendix: dashboards\n\nSee the board.\n\n### Queue depth\n\nA graph.');
		expect(r.ok && r.recognised).toEqual([
			{ field: 'Title', from: 'the first heading', detail: 'Outage' },
			{ field: 'Summary', from: 'section “Summary”', detail: 'It broke.' },
			{ field: 'What went well', from: 'section “What went well”', detail: 'Paging worked.' },
			{ field: 'Where we got lucky', from: 'section “Where we got lucky”', detail: 'Low traffic.' },
			{ field: 'Lessons learned', from: 'section “Lessons learned”', detail: 'Keep the runbook current.' },
			{
				field: 'Supporting information',
				from: '“Appendix: dashboards”, “Queue depth”',
				detail: 'sections kept as they are, under their own headings'
			}
		]);
	});

	it('keeps a sub-heading that names nothing inside the section it is in', () => {
		const pm = only(parseImport('# A\n\n## Impact\n\nSlow.\n\n### EU\n\nSlower.\n', NOW));
		expect(pm.impact).toBe('Slow.\n\n### EU\n\nSlower.');
		expect(pm.supportingInfo).toBe('');
	});

	it('reads front matter of page generators and keeps its other keys', () => {
		const md = [
			'---',
			'title: "Disk full"',
			'date: 2024-02-03 10:15',
			'tags: [storage, "db"]',
			'authors:',
			'  - Ana',
			'  - Ben',
			'layout: post',
			'team: storage',
			'---',
			'',
			'## Impact',
			'',
			'Writes failed.'
		].join('\n');
		const pm = only(parseImport(md, NOW));
		expect([pm.title, pm.incidentDate, pm.tags, pm.authors, pm.impact]).toEqual([
			'Disk full',
			'2024-02-03T10:15',
			['storage', 'db'],
			['Ana', 'Ben'],
			'Writes failed.'
		]);
		expect(pm.supportingInfo).toBe('## Front matter\n\n- team: storage');
	});
});

describe('our own Markdown export with front matter', () => {
	it('carries the format, version and date of export, and the ids', () => {
		const pm = examplePostmortem(NOW);
		const md = toMarkdown(pm, { frontMatter: { exportedAt: NOW } });
		const { data, body } = splitFrontMatter(md);
		expect(data).toMatchObject({ format: 'postmortem-workbench', version: 1, exportedAt: NOW.toISOString(), id: pm.id });
		expect(body).toBe(toMarkdown(pm));
	});

	it('round-trips exactly: ids, times, provenance, reviewed findings and unknown fields come back', () => {
		const pm = examplePostmortem(NOW);
		pm.timeline[0] = { ...pm.timeline[0], source: { kind: 'chat', author: 'ana', key: 'k1' } };
		pm.reviewedFindings = ['summary:blame:0'];
		pm.extra = { fromANewerApp: { a: 1 } };
		pm.revision = 7;
		const r = parseMarkdownImport(toMarkdown(pm, { frontMatter: { exportedAt: NOW } }), NOW);
		const back = only(r);
		expect(r.ok && r.kind).toBe('postmortem');
		expect(r.ok && r.warnings).toEqual([]);
		expect(back).toEqual(pm);
	});

	it('gives new ids to a list edited by hand, and reads a file from a newer app as too new', () => {
		const pm = examplePostmortem(NOW);
		const md = toMarkdown(pm, { frontMatter: { exportedAt: NOW } });
		const edited = md.replace(/\n\| (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) \|[^\n]*\n/, '\n');
		const r = parseMarkdownImport(edited, NOW);
		const back = only(r);
		expect(back.timeline).toHaveLength(pm.timeline.length - 1);
		expect(back.timeline.every((e) => !pm.timeline.some((o) => o.id === e.id))).toBe(true);
		expect(back.contributingFactors.map((f) => f.id)).toEqual(pm.contributingFactors.map((f) => f.id));
		const newer = md.replace('version: 1', 'version: 99');
		expect(parseMarkdownImport(newer, NOW)).toEqual({
			ok: false,
			error: 'This Markdown file was exported by a newer version of the app (format version 99). Please update the app and try again.'
		});
	});

	it('refuses unsafe keys in the front matter’s unknown fields', () => {
		const pm = createPostmortem(NOW, 'UTC');
		pm.timeline = [{ ...createTimelineEntry('2026-01-01T10:00'), what: 'x' }];
		const md = toMarkdown(pm, { frontMatter: { exportedAt: NOW } }).replace(
			'---\n\n#',
			'extra: {"__proto__": {"polluted": true}}\n---\n\n#'
		);
		const back = only(parseMarkdownImport(md, NOW));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(back.extra).toEqual({});
	});
});

describe('front matter', () => {
	it('reads the subset people write and what we write', () => {
		const text = [
			'---',
			'a: plain text # comment',
			"b: 'it''s'",
			'c: [x, "y, z"]',
			'd: |',
			'  line 1',
			'  line 2',
			'e: 3',
			'f:',
			'  nested: map',
			'g: {"k": [1]}',
			'---',
			'body'
		].join('\n');
		const { data, body, unread } = splitFrontMatter(text);
		expect({ ...data }).toEqual({ a: 'plain text', b: "it's", c: ['x', 'y, z'], d: 'line 1\nline 2', e: 3, g: { k: [1] } });
		expect(unread).toEqual(['f:', '  nested: map']);
		expect(body).toBe('body');
		expect(splitFrontMatter(writeFrontMatter({ s: 'a "quoted"\nline', n: 2, l: ['x'] })).data).toEqual(
			Object.assign(Object.create(null), { s: 'a "quoted"\nline', n: 2, l: ['x'] })
		);
		expect(splitFrontMatter('--- not front matter\nx').data).toBeNull();
	});
});
