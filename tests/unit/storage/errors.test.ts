import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createPostmortem } from '$lib/domain';
import { classifyStorageError, describeStorageError, ConflictError, create, get, Autosaver, installUpgradeHandler } from '$lib/storage';
import { WorkbenchDB, useDatabase, db } from '$lib/storage/db';

const named = (name: string) => Object.assign(new Error(name), { name });

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
		const upgraded = await new Promise<number>((resolve, reject) => {
			const req = indexedDB.open(name, Math.round(current) + 1);
			req.onsuccess = () => {
				const v = req.result.version;
				req.result.close();
				resolve(v);
			};
			req.onerror = () => reject(req.error);
		});
		expect(upgraded).toBe(Math.round(current) + 1);
	});

	it('on an upgrade elsewhere, pending edits are saved before the connection closes and the tab reloads', async () => {
		const name = 'test-errors-upgrade-handler';
		useDatabase(new WorkbenchDB(name));
		const pm = await create(createPostmortem());
		let reloaded = false;
		installUpgradeHandler(() => (reloaded = true));
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			60_000
		);
		saver.schedule({ ...pm, title: 'typed just before the upgrade' });
		await new Promise<void>((resolve, reject) => {
			const req = indexedDB.open(name, 11);
			req.onsuccess = () => {
				req.result.close();
				resolve();
			};
			req.onerror = () => reject(req.error);
		});
		expect(reloaded).toBe(true);
		const check = new WorkbenchDB(name);
		expect((await check.postmortems.get(pm.id))?.title).toBe('typed just before the upgrade');
		check.close();
		await saver.dispose().catch(() => {});
	});
});
