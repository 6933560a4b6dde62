import {
	describeStorageError,
	getMeta,
	installFlushOnHide,
	installUnsavedRecovery,
	installUpgradeHandler,
	acknowledgeClosedTabCopies,
	onClosedTabCopy,
	onNewerDatabase,
	classifyStorageError,
	probeStorage,
	recoverUnsaved,
	setMeta,
	unseenClosedTabCopies,
	type ClosedTabCopy
} from '$lib/storage';
import { whenIdle } from '$lib/scheduling';
import { pwa } from './pwa.svelte';
import { requestPersistence } from './persistence';

/**
 * The app's start (run once by the client `init` hook, src/hooks.client.ts) and what it finds out
 * that every page may show: storage that does not work at all, and storage the browser may evict.
 */
export class AppStart {
	/** Why nothing can be stored in this browser; empty while storage works (or is not checked yet). */
	unavailable = $state('');
	/** The browser may evict stored drafts: told once, until dismissed or the next visit. */
	evictable = $state(false);
	/** Edits of closed tabs kept as copies of their own (two tabs closed with different text), until dismissed. */
	recovered = $state.raw<ClosedTabCopy[]>([]);
	/**
	 * Another version of the app has the stored data: 'newer', it upgraded the database past what this
	 * build knows (nothing is read or written here); 'upgrading', another tab asked this one to let go
	 * of the database for an upgrade (this tab saved its edits and closed its connection). '' otherwise.
	 */
	outdated = $state<'' | 'newer' | 'upgrading'>('');
	private started = false;
	private shown!: () => void;
	/** Resolves once the first page has rendered (see `rendered`). */
	private readonly firstRender = new Promise<void>((resolve) => (this.shown = resolve));

	/**
	 * Install what must listen from the start (flush on hide, database upgrades, edits another tab
	 * keeps as it closes, the service worker's events), and queue the rest for once the first page has
	 * painted: checking storage loads Dexie, which the first screen does without. Safe to call twice.
	 */
	start(): void {
		if (this.started) return;
		this.started = true;
		installFlushOnHide();
		installUpgradeHandler(() => {
			if (!this.outdated) this.outdated = 'upgrading';
		});
		onNewerDatabase(() => {
			this.outdated = 'newer';
			// A tab of the old version finds the new one sooner when it asks at once.
			void pwa.checkForUpdate();
		});
		installUnsavedRecovery();
		onClosedTabCopy((copy) => this.tellCopies([copy]));
		pwa.start(this.firstRender);
		void this.firstRender.then(() => whenIdle(() => void this.check()));
	}

	/** The root layout has rendered the first page: the work that waits for its paint may go ahead. */
	rendered(): void {
		this.shown();
	}

	/** The probe, then recovery of unsaved edits, then persistence and the eviction notice. */
	async check(): Promise<void> {
		// Storage that does not answer is said after a few seconds, and unsaid if it answers after all.
		const problem = await probeStorage((slow) => (this.unavailable = describeStorageError(slow)));
		this.unavailable = '';
		if (problem) {
			// A newer version's database is told by its own notice (see `outdated`).
			if (classifyStorageError(problem) === 'version') this.outdated = 'newer';
			else this.unavailable = describeStorageError(problem);
			return;
		}
		// Edits a closing page kept aside because its last write might not make it (see storage/unsaved.ts).
		await recoverUnsaved().catch(() => {});
		// Copies stored here or by a tab that went away before it could say so.
		this.tellCopies(await unseenClosedTabCopies().catch(() => []));
		if (!navigator.storage?.persisted) return;
		const persisted = (await navigator.storage.persisted()) || (await requestPersistence());
		if (!persisted && !(await getMeta<boolean>('evictionNoticeShown').catch(() => true))) {
			this.evictable = true;
			// Said once: the notice stays until dismissed or the next visit, then Settings keeps saying it.
			await setMeta('evictionNoticeShown', true).catch(() => {});
		}
	}

	/**
	 * Reload onto the newest version: the waiting service worker takes over when there is one (every
	 * tab reloads when it does, see pwa.svelte.ts), otherwise this page reloads.
	 */
	reloadToUpdate(): void {
		if (pwa.updateReady) void pwa.acceptUpdate();
		else location.reload();
	}

	/** The person has read the notice of kept closed-tab copies. */
	dismissRecovered(): void {
		this.recovered = [];
		void acknowledgeClosedTabCopies().catch(() => {});
	}

	private tellCopies(copies: ClosedTabCopy[]): void {
		const fresh = copies.filter((c) => !this.recovered.some((r) => r.id === c.id));
		if (fresh.length) this.recovered = [...this.recovered, ...fresh];
	}

	/** The person has read the eviction notice. */
	dismissEviction(): void {
		this.evictable = false;
	}
}

/** A closed tab's edit kept as a copy of its own, as the notice names it. */
export type { ClosedTabCopy };

/** The app's one start and its app-wide notices. */
export const app = new AppStart();
