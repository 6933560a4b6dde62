import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { examplePostmortem, toJson, toMarkdown } from '$lib/domain';
import { list } from '$lib/storage';
import { WorkbenchDB, useDatabase } from '$lib/storage/db';
import { readImportFiles, storeImport } from '$lib/state/importing';

const NOW = new Date('2026-03-11T09:00:00Z');
const jsonFile = (name: string, title: string, id?: string) =>
	new File([toJson({ ...examplePostmortem(NOW), title, ...(id ? { id } : { id: `id-${title}` }) }, NOW)], name, {
		type: 'application/json'
	});

let n = 0;
beforeEach(() => {
	useDatabase(new WorkbenchDB(`test-importing-${++n}`));
});

describe('importing several files together', () => {
	it('reads every postmortem of every file, JSON and Markdown alike, and names the files', async () => {
		const md = new File([toMarkdown({ ...examplePostmortem(NOW), title: 'From Markdown' })], 'notes.md');
		const r = await readImportFiles([jsonFile('a.json', 'From JSON'), md]);
		if (!r.ok) throw new Error(r.error);
		expect(r.postmortems.map((p) => p.title)).toEqual(['From JSON', 'From Markdown']);
		expect(r.files).toEqual(['a.json', 'notes.md']);

		const ids = await storeImport(r.postmortems, async () => 'replace');
		expect(ids).toHaveLength(2);
		expect((await list()).map((s) => s.title).sort()).toEqual(['From JSON', 'From Markdown']);
	});

	it('imports nothing when one file is bad, and names each bad file', async () => {
		const bad = new File(['{"format":"postmortem-workbench",'], 'broken.json');
		const other = new File(['{"hello":"world"}'], 'other.json');
		const r = await readImportFiles([jsonFile('good.json', 'Good'), bad, other]);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error).toContain('“broken.json” was not imported');
		expect(r.error).toContain('“other.json” was not imported');
		expect(r.error).toContain('Nothing was imported from the 3 files');
		expect(r.error).not.toContain('good.json');
	});

	it('says only what is wrong with a single bad file', async () => {
		const r = await readImportFiles([new File(['{"hello":"world"}'], 'other.json')]);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).not.toContain('Nothing was imported from');
	});

	it('imports the same postmortem in two files once, from the later file, and says so', async () => {
		const r = await readImportFiles([jsonFile('old.json', 'Old title', 'same'), jsonFile('new.json', 'New title', 'same')]);
		if (!r.ok) throw new Error(r.error);
		expect(r.postmortems.map((p) => p.title)).toEqual(['New title']);
		expect(r.warnings.join(' ')).toContain('“old.json” and “new.json” hold the same postmortem');
	});

	it('says which file a warning comes from when there are several', async () => {
		const odd = new File(
			[JSON.stringify({ format: 'postmortem-workbench', kind: 'postmortem', version: 1, postmortem: { title: 'Odd', severity: 'SEV-9' } })],
			'odd.json'
		);
		const r = await readImportFiles([jsonFile('a.json', 'Fine'), odd]);
		if (!r.ok) throw new Error(r.error);
		expect(r.warnings.some((w) => w.startsWith('“odd.json”: '))).toBe(true);
	});

	it('a Markdown file imported again comes in as a copy named “(imported)”, then “(imported 2)”, so each can be told apart', async () => {
		const md = () => new File([toMarkdown({ ...examplePostmortem(NOW), title: 'From Markdown' })], 'notes.md');
		for (let i = 0; i < 2; i++) {
			const r = await readImportFiles([md()]);
			if (!r.ok) throw new Error(r.error);
			await storeImport(r.postmortems, async () => 'replace', r.markdownIds);
		}
		// Twice more in one go: told apart from each other too.
		const r = await readImportFiles([md(), md()]);
		if (!r.ok) throw new Error(r.error);
		await storeImport(r.postmortems, async () => 'replace', r.markdownIds);
		expect((await list()).map((s) => s.title).sort()).toEqual([
			'From Markdown',
			'From Markdown (imported 2)',
			'From Markdown (imported 3)',
			'From Markdown (imported)'
		]);
	});

	it('a JSON copy kept beside the stored one is told apart the same way', async () => {
		for (let i = 0; i < 3; i++) {
			const r = await readImportFiles([jsonFile('a.json', 'Same', 'same-id')]);
			if (!r.ok) throw new Error(r.error);
			await storeImport(r.postmortems, async () => 'keep-both', r.markdownIds);
		}
		expect((await list()).map((s) => s.title).sort()).toEqual(['Same', 'Same (imported 2)', 'Same (imported)']);
	});
});
