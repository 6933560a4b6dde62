import { beforeEach, describe, expect, it } from 'vitest';
import { createCorrectiveAction, createPostmortem } from '$lib/domain';
import { ConflictError, MissingError, create, get, list, remove } from '$lib/storage';
import { ActionMissingError, listDocuments, updateAction, updateActionNow, updateActions } from '$lib/storage/actions';
import { save } from '$lib/storage/saving';
import { WorkbenchDB, useDatabase, db } from '$lib/storage/db';

let n = 0;
beforeEach(() => {
	useDatabase(new WorkbenchDB(`test-actions-${++n}`));
});

async function stored() {
	const a = { ...createCorrectiveAction('Alert on pool saturation'), owner: 'Ana' };
	const b = createCorrectiveAction('Load-test the pool');
	return create({ ...createPostmortem(), title: 'Checkout outage', correctiveActions: [a, b] });
}

describe('an action edited on the Actions page', () => {
	it('is written into its postmortem: only its fields change, the revision and library row move on', async () => {
		const pm = await stored();
		const [a, b] = pm.correctiveActions;
		const after = await updateAction(pm.id, a.id, { status: 'done', dueDate: '2026-03-31' });
		expect(after.revision).toBe(pm.revision + 1);
		const back = await get(pm.id);
		expect(back?.correctiveActions).toEqual([{ ...a, status: 'done', dueDate: '2026-03-31' }, b]);
		expect({ ...back, correctiveActions: [], revision: 0, updatedAt: '' }).toEqual({
			...pm,
			correctiveActions: [],
			revision: 0,
			updatedAt: ''
		});
		expect((await list())[0].revision).toBe(after.revision);
		expect((await listDocuments()).map((p) => p.id)).toEqual([pm.id]);
	});

	it('goes on top of another tab’s save, and an editor that started before meets a conflict instead of writing over it', async () => {
		const pm = await stored();
		const theirs = await save({ ...pm, summary: 'Written in another tab' });
		await updateAction(pm.id, pm.correctiveActions[1].id, { owner: 'Chen' });
		const back = await get(pm.id);
		expect(back?.summary).toBe('Written in another tab');
		expect(back?.correctiveActions[1].owner).toBe('Chen');
		await expect(save({ ...theirs, summary: 'Editor that had not heard of it' })).rejects.toBeInstanceOf(ConflictError);
	});

	it('says when its postmortem or its action is gone, and refuses a bad value, changing nothing', async () => {
		const pm = await stored();
		await expect(updateAction(pm.id, 'no-such-action', { status: 'done' })).rejects.toBeInstanceOf(ActionMissingError);
		await expect(updateAction(pm.id, pm.correctiveActions[0].id, { dueDate: 'next week' })).rejects.toThrow(/due date/);
		expect(await get(pm.id)).toEqual(pm);
		await remove(pm.id);
		await expect(updateAction(pm.id, pm.correctiveActions[0].id, { status: 'done' })).rejects.toBeInstanceOf(MissingError);
	});

	it('is started at once when the page goes away, if the database is open', async () => {
		const pm = await stored();
		await db().open();
		expect(updateActionNow(pm.id, pm.correctiveActions[0].id, { owner: 'Ben' })).toBe(true);
		await expect.poll(async () => (await get(pm.id))?.correctiveActions[0].owner).toBe('Ben');
		db().close();
		expect(updateActionNow(pm.id, pm.correctiveActions[0].id, { owner: 'Dee' })).toBe(false);
	});
});

describe('several actions changed at once (a tracker’s statuses)', () => {
	it('are written together, each postmortem once; one gone action changes nothing at all', async () => {
		const a = await stored();
		const b = await stored();
		await updateActions([
			{ postmortemId: a.id, actionId: a.correctiveActions[0].id, patch: { status: 'done' } },
			{ postmortemId: a.id, actionId: a.correctiveActions[1].id, patch: { status: 'in-progress' } },
			{ postmortemId: b.id, actionId: b.correctiveActions[1].id, patch: { status: 'wont-do' } }
		]);
		expect((await get(a.id))?.correctiveActions.map((x) => x.status)).toEqual(['done', 'in-progress']);
		expect((await get(a.id))?.revision).toBe(a.revision + 1);
		expect((await get(b.id))?.correctiveActions.map((x) => x.status)).toEqual(['open', 'wont-do']);

		const before = [await get(a.id), await get(b.id)];
		await expect(
			updateActions([
				{ postmortemId: b.id, actionId: b.correctiveActions[0].id, patch: { status: 'done' } },
				{ postmortemId: a.id, actionId: 'gone', patch: { status: 'done' } }
			])
		).rejects.toBeInstanceOf(ActionMissingError);
		expect([await get(a.id), await get(b.id)]).toEqual(before);
	});
});
