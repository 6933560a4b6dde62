/**
 * Postmortems written elsewhere, in the shapes of published templates and public write-ups
 * (tests/fixtures/markdown-corpus): each is imported and checked against what its document plainly
 * states, written down beside it by someone other than the importer's author.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/domain/import';
import type { Postmortem } from '$lib/domain/model';

const DIR = join(__dirname, '../../fixtures/markdown-corpus');
const NOW = new Date('2026-03-11T09:00:00Z');

interface Expected {
	title?: string;
	incidentDay?: string;
	timeZone?: string;
	status?: string;
	severity?: string;
	authors?: string[];
	participants?: string[];
	contains?: Partial<Record<keyof Postmortem, string>>;
	timeline?: { count?: number; entries?: Array<{ index: number; at?: string; who?: string; whatContains?: string }> };
	factors?: { count?: number; contains?: string[] };
	actions?: {
		count?: number;
		entries?: Array<{ index: number; titleContains?: string; owner?: string; priority?: string; status?: string; trackerLink?: string }>;
	};
}

const documents = readdirSync(DIR)
	.filter((f) => f.endsWith('.md') && readdirSync(DIR).includes(f.replace(/\.md$/, '.expected.json')))
	.sort();

describe('Markdown written elsewhere comes in whole', () => {
	it('has a corpus of at least a dozen documents', () => {
		expect(documents.length).toBeGreaterThanOrEqual(12);
	});

	for (const file of documents) {
		it(file, () => {
			const text = readFileSync(join(DIR, file), 'utf8');
			const want = JSON.parse(readFileSync(join(DIR, file.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected;
			const r = parseImport(text, NOW, file);
			if (!r.ok) throw new Error(r.error);
			const pm = r.postmortems[0];
			expect(r.recognised?.length, 'the import says what it recognised').toBeGreaterThan(0);
			if (want.title !== undefined) expect(pm.title).toBe(want.title);
			if (want.incidentDay) expect(pm.incidentDate.slice(0, 10)).toBe(want.incidentDay);
			if (want.timeZone) expect(pm.timeZone).toBe(want.timeZone);
			if (want.status) expect(pm.status).toBe(want.status);
			if (want.severity) expect(pm.severity).toBe(want.severity);
			if (want.authors) expect(pm.authors).toEqual(want.authors);
			if (want.participants) expect(pm.participants).toEqual(expect.arrayContaining(want.participants));
			for (const [field, part] of Object.entries(want.contains ?? {})) expect(pm[field as keyof Postmortem], field).toContain(part);
			const timeline = pm.timeline;
			if (want.timeline?.count !== undefined) expect(timeline.map((e) => `${e.at} ${e.what}`)).toHaveLength(want.timeline.count);
			for (const e of want.timeline?.entries ?? []) {
				const got = timeline[e.index];
				expect(got, `timeline entry ${e.index}`).toBeDefined();
				if (e.at) expect(got.at, `time of entry ${e.index}`).toBe(e.at);
				if (e.who) expect(got.who, `who of entry ${e.index}`).toBe(e.who);
				if (e.whatContains) expect(`${got.who}: ${got.what}`).toContain(e.whatContains);
			}
			if (want.factors?.count !== undefined) expect(pm.contributingFactors.map((f) => f.description)).toHaveLength(want.factors.count);
			for (const part of want.factors?.contains ?? [])
				expect(
					pm.contributingFactors.some((f) => f.description.includes(part)),
					`a factor with “${part}”`
				).toBe(true);
			if (want.actions?.count !== undefined) expect(pm.correctiveActions.map((a) => a.title)).toHaveLength(want.actions.count);
			for (const a of want.actions?.entries ?? []) {
				const got = pm.correctiveActions[a.index];
				expect(got, `action ${a.index}`).toBeDefined();
				if (a.titleContains) expect(got.title).toContain(a.titleContains);
				if (a.owner) expect(got.owner, `owner of action ${a.index}`).toBe(a.owner);
				if (a.priority) expect(got.priority, `priority of action ${a.index}`).toBe(a.priority);
				if (a.status) expect(got.status, `status of action ${a.index}`).toBe(a.status);
				if (a.trackerLink) expect(got.trackerLink, `tracker of action ${a.index}`).toBe(a.trackerLink);
			}
		});
	}
});
