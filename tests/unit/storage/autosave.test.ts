import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem } from '$lib/domain';
import { create, get, flushAll, flushAllSync, installFlushOnHide, anyDirty, list } from '$lib/storage';
import { save } from '$lib/storage/saving';
import { Autosaver, type SaveStatus } from '$lib/storage/autosave';
import Dexie from 'dexie';
import { WorkbenchDB, useDatabase } from '$lib/storage/db';

/**
 * What the browser does right after a pagehide handler returns: run the microtasks it queued (Dexie
 * starts its transaction in one). A read made after that queues behind the write (IndexedDB orders
 * them), so no wait for the write itself is needed.
 */
const afterTheHandler = () => new Promise((r) => setTimeout(r, 0));

let n = 0;
beforeEach(() => {
	useDatabase(new WorkbenchDB(`test-autosave-${++n}`));
});

function recorder() {
	const statuses: SaveStatus[] = [];
	return { statuses, on: (s: SaveStatus) => statuses.push(s), last: () => statuses.at(-1) };
}

/** A stored postmortem and its autosaver (300 ms debounce, 600 ms max wait), recording each title written. */
async function typingSaver() {
	const pm = await create(createPostmortem());
	const writes: string[] = [];
	const saver = new Autosaver(
		pm,
		() => {},
		() => {},
		300,
		async (p, o) => {
			writes.push(p.title);
			return save(p, o);
		},
		600
	);
	return { pm, saver, writes };
}

describe('autosave', () => {
	it('a write the storage does not answer is told as not saved after a few seconds, and as saved if it lands', async () => {
		const pm = await create(createPostmortem());
		const r = recorder();
		let land: (() => void) | undefined;
		vi.useFakeTimers();
		try {
			const saver = new Autosaver(
				pm,
				r.on,
				() => {},
				50,
				(p, o) =>
					new Promise((resolve) => {
						// Lands once (the finally below lands it only if the test stopped before).
						land = () => {
							land = undefined;
							resolve(save(p, o));
						};
					})
			);
			saver.schedule({ ...pm, title: 'typed while storage hangs' });
			await vi.advanceTimersByTimeAsync(60);
			expect(r.last()).toEqual({ state: 'saving' });
			await vi.advanceTimersByTimeAsync(5000);
			expect(r.last()).toMatchObject({ state: 'error', reason: expect.stringMatching(/not responding/) });
			expect(saver.dirty).toBe(true);
			vi.useRealTimers();
			land?.();
			await vi.waitFor(() => expect(r.last()?.state).toBe('saved'));
			expect((await get(pm.id))?.title).toBe('typed while storage hangs');
		} finally {
			vi.useRealTimers();
			land?.(); // never left hanging for the tests after this one
		}
	});

	it('debounces typing into one write within a second', async () => {
		const pm = await create(createPostmortem());
		const r = recorder();
		const writes: string[] = [];
		const saver = new Autosaver(
			pm,
			r.on,
			() => {},
			50,
			async (p, o) => {
				writes.push(p.title);
				return save(p, o);
			}
		);
		saver.schedule({ ...pm, title: 'a' });
		saver.schedule({ ...pm, title: 'ab' });
		saver.schedule({ ...pm, title: 'abc' });
		expect(r.last()).toEqual({ state: 'pending' });
		await vi.waitFor(() => expect(r.last()?.state).toBe('saved'), { timeout: 1000 });
		expect(writes).toEqual(['abc']);
		expect((await get(pm.id))?.title).toBe('abc');
		await saver.dispose();
	});

	it('saves steady typing with no pause after maxWait, in the gap after a keystroke, not only once it stops', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
		try {
			const { pm, saver, writes } = await typingSaver();
			// A key every 100 ms for 2 s: never the 300 ms pause the debounce waits for. The key at
			// 600 ms saves after its frame (here, no frames: 100 ms later), before the next key.
			for (let i = 1; i <= 20; i++) {
				saver.schedule({ ...pm, title: 'x'.repeat(i) });
				await vi.advanceTimersByTimeAsync(100);
			}
			expect(writes.map((t) => t.length)).toEqual([7, 14]);
			await vi.advanceTimersByTimeAsync(300);
			expect(writes.map((t) => t.length)).toEqual([7, 14, 20]);
			await saver.dispose();
		} finally {
			vi.useRealTimers();
		}
	});

	it('makes that save right after the frame of the keystroke that passed maxWait, not on a timer', async () => {
		const frames: FrameRequestCallback[] = [];
		vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
		try {
			const { pm, saver, writes } = await typingSaver();
			for (let i = 1; i <= 7; i++) {
				saver.schedule({ ...pm, title: 'x'.repeat(i) });
				if (i < 7) await vi.advanceTimersByTimeAsync(100);
			}
			// The 7th key came at 600 ms: nothing is saved until its frame has been painted.
			await vi.advanceTimersByTimeAsync(20);
			expect(writes).toEqual([]);
			frames.splice(0).forEach((cb) => cb(performance.now()));
			await vi.waitFor(() => expect(writes.map((t) => t.length)).toEqual([7]));
			await saver.dispose();
		} finally {
			vi.useRealTimers();
			vi.unstubAllGlobals();
		}
	});

	it('flushes immediately on demand (pagehide) and reports nothing dirty after', async () => {
		const pm = await create(createPostmortem());
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			60_000
		);
		saver.schedule({ ...pm, title: 'closing the tab' });
		expect(anyDirty()).toBe(true);
		await flushAll();
		expect(anyDirty()).toBe(false);
		expect((await get(pm.id))?.title).toBe('closing the tab');
		await saver.dispose();
	});

	it('keeps saving in order, each on top of the last revision', async () => {
		const pm = await create(createPostmortem());
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			0
		);
		for (let i = 0; i < 5; i++) {
			saver.schedule({ ...pm, title: `t${i}` });
			await saver.flush();
		}
		const stored = await get(pm.id);
		expect(stored?.title).toBe('t4');
		expect(stored?.revision).toBe(6);
		await saver.dispose();
	});

	it('turns a newer revision from another tab into a conflict and keeps the typing', async () => {
		const pm = await create(createPostmortem());
		const r = recorder();
		const saver = new Autosaver(pm, r.on, () => {}, 0);
		await save({ ...pm, title: 'other tab' }); // another tab saves first
		saver.schedule({ ...pm, title: 'this tab' });
		await saver.flush();
		const last = r.last();
		expect(last?.state).toBe('conflict');
		expect(saver.dirty).toBe(true);
		expect((await get(pm.id))?.title).toBe('other tab');
		// Choosing "mine" writes this tab's text on top of the other revision.
		await saver.resolveConflict('mine', (last as { stored: typeof pm }).stored);
		expect((await get(pm.id))?.title).toBe('this tab');
		await saver.dispose();
	});

	it('reports a storage failure as "Not saved" with a reason and keeps the edit for retry', async () => {
		const pm = await create(createPostmortem());
		const r = recorder();
		let fail = true;
		const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
		const saver = new Autosaver(
			pm,
			r.on,
			() => {},
			0,
			async (p, o) => {
				if (fail) throw quota;
				return save(p, o);
			}
		);
		saver.schedule({ ...pm, title: 'big' });
		await saver.flush();
		expect(r.last()).toMatchObject({ state: 'error', reason: expect.stringMatching(/storage .* full/) });
		expect(saver.dirty).toBe(true);
		fail = false;
		await saver.flush();
		expect(r.last()?.state).toBe('saved');
		expect((await get(pm.id))?.title).toBe('big');
		await saver.dispose();
	});

	it('adopts a newer stored revision only when nothing is pending', async () => {
		const pm = await create(createPostmortem());
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			60_000
		);
		const newer = await save({ ...pm, title: 'from elsewhere' });
		expect(saver.adopt(newer)).toBe(true);
		expect(saver.baseRevision).toBe(newer.revision);
		saver.schedule({ ...newer, title: 'typing' });
		const newest = await save({ ...newer, title: 'again' });
		expect(saver.adopt(newest)).toBe(false);
		await saver.dispose();
	});

	it('pagehide issues the write at once, even while an async save is still waiting', async () => {
		const pm = await create(createPostmortem());
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			60_000
		);
		saver.schedule({ ...pm, title: 'typed, then the tab closed' });
		void saver.flush(); // an async save starts but its callbacks would never run in an unloading page
		flushAllSync();
		expect(saver.dirty).toBe(false);
		await afterTheHandler();
		const stored = await get(pm.id);
		expect(stored?.title).toBe('typed, then the tab closed');
		expect((await list())[0].title).toBe('typed, then the tab closed');
		await saver.dispose();
	});

	it('closing a tab writes the pending edit at beforeunload already (the pagehide after it may never run)', async () => {
		const win = Object.assign(new EventTarget(), { document: new EventTarget() }) as unknown as Window;
		installFlushOnHide(win);
		const pm = await create(createPostmortem());
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			60_000
		);
		saver.schedule({ ...pm, title: 'typed, then the tab closed' });
		win.dispatchEvent(new Event('beforeunload'));
		expect(saver.dirty).toBe(false);
		await afterTheHandler();
		expect((await get(pm.id))?.title).toBe('typed, then the tab closed');
		await saver.dispose();
	});

	it('pagehide rolls back a save already in flight, so its own write is not queued behind it', async () => {
		const pm = await create(createPostmortem());
		const signals: AbortSignal[] = [];
		const statuses: SaveStatus[] = [];
		let started!: () => void;
		const writing = new Promise<void>((r) => (started = r));
		const saver = new Autosaver(
			pm,
			(s) => statuses.push(s),
			() => {},
			60_000,
			(p, o) => {
				if (o?.signal) signals.push(o.signal);
				const result = save(p, o); // creates its transaction synchronously
				started();
				return result;
			}
		);
		saver.schedule({ ...pm, title: 'first' });
		const inFlight = saver.flush();
		// The save has started its transaction; then more typing, then the page goes away.
		await writing;
		saver.schedule({ ...pm, title: 'first and more' });
		flushAllSync();
		expect(signals[0].aborted).toBe(true);
		await inFlight;
		await afterTheHandler();
		const stored = await get(pm.id);
		expect(stored?.title).toBe('first and more');
		expect(stored?.revision).toBe(pm.revision + 1);
		// Had the page stayed (back/forward cache), it shows the edit as saved, not as an error.
		expect(statuses.at(-1)?.state).toBe('saved');
		expect(saver.dirty).toBe(false);
		await saver.dispose();
	});

	it('beforeunload then pagehide, with a save in flight: the second write does not put the older text back', async () => {
		const pm = await create(createPostmortem());
		let started!: () => void;
		const writing = new Promise<void>((r) => (started = r));
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			60_000,
			(p, o) => {
				const result = save(p, o);
				started();
				return result;
			}
		);
		saver.schedule({ ...pm, title: 'first' });
		const inFlight = saver.flush();
		await writing;
		saver.schedule({ ...pm, title: 'first and more' });
		flushAllSync(); // beforeunload
		flushAllSync(); // pagehide, before the rolled-back save has been reported
		await inFlight;
		await afterTheHandler();
		expect((await get(pm.id))?.title).toBe('first and more');
		await saver.dispose();
	});

	it('pagehide keeps an edit as a copy when another tab saved a newer revision', async () => {
		const pm = await create(createPostmortem());
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			60_000
		);
		const newer = await save({ ...pm, title: 'other tab' });
		saver.schedule({ ...pm, title: 'mine' });
		saver.adopt(newer); // the live query reports the other tab's save
		flushAllSync();
		await afterTheHandler();
		expect((await get(pm.id))?.title).toBe('other tab');
		const titles = (await list()).map((r) => r.title).sort();
		expect(titles).toEqual(['mine (unsaved version from a closed tab)', 'other tab']);
		await saver.dispose();
	});
});

/** Delete postmortem `id` through a connection of its own, as another tab's library does; returns that connection. */
async function deleteInAnotherTab(id: string): Promise<WorkbenchDB> {
	const other = new WorkbenchDB(`test-autosave-${n}`);
	await other.transaction('rw', other.postmortems, other.summaries, async () => {
		await other.postmortems.delete(id);
		await other.summaries.delete(id);
	});
	return other;
}

describe('a stored postmortem that goes away while it is open', () => {
	it('deleted in another tab: saving stops with "missing", and saving again stores the text on screen anew', async () => {
		const pm = await create(createPostmortem());
		const r = recorder();
		const saver = new Autosaver(pm, r.on, () => {}, 10);
		const other = await deleteInAnotherTab(pm.id);
		other.close();
		saver.schedule({ ...pm, title: 'typed after the delete' });
		await saver.flush();
		expect(r.last()).toEqual({ state: 'missing', cleared: false });
		// Typing goes on without a save attempt each time; nothing is stored behind the person's back.
		saver.schedule({ ...pm, title: 'typed on' });
		await saver.flush();
		expect(await get(pm.id)).toBeUndefined();
		await saver.saveAgain({ ...pm, title: 'typed on' });
		expect(r.last()?.state).toBe('saved');
		expect((await get(pm.id))?.title).toBe('typed on');
		saver.schedule({ ...pm, title: 'saved on as usual' });
		await saver.flush();
		expect(r.last()?.state).toBe('saved');
		expect((await get(pm.id))?.title).toBe('saved on as usual');
		await saver.dispose();
	});

	it('site data cleared: the database made anew is told apart from a delete, and the text is saved again', async () => {
		const name = `test-autosave-${n}`;
		const pm = await create(createPostmortem());
		const r = recorder();
		const saver = new Autosaver(pm, r.on, () => {}, 10);
		// What clearing the site's data does: the database is deleted under the open connection (which
		// Dexie closes when asked), and the next use opens a new, empty one.
		await Dexie.delete(name);
		saver.schedule({ ...pm, title: 'typed after the clear' });
		await saver.flush();
		expect(r.last()).toEqual({ state: 'missing', cleared: true });
		expect(await list()).toEqual([]);
		await saver.saveAgain({ ...pm, title: 'typed after the clear' });
		expect(r.last()?.state).toBe('saved');
		expect((await get(pm.id))?.title).toBe('typed after the clear');
		await saver.dispose();
	});

	it('stored again and edited meanwhile (an undo in another tab, then typing there): saving again is a conflict, not an overwrite', async () => {
		const pm = await create(createPostmortem());
		const r = recorder();
		const saver = new Autosaver(pm, r.on, () => {}, 10);
		const other = await deleteInAnotherTab(pm.id);
		saver.schedule({ ...pm, title: 'mine' });
		await saver.flush();
		expect(r.last()?.state).toBe('missing');
		useDatabase(other);
		await save({ ...pm, title: 'theirs' }, { recreate: true });
		useDatabase(new WorkbenchDB(`test-autosave-${n}`));
		other.close();
		await saver.saveAgain({ ...pm, title: 'mine' });
		expect(r.last()?.state).toBe('conflict');
		expect((await get(pm.id))?.title).toBe('theirs');
		await saver.dispose();
	});
});
