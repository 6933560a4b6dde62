import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCorrectiveAction, createPostmortem } from '$lib/domain';
import { anyDirty, create, flushAll, get, remove } from '$lib/storage';
import { WorkbenchDB, useDatabase } from '$lib/storage/db';
import { ActionBoard } from '$lib/state/action-board.svelte';

let n = 0;
let board: ActionBoard | undefined;
beforeEach(() => useDatabase(new WorkbenchDB(`test-board-${++n}`)));
afterEach(async () => {
	await board?.stop();
	board = undefined;
	vi.useRealTimers();
});

async function opened(): Promise<ActionBoard> {
	board = new ActionBoard();
	await vi.waitFor(() => expect(board!.loaded).toBe(true));
	return board;
}

const incident = () =>
	create({
		...createPostmortem(),
		title: 'Checkout outage',
		correctiveActions: [
			{ ...createCorrectiveAction('Alert on pool saturation'), dueDate: '2000-01-01' },
			{ ...createCorrectiveAction('Load-test the pool'), status: 'done' }
		]
	});

describe('the Actions page’s state', () => {
	it('shows the open actions of every postmortem and follows the database', async () => {
		const pm = await incident();
		const b = await opened();
		expect(b.shown.map((i) => i.action.title)).toEqual(['Alert on pool saturation']);
		expect(b.counts.overdue).toBe(1);
		await create({ ...createPostmortem(), correctiveActions: [createCorrectiveAction('Write the playbook')] });
		await vi.waitFor(() => expect(b.shown.map((i) => i.action.title)).toEqual(['Alert on pool saturation', 'Write the playbook']));
		expect(b.groups.map((g) => g.label)).toEqual(['Overdue', 'No due date']);
		expect(pm.id).toBeTruthy();
	});

	it('stores a choice at once, and typing after a pause, showing the edit meanwhile; a page-wide flush writes what waits', async () => {
		const pm = await incident();
		const b = await opened();
		const [item] = b.shown;
		b.edit(item, { status: 'in-progress' });
		await vi.waitFor(async () => expect((await get(pm.id))?.correctiveActions[0].status).toBe('in-progress'));
		await vi.waitFor(() => expect(b.status).toEqual({ state: 'saved' }));

		b.edit(item, { owner: 'An' }, true);
		b.edit(item, { owner: 'Ana' }, true);
		expect(b.shown[0].action.owner).toBe('Ana'); // shown before it is stored
		expect(anyDirty()).toBe(true);
		expect(b.status).toEqual({ state: 'saving' });
		await flushAll(); // as when the tab is hidden
		expect((await get(pm.id))?.correctiveActions[0]).toMatchObject({ owner: 'Ana', status: 'in-progress' });
		expect(anyDirty()).toBe(false);
		expect(b.status).toEqual({ state: 'saved' });
	});

	it('says so when the postmortem was deleted meanwhile, and drops the edit', async () => {
		const pm = await incident();
		const b = await opened();
		const [item] = b.shown;
		await remove(pm.id);
		b.edit(item, { status: 'done' });
		await b.flush();
		expect(b.status).toEqual({ state: 'error', reason: 'its postmortem was deleted meanwhile.' });
		expect(b.dirty).toBe(false);
		expect(await get(pm.id)).toBeUndefined();
	});
});
