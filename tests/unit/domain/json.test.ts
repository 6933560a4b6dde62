import { afterEach, describe, expect, it } from 'vitest';
import { createPostmortem, DEFAULT_AGENDA, POSTMORTEM_VERSION, type Postmortem } from '$lib/domain/model';
import { MIGRATIONS, migrate, toJson, toJsonBundle } from '$lib/domain/json';
import { FORMAT, FORMAT_VERSION, ImportRefusal, MAX_IMPORT_BYTES, type ImportResult } from '$lib/domain/schema';
import { parseImport } from '$lib/domain/import';
import { examplePostmortem } from '$lib/domain/example';
import { markedExample } from './helpers';

const NOW = new Date('2026-03-11T09:00:00Z');

function ok(r: ImportResult) {
	if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
	return r;
}
function error(r: ImportResult): string {
	if (r.ok) throw new Error('expected a refusal');
	return r.error;
}
/** A single-postmortem file around a raw postmortem object. */
const single = (postmortem: unknown, extra: object = {}) =>
	JSON.stringify({ format: FORMAT, kind: 'postmortem', version: 1, postmortem, ...extra });
const bundle = (postmortems: unknown[]) => JSON.stringify({ format: FORMAT, kind: 'bundle', version: 1, postmortems });
const raw = (pm: Postmortem = examplePostmortem(NOW)) => JSON.parse(toJson(pm)).postmortem;

describe('JSON export', () => {
	it('writes a pretty-printed envelope with format, kind and version', () => {
		const text = toJson(examplePostmortem(NOW), NOW);
		expect(text).toContain('\n  "format": "postmortem-workbench",\n');
		const data = JSON.parse(text);
		expect(data).toMatchObject({ format: FORMAT, kind: 'postmortem', version: FORMAT_VERSION, exportedAt: NOW.toISOString() });
		expect(data.postmortem.id).toBe('example-checkout-outage');
		expect(data.postmortem.schemaVersion).toBe(POSTMORTEM_VERSION);
		expect(data.postmortem).not.toHaveProperty('extra');
	});

	it('writes the shape version even for a row read before it carried one', () => {
		const { schemaVersion: _, ...old } = examplePostmortem(NOW);
		expect(JSON.parse(toJson(old as Postmortem)).postmortem.schemaVersion).toBe(POSTMORTEM_VERSION);
	});

	it('writes a bundle', () => {
		const data = JSON.parse(toJsonBundle([examplePostmortem(NOW), createPostmortem(NOW)], NOW));
		expect(data).toMatchObject({ format: FORMAT, kind: 'bundle', version: FORMAT_VERSION });
		expect(data.postmortems).toHaveLength(2);
	});

	it('writes unknown fields back at the top level of the postmortem', () => {
		const pm = examplePostmortem(NOW);
		pm.extra = { futureField: { nested: [1, 'two'] }, title: 'must not override' };
		const data = JSON.parse(toJson(pm));
		expect(data.postmortem.futureField).toEqual({ nested: [1, 'two'] });
		expect(data.postmortem.title).toBe(pm.title);
	});
});

describe('JSON round trip', () => {
	it('gives back a deep-equal postmortem', () => {
		for (const pm of [examplePostmortem(NOW), createPostmortem(NOW, 'UTC'), markedExample().pm]) {
			const r = ok(parseImport(toJson(pm), NOW));
			expect(r.kind).toBe('postmortem');
			expect(r.postmortems).toEqual([pm]);
			expect(r.warnings).toEqual([]);
		}
	});

	it('round-trips a bundle', () => {
		const pms = [examplePostmortem(NOW), createPostmortem(NOW, 'UTC'), markedExample().pm];
		pms[2].id = 'marked';
		const r = ok(parseImport(toJsonBundle(pms), NOW));
		expect(r.kind).toBe('bundle');
		expect(r.postmortems).toEqual(pms);
	});

	it('keeps unknown fields in extra and writes them back', () => {
		const pm = examplePostmortem(NOW);
		pm.extra = { futureField: { nested: [1, 'two', null] }, extra: 'a key literally named extra' };
		const r = ok(parseImport(toJson(pm), NOW));
		expect(r.postmortems[0]).toEqual(pm);
		expect(JSON.parse(toJson(r.postmortems[0])).postmortem.futureField).toEqual({ nested: [1, 'two', null] });
	});

	it('accepts a leading byte order mark and surrounding whitespace', () => {
		const pm = examplePostmortem(NOW);
		expect(ok(parseImport(`\uFEFF\n  ${toJson(pm)}\n`, NOW)).postmortems[0]).toEqual(pm);
	});
});

describe('JSON import of actions tied to factors', () => {
	it('keeps links to the file’s factors, once each, and drops links to factors it does not have', () => {
		const r = ok(
			parseImport(
				single({
					title: 'Linked',
					contributingFactors: [
						{ id: 'f1', description: 'No canary' },
						{ id: 'f2', description: 'No fleet check' }
					],
					correctiveActions: [{ title: 'Canary', factorIds: ['f2', 'gone', 'f2', 'f1'] }, { title: 'Older action, no links' }]
				}),
				NOW
			)
		);
		const [a, b] = r.postmortems[0].correctiveActions;
		expect(a.factorIds).toEqual(['f2', 'f1']);
		expect(b.factorIds).toBeUndefined();
	});

	it('refuses links that are not a list of ids', () => {
		const r = parseImport(single({ correctiveActions: [{ title: 'x', factorIds: 'f1' }] }), NOW);
		expect(r.ok).toBe(false);
	});
});

describe('JSON import of partial and older files', () => {
	it('fills missing fields with defaults', () => {
		const r = ok(parseImport(single({ title: 'Old draft', timeline: [{ at: '2026-01-01T10:00', what: 'x' }] }), NOW));
		const pm = r.postmortems[0];
		const blank = createPostmortem(NOW);
		expect(pm.title).toBe('Old draft');
		expect(pm.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(pm.createdAt).toBe(NOW.toISOString());
		expect(pm.status).toBe('draft');
		expect(pm.facilitation).toEqual(blank.facilitation);
		expect(pm.timeline[0]).toMatchObject({ at: '2026-01-01T10:00', what: 'x', who: '', link: '', milestone: '' });
		expect(pm.timeline[0].id).toBeTruthy();
		expect(pm.extra).toEqual({});
		expect(r.warnings).toEqual([]);
	});

	it('treats a missing version as the pre-release shape', () => {
		const text = JSON.stringify({ format: FORMAT, kind: 'postmortem', postmortem: raw() });
		expect(ok(parseImport(text, NOW)).postmortems[0]).toEqual(examplePostmortem(NOW));
	});

	it('infers the kind when it is missing', () => {
		const text = JSON.stringify({ format: FORMAT, version: 1, postmortems: [raw()] });
		expect(ok(parseImport(text, NOW)).kind).toBe('bundle');
	});

	it('reads null as missing', () => {
		const pm = ok(parseImport(single({ title: null, authors: null }), NOW)).postmortems[0];
		expect(pm.title).toBe('');
		expect(pm.authors).toEqual([]);
	});

	it('gives a postmortem whose agenda has no known items the usual agenda, so its meeting can run', () => {
		for (const agenda of [[], [{ id: 'karaoke', minutes: 5 }]]) {
			const r = ok(parseImport(single({ title: 'T', facilitation: { agenda } }), NOW));
			expect(r.postmortems[0].facilitation.agenda).toEqual(DEFAULT_AGENDA);
			expect(r.warnings.join(' ')).toContain('the meeting agenda had no known items');
		}
	});

	it("replaces an id that cannot be part of a page address, and keeps the app's own kinds of id", () => {
		const replaced = new Set<string>();
		for (const id of ['INC-2024/17', 'INC-2024 17', 'unsaved', '..', 'a b', 'ünïcode']) {
			const r = ok(parseImport(single({ id, title: 'T' }), NOW));
			const got = r.postmortems[0].id;
			expect(got).not.toBe(id);
			expect(got).toMatch(/^[A-Za-z0-9_-]+$/);
			expect(r.warnings.join(' ')).toContain('cannot be part of a page address');
			// The same file imported again gets the same id, so it is found again rather than copied.
			expect(ok(parseImport(single({ id, title: 'T' }), NOW)).postmortems[0].id).toBe(got);
			replaced.add(got);
		}
		expect(replaced.size).toBe(6);
		expect(ok(parseImport(single({ id: 'INC-2024/17' }), NOW)).postmortems[0].id).toMatch(/^INC-2024-17-[a-z0-9]+$/);
		for (const id of ['example-checkout-outage', crypto.randomUUID(), 'INC_2024-17']) {
			const r = ok(parseImport(single({ id, title: 'T' }), NOW));
			expect(r.postmortems[0].id).toBe(id);
			expect(r.warnings).toEqual([]);
		}
	});

	it('replaces unknown enum values with a warning instead of refusing', () => {
		const p = raw();
		p.status = 'archived';
		p.severity = 'sev9';
		p.timeline[0].milestone = 'exploded';
		p.contributingFactors[0].kind = 'cosmic';
		p.correctiveActions[0].status = 'blocked';
		p.correctiveActions[0].priority = 'urgent';
		const r = ok(parseImport(single(p), NOW));
		const pm = r.postmortems[0];
		expect(pm.status).toBe('draft');
		expect(pm.severity).toBe('');
		expect(pm.timeline[0].milestone).toBe('');
		expect(pm.contributingFactors[0].kind).toBe('');
		expect(pm.correctiveActions[0].status).toBe('open');
		expect(pm.correctiveActions[0].priority).toBe('');
		expect(r.warnings).toHaveLength(6);
		expect(r.warnings[0]).toContain('unknown status "archived" was replaced by "draft"');
		expect(r.warnings.join('\n')).toContain('timeline entry 1: unknown milestone "exploded"');
	});

	it('warns about an unknown time zone, duplicate ids and dropped nested fields', () => {
		const p = raw();
		p.timeZone = 'Mars/Base';
		p.timeline[1].id = p.timeline[0].id;
		p.timeline[2].colour = 'red';
		p.createdAt = 'last tuesday';
		const r = ok(parseImport(single(p), NOW));
		const pm = r.postmortems[0];
		expect(pm.timeZone).toBe('Mars/Base');
		expect(new Set(pm.timeline.map((e) => e.id)).size).toBe(pm.timeline.length);
		expect(pm.timeline[2]).not.toHaveProperty('colour');
		expect(pm.createdAt).toBe(NOW.toISOString());
		const all = r.warnings.join('\n');
		expect(all).toContain('unknown time zone "Mars/Base"');
		expect(all).toContain('shared an id');
		expect(all).toContain('unknown fields inside');
		expect(all).toContain('"createdAt" was not a valid date');
	});

	it('warns when two postmortems in a bundle share an id', () => {
		const r = ok(parseImport(bundle([raw(), raw()]), NOW));
		expect(r.warnings).toEqual(['Postmortems 1 and 2 have the same id']);
	});
});

describe('migrations', () => {
	const original = MIGRATIONS[0];
	afterEach(() => {
		MIGRATIONS[0] = original;
	});

	it('applies the steps in order from the file version to the current one', () => {
		const steps = {
			0: (r: Record<string, unknown>) => ({ ...r, trail: [...(r.trail as string[]), '0→1'] }),
			1: (r: Record<string, unknown>) => ({ ...r, trail: [...(r.trail as string[]), '1→2'] }),
			2: (r: Record<string, unknown>) => ({ ...r, trail: [...(r.trail as string[]), '2→3'] })
		};
		expect(migrate({ trail: [] }, 0, 3, steps).trail).toEqual(['0→1', '1→2', '2→3']);
		expect(migrate({ trail: [] }, 2, 3, steps).trail).toEqual(['2→3']);
		expect(migrate({ trail: [] }, 3, 3, steps).trail).toEqual([]);
	});

	it('refuses when a step is missing', () => {
		expect(() => migrate({}, 0, 2, { 0: (r) => r })).toThrow(ImportRefusal);
		expect(() => migrate({}, 0, 2, { 0: (r) => r })).toThrow(/format version 1, which this app cannot upgrade/);
	});

	it('upgrades a synthetic v0 file through the registry', () => {
		// A made-up v0 shape: the title was called "name" and the postmortem sat under "doc".
		MIGRATIONS[0] = (r) => {
			const doc = r.doc as Record<string, unknown>;
			const { name, ...rest } = doc;
			return { format: r.format, kind: 'postmortem', version: 1, postmortem: { ...rest, title: name } };
		};
		const v0 = JSON.stringify({ format: FORMAT, version: 0, doc: { name: 'From v0', summary: 'Old file.' } });
		const pm = ok(parseImport(v0, NOW)).postmortems[0];
		expect(pm.title).toBe('From v0');
		expect(pm.summary).toBe('Old file.');
		expect(pm.extra).toEqual({});
	});
});

describe('JSON import refusals', () => {
	it('refuses an empty file', () => {
		expect(error(parseImport(''))).toBe('This file is empty.');
		expect(error(parseImport(' \n\t '))).toBe('This file is empty.');
	});

	it('refuses text that is not valid JSON', () => {
		const truncated = toJson(examplePostmortem(NOW)).slice(0, 500);
		expect(error(parseImport(truncated))).toBe('This file is not valid JSON (it may be truncated).');
		expect(error(parseImport('{ format: nope }'))).toBe('This file is not valid JSON (it may be truncated).');
	});

	it('refuses JSON that is not ours', () => {
		expect(error(parseImport('{}'))).toMatch(/not a Postmortem Workbench export \(it has no "format"/);
		expect(error(parseImport('[1, 2, 3]'))).toMatch(
			/^This JSON file holds a list, not a postmortem\. The app imports its own JSON exports/
		);
		expect(error(parseImport('{"format": "grafana-dashboard", "version": 1}'))).toBe(
			'This JSON file has the format "grafana-dashboard", not a Postmortem Workbench export.'
		);
		expect(error(parseImport('{"format": 42}'))).toMatch(/format a number, not a Postmortem Workbench export/);
	});

	it('refuses a file from a newer version of the app', () => {
		const text = JSON.stringify({ format: FORMAT, kind: 'postmortem', version: FORMAT_VERSION + 1, postmortem: {} });
		const msg = error(parseImport(text));
		expect(msg).toContain('made by a newer version of the app');
		expect(msg).toContain('Please update the app');
	});

	it('refuses a postmortem whose shape is newer than this app', () => {
		expect(error(parseImport(single({ title: 'T', schemaVersion: POSTMORTEM_VERSION + 1 })))).toMatch(
			/^Postmortem "T": This postmortem was saved by a newer version of the app/
		);
	});

	it('refuses an unreadable version', () => {
		for (const version of ['1', -1, 1.5]) {
			expect(error(parseImport(JSON.stringify({ format: FORMAT, version, postmortem: {} })))).toMatch(/unreadable format version/);
		}
	});

	it('refuses files over the size limit before parsing', () => {
		expect(error(parseImport('{' + ' '.repeat(MAX_IMPORT_BYTES)))).toBe('This file is larger than 64 MB, too large to import.');
		// Fewer characters than the limit, but more bytes once encoded as UTF-8.
		const wide = '€'.repeat(Math.floor(MAX_IMPORT_BYTES / 3) + 10);
		expect(wide.length).toBeLessThan(MAX_IMPORT_BYTES);
		expect(error(parseImport(single({ title: wide })))).toMatch(/larger than 64 MB/);
	});

	it('refuses deep nesting without overflowing the stack', () => {
		const deep = (n: number) => `{"format":"${FORMAT}","x":${'['.repeat(n)}${']'.repeat(n)}}`;
		expect(error(parseImport(deep(100)))).toBe('This file is nested more than 64 levels deep, so it was not read.');
		expect(error(parseImport(deep(1_000_000)))).toMatch(/nested more than 64 levels/);
		// Brackets inside strings do not count.
		const p = raw();
		p.summary = '['.repeat(500) + '\\"{{{';
		expect(ok(parseImport(single(p), NOW)).postmortems[0].summary).toBe(p.summary);
	});

	it('refuses __proto__, constructor and prototype keys anywhere', () => {
		const withKey = (json: string) => error(parseImport(json));
		expect(withKey(`{"format":"${FORMAT}","__proto__":{"polluted":true}}`)).toMatch(/contains the key "__proto__" \(at __proto__\)/);
		expect(withKey(single({ title: 'x', futureField: { constructor: { prototype: 1 } } }))).toMatch(
			/key "constructor" \(at postmortem\.futureField\.constructor\)/
		);
		expect(withKey(single({ timeline: [{ at: '', prototype: 'x' }] }))).toMatch(
			/key "prototype" \(at postmortem\.timeline\[0\]\.prototype\)/
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses wrong types for known fields, naming the field', () => {
		expect(error(parseImport(single({ title: 42 })))).toBe('The postmortem: "title" must be text, not a number');
		expect(error(parseImport(single({ title: 'T', timeline: 'soon' })))).toBe('Postmortem "T": "timeline" must be a list, not text');
		expect(error(parseImport(single({ authors: ['Ana', 7] })))).toBe('The postmortem: "authors" item 2 must be text, not a number');
		expect(error(parseImport(single({ timeline: [{}, 'x'] })))).toBe('The postmortem: timeline entry 2 must be an object, not text');
		expect(error(parseImport(single({ correctiveActions: [{ owner: ['a'] }] })))).toBe(
			'The postmortem: corrective action 1: "owner" must be text, not a list'
		);
		expect(error(parseImport(single({ revision: -1 })))).toMatch(/"revision" must be a whole number/);
		expect(error(parseImport(single({ facilitation: { agenda: [{ id: 'opening', minutes: 'five' }] } })))).toMatch(
			/agenda item 1 has no valid number of minutes/
		);
		expect(error(parseImport(single({ facilitation: [] })))).toMatch(/"facilitation" must be an object, not a list/);
		expect(error(parseImport(single('just text')))).toBe('This file has no postmortem in it.');
	});

	it('refuses invalid dates and times', () => {
		expect(error(parseImport(single({ incidentDate: 'Tuesday' })))).toMatch(/incident date is not a valid date and time/);
		expect(error(parseImport(single({ meetingDate: '2026-02-30' })))).toMatch(/meeting date is not a valid date/);
		expect(error(parseImport(single({ correctiveActions: [{}, { dueDate: 'soon' }] })))).toMatch(
			/corrective action 2 has no valid due date/
		);
	});

	it('refuses a whole bundle when one postmortem is bad, naming it', () => {
		const bad = raw();
		bad.title = 'Title';
		bad.timeline[1].at = '10:15';
		const msg = error(parseImport(bundle([raw(), raw(), bad, raw()])));
		expect(msg).toBe('Postmortem 3 ("Title"): timeline entry 2 has no valid time (expected YYYY-MM-DDTHH:mm)');
		expect(error(parseImport(bundle([raw(), 5])))).toBe('Postmortem 2 is not an object.');
	});

	it('refuses too many items', () => {
		const entries = Array.from({ length: 20_001 }, () => ({ at: '' }));
		expect(error(parseImport(single({ timeline: entries })))).toBe('The postmortem: "timeline" has more than 20,000 items');
		expect(error(parseImport(bundle(Array.from({ length: 10_001 }, () => ({})))))).toBe('This bundle holds more than 10,000 postmortems.');
	});

	it('refuses overly long text', () => {
		expect(error(parseImport(single({ summary: 'x'.repeat(1_000_001) })))).toBe(
			'The postmortem: "summary" is longer than 1,000,000 characters'
		);
	});

	it('refuses an unknown kind, a missing postmortem and an empty bundle', () => {
		expect(error(parseImport(JSON.stringify({ format: FORMAT, version: 1, kind: 'library' })))).toBe(
			'This file is of an unknown kind ("library").'
		);
		expect(error(parseImport(JSON.stringify({ format: FORMAT, version: 1, kind: 'postmortem' })))).toBe(
			'This file has no postmortem in it.'
		);
		expect(error(parseImport(JSON.stringify({ format: FORMAT, version: 1, kind: 'bundle', postmortems: {} })))).toBe(
			'This bundle has no list of postmortems.'
		);
		expect(error(parseImport(bundle([])))).toBe('This bundle holds no postmortems.');
	});
});

describe('what kind of file an import was given, by its content and its name', () => {
	it('names what a .json file holds when it is no postmortem: null, a number, a text, true', () => {
		expect(error(parseImport('null', NOW, 'export.json'))).toMatch(/^This JSON file holds null, not a postmortem\. The app imports/);
		expect(error(parseImport('42', NOW, 'export.json'))).toMatch(/holds a number, not a postmortem/);
		expect(error(parseImport('"hello"', NOW, 'export.json'))).toMatch(/holds a text, not a postmortem/);
		expect(error(parseImport('true', NOW, 'export.json'))).toMatch(/holds true, not a postmortem/);
		expect(error(parseImport('{"format": ', NOW, 'export.json'))).toBe('This file is not valid JSON (it may be truncated).');
	});

	it('says binary bytes are not a text file, whatever the name', () => {
		const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' + '\uFFFD'.repeat(20);
		for (const name of ['export.json', 'notes.md', 'shot.png']) {
			expect(error(parseImport(png, NOW, name))).toMatch(
				/^It is not a text file \(an image, an archive or a document\?\)\. The app imports/
			);
		}
	});

	it('says a chat log or other text is plain text, not "not valid JSON", and what the app accepts', () => {
		const irc = '[10:02] <ana> the checkout is failing\n[10:03] <ben> looking\n[10:05] <ana> rolled back';
		expect(error(parseImport(irc, NOW, 'incident.log'))).toMatch(
			/^It is plain text \(it looks like a chat log or a log file\), not a postmortem\. The app imports/
		);
		const slack = 'Ana Lopez  3:19 PM\ncheckout is failing\nBen Adler  3:20 PM\nlooking';
		expect(error(parseImport(slack, NOW, 'paste.txt'))).toMatch(/^It is plain text .*not a postmortem/);
		expect(error(parseImport('Meeting notes\nno headings here', NOW, 'notes.txt'))).toMatch(/plain text \(with no "# Title" heading\)/);
		// Named .md, it is read as Markdown, which says what it lacks.
		expect(error(parseImport('Meeting notes', NOW, 'notes.md'))).toMatch(/Nothing in this Markdown file reads as part of a postmortem/);
	});

	it('still reads our own files whatever they are named', () => {
		const pm = createPostmortem(NOW, 'UTC');
		expect(parseImport(toJson({ ...pm, title: 'A' }), NOW, 'download (1).txt').ok).toBe(true);
		expect(parseImport('# A title\n\n## Summary\n\nWhat happened.', NOW, 'a.txt').ok).toBe(true);
		expect(parseImport(toJsonBundle([pm]), NOW, '').ok).toBe(true);
	});
});
