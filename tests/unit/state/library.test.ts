import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem, UNTITLED, type Postmortem } from '$lib/domain';
import { create, get, list, summarize } from '$lib/storage';
import { WorkbenchDB, db, useDatabase } from '$lib/storage/db';
import { Library, displayTitle } from '$lib/state/library.svelte';

const NOW = new Date('2026-03-11T09:00:00Z');
const named = (title: string): Postmortem => ({ ...createPostmortem(NOW, 'UTC'), title });

let n = 0;
let library: Library | undefined;
beforeEach(() => useDatabase(new WorkbenchDB(`test-library-${++n}`)));
afterEach(() => {
	library?.stop();
	library = undefined;
	vi.unstubAllGlobals();
});

/** A library over the current database, once its first rows are in. */
async function opened(): Promise<Library> {
	library = new Library();
	await vi.waitFor(() => expect(library!.loaded).toBe(true));
	return library;
}

describe('the library’s rows', () => {
	it('lists the stored postmortems, most recently edited first, and follows the database', async () => {
		await create(named('First'));
		await create(named('Second'));
		const lib = await opened();
		expect(lib.empty).toBe(false);
		expect(lib.shown.map((r) => r.title)).toEqual(['Second', 'First']);

		await create(named('Third'));
		await vi.waitFor(() => expect(lib.shown.map((r) => r.title)).toEqual(['Third', 'Second', 'First']));
	});

	it('is empty, and says so, when nothing is stored', async () => {
		const lib = await opened();
		expect(lib.empty).toBe(true);
		expect(lib.shown).toEqual([]);
	});

	it('shows the rows of the early read at once, before storage has loaded', async () => {
		const early = [summarize(named('Older')), summarize(named('Newer'))];
		// The inline script's read: in index order, oldest edit first.
		vi.stubGlobal('window', { __earlyRead: { key: null, done: true, ok: true, value: early } });
		library = new Library();
		expect(library.loaded).toBe(true);
		expect(library.shown.map((r) => r.title)).toEqual(['Newer', 'Older']);
	});

	it('filters by part of the title in any case; an untitled one is found by “untitled”', async () => {
		await create(named('Checkout errors'));
		await create(named('Login outage'));
		await create(named(''));
		const lib = await opened();
		lib.filter = '  CHECKOUT ';
		expect(lib.shown.map((r) => r.title)).toEqual(['Checkout errors']);
		lib.filter = 'untitled';
		expect(lib.shown.map((r) => r.title)).toEqual(['']);
		lib.filter = 'nothing like it';
		expect(lib.shown).toEqual([]);
		lib.filter = '';
		expect(lib.shown).toHaveLength(3);
	});

	it('names an untitled postmortem as such', () => {
		expect(displayTitle({ title: '' })).toBe(UNTITLED);
		expect(displayTitle({ title: 'Checkout errors' })).toBe('Checkout errors');
	});
});

describe('what can be done from the library', () => {
	it('starts a new postmortem and opens the example, storing the example once', async () => {
		const lib = await opened();
		const id = await lib.startNew();
		expect(id && (await get(id))?.title).toBe('');
		const ex = await lib.openExample();
		expect(ex).toBeDefined();
		expect(await lib.openExample()).toBe(ex);
		expect((await list()).filter((r) => r.id === ex)).toHaveLength(1);
	});

	it('duplicates, and says what the copy is called', async () => {
		const pm = await create(named('Checkout errors'));
		const lib = await opened();
		await lib.duplicate(summarize(pm));
		expect(lib.notice).toEqual({ message: 'Duplicated as “Checkout errors (copy)”.' });
		expect((await list()).map((r) => r.title).sort()).toEqual(['Checkout errors', 'Checkout errors (copy)']);
	});

	it('deletes only once confirmed, and Undo puts the postmortem back as it was', async () => {
		const pm = await create(named(''));
		const lib = await opened();
		const asked: string[] = [];
		await lib.delete(summarize(pm), async (name) => (asked.push(name), false));
		expect(asked).toEqual([UNTITLED]);
		expect(await get(pm.id)).toBeDefined();
		expect(lib.notice).toBeNull();

		await lib.delete(summarize(pm), async () => true);
		expect(await get(pm.id)).toBeUndefined();
		expect(lib.notice?.message).toBe(`Deleted “${UNTITLED}”.`);
		lib.notice!.undo!();
		await vi.waitFor(() => expect(lib.notice).toBeNull());
		expect(await get(pm.id)).toEqual(pm);
	});

	it('says why an action did not work, and clears that on the next one', async () => {
		const pm = await create(named('Checkout errors'));
		const lib = await opened();
		db().close({ disableAutoOpen: true });
		await lib.duplicate(summarize(pm));
		expect(lib.error).toMatch(/^That did not work: /);
		expect(lib.notice).toBeNull();

		useDatabase(new WorkbenchDB(`test-library-${++n}`));
		expect(await lib.startNew()).toBeDefined();
		expect(lib.error).toBe('');
	});
});
