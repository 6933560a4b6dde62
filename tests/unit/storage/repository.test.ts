import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem, examplePostmortem } from '$lib/domain';
import {
	list,
	get,
	create,
	remove,
	restore,
	duplicate,
	existingIds,
	importPostmortems,
	exportAll,
	getMeta,
	setMeta,
	ConflictError,
	MissingError
} from '$lib/storage';
import { save } from '$lib/storage/saving';
import { WorkbenchDB, useDatabase } from '$lib/storage/db';

let n = 0;
beforeEach(() => {
	useDatabase(new WorkbenchDB(`test-repo-${++n}`));
});

describe('repository', () => {
	it('creates, lists newest first with completion, and reads back', async () => {
		vi.useFakeTimers({ toFake: ['Date'] }); // only the clock: IndexedDB's own tasks run as usual
		vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
		const a = await create({ ...createPostmortem(), title: 'A' });
		vi.setSystemTime(new Date('2026-03-01T10:00:01Z'));
		const b = await create({ ...examplePostmortem(), title: 'B' });
		vi.useRealTimers();
		expect(a.revision).toBe(1);
		const rows = await list();
		expect(rows.map((r) => r.title)).toEqual(['B', 'A']);
		expect(rows[0].filled).toBe(rows[0].total);
		expect(rows[1].filled).toBe(0);
		expect(await get(b.id)).toEqual(b);
	});

	it('saves with an increasing revision and refuses a stale one', async () => {
		const pm = await create(createPostmortem());
		const s1 = await save({ ...pm, title: 'one' });
		expect(s1.revision).toBe(2);
		const s2 = await save({ ...s1, title: 'two' });
		expect(s2.revision).toBe(3);
		// An editor still based on revision 2 must not overwrite revision 3.
		const stale = save({ ...s1, title: 'stale' });
		await expect(stale).rejects.toBeInstanceOf(ConflictError);
		await expect(stale).rejects.toMatchObject({ stored: { title: 'two' } });
		expect((await get(pm.id))?.title).toBe('two');
		const forced = await save({ ...s1, title: 'forced' }, { force: true });
		expect(forced.revision).toBe(4);
		expect((await list())[0].title).toBe('forced');
	});

	it('refuses to save a postmortem deleted elsewhere', async () => {
		const pm = await create(createPostmortem());
		await remove(pm.id);
		await expect(save(pm)).rejects.toBeInstanceOf(MissingError);
	});

	it('removes, restores exactly, and duplicates with a new id', async () => {
		const pm = await create({ ...createPostmortem(), title: 'Gone' });
		const removed = await remove(pm.id);
		expect(await get(pm.id)).toBeUndefined();
		expect(await list()).toEqual([]);
		await restore(removed!);
		expect(await get(pm.id)).toEqual(pm);
		const copy = await duplicate(pm.id);
		expect(copy!.id).not.toBe(pm.id);
		expect(copy!.title).toBe('Gone (copy)');
		expect((await list()).length).toBe(2);

		// A final postmortem's copy is a draft, without the note on why the original went final.
		const final = await create({
			...createPostmortem(),
			title: 'Done',
			status: 'final',
			finalNote: 'Went final with checks open.',
			summary: 'Kept'
		});
		const draft = (await duplicate(final.id))!;
		expect([draft.status, draft.finalNote, draft.summary]).toEqual(['draft', '', 'Kept']);
	});

	it('imports all or nothing, replacing or keeping both', async () => {
		const pm = await create({ ...createPostmortem(), title: 'Mine' });
		const incoming = { ...pm, title: 'Theirs', revision: 1 };
		const fresh = { ...createPostmortem(), title: 'New' };
		expect(await existingIds([pm.id, fresh.id])).toEqual([pm.id]);

		const kept = await importPostmortems([incoming, fresh], 'keep-both');
		expect(kept).toHaveLength(2);
		expect((await get(pm.id))?.title).toBe('Mine');
		expect((await list()).map((r) => r.title).sort()).toEqual(['Mine', 'New', 'Theirs (imported)']);

		await importPostmortems([incoming], 'replace');
		const replaced = await get(pm.id);
		expect(replaced?.title).toBe('Theirs');
		// Above the stored revision, so an open editor notices.
		expect(replaced!.revision).toBeGreaterThan(pm.revision);

		// A value IndexedDB cannot store makes the whole import fail and leaves everything as it was.
		const before = await exportAll();
		const bad = { ...createPostmortem(), extra: { fn: () => 1 } } as never;
		await expect(importPostmortems([{ ...createPostmortem(), title: 'ok' }, bad], 'keep-both')).rejects.toThrow();
		expect(await exportAll()).toEqual(before);
	});

	it('an imported revision near MAX_SAFE_INTEGER or edit time in the future is not taken: two tabs still see each other’s saves', async () => {
		const future = new Date(Date.now() + 365 * 86_400_000).toISOString();
		const file = { ...createPostmortem(), title: 'From a file', revision: Number.MAX_SAFE_INTEGER, updatedAt: future };
		await importPostmortems([file], 'replace');
		const imported = (await get(file.id))!;
		expect(imported.revision).toBe(1);
		expect(Date.parse(imported.updatedAt)).toBeLessThanOrEqual(Date.now());
		// Edited here afterwards, it is listed first (the file's future time does not keep it above).
		// A second later: within the same millisecond the two would tie and either could be first.
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(Date.now() + 1000);
		const other = await create({ ...createPostmortem(), title: 'Edited here' });
		vi.useRealTimers();
		expect((await list())[0].id).toBe(other.id);

		// Two tabs open on it: the second one's save, based on the same revision, is a conflict.
		const tabA = await save({ ...imported, title: 'Tab A' });
		await expect(save({ ...imported, title: 'Tab B' })).rejects.toBeInstanceOf(ConflictError);
		expect((await get(file.id))?.title).toBe(tabA.title);

		// Replaced by the same file again: one above the stored revision, so an open editor notices.
		await importPostmortems([file], 'replace');
		expect((await get(file.id))?.revision).toBe(tabA.revision + 1);
	});

	it('keeps settings', async () => {
		expect(await getMeta('lastBackupAt')).toBeUndefined();
		await setMeta('lastBackupAt', '2026-11-22T10:00:00.000Z');
		expect(await getMeta('lastBackupAt')).toBe('2026-11-22T10:00:00.000Z');
	});
});

describe('save failures', () => {
	it('a value IndexedDB cannot store rejects the save and leaves the stored copy as it was', async () => {
		useDatabase(new WorkbenchDB(`test-repo-clone-${++n}`));
		const pm = await create({ ...createPostmortem(), title: 'kept' });
		await expect(save({ ...pm, title: 'bad', extra: { fn: () => 1 } } as never)).rejects.toThrow();
		expect((await get(pm.id))?.title).toBe('kept');
		expect((await list())[0].title).toBe('kept');
	});
});
