import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createPostmortem } from '$lib/domain';

const src = new URL('../../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

/** Fresh copies of the storage modules, as a page that has not used storage yet has them. */
async function freshStorage() {
	vi.resetModules();
	const storage = await import('$lib/storage');
	const connection = await import('$lib/storage/connection');
	return { storage, connection };
}

describe('Dexie loads on first use, not with the page', () => {
	it('is imported (statically) by the schema module alone, which the rest of the app only loads on demand', () => {
		const offenders: string[] = [];
		for (const file of sourceFiles(src)) {
			const rel = relative(src, file);
			const text = readFileSync(file, 'utf8');
			// Value imports only: `import type` is erased from the build.
			const imports = [...text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
			if (rel !== 'lib/storage/db.ts' && imports.includes('dexie')) offenders.push(`${rel} imports dexie`);
			if (imports.some((i) => i === './db' || i.endsWith('/storage/db'))) offenders.push(`${rel} imports the schema`);
		}
		expect(offenders).toEqual([]);
	});

	/** Let every task already queued run (idle callbacks are a 0 ms timer in Node, then a module load and a task): no timing. */
	async function settle() {
		for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
	}

	it('leaves the database unopened until storage is used, and then runs what waited for it', async () => {
		const { storage, connection } = await freshStorage();
		const { WorkbenchDB, useDatabase } = await import('$lib/storage/db');
		expect(connection.loadedDatabase()).toBeUndefined();
		const seen: unknown[] = [];
		// What the upgrade handler does: wait for the connection without loading it.
		connection.whenStorageLoads((d) => seen.push(d));
		await settle();
		expect(seen).toEqual([]);
		useDatabase(new WorkbenchDB('test-connection-lazy'));
		expect(await storage.list()).toEqual([]);
		expect(seen).toHaveLength(1);
		expect(seen[0]).toBe(connection.loadedDatabase());
	});

	it("shows a live query's first result at once and follows the database once Dexie is in", async () => {
		const { storage } = await freshStorage();
		const { WorkbenchDB, useDatabase } = await import('$lib/storage/db');
		useDatabase(new WorkbenchDB('test-connection-live'));
		const first = await storage.create({ ...createPostmortem(), title: 'First' });
		const rows = new storage.Live(storage.list, [storage.summarize(first)]);
		expect(rows.loaded).toBe(true);
		expect(rows.current?.map((r) => r.title)).toEqual(['First']);
		const second = await storage.create({ ...createPostmortem(), title: 'Second' });
		await vi.waitFor(() => expect(rows.current?.map((r) => r.id)).toEqual([second.id, first.id]), { timeout: 2000 });
		rows.stop();
	});

	it('waits for a first result still being read, and queries the database itself only when that read yields nothing', async () => {
		const { storage } = await freshStorage();
		const { WorkbenchDB, useDatabase } = await import('$lib/storage/db');
		useDatabase(new WorkbenchDB('test-connection-pending'));
		const stored = await storage.create({ ...createPostmortem(), title: 'Stored' });
		let resolve!: (rows: ReturnType<typeof storage.summarize>[] | undefined) => void;
		const query = vi.fn(storage.list);
		const rows = new storage.Live(query, new Promise((r) => (resolve = r)));
		await settle();
		expect(rows.loaded).toBe(false);
		expect(query).not.toHaveBeenCalled();
		resolve([storage.summarize({ ...stored, title: 'Read early' })]);
		await Promise.resolve(); // shown as soon as the read is done, before the database is queried
		expect(rows.current?.map((r) => r.title)).toEqual(['Read early']);
		expect(query).not.toHaveBeenCalled();
		// Then it follows the database.
		await vi.waitFor(() => expect(rows.current?.map((r) => r.title)).toEqual(['Stored']), { timeout: 2000 });
		rows.stop();

		const fallback = new storage.Live(storage.list, Promise.resolve(undefined));
		await vi.waitFor(() => expect(fallback.current?.map((r) => r.title)).toEqual(['Stored']), { timeout: 2000 });
		fallback.stop();
	});

	it('stops before it started following: no query runs after stop()', async () => {
		const { storage } = await freshStorage();
		const { WorkbenchDB, useDatabase } = await import('$lib/storage/db');
		useDatabase(new WorkbenchDB('test-connection-stopped'));
		const query = vi.fn(storage.list);
		const rows = new storage.Live(query, []);
		rows.stop();
		await storage.create(createPostmortem());
		await settle();
		expect(query).not.toHaveBeenCalled();
		expect(rows.current).toEqual([]);
	});
});
