import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostmortem } from '$lib/domain';
import { create, getMeta } from '$lib/storage';
import { WorkbenchDB, db, useDatabase } from '$lib/storage/db';

const downloadText = vi.hoisted(() => vi.fn());
vi.mock('$lib/format', async (original) => ({ ...(await original<typeof import('$lib/format')>()), downloadText }));
const { backUp } = await import('$lib/state/storage-info');

let n = 0;
beforeEach(() => {
	downloadText.mockClear();
	useDatabase(new WorkbenchDB(`test-storage-info-${++n}`));
});

describe('a full backup', () => {
	it('downloads every postmortem as one file, remembers when, and says how many', async () => {
		await create(createPostmortem());
		await create(createPostmortem());
		const now = new Date('2026-03-11T09:00:00Z');
		expect(await backUp(now)).toEqual({ ok: true, message: 'Backup of 2 postmortems downloaded.' });
		expect(downloadText).toHaveBeenCalledWith('postmortems-backup-2026-03-11.json', expect.any(String), 'application/json');
		expect(await getMeta('lastBackupAt')).toBe(now.toISOString());
		await db().postmortems.clear();
		expect(await backUp(now)).toEqual({ ok: true, message: 'Backup of 0 postmortems downloaded.' });
	});

	it('says why it could not be made', async () => {
		db().close({ disableAutoOpen: true });
		const r = await backUp();
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/^The backup could not be made: /);
		expect(downloadText).not.toHaveBeenCalled();
	});
});
