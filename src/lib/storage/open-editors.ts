/**
 * The editors open in this page, as far as the page-wide flushes need them: on hide and close, on
 * another tab's schema upgrade, before an update reloads. Kept apart from the Autosaver class
 * (autosave.ts), which only the editor loads: the app's start installs these on every page.
 */
import type { Postmortem } from '$lib/domain/model';
import { whenStorageLoads } from './connection';
import { onRecoveredOver } from './repository';

/** How long typing may pause before a save starts; well inside the one-second promise. */
export const AUTOSAVE_DELAY_MS = 300;

/** What the page-wide flushes need of an open editor's saver (`Autosaver`). */
export interface OpenSaver {
	readonly dirty: boolean;
	flush(): Promise<void>;
	flushSync(): void;
	/** A closed tab's edit was stored over this postmortem. */
	heardOf(stored: Postmortem): void;
}

/** The savers of the editors open in this page (each adds itself while it has work). */
export const openSavers = new Set<OpenSaver>();
// A closed tab's edit stored over a postmortem open here: this page's edits now conflict with it.
onRecoveredOver((row) => {
	for (const a of openSavers) a.heardOf(row);
});

/** Flush every open editor's pending edits. */
export function flushAll(): Promise<void> {
	return Promise.all([...openSavers].map((a) => a.flush())).then(() => {});
}

/** True if any editor has edits not yet stored. */
export function anyDirty(): boolean {
	return [...openSavers].some((a) => a.dirty);
}

/** The synchronous pagehide flush of every open editor (see `Autosaver.flushSync`). */
export function flushAllSync(): void {
	for (const a of openSavers) a.flushSync();
}

let installed = false;
let upgradeHandled = false;

/**
 * When another tab opens a newer database version, this tab saves what it has and closes its
 * connection so the upgrade is not blocked, then calls `closed` (the app offers a reload: an
 * automatic one would take the page from under the person's hands). Writes after that reopen the
 * database, and fail with a clear reason if it is now a version this build does not know (db.ts).
 */
export function installUpgradeHandler(closed: () => void): void {
	if (upgradeHandled) return;
	upgradeHandled = true;
	// Registered when Dexie loads (the database is not opened before): this does not load it.
	whenStorageLoads((d) =>
		d.on('versionchange', () => {
			void flushAll().finally(() => {
				d.close();
				closed();
			});
			return false; // we close ourselves once the pending edits are written
		})
	);
}

/** Flush pending edits when the page is hidden or unloaded (tab closed, app switched, phone locked). */
export function installFlushOnHide(target: Window = window): void {
	if (installed) return;
	installed = true;
	// Capture phase: runs before Dexie's own pagehide listener, which closes the database when the
	// page goes into the back/forward cache.
	target.addEventListener('pagehide', () => flushAllSync(), { capture: true });
	// Closing a tab runs beforeunload first, and in Chromium the pagehide that should follow was seen
	// not to run at all when the tab closed right after an edit. Writing then as well is harmless:
	// pagehide then finds nothing left to write.
	target.addEventListener('beforeunload', () => flushAllSync());
	target.document.addEventListener('visibilitychange', () => {
		if (target.document.visibilityState === 'hidden') void flushAll();
	});
}
