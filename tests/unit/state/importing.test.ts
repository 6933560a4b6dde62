import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { examplePostmortem, toJson, toMarkdown } from '$lib/domain';
import { list } from '$lib/storage';
import { WorkbenchDB, db, useDatabase } from '$lib/storage/db';
import { clashQuestion, importFiles, readImportFiles, storeImport } from '$lib/state/importing';

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

describe('importing files, as the Import button and a drop do it', () => {
	it('says what was imported and from where, with any warnings', async () => {
		const one = await importFiles([jsonFile('a.json', 'First')], async () => 'replace');
		expect(one).toEqual({ ok: true, notice: 'Imported 1 postmortem from “a.json”.', ids: ['id-First'] });
		const two = await importFiles([jsonFile('b.json', 'Second'), jsonFile('c.json', 'Third')], async () => 'replace');
		expect(two.ok && two.notice).toBe('Imported 2 postmortems from 2 files.');
	});

	it('asks only when some are already stored, and a cancel changes nothing', async () => {
		let asked: string[] = [];
		const decide = async (clashing: { title: string }[]) => ((asked = clashing.map((p) => p.title)), null);
		await importFiles([jsonFile('a.json', 'Kept')], decide);
		expect(asked).toEqual([]);
		const again = await importFiles([jsonFile('a.json', 'Kept'), jsonFile('b.json', 'New')], decide);
		expect(asked).toEqual(['Kept']);
		expect(again).toEqual({ ok: true, notice: 'Import cancelled. Nothing was changed.', ids: null });
		expect((await list()).map((r) => r.title)).toEqual(['Kept']);
	});

	it('refuses bad files with the reason, and says when storing failed', async () => {
		const bad = await importFiles([new File(['{"hello":"world"}'], 'other.json')], async () => 'replace');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.error).toContain('“other.json” was not imported');

		db().close({ disableAutoOpen: true });
		const failed = await importFiles([jsonFile('a.json', 'A')], async () => 'replace');
		expect(failed.ok).toBe(false);
		if (!failed.ok) expect(failed.error).toMatch(/^“a\.json” was not imported: .* Nothing was changed\.$/);
	});

	it('names up to five of the postmortems already here in its question', () => {
		const pm = (title: string) => ({ ...examplePostmortem(NOW), title });
		expect(clashQuestion([pm('')])).toEqual({
			title: 'This postmortem is already here',
			message: '“Untitled” already exists in this browser. Replace the stored copy with the file’s, or keep both?'
		});
		const seven = clashQuestion(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(pm));
		expect(seven.title).toBe('7 postmortems are already here');
		expect(seven.message).toBe(
			'“a”, “b”, “c”, “d”, “e” and 2 more already exist in this browser. Replace the stored copies with the file’s, or keep both?'
		);
	});
});
