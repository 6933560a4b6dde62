import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The start's parts are tested where they live (storage, pwa); here, what runs when, and what it finds.
const storage = vi.hoisted(() => ({
	installFlushOnHide: vi.fn(),
	installUpgradeHandler: vi.fn(),
	installUnsavedRecovery: vi.fn(),
	probeStorage: vi.fn(async (_onSlow?: (e: unknown) => void): Promise<unknown> => null),
	recoverUnsaved: vi.fn(async () => 0),
	getMeta: vi.fn(async (): Promise<unknown> => undefined),
	setMeta: vi.fn(async () => {}),
	unseenClosedTabCopies: vi.fn(async () => [])
}));
vi.mock('$lib/storage', async (original) => ({ ...(await original<typeof import('$lib/storage')>()), ...storage }));
const pwaStart = vi.hoisted(() => vi.fn());
vi.mock('$lib/state/pwa.svelte', () => ({ pwa: { start: pwaStart, checkForUpdate: vi.fn(async () => {}) } }));

const { AppStart } = await import('$lib/state/app.svelte');

/** What the browser says about persistent storage. */
function browserStorage(persisted: boolean, grants = false) {
	const s = { persisted: vi.fn(async () => persisted), persist: vi.fn(async () => grants) };
	vi.stubGlobal('navigator', { storage: s });
	return s;
}

beforeEach(() => {
	vi.clearAllMocks();
	storage.probeStorage.mockResolvedValue(null);
	storage.getMeta.mockResolvedValue(undefined);
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('the app’s start', () => {
	it('installs its listeners at once, and checks storage only once the first page has rendered and the browser is idle', async () => {
		vi.useFakeTimers();
		const s = browserStorage(true);
		const app = new AppStart();
		app.start();
		app.start(); // once only
		expect(storage.installFlushOnHide).toHaveBeenCalledTimes(1);
		expect(storage.installUpgradeHandler).toHaveBeenCalledTimes(1);
		expect(storage.installUnsavedRecovery).toHaveBeenCalledTimes(1);
		expect(pwaStart).toHaveBeenCalledTimes(1);

		await vi.advanceTimersByTimeAsync(1000);
		expect(storage.probeStorage).not.toHaveBeenCalled();

		app.rendered();
		await vi.advanceTimersByTimeAsync(0);
		expect(storage.probeStorage).toHaveBeenCalledTimes(1);
		await vi.waitFor(() => expect(s.persisted).toHaveBeenCalled());
		expect(storage.recoverUnsaved).toHaveBeenCalledTimes(1);
	});

	it('gives the service worker the moment the first page has rendered', async () => {
		browserStorage(true);
		const app = new AppStart();
		app.start();
		const rendered = pwaStart.mock.calls[0][0] as Promise<void>;
		let done = false;
		void rendered.then(() => (done = true));
		await Promise.resolve();
		expect(done).toBe(false);
		app.rendered();
		await rendered;
		expect(done).toBe(true);
		await vi.waitFor(() => expect(storage.recoverUnsaved).toHaveBeenCalled()); // the check runs too
	});
});

describe('what the start finds out', () => {
	it('says why storage does not work, and then tries nothing else', async () => {
		storage.probeStorage.mockResolvedValue(new DOMException('blocked', 'SecurityError'));
		const app = new AppStart();
		await app.check();
		expect(app.unavailable).not.toBe('');
		expect(storage.recoverUnsaved).not.toHaveBeenCalled();
		expect(app.evictable).toBe(false);
	});

	it('a database a newer version of the app upgraded gets its own notice (reload to update), and nothing is written', async () => {
		const { NewerDatabaseError } = await import('$lib/storage');
		storage.probeStorage.mockResolvedValue(new NewerDatabaseError('newer'));
		const app = new AppStart();
		await app.check();
		expect(app.outdated).toBe('newer');
		expect(app.unavailable).toBe('');
		expect(storage.recoverUnsaved).not.toHaveBeenCalled();
		expect(storage.setMeta).not.toHaveBeenCalled();
	});

	it('storage that does not answer is said while it does not, and unsaid once it answers after all', async () => {
		const { StorageNotRespondingError } = await import('$lib/storage');
		browserStorage(true);
		let answer!: () => void;
		storage.probeStorage.mockImplementation(async (onSlow) => {
			onSlow?.(new StorageNotRespondingError('no answer'));
			await new Promise<void>((resolve) => (answer = resolve));
			return null;
		});
		const app = new AppStart();
		const checked = app.check();
		await vi.waitFor(() => expect(app.unavailable).toMatch(/not responding/));
		answer();
		await checked;
		expect(app.unavailable).toBe('');
		expect(storage.recoverUnsaved).toHaveBeenCalled();
	});

	it('another tab upgrading the database is told once this tab has let go of it', async () => {
		const app = new AppStart();
		app.start();
		expect(app.outdated).toBe('');
		(storage.installUpgradeHandler.mock.calls[0] as unknown as [() => void])[0]();
		expect(app.outdated).toBe('upgrading');
	});

	it('recovers unsaved edits, asks to persist, and tells once that storage may be evicted', async () => {
		const s = browserStorage(false, false);
		const app = new AppStart();
		await app.check();
		expect(app.unavailable).toBe('');
		expect(storage.recoverUnsaved).toHaveBeenCalledTimes(1);
		expect(s.persist).toHaveBeenCalledTimes(1);
		expect(app.evictable).toBe(true);
		expect(storage.setMeta).toHaveBeenCalledWith('evictionNoticeShown', true);
		app.dismissEviction();
		expect(app.evictable).toBe(false);

		// Already told on an earlier visit.
		storage.getMeta.mockResolvedValue(true);
		const later = new AppStart();
		await later.check();
		expect(later.evictable).toBe(false);
	});

	it('says nothing when the browser keeps the data, or agrees to when asked', async () => {
		browserStorage(true);
		const kept = new AppStart();
		await kept.check();
		expect(kept.evictable).toBe(false);

		const s = browserStorage(false, true);
		const granted = new AppStart();
		await granted.check();
		expect(s.persist).toHaveBeenCalled();
		expect(granted.evictable).toBe(false);
	});
});
