// A real schema upgrade: data written by version N of the app, through every path that writes
// (editing, the close-time flush, import, the localStorage journal) and read back by every path
// that reads (app.html's early read of the library, Dexie, the journal's recovery, a JSON file), opens, edits and
// exports correctly under version N + 1, whose migration changes a field's shape.
//
// Version N + 1 is made up here: in it "authors" is a list; version N wrote one text ("Ana, Ben").
// The domain's restore module is mocked to be that version, so the schema (db.ts), the early read,
// the journal and the JSON import all take N + 1's migration, as they would in a real release.
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../helpers/memory-storage';

vi.mock('$lib/domain/restore', async (importOriginal) => {
	const real = await importOriginal<typeof import('$lib/domain/restore')>();
	const migrations = {
		1: (raw: Record<string, unknown>) => ({
			...raw,
			authors:
				typeof raw.authors === 'string'
					? raw.authors
							.split(',')
							.map((a) => a.trim())
							.filter(Boolean)
					: raw.authors
		})
	};
	return {
		...real,
		POSTMORTEM_VERSION: 2,
		POSTMORTEM_MIGRATIONS: migrations,
		restorePostmortem: (value: unknown, opts: Parameters<typeof real.restorePostmortem>[1] = {}) =>
			real.restorePostmortem(value, { to: 2, migrations, ...opts })
	};
});

const { createPostmortem, parseImport, toJson } = await import('$lib/domain');
type Postmortem = import('$lib/domain').Postmortem;
const storage = { ...(await import('$lib/storage')), ...(await import('$lib/storage/saving')) };
const { Autosaver } = await import('$lib/storage/autosave');
const { DB_NAME, WorkbenchDB, loadUpgrader, upgradeDue, useDatabase } = await import('$lib/storage/db');

const html = readFileSync(new URL('../../../src/app.html', import.meta.url), 'utf8');
const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
const g = globalThis as Record<string, unknown>;

/** A postmortem as version N stored it: shape version 1, authors as one text. */
function versionN(title: string): Postmortem {
	return { ...createPostmortem(), schemaVersion: 1, title, authors: 'Ana, Ben' as unknown as string[] };
}

/** Version N's database: the same name, at version 1. */
const databaseN = () => new WorkbenchDB(DB_NAME, { to: 1 });

async function rawRow(id: string): Promise<Record<string, unknown>> {
	const probe = databaseN();
	probe.close();
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(DB_NAME);
		open.onsuccess = () => {
			const req = open.result.transaction('postmortems').objectStore('postmortems').get(id);
			req.onsuccess = () => {
				open.result.close();
				resolve(req.result);
			};
			req.onerror = () => reject(req.error);
		};
	});
}

beforeEach(async () => {
	vi.stubGlobal('localStorage', memoryStorage());
	await new Promise((resolve) => {
		const req = indexedDB.deleteDatabase(DB_NAME);
		req.onsuccess = req.onerror = resolve;
	});
});
afterEach(() => {
	vi.unstubAllGlobals();
	delete g.window;
	delete g.location;
});

describe('a schema upgrade that changes a field’s shape', () => {
	it('data version N wrote through every path opens, edits and exports correctly under version N + 1', async () => {
		// ---- Version N writes.
		const n = databaseN();
		useDatabase(n);
		const edited = await storage.create(versionN('Edited'));
		const saved = await storage.save({ ...edited, summary: 'typed under N' });
		const flushed = await storage.create(versionN('Flushed as the tab closed'));
		const saver = new Autosaver(flushed, () => {});
		saver.schedule({ ...flushed, summary: 'typed, then the tab closed' });
		saver.flushSync();
		await new Promise((r) => setTimeout(r, 0)); // the handler's microtasks, where Dexie starts the write
		const [imported] = await storage.importPostmortems([versionN('Imported under N')], 'keep-both');
		// An edit of "Edited" only the journal has (its IndexedDB write was lost with the tab).
		const journalled = await storage.create(versionN('Journalled'));
		const { keepUnsaved } = await import('$lib/storage/unsaved');
		keepUnsaved({ ...journalled, summary: 'kept as the tab closed', revision: journalled.revision + 1 });
		const fileN = toJson(versionN('From a file of version N'));
		await saver.dispose();
		n.close();
		// What is stored is version N's shape.
		expect((await rawRow(saved.id)).authors).toBe('Ana, Ben');

		// ---- Version N + 1 starts on the library: app.html's early read of its rows runs before Dexie opens.
		g.window = globalThis;
		g.location = { pathname: '/' };
		runInThisContext(script);
		await window.__earlyRead?.promise;
		// What the app's start does before Dexie opens a database an upgrade is due for.
		expect(await upgradeDue(DB_NAME, 2)).toBe(true);
		await loadUpgrader();
		useDatabase(new WorkbenchDB(DB_NAME, { to: 2 })); // N + 1's schema: database version 2
		const early = await storage.takeEarlyList();
		expect(early?.map((r) => r.title).sort()).toEqual(['Edited', 'Flushed as the tab closed', 'Imported under N', 'Journalled'].sort());
		const opened = (await storage.get(saved.id))!;
		expect(opened).toMatchObject({ title: 'Edited', summary: 'typed under N', authors: ['Ana', 'Ben'], schemaVersion: 2 });

		// Editing it writes today's shape over the migrated row (never the old shape back).
		const afterEdit = await storage.save({ ...opened, lessons: 'learned under N + 1' });
		const row = await rawRow(saved.id);
		expect(row).toMatchObject({ authors: ['Ana', 'Ben'], lessons: 'learned under N + 1', schemaVersion: 2 });
		expect(afterEdit.revision).toBe(saved.revision + 1);

		// Every other row was upgraded by Dexie, and its library row rebuilt.
		for (const id of [flushed.id, imported]) expect((await storage.get(id))?.authors).toEqual(['Ana', 'Ben']);
		expect((await storage.get(flushed.id))?.summary).toBe('typed, then the tab closed');
		expect((await storage.list()).map((r) => r.title).sort()).toEqual(
			['Edited', 'Flushed as the tab closed', 'Imported under N', 'Journalled'].sort()
		);

		// The journal's copy, kept by version N, is stored in today's shape.
		expect(await storage.recoverUnsaved()).toBe(1);
		expect(await storage.get(journalled.id)).toMatchObject({
			summary: 'kept as the tab closed',
			authors: ['Ana', 'Ben'],
			schemaVersion: 2
		});

		// A file version N exported imports under N + 1, and what N + 1 exports reads back.
		const fromFile = parseImport(fileN);
		expect(fromFile.ok && fromFile.postmortems[0].authors).toEqual(['Ana', 'Ben']);
		const exported = JSON.parse(toJson((await storage.get(saved.id))!));
		expect(exported.postmortem).toMatchObject({ authors: ['Ana', 'Ben'], schemaVersion: 2, lessons: 'learned under N + 1' });
		const again = parseImport(JSON.stringify(exported));
		expect(again.ok && again.postmortems[0]).toMatchObject({ authors: ['Ana', 'Ben'], lessons: 'learned under N + 1' });
	});
});
