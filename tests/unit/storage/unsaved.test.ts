import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem, type Postmortem } from '$lib/domain';
import {
	acknowledgeClosedTabCopies,
	create,
	flushAllSync,
	get,
	list,
	onClosedTabCopy,
	recoverUnsaved,
	remove,
	unseenClosedTabCopies
} from '$lib/storage';
import { save } from '$lib/storage/saving';
import { Autosaver } from '$lib/storage/autosave';
import { WorkbenchDB, useDatabase } from '$lib/storage/db';
import { keepUnsaved, onUnsavedKept, unsavedRows } from '$lib/storage/unsaved';
import { memoryStorage } from '../helpers/memory-storage';

/**
 * What the browser does right after a pagehide handler returns: run the microtasks it queued (Dexie
 * starts its transaction in one). A read made after that queues behind the write (IndexedDB orders
 * them), so no wait for the write itself is needed.
 */
const afterTheHandler = () => new Promise((r) => setTimeout(r, 0));

let n = 0;
let db: WorkbenchDB;
beforeEach(() => {
	vi.stubGlobal('localStorage', memoryStorage());
	db = new WorkbenchDB(`test-unsaved-${++n}`);
	useDatabase(db);
});
afterEach(() => {
	vi.unstubAllGlobals();
});

/**
 * An edit typed and the page closed at once, whose IndexedDB write never ran (the tab was gone
 * first): only the copy that the pagehide write keeps outside IndexedDB exists.
 */
async function closedBeforeTheWriteRan(title: string) {
	const pm = await create({ ...createPostmortem(), title: 'Before' });
	keepUnsaved({ ...pm, title, revision: pm.revision + 1, updatedAt: new Date().toISOString() });
	return pm;
}

/** A page's autosave of `pm` whose debounced save never comes: only the page going away writes. */
const closingPage = (pm: Postmortem) =>
	new Autosaver(
		pm,
		() => {},
		() => {},
		60_000
	);

/** A closed page's kept edit of a postmortem that another tab has saved since (so it must become a copy). */
async function keptWhileAnotherTabSaved() {
	const pm = await closedBeforeTheWriteRan('My closing edit');
	await save({ ...pm, title: 'Saved in another tab' });
	return pm;
}

describe('edits kept outside IndexedDB when a page goes away', () => {
	it('an edit whose pagehide write was lost is stored at the next start, once', async () => {
		const pm = await closedBeforeTheWriteRan('Typed, then the tab closed');
		expect((await get(pm.id))?.title).toBe('Before');
		expect(await unsavedRows()).toHaveLength(1);

		expect(await recoverUnsaved()).toBe(1);
		const stored = await get(pm.id);
		expect(stored?.title).toBe('Typed, then the tab closed');
		expect(stored?.revision).toBe(pm.revision + 1);
		expect((await list())[0].title).toBe('Typed, then the tab closed');
		expect(await unsavedRows()).toEqual([]);
		expect(await recoverUnsaved()).toBe(0);
	});

	it('the pagehide write keeps the row it writes outside IndexedDB too; when the write made it, nothing is stored twice', async () => {
		const pm = await create({ ...createPostmortem(), title: 'Before' });
		const saver = closingPage(pm);
		saver.schedule({ ...pm, title: 'Written as the tab closed' });
		flushAllSync();
		await afterTheHandler();
		const stored = await get(pm.id);
		expect(stored?.title).toBe('Written as the tab closed');
		expect(await unsavedRows()).toEqual([stored]);

		expect(await recoverUnsaved()).toBe(0);
		expect(await list()).toHaveLength(1);
		expect(await unsavedRows()).toEqual([]);
		await saver.dispose();
	});

	it('when another tab saved the postmortem meanwhile, the kept edit becomes a separate copy', async () => {
		const pm = await keptWhileAnotherTabSaved();

		expect(await recoverUnsaved()).toBe(1);
		expect((await get(pm.id))?.title).toBe('Saved in another tab');
		const titles = (await list()).map((r) => r.title).sort();
		expect(titles).toEqual(['My closing edit (unsaved version from a closed tab)', 'Saved in another tab']);
	});

	it('a copy made by the recovery is told at once and at the next start, until acknowledged', async () => {
		const told: string[] = [];
		const stop = onClosedTabCopy((c) => told.push(`${c.title} of ${c.of.title}`));
		const pm = await keptWhileAnotherTabSaved();
		await recoverUnsaved();
		stop();
		expect(told).toEqual(['My closing edit (unsaved version from a closed tab) of Saved in another tab']);
		expect((await unseenClosedTabCopies()).map((c) => c.of.id)).toEqual([pm.id]);
		await acknowledgeClosedTabCopies();
		expect(await unseenClosedTabCopies()).toEqual([]);
	});

	it('a save that lands as the page closes does not drop the copy the closing page kept', async () => {
		const pm = await create({ ...createPostmortem(), title: 'Before' });
		let landed: (() => void) | undefined;
		// Committed, but the page has not heard back yet when it goes away.
		const slow: typeof save = (row) => save(row).then((stored) => new Promise((r) => (landed = () => r(stored))));
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			0,
			slow
		);
		saver.schedule({ ...pm, title: 'Typed' });
		const writing = saver.flush();
		await vi.waitFor(() => expect(landed).toBeTypeOf('function'));
		flushAllSync(); // the page goes away while the save is under way...
		landed!(); // ...and hears that its save landed
		await writing;
		expect(await unsavedRows()).toHaveLength(1);
		// Another tab's close then writes over it: the kept copy still brings the text back.
		await save({ ...(await get(pm.id))!, title: 'Text from another tab' });
		await recoverUnsaved();
		expect((await list()).map((r) => r.title).sort()).toEqual(['Text from another tab', 'Typed (unsaved version from a closed tab)']);
		await saver.dispose();
	});

	it('a kept edit whose recovery could not drop it (its page went away) is not stored twice', async () => {
		const pm = await keptWhileAnotherTabSaved();
		const kept = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).map((k) => [k, localStorage.getItem(k)!]);
		expect(kept).toHaveLength(1);
		await recoverUnsaved();
		for (const [k, v] of kept) localStorage.setItem(k, v); // as if forgetting never ran
		expect(await recoverUnsaved()).toBe(0);
		expect(await list()).toHaveLength(2);
		expect((await get(pm.id))?.title).toBe('Saved in another tab');
	});

	// Heard about (this page has an edit of its own pending), or not yet (its save landed a moment ago).
	for (const heard of [true, false]) {
		it(`a page closing after another tab saved (${heard ? 'heard of' : 'not yet heard of'} here) writes nothing over the newer save; its edit becomes a copy`, async () => {
			const pm = await create({ ...createPostmortem(), title: 'Before' });
			const saver = closingPage(pm);
			saver.schedule({ ...pm, title: 'Mine, typed before I heard' });
			const theirs = await save({ ...pm, title: 'Saved in another tab' });
			if (heard) saver.adopt(theirs);
			flushAllSync();
			await afterTheHandler();
			expect((await get(pm.id))?.title).toBe('Saved in another tab');
			expect(await recoverUnsaved()).toBe(1);
			expect((await list()).map((r) => r.title).sort()).toEqual([
				'Mine, typed before I heard (unsaved version from a closed tab)',
				'Saved in another tab'
			]);
			await saver.dispose();
		});
	}

	it('deleting the postmortem drops its kept copy, so it does not come back', async () => {
		const pm = await closedBeforeTheWriteRan('Typed, then the tab closed');
		await remove(pm.id);
		expect(await recoverUnsaved()).toBe(0);
		expect(await get(pm.id)).toBeUndefined();
	});

	it('a later save from the same page (back from the back/forward cache) drops its copy', async () => {
		const pm = await create({ ...createPostmortem(), title: 'Before' });
		const saver = closingPage(pm);
		saver.schedule({ ...pm, title: 'Hidden' });
		flushAllSync();
		expect(await unsavedRows()).toHaveLength(1);
		saver.schedule({ ...pm, title: 'Back and typing again' });
		await saver.flush();
		expect(await unsavedRows()).toEqual([]);
		expect(await recoverUnsaved()).toBe(0);
		expect((await get(pm.id))?.title).toBe('Back and typing again');
		await saver.dispose();
	});

	it('tells this page when another tab keeps a copy as it closes', () => {
		const target = new EventTarget();
		vi.stubGlobal('window', target);
		const seen: string[] = [];
		const stop = onUnsavedKept(() => seen.push('kept'));
		const storage = (key: string, newValue: string | null) => target.dispatchEvent(Object.assign(new Event('storage'), { key, newValue }));
		storage('postmortem-workbench:unsaved:abc', '{"id":"abc"}');
		storage('postmortem-workbench:unsaved:abc', null); // dropped after recovery: nothing to do
		storage('some-other-key', 'x');
		expect(seen).toEqual(['kept']);
		stop();
		storage('postmortem-workbench:unsaved:def', '{"id":"def"}');
		expect(seen).toEqual(['kept']);
	});

	it('leaving the editor while its saves fail keeps the edit, and stores it once storage takes it', async () => {
		const pm = await create({ ...createPostmortem(), title: 'Before' });
		const statuses: string[] = [];
		const saver = new Autosaver(
			pm,
			(s) => statuses.push(s.state),
			() => {},
			60_000,
			async () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
		);
		saver.schedule({ ...pm, title: 'Typed while saves failed' });
		await saver.flush();
		expect(statuses.at(-1)).toBe('error');
		// Storage refuses the recovery's write too: the edit stays kept.
		const put = db.postmortems.put;
		db.postmortems.put = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) as never;
		await saver.dispose();
		db.postmortems.put = put;
		expect((await get(pm.id))?.title).toBe('Before');
		expect((await unsavedRows()).map((r) => r.title)).toEqual(['Typed while saves failed']);
		// The next start stores it, on top of the revision it was typed on.
		expect(await recoverUnsaved()).toBe(1);
		expect((await get(pm.id))?.title).toBe('Typed while saves failed');
		expect(await unsavedRows()).toEqual([]);
	});

	it('leaving the editor with an unsaved edit never writes over a newer save it has not seen', async () => {
		const pm = await create({ ...createPostmortem(), title: 'Before' });
		const saver = new Autosaver(
			pm,
			() => {},
			() => {},
			60_000,
			async () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
		);
		saver.schedule({ ...pm, title: 'Mine, not saved' });
		await saver.flush();
		await save({ ...pm, title: 'Saved in another tab' }); // this editor has not heard of it
		await saver.dispose();
		expect((await get(pm.id))?.title).toBe('Saved in another tab');
		expect((await list()).map((r) => r.title)).toContain('Mine, not saved (unsaved version from a closed tab)');
	});

	it('leaving the editor during a conflict keeps its version as a copy, as the conflict banner promises', async () => {
		const pm = await create({ ...createPostmortem(), title: 'Before' });
		const saver = closingPage(pm);
		await save({ ...pm, title: 'Saved in another tab' });
		saver.schedule({ ...pm, title: 'Mine, typed here' });
		await saver.flush(); // finds the newer revision: conflict, and saving pauses
		await saver.dispose();
		await afterTheHandler();
		expect((await get(pm.id))?.title).toBe('Saved in another tab');
		expect((await list()).map((r) => r.title)).toContain('Mine, typed here (unsaved version from a closed tab)');
	});
});
