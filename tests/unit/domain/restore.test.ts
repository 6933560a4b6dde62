import { describe, expect, it } from 'vitest';
import { createPostmortem, DEFAULT_AGENDA, POSTMORTEM_VERSION, type Postmortem } from '$lib/domain/model';
import { createTimelineEntry } from '$lib/domain/parts';
import { POSTMORTEM_MIGRATIONS, restorePostmortem, type PostmortemMigration, type RestoreResult } from '$lib/domain/restore';
import { FORMAT, LIMITS, MAX_FIELD_CHARS, MAX_KEPT_DEPTH, MAX_TIMEBOX_MINUTES } from '$lib/domain/schema';
import { toJson, toJsonBundle } from '$lib/domain/json';
import { parseImport } from '$lib/domain/import';
import { examplePostmortem } from '$lib/domain/example';
import { markedExample } from './helpers';

const NOW = new Date('2026-03-11T09:00:00Z');

function ok(r: RestoreResult) {
	if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
	return r;
}
function error(r: RestoreResult | { ok: boolean; error?: string }): string {
	if (r.ok) throw new Error('expected a refusal');
	return (r as { error: string }).error;
}
/** A stored row as Dexie or localStorage hands it over: a plain copy of the postmortem. */
const row = (pm: Postmortem = examplePostmortem(NOW)) => structuredClone(pm) as unknown as Record<string, unknown>;

describe('restorePostmortem: current rows', () => {
	it('gives back a current row unchanged, as a fresh object, with no warnings', () => {
		for (const pm of [examplePostmortem(NOW), createPostmortem(NOW, 'UTC'), markedExample().pm]) {
			const stored = row(pm);
			const r = ok(restorePostmortem(stored, { now: NOW }));
			expect(r.postmortem).toEqual(pm);
			expect(r.warnings).toEqual([]);
			expect(r.postmortem).not.toBe(stored);
			expect(r.postmortem.timeline).not.toBe(stored.timeline);
			expect(r.postmortem.facilitation.agenda).not.toBe((stored.facilitation as Postmortem['facilitation']).agenda);
		}
	});

	it('is cheap enough to run on every row read', () => {
		const stored = row();
		const start = performance.now();
		for (let i = 0; i < 1000; i++) restorePostmortem(stored);
		// About 0.1 ms a row here (less than a structuredClone of it); the bound only catches an accidental slow path.
		expect(performance.now() - start).toBeLessThan(2000);
	});

	it('stamps the current shape version on every restored postmortem', () => {
		const { schemaVersion: _, ...old } = row();
		expect(ok(restorePostmortem(old)).postmortem.schemaVersion).toBe(POSTMORTEM_VERSION);
		expect(POSTMORTEM_VERSION).toBe(1);
		expect(POSTMORTEM_MIGRATIONS).toEqual({});
	});

	it('fills a missing field with the same default a new postmortem has', () => {
		const pm = ok(restorePostmortem({}, { now: NOW })).postmortem;
		const blank = createPostmortem(NOW);
		expect({ ...pm, id: '' }).toEqual({ ...blank, id: '' });
		expect(pm.id).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('restorePostmortem: unknown fields', () => {
	it('keeps a stored row’s extra fields and any unknown top-level field', () => {
		const stored = row();
		stored.extra = { fromNewerApp: { nested: [1, 'two', null] } };
		stored.loose = 'written by hand';
		const r = ok(restorePostmortem(stored));
		expect(r.postmortem.extra).toEqual({ fromNewerApp: { nested: [1, 'two', null] }, loose: 'written by hand' });
		expect(r.warnings).toEqual([]);
		// And the export writes them back at the top level.
		const exported = JSON.parse(toJson(r.postmortem)).postmortem;
		expect(exported.fromNewerApp).toEqual({ nested: [1, 'two', null] });
		expect(exported.loose).toBe('written by hand');
	});

	it('does not let a kept field stand in for a known one', () => {
		const stored = row();
		stored.extra = { title: 'not the title', summary: 42 };
		const pm = ok(restorePostmortem(stored)).postmortem;
		expect(pm.title).toBe(examplePostmortem(NOW).title);
		expect(pm.extra).toEqual({});
	});

	it('drops unknown keys inside list items, with one warning', () => {
		const stored = row();
		(stored.timeline as Record<string, unknown>[])[0].colour = 'red';
		(stored.correctiveActions as Record<string, unknown>[])[0].colour = 'blue';
		const r = ok(restorePostmortem(stored));
		expect(r.postmortem.timeline[0]).not.toHaveProperty('colour');
		expect(r.warnings).toEqual(['unknown fields inside timeline entries, factors, actions or the agenda were dropped']);
	});
});

describe('restorePostmortem: older shapes', () => {
	// A made-up version 2 in which "authors" is a list; version 1 wrote one text, "Ana, Ben".
	const toV2: Record<number, PostmortemMigration> = {
		1: (raw) => ({
			...raw,
			authors: String(raw.authors ?? '')
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
		})
	};
	const v1 = () => ({ ...row(createPostmortem(NOW, 'UTC')), schemaVersion: 1, title: 'Old row', authors: 'Ana, Ben' });

	it('upgrades an old row through a migration that changes a field’s shape', () => {
		const r = ok(restorePostmortem(v1(), { to: 2, migrations: toV2 }));
		expect(r.postmortem.authors).toEqual(['Ana', 'Ben']);
		expect(r.postmortem.title).toBe('Old row');
		expect(r.postmortem.schemaVersion).toBe(2);
		expect(r.warnings).toEqual([]);
		// Restoring the upgraded row again is the fast, unchanged path.
		expect(ok(restorePostmortem(r.postmortem, { to: 2, migrations: toV2 })).postmortem).toEqual(r.postmortem);
	});

	it('takes the version from the row, else from the caller, else 1', () => {
		const { schemaVersion: _, ...unversioned } = v1();
		expect(ok(restorePostmortem(unversioned, { to: 2, migrations: toV2 })).postmortem.authors).toEqual(['Ana', 'Ben']);
		// The caller says the row is already version 2: no migration runs, and a text is not a list.
		expect(error(restorePostmortem(unversioned, { version: 2, to: 2, migrations: toV2 }))).toBe('"authors" must be a list, not text');
		// The row's own version wins over the caller's.
		expect(ok(restorePostmortem(v1(), { version: 2, to: 2, migrations: toV2 })).postmortem.authors).toEqual(['Ana', 'Ben']);
	});

	it('runs the steps in order and does not change the value it was given', () => {
		const trail: PostmortemMigration = (raw) => ({
			...raw,
			tags: [...(raw.tags as string[]), `from ${raw.step}`],
			step: Number(raw.step) + 1
		});
		const input = { ...v1(), authors: [], tags: [], step: 1 };
		const r = ok(restorePostmortem(input, { to: 4, migrations: { 1: trail, 2: trail, 3: trail } }));
		expect(r.postmortem.tags).toEqual(['from 1', 'from 2', 'from 3']);
		expect(r.postmortem.extra).toEqual({ step: 4 });
		expect(input.tags).toEqual([]);
	});

	it('refuses a row it cannot upgrade or that is newer than the app', () => {
		expect(error(restorePostmortem(v1(), { to: 3, migrations: toV2 }))).toBe(
			'This postmortem has shape version 2, which this app cannot upgrade.'
		);
		expect(error(restorePostmortem({ ...v1(), schemaVersion: 5 }))).toMatch(
			/saved by a newer version of the app \(shape version 5; this app reads up to 1\)/
		);
		for (const schemaVersion of ['1', 0, 1.5, -1]) {
			expect(error(restorePostmortem({ ...v1(), schemaVersion }))).toMatch(/"schemaVersion" must be a whole number of 1 or more/);
		}
	});

	it('turns a migration that throws into a refusal', () => {
		const broken = { 1: () => JSON.parse('{') };
		expect(error(restorePostmortem(v1(), { to: 2, migrations: broken }))).toMatch(/^This postmortem could not be read \(/);
	});
});

describe('restorePostmortem: hostile and broken values', () => {
	it('refuses what is not an object', () => {
		for (const value of [null, undefined, 'text', 42, [row()]]) {
			expect(error(restorePostmortem(value))).toMatch(/^A postmortem must be an object/);
		}
	});

	it('refuses prototype keys anywhere and pollutes nothing', () => {
		const top = JSON.parse('{"title":"x","__proto__":{"polluted":true}}');
		expect(error(restorePostmortem(top))).toBe('The key "__proto__" is not allowed for safety reasons.');
		const inExtra = { ...row(), extra: JSON.parse('{"futureField":{"a":{"constructor":{"prototype":1}}}}') };
		expect(error(restorePostmortem(inExtra))).toBe(
			'"futureField" contains the key "constructor" (at futureField.a.constructor), which is not allowed for safety reasons'
		);
		const bag = { ...row(), extra: JSON.parse('{"__proto__":{"polluted":true}}') };
		expect(error(restorePostmortem(bag))).toBe('The key "__proto__" is not allowed for safety reasons.');
		const inItem = { ...row(), timeline: [JSON.parse('{"at":"","prototype":"x"}')] };
		expect(error(restorePostmortem(inItem))).toBe('timeline entry 1 has the key "prototype", which is not allowed for safety reasons');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses wrong types for known fields, naming the field', () => {
		const bad = (patch: Record<string, unknown>) => error(restorePostmortem({ ...row(), ...patch }));
		expect(bad({ title: 42 })).toBe('"title" must be text, not a number');
		expect(bad({ timeline: 'soon' })).toBe('"timeline" must be a list, not text');
		expect(bad({ tags: ['ok', false] })).toBe('"tags" item 2 must be text, not true/false');
		expect(bad({ contributingFactors: [{}, 7] })).toBe('contributing factor 2 must be an object, not a number');
		expect(bad({ correctiveActions: [{ owner: {} }] })).toBe('corrective action 1: "owner" must be text, not an object');
		expect(bad({ revision: '3' })).toBe('"revision" must be a whole number of 0 or more, not text');
		expect(bad({ facilitation: 'later' })).toBe('"facilitation" must be an object, not text');
		expect(bad({ facilitation: { parkingLot: {} } })).toBe('facilitation: "parkingLot" must be a list, not an object');
		expect(bad({ facilitation: { agenda: [{ id: 'opening', minutes: -5 }] } })).toBe('agenda item 1 has no valid number of minutes');
		expect(bad({ facilitation: { agenda: [{ id: 'opening' }] } })).toBe('agenda item 1 has no valid number of minutes');
		expect(bad({ incidentDate: '2026-02-30T10:00' })).toMatch(/incident date is not a valid date and time/);
	});

	it('refuses over-limit text and lists', () => {
		const bad = (patch: Record<string, unknown>) => error(restorePostmortem({ ...row(), ...patch }));
		expect(bad({ lessons: 'x'.repeat(MAX_FIELD_CHARS + 1) })).toBe('"lessons" is longer than 1,000,000 characters');
		expect(bad({ authors: ['a', 'x'.repeat(MAX_FIELD_CHARS + 1)] })).toBe('"authors" item 2 is too long');
		expect(bad({ id: 'x'.repeat(201) })).toBe('"id" is longer than 200 characters');
		expect(bad({ timeZone: 'x'.repeat(101) })).toBe('"timeZone" is longer than 100 characters');
		expect(bad({ tags: Array.from({ length: LIMITS.listItems + 1 }, () => 't') })).toBe('"tags" has more than 10,000 items');
		expect(bad({ facilitation: { agenda: Array.from({ length: LIMITS.agenda + 1 }, () => ({ id: 'opening', minutes: 1 })) } })).toBe(
			'facilitation: "agenda" has more than 100 items'
		);
	});

	it('refuses kept values nested too deep, even cyclic ones, without overflowing the stack', () => {
		let deep: unknown = 'bottom';
		for (let i = 0; i < 100_000; i++) deep = [deep];
		expect(error(restorePostmortem({ ...row(), deep }))).toBe(`"deep" is nested more than ${MAX_KEPT_DEPTH} levels deep`);
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(error(restorePostmortem({ ...row(), extra: { cyclic } }))).toMatch(/"cyclic" is nested more than/);
	});

	it('repairs what it can, with a warning for each repair', () => {
		const stored = row();
		stored.status = 'archived';
		stored.createdAt = 'last tuesday';
		stored.timeZone = 'Mars/Base';
		const timeline = stored.timeline as Record<string, unknown>[];
		timeline[1].id = timeline[0].id;
		timeline[0].milestone = 'exploded';
		stored.title = null;
		const r = ok(restorePostmortem(stored, { now: NOW }));
		expect(r.postmortem.status).toBe('draft');
		expect(r.postmortem.createdAt).toBe(NOW.toISOString());
		expect(r.postmortem.timeZone).toBe('Mars/Base');
		expect(r.postmortem.title).toBe('');
		expect(r.postmortem.timeline[0].milestone).toBe('');
		expect(new Set(r.postmortem.timeline.map((e) => e.id)).size).toBe(r.postmortem.timeline.length);
		expect(r.warnings).toEqual([
			'"createdAt" was not a valid date and was set to now',
			'unknown time zone "Mars/Base"; times will be read as UTC',
			'unknown status "archived" was replaced by "draft"',
			'timeline entry 1: unknown milestone "exploded" was replaced by nothing',
			'some timeline entries shared an id and got a new one'
		]);
	});
});

describe('meeting timeboxes', () => {
	const withAgenda = (agenda: unknown) => ({ ...row(createPostmortem(NOW, 'UTC')), facilitation: { agenda, parkingLot: [] } });

	it('keeps a timebox of exactly the longest one and shortens a longer one with a warning', () => {
		const r = ok(
			restorePostmortem(
				withAgenda([
					{ id: 'opening', minutes: MAX_TIMEBOX_MINUTES },
					{ id: 'impact', minutes: 1440 }
				])
			)
		);
		expect(MAX_TIMEBOX_MINUTES).toBe(180);
		expect(r.postmortem.facilitation.agenda).toEqual([
			{ id: 'opening', minutes: 180 },
			{ id: 'impact', minutes: 180 }
		]);
		expect(r.warnings).toEqual(['the agenda item "impact" had 1,440 minutes, more than the longest timebox; it was shortened to 180']);
	});

	it('shortens it the same way when a JSON file is imported, so old backups still restore', () => {
		const file = JSON.stringify({
			format: FORMAT,
			kind: 'postmortem',
			version: 1,
			postmortem: withAgenda([{ id: 'actions', minutes: 5000 }])
		});
		const r = parseImport(file, NOW);
		if (!r.ok) throw new Error(r.error);
		expect(r.postmortems[0].facilitation.agenda).toEqual([{ id: 'actions', minutes: 180 }]);
		expect(r.warnings).toEqual([
			'The postmortem: the agenda item "actions" had 5,000 minutes, more than the longest timebox; it was shortened to 180'
		]);
	});

	it('gives a missing agenda the usual one without a warning', () => {
		const r = ok(restorePostmortem({ ...row(), facilitation: { parkingLot: [] } }));
		expect(r.postmortem.facilitation.agenda).toEqual(DEFAULT_AGENDA);
		expect(r.warnings).toEqual([]);
	});
});

describe('limits shared by export and import', () => {
	const big = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
	/** Each limited field filled to its limit, and what one more makes restore say. */
	const cases: [string, (pm: Postmortem, n: number) => void, number, string][] = [
		['text', (pm, n) => (pm.summary = 's'.repeat(n)), MAX_FIELD_CHARS, '"summary" is longer than 1,000,000 characters'],
		['list item text', (pm, n) => (pm.tags = ['t'.repeat(n)]), MAX_FIELD_CHARS, '"tags" item 1 is too long'],
		[
			'names',
			(pm, n) => (pm.participants = big(n, (i) => `p${i}`) as string[]),
			LIMITS.listItems,
			'"participants" has more than 10,000 items'
		],
		[
			'timeline',
			(pm, n) => (pm.timeline = big(n, (i) => ({ ...createTimelineEntry(), id: `t${i}` })) as Postmortem['timeline']),
			LIMITS.timeline,
			'"timeline" has more than 20,000 items'
		],
		[
			'factors',
			(pm, n) =>
				(pm.contributingFactors = big(n, (i) => ({ id: `f${i}`, description: '', kind: '' })) as Postmortem['contributingFactors']),
			LIMITS.factors,
			'"contributingFactors" has more than 10,000 items'
		],
		[
			'parking lot',
			(pm, n) => (pm.facilitation.parkingLot = big(n, (i) => ({ id: `p${i}`, text: '' })) as Postmortem['facilitation']['parkingLot']),
			LIMITS.parkingLot,
			'facilitation: "parkingLot" has more than 10,000 items'
		],
		[
			'reviewed findings',
			(pm, n) => (pm.reviewedFindings = big(n, (i) => `k${i}`) as string[]),
			LIMITS.reviewedFindings,
			'"reviewedFindings" has more than 100,000 items'
		]
	];

	for (const [what, fill, limit, message] of cases) {
		it(`${what}: exactly at the limit exports and imports back; one over is refused the same way by both`, () => {
			const pm = createPostmortem(NOW, 'UTC');
			pm.title = 'T';
			fill(pm, limit);
			expect(ok(restorePostmortem(pm)).postmortem).toEqual(pm);
			const back = parseImport(toJson(pm), NOW);
			expect(back.ok && back.postmortems[0]).toEqual(pm);

			fill(pm, limit + 1);
			expect(error(restorePostmortem(pm))).toBe(message);
			expect(error(parseImport(toJson(pm), NOW))).toBe(`Postmortem "T": ${message}`);
		});
	}

	it('kept fields: nested exactly as deep as allowed fit in a bundle file; one deeper is refused', () => {
		const nested = (depth: number) => {
			let value: unknown = 1;
			for (let i = 0; i < depth; i++) value = [value];
			return value;
		};
		const pm = createPostmortem(NOW, 'UTC');
		pm.extra = { kept: nested(MAX_KEPT_DEPTH) };
		expect(ok(restorePostmortem(pm)).postmortem).toEqual(pm);
		const back = parseImport(toJsonBundle([pm]), NOW);
		expect(back.ok && back.postmortems[0]).toEqual(pm);

		pm.extra = { kept: nested(MAX_KEPT_DEPTH + 1) };
		expect(error(restorePostmortem(pm))).toBe(`"kept" is nested more than ${MAX_KEPT_DEPTH} levels deep`);
		expect(error(parseImport(toJsonBundle([pm]), NOW))).toMatch(/nested more than/);
	});
});
