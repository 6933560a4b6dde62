import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem, createTimelineEntry, type Postmortem } from '$lib/domain';
import { toAccountJson } from '$lib/domain/accounts';

let n = 0;
let storage: typeof import('$lib/storage');
let EditorState: typeof import('$lib/state/editor.svelte').EditorState;
let accounts: typeof import('$lib/state/accounts.svelte');
beforeEach(async () => {
	vi.resetModules();
	storage = await import('$lib/storage');
	const { useDatabase, WorkbenchDB } = await import('$lib/storage/db');
	useDatabase(new WorkbenchDB(`test-accounts-${++n}`));
	({ EditorState } = await import('$lib/state/editor.svelte'));
	accounts = await import('$lib/state/accounts.svelte');
});

const NOW = new Date('2026-11-03T10:00:00Z');

function incident(entries: Array<[string, string, string]>): Postmortem {
	const pm = createPostmortem(NOW, 'Europe/Berlin');
	pm.title = 'Checkout errors';
	pm.timeline = entries.map(([t, who, what]) => ({ ...createTimelineEntry(`2026-11-03T${t}`), who, what }));
	return pm;
}

const file = (name: string, pm: Postmortem, author: string, notes = '') => new File([toAccountJson(pm, author, { notes }, NOW)], name);

describe('Export my account', () => {
	it('picks the entries naming the person (by first name too), or all when none does, and names the file after them', async () => {
		const pm = incident([
			['14:02', 'Ana Lima', 'Saw errors'],
			['14:05', 'Ben', 'Paged']
		]);
		const editor = new EditorState(await storage.create(pm));
		const exp = new accounts.AccountExport(editor);
		expect(exp.picked.size).toBe(2);
		exp.setAuthor('Ana');
		expect([...exp.picked]).toEqual([pm.timeline[0].id]);
		expect(exp.file(NOW)).toMatchObject({ name: expect.stringMatching(/-account-ana\.json$/) });
		exp.setAuthor('');
		expect(exp.file(NOW)).toEqual({ error: 'Say whose account this is first.' });
		exp.setAuthor('Cleo');
		exp.pickAll(false);
		expect(exp.file(NOW)).toEqual({ error: 'Pick at least one entry or write a note first.' });
	});
});

describe('Merge accounts', () => {
	it('reads all files or none, picks one entry per moment, and adds the picked entries and the notes as one undo step', async () => {
		const editor = new EditorState(await storage.create(incident([])));
		const merge = new accounts.AccountMerge(editor);
		const ana = file('ana.json', incident([['14:02', 'Ana', 'Checkout error rate climbs']]), 'Ana', 'I expected the canary.');
		const ben = file('ben.json', incident([['14:04', 'Ben', 'Checkout error rate climbing, paged']]), 'Ben');

		await merge.read([ana, new File(['{}'], 'bad.json')]);
		expect(merge.accounts).toEqual([]);
		expect(merge.error).toMatch(/“bad\.json” was not read: .* No account was read/);

		await merge.read([ana, ben]);
		expect(merge.error).toBe('');
		expect(merge.moments).toHaveLength(1);
		expect(merge.toAdd.map((i) => i.author)).toEqual(['Ana']);
		merge.pickAll(true, 'Ben');
		expect(merge.toAdd.map((i) => i.author)).toEqual(['Ana', 'Ben']);
		expect(merge.add()).toBe(2);
		expect(editor.draft.timeline.map((e) => [e.at, e.who, e.source?.kind, e.source?.author])).toEqual([
			['2026-11-03T14:02', 'Ana', 'account', 'Ana'],
			['2026-11-03T14:04', 'Ben', 'account', 'Ben']
		]);
		expect(editor.draft.supportingInfo).toBe('### Ana’s account\n\nI expected the canary.');
		editor.undo();
		expect(editor.draft.timeline).toEqual([]);
		expect(editor.draft.supportingInfo).toBe('');
		editor.redo();

		// Read again, nothing is added twice and the notes are not repeated.
		await merge.read([ana]);
		expect(merge.toAdd).toEqual([]);
		expect(merge.newNotes).toEqual([]);
		expect(merge.add()).toBe(0);
	});
});
