import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createPostmortem } from '$lib/domain';
import {
	classifyStorageError,
	describeStorageError,
	ConflictError,
	create,
	get,
	list,
	setMeta,
	installUpgradeHandler,
	onNewerDatabase,
	probeStorage,
	answeredWithin
} from '$lib/storage';
import { save } from '$lib/storage/saving';
import { Autosaver } from '$lib/storage/autosave';
import { WorkbenchDB, useDatabase, db } from '$lib/storage/db';

const named = (name: string) => Object.assign(new Error(name), { name });

/** Open database `name` at native `version` as another connection would (`upgrade` runs in its upgrade), then close it; its version. */
function openAsAnotherTab(name: string, version: number, upgrade: (db: IDBDatabase) => void = () => {}): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(name, version);
		req.onupgradeneeded = () => upgrade(req.result);
		req.onsuccess = () => {
			const v = req.result.version;
			req.result.close();
			resolve(v);
		};
		req.onerror = () => reject(req.error);
	});
}

describe('storage error mapping', () => {
	it('maps quota, unavailable, closed, version and unknown errors to sentences', () => {
		expect(classifyStorageError(named('QuotaExceededError'))).toBe('quota');
		// Dexie wraps the DOM error in `inner`.
		expect(classifyStorageError({ name: 'AbortError', inner: named('QuotaExceededError') })).toBe('quota');
		expect(classifyStorageError(new Dexie.MissingAPIError())).toBe('unavailable');
		expect(classifyStorageError(new Dexie.DatabaseClosedError())).toBe('closed');
		expect(classifyStorageError(new Dexie.VersionError())).toBe('version');
		expect(classifyStorageError(new ConflictError(createPostmortem(), createPostmortem()))).toBe('conflict');
		expect(classifyStorageError(new Error('odd'))).toBe('unknown');
		expect(describeStorageError(named('QuotaExceededError'))).toMatch(/full/);
		expect(describeStorageError(new Dexie.MissingAPIError())).toMatch(/does not allow/);
		expect(describeStorageError(new Error('odd'))).toContain('odd');
	});

	it('storage that does not answer within the time allowed is its own problem, said as such', async () => {
		const never = new Promise<never>(() => {});
		const e = await answeredWithin(never, 10).catch((x: unknown) => x);
		expect(classifyStorageError(e)).toBe('hung');
		expect(describeStorageError(e)).toMatch(/not responding/);
		expect(await answeredWithin(Promise.resolve('answered'), 10)).toBe('answered');
	});

	it('a closed database is reopened by the next read (another tab upgraded it)', async () => {
		useDatabase(new WorkbenchDB('test-errors-reopen'));
		const pm = await create(createPostmortem());
		db().close({ disableAutoOpen: false });
		expect((await get(pm.id))?.id).toBe(pm.id);
	});

	it('a version change from another connection closes ours instead of blocking it', async () => {
		const name = 'test-errors-versionchange';
		useDatabase(new WorkbenchDB(name));
		await create(createPostmortem());
		const current = db().verno * 10;
		const upgraded = await openAsAnotherTab(name, Math.round(current) + 1);
		expect(upgraded).toBe(Math.round(current) + 1);
	});

	it('on an upgrade elsewhere, pending edits are saved before the connection closes and the app is told', async () => {
		const name = 'test-errors-upgrade-handler';
		useDatabase(new WorkbenchDB(name));
		const pm = await create(createPostmortem());
		let reloaded = false;
		installUpgradeHandler(() => (reloaded = db().isOpen() ? false : true));
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			60_000
		);
		saver.schedule({ ...pm, title: 'typed just before the upgrade' });
		await openAsAnotherTab(name, 11);
		expect(reloaded).toBe(true);
		const check = new WorkbenchDB(name);
		expect((await check.postmortems.get(pm.id))?.title).toBe('typed just before the upgrade');
		check.close();
		await saver.dispose().catch(() => {});
	});

	it('a database a newer version of the app upgraded is neither written nor read here, and the app is told', async () => {
		const name = 'test-errors-newer-database';
		useDatabase(new WorkbenchDB(name));
		const pm = await create(createPostmortem());
		db().close();
		// The newer build: version 2 of the schema (Dexie's native 20), with a store this build does not know.
		await openAsAnotherTab(name, 20, (raw) => raw.createObjectStore('attachments', { keyPath: 'id' }));
		let told = 0;
		onNewerDatabase(() => told++);
		useDatabase(new WorkbenchDB(name));
		const problem = await probeStorage();
		expect(classifyStorageError(problem)).toBe('version');
		expect(told).toBeGreaterThan(0);
		expect(describeStorageError(problem)).toMatch(/newer version of the app/);
		// Every path that writes fails with the same reason; none reaches the database.
		for (const attempt of [
			() => create(createPostmortem()),
			() => save({ ...pm, title: 'written by the old build' }),
			() => setMeta('evictionNoticeShown', true),
			() => get(pm.id),
			() => list()
		])
			expect(
				classifyStorageError(
					await attempt().then(
						() => null,
						(e: unknown) => e
					)
				)
			).toBe('version');
		// Reopening (the autosaver does after a close) is refused again.
		expect(
			classifyStorageError(
				await db()
					.open()
					.then(
						() => null,
						(e: unknown) => e
					)
			)
		).toBe('version');
		onNewerDatabase(() => {});
		const raw = await new Promise<{ version: number; rows: unknown[]; meta: unknown[] }>((resolve, reject) => {
			const req = indexedDB.open(name);
			req.onsuccess = () => {
				const t = req.result.transaction(['postmortems', 'meta']);
				const rows = t.objectStore('postmortems').getAll();
				const meta = t.objectStore('meta').getAll();
				t.oncomplete = () => {
					resolve({ version: req.result.version, rows: rows.result, meta: meta.result });
					req.result.close();
				};
			};
			req.onerror = () => reject(req.error);
		});
		expect(raw.version).toBe(20); // never downgraded or deleted
		expect(raw.rows).toEqual([pm]);
		// Only the identity row this build wrote when it first opened the database (no evictionNoticeShown).
		expect(raw.meta).toEqual([{ key: 'database', value: expect.any(String) }]);
	});

	it('a schema patch of this same version (Dexie adds 1 to the native version) still opens', async () => {
		const name = 'test-errors-patched-database';
		useDatabase(new WorkbenchDB(name));
		const pm = await create(createPostmortem());
		db().close();
		await openAsAnotherTab(name, 11);
		useDatabase(new WorkbenchDB(name));
		expect(await probeStorage()).toBeNull();
		expect((await save({ ...pm, title: 'still saved' })).title).toBe('still saved');
	});
});
