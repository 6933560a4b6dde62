import { Workbox } from 'workbox-window';
import { flushAll } from '$lib/storage';
import { whenIdle } from '$lib/scheduling';

/** The browser's install prompt event (not in TypeScript's DOM types yet). */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** How often an open app asks the server whether a new version was deployed. */
export const UPDATE_CHECK_MS = 30 * 60 * 1000;

/** Service worker, update prompt and install affordance. */
class Pwa {
	/** A new version is installed and waiting for the person to accept it. */
	updateReady = $state(false);
	/** Set when the browser offers to install the app. */
	canInstall = $state(false);
	/** True once the app runs as an installed app. */
	installed = $state(false);
	private wb: Workbox | undefined;
	private installEvent: BeforeInstallPromptEvent | undefined;
	private started = false;

	/**
	 * Listen for updates and install offers, and register the service worker once `rendered` has
	 * resolved (the first page is on screen) and the page is idle. Safe to call twice.
	 */
	start(rendered: Promise<void> = Promise.resolve()): void {
		if (this.started || typeof window === 'undefined') return;
		this.started = true;
		this.installed = matchMedia('(display-mode: standalone)').matches;
		addEventListener('beforeinstallprompt', (e) => {
			e.preventDefault();
			this.installEvent = e as BeforeInstallPromptEvent;
			this.canInstall = true;
		});
		addEventListener('appinstalled', () => {
			this.canInstall = false;
			this.installed = true;
		});
		if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;

		const hadController = !!navigator.serviceWorker.controller;
		// Every open tab reloads onto the new version once it takes over, after saving its edits.
		let reloading = false;
		navigator.serviceWorker.addEventListener('controllerchange', () => {
			if (!hadController || reloading) return;
			reloading = true;
			void flushAll().finally(() => location.reload());
		});

		const wb = new Workbox('/sw.js', { scope: '/' });
		this.wb = wb;
		wb.addEventListener('waiting', () => (this.updateReady = true));
		// Registered once the page is idle, so installing the worker (and its precache downloads)
		// never competes with the first render.
		void rendered.then(() =>
			whenIdle(
				() =>
					void wb.register().then(
						(reg) => {
							if (reg?.waiting && navigator.serviceWorker.controller) this.updateReady = true;
						},
						() => {} // no service worker (blocked, private mode): the app works, just not offline
					),
				1000
			)
		);
		setInterval(() => void this.checkForUpdate(), UPDATE_CHECK_MS);
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void this.checkForUpdate();
		});
	}

	/** Ask the server for a newer service worker now. */
	async checkForUpdate(): Promise<void> {
		try {
			await this.wb?.update();
		} catch {
			// Offline or server down: try again next time.
		}
	}

	/** "Later": hide the prompt (it is shown again when a newer version is waiting, or at the next start). */
	dismissUpdate(): void {
		this.updateReady = false;
	}

	/** Save everything, then switch every tab to the waiting version (they reload on controllerchange). */
	async acceptUpdate(): Promise<void> {
		await flushAll();
		this.wb?.messageSkipWaiting();
	}

	/** Show the browser's install dialog. */
	async install(): Promise<void> {
		const e = this.installEvent;
		if (!e) return;
		// An offer can be shown once: whatever the answer, the button goes until the browser offers again
		// (it fires beforeinstallprompt anew, which may happen while its dialog is still open).
		this.installEvent = undefined;
		try {
			await e.prompt();
			await e.userChoice;
		} catch {
			// The browser withdrew the offer.
		} finally {
			if (!this.installEvent) this.canInstall = false;
		}
	}
}

/** The app's one PWA controller. */
export const pwa = new Pwa();
