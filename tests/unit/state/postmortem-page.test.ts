import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNSAVED_ID, createPostmortem, type Postmortem } from '$lib/domain';
import { create } from '$lib/storage';
import { WorkbenchDB, db, useDatabase } from '$lib/storage/db';
import { PostmortemPage } from '$lib/state/postmortem-page.svelte';

const named = (title: string): Postmortem => ({ ...createPostmortem(new Date('2026-03-11T09:00:00Z'), 'UTC'), title });

// Unit tests run Svelte's server build, where effects do not run: following the stored copy (an
// effect) is covered by tests/e2e/tabs.spec.ts.
let n = 0;
let opened: PostmortemPage;
beforeEach(() => {
	useDatabase(new WorkbenchDB(`test-postmortem-page-${++n}`));
	opened = new PostmortemPage();
});
afterEach(() => opened.dispose());

describe('opening a postmortem’s page', () => {
	it('opens the stored postmortem in an editor', async () => {
		const pm = await create(named('Checkout errors'));
		await opened.open(pm.id);
		expect(opened.editor?.draft).toEqual(pm);
		expect(opened.missing).toBe(false);
		expect(opened.unsaved).toBe(false);
	});

	it('says when the postmortem is not stored here', async () => {
		await opened.open('no-such-id');
		expect(opened.missing).toBe(true);
		expect(opened.editor).toBeUndefined();
	});

	it('says why it could not be read', async () => {
		db().close({ disableAutoOpen: true });
		await opened.open('any-id');
		expect(opened.loadError).not.toBe('');
		expect(opened.editor).toBeUndefined();
	});

	it('writes in memory only on the unsaved page, and every save says why it failed', async () => {
		await opened.open(UNSAVED_ID);
		expect(opened.unsaved).toBe(true);
		const editor = opened.editor!;
		editor.update({ title: 'Written without storage' });
		await editor.flush().catch(() => {});
		await vi.waitFor(() => expect(editor.status.state).toBe('error'));
	});

	it('a later open wins over an earlier one still under way', async () => {
		const a = await create(named('A'));
		const b = await create(named('B'));
		const first = opened.open(a.id);
		const second = opened.open(b.id);
		await Promise.all([first, second]);
		expect(opened.editor?.draft.title).toBe('B');
	});
});
