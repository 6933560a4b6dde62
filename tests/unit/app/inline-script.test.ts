// app.html's inline script, run as it is: it reads what the
// first screen shows (against fake-indexeddb here) for the app's storage to take (see app.html).
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem } from '$lib/domain';
import { create, get, list, recoverUnsaved, takeEarlyList } from '$lib/storage';
import { Autosaver } from '$lib/storage/autosave';
import { memoryStorage } from '../helpers/memory-storage';
import { DB_NAME, WorkbenchDB, db, useDatabase } from '$lib/storage/db';

const html = readFileSync(new URL('../../../src/app.html', import.meta.url), 'utf8');
const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
const g = globalThis as Record<string, unknown>;

/** Load a page at `pathname`: run app.html's inline script; resolves once its read (if any) is done. */
async function loadPage(pathname: string) {
	g.window = globalThis;
	g.location = { pathname };
	runInThisContext(script);
	await window.__earlyRead?.promise;
	return window.__earlyRead;
}

async function deleteDatabase() {
	db().close();
	await new Promise((resolve, reject) => {
		const req = indexedDB.deleteDatabase(DB_NAME);
		req.onsuccess = resolve;
		req.onerror = () => reject(req.error);
	});
}

/** Another writer's library row, in a shape this build does not write. */
async function otherTabWritesSummary(row: Record<string, unknown>) {
	const other = new WorkbenchDB();
	await other.table('summaries').put({ updatedAt: '2026-01-01T00:00:00.000Z', ...row });
	other.close();
}

beforeEach(async () => {
	useDatabase(new WorkbenchDB());
	await deleteDatabase();
	useDatabase(new WorkbenchDB());
});
afterEach(() => {
	delete g.window;
	delete g.location;
	delete g.document;
});

describe('the read app.html starts as the page loads', () => {
	it('on the library: the library rows, in the same order as list()', async () => {
		for (const title of ['first', 'second', 'third']) await create({ ...createPostmortem(), title });
		db().close(); // a fresh page: the app has not opened the database yet
		expect((await loadPage('/'))?.ok).toBe(true);
		useDatabase(new WorkbenchDB());
		const early = takeEarlyList();
		// Read by the time the app renders: the rows themselves, for its first render.
		expect(Array.isArray(early) && early.map((r) => r.title)).toEqual(['third', 'second', 'first']);
		expect(early).toEqual(await list());
		expect(takeEarlyList()).toBeUndefined(); // taken once
	});

	it('on the library: rows still being read when the app renders are waited for rather than read again', async () => {
		for (const title of ['first', 'second']) await create({ ...createPostmortem(), title });
		db().close();
		const loading = loadPage('/');
		const early = takeEarlyList(); // before the read is done
		expect(early).toBeInstanceOf(Promise);
		expect((await early)?.map((r) => r.title)).toEqual(['second', 'first']);
		await loading;
		expect(takeEarlyList()).toBeUndefined();
	});

	it('on a postmortem page: reads nothing (opening a postmortem that way measured no faster); an edit made before Dexie opens is kept as the tab closes and stored by the next start', async () => {
		vi.stubGlobal('localStorage', memoryStorage());
		const pm = await create({ ...createPostmortem(), title: 'as opened' });
		db().close(); // a fresh page: Dexie has not opened the database
		expect(await loadPage(`/p/${pm.id}`)).toBeUndefined();
		useDatabase(new WorkbenchDB()); // the page's own connection
		const opened = (await get(pm.id))!;
		db().close(); // as if Dexie had not opened yet: the pagehide flush finds no open connection
		const saver = new Autosaver(opened, () => {});
		saver.schedule({ ...opened, title: 'typed, then the tab closed' });
		saver.flushSync(); // pagehide, before Dexie has opened again: the tab is gone before any write
		useDatabase(new WorkbenchDB()); // the next page
		expect(await get(pm.id)).toMatchObject({ title: 'as opened', revision: 1 });
		expect(await recoverUnsaved()).toBe(1); // what the app's start does
		expect(await get(pm.id)).toMatchObject({ title: 'typed, then the tab closed', revision: 2 });
		vi.unstubAllGlobals();
	});

	it('never holds up a schema upgrade from another tab: its connection is closed once the rows are read', async () => {
		await create(createPostmortem());
		db().close();
		expect((await loadPage('/'))?.ok).toBe(true);
		const upgraded = new WorkbenchDB();
		upgraded.version(2).stores({ postmortems: 'id', summaries: 'id, updatedAt', meta: 'key' });
		await upgraded.open();
		upgraded.close();
	});

	it('on the library: reads the rows', async () => {
		await create(createPostmortem());
		expect((await loadPage('/'))?.ok).toBe(true);
	});

	it('is dropped by any write in this tab', async () => {
		await create({ ...createPostmortem(), title: 'A' });
		await loadPage('/');
		await create({ ...createPostmortem(), title: 'C' });
		expect(takeEarlyList()).toBeUndefined();
	});

	it('creates no database when there is none yet, and the app then starts empty', async () => {
		db().close();
		await deleteDatabase();
		expect(await loadPage('/')).toMatchObject({ done: true, ok: false });
		expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
		expect(takeEarlyList()).toBeUndefined();
		useDatabase(new WorkbenchDB());
		expect(await list()).toEqual([]);
	});

	it('falls back to the usual read when the stored schema is not the one it expects', async () => {
		db().close();
		await deleteDatabase();
		await new Promise((resolve) => {
			const req = indexedDB.open(DB_NAME, 1);
			req.onupgradeneeded = () => req.result.createObjectStore('something-else');
			req.onsuccess = () => (req.result.close(), resolve(undefined));
		});
		expect(await loadPage('/')).toMatchObject({ done: true, ok: false });
		expect(takeEarlyList()).toBeUndefined();
		useDatabase(new WorkbenchDB());
		expect(await list()).toEqual([]); // read by Dexie (which upgrades the schema)
	});

	it('leaves rows it does not recognise (another version wrote them) to Dexie', async () => {
		await create({ ...createPostmortem(), title: 'A' });
		await otherTabWritesSummary({ id: 'odd', title: 42 });
		db().close();
		expect((await loadPage('/'))?.ok).toBe(true);
		expect(takeEarlyList()).toBeUndefined();
	});

	it('reads nothing on other pages, or on an address it cannot decode', async () => {
		for (const path of ['/settings', '/p', '/p/some-id', '/p/%E0%A4%A']) {
			delete g.__earlyRead;
			expect(await loadPage(path)).toBeUndefined();
		}
	});
});

describe('the theme app.html applies before the first paint', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('is the one chosen in Settings, on every page; none (the system’s) when nothing or something unknown is kept', async () => {
		const { saveTheme, THEME_KEY } = await import('$lib/storage/theme');
		const store = memoryStorage();
		vi.stubGlobal('localStorage', store);
		const pageTheme = async (pathname: string) => {
			g.document = { documentElement: { dataset: {} as Record<string, string> } };
			await loadPage(pathname);
			return (g.document as { documentElement: { dataset: Record<string, string> } }).documentElement.dataset.theme;
		};
		expect(await pageTheme('/settings')).toBeUndefined();
		expect(saveTheme('dark')).toBe(true);
		expect(await pageTheme('/settings')).toBe('dark');
		expect(await pageTheme('/p/abc/timeline')).toBe('dark');
		saveTheme('light');
		expect(await pageTheme('/')).toBe('light');
		saveTheme('system');
		expect(store.getItem(THEME_KEY)).toBeNull();
		expect(await pageTheme('/settings')).toBeUndefined();
		store.setItem(THEME_KEY, 'purple');
		expect(await pageTheme('/settings')).toBeUndefined();
	});

	it('leaves the page as it is where localStorage cannot be read', async () => {
		vi.stubGlobal('localStorage', {
			getItem: () => {
				throw new Error('SecurityError');
			}
		});
		g.document = { documentElement: { dataset: {} } };
		await loadPage('/settings');
		expect((g.document as { documentElement: { dataset: Record<string, string> } }).documentElement.dataset).toEqual({});
	});
});
