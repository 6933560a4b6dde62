/** Turns storage failures into sentences a person can act on. */

/** A save found a newer revision in the database than the one the editor started from. */
export class ConflictError extends Error {
	constructor(
		readonly stored: import('$lib/domain/model').Postmortem,
		readonly mine: import('$lib/domain/model').Postmortem
	) {
		super('This postmortem was changed in another tab or window.');
		this.name = 'ConflictError';
	}
}

/** The postmortem to save no longer exists (deleted in another tab). */
export class MissingError extends Error {
	constructor(id: string) {
		super(`The postmortem ${id} is no longer stored (it may have been deleted in another tab).`);
		this.name = 'MissingError';
	}
}

/** Storage cannot be used at all in this browser (used by the in-memory "write without saving" editor). */
export class StorageUnavailableError extends Error {
	constructor() {
		super('IndexedDB is not available');
		this.name = 'StorageUnavailableError';
	}
}

/**
 * The stored data was upgraded by a newer version of the app (in another tab or window): this build
 * does not know its schema, so it neither reads nor writes it.
 */
export class NewerDatabaseError extends Error {
	override name = 'NewerDatabaseError';
}

let newer = () => {};

/** Call `fn` whenever an open finds the database upgraded by a newer version of the app (one listener: the app's start). */
export function onNewerDatabase(fn: () => void): void {
	newer = fn;
}

/** An open found a newer database (see `NewerDatabaseError`): tell the app. */
export function reportNewerDatabase(): void {
	newer();
}

let generation = 0;

/**
 * How many times this page found the database created anew under it: the browser's stored data for
 * this site was cleared while the app was open (db.ts tells it by the database's identity row).
 */
export function databaseGeneration(): number {
	return generation;
}

/** An open found the database created anew (see `databaseGeneration`). */
export function reportDatabaseCleared(): void {
	generation++;
}

/** How long the browser's storage may take to answer an open or a read before the app says it is not responding. */
export const STORAGE_TIMEOUT_MS = 5000;

/** The browser's storage did not answer within `STORAGE_TIMEOUT_MS` (a wedged profile, some privacy modes). */
export class StorageNotRespondingError extends Error {
	override name = 'StorageNotRespondingError';
}

/** `work`, or a StorageNotRespondingError if it has not settled within `ms`. */
export function answeredWithin<T>(work: Promise<T>, ms = STORAGE_TIMEOUT_MS): Promise<T> {
	// The timer left running once `work` settles only rejects a promise the race no longer follows.
	return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new StorageNotRespondingError()), ms))]);
}

/** What kind of storage failure this was. */
export type StorageProblem = 'quota' | 'unavailable' | 'hung' | 'closed' | 'version' | 'conflict' | 'missing' | 'unknown';

function names(e: unknown): string[] {
	const out: string[] = [];
	let cur: unknown = e;
	for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
		const o = cur as { name?: unknown; inner?: unknown; cause?: unknown };
		if (typeof o.name === 'string') out.push(o.name);
		cur = o.inner ?? o.cause;
	}
	return out;
}

/** Classify an error thrown by IndexedDB or Dexie (Dexie wraps the DOM error in `inner`). */
export function classifyStorageError(e: unknown): StorageProblem {
	const n = names(e);
	// Before 'closed': Dexie reports a failed open as DatabaseClosedError with the reason inside.
	if (n.includes('NewerDatabaseError')) return 'version';
	if (n.includes('StorageNotRespondingError')) return 'hung';
	if (n.includes('ConflictError')) return 'conflict';
	if (n.includes('MissingError')) return 'missing';
	if (n.includes('QuotaExceededError')) return 'quota';
	if (n.some((x) => x === 'MissingAPIError' || x === 'SecurityError' || x === 'InvalidAccessError' || x === 'StorageUnavailableError'))
		return 'unavailable';
	if (n.includes('DatabaseClosedError')) return 'closed';
	if (n.some((x) => x === 'VersionChangeError' || x === 'VersionError' || x === 'UpgradeError')) return 'version';
	if (n.includes('OpenFailedError')) return 'unavailable';
	return 'unknown';
}

/** A short reason for the "Not saved: <reason>" status and error banners. */
export function describeStorageError(e: unknown): string {
	switch (classifyStorageError(e)) {
		case 'quota':
			return 'the browser’s storage for this site is full. Export your work, then free space by deleting old postmortems.';
		case 'unavailable':
			return 'this browser does not allow the app to store data (private browsing or blocked site data). Export your work to keep it.';
		case 'hung':
			return 'the browser’s storage is not responding; restarting the browser usually helps.';
		case 'closed':
			return 'the database was closed. Retrying…';
		case 'version':
			return 'a newer version of the app has updated the stored data. Reload this tab to update.';
		case 'conflict':
			return 'this postmortem was changed in another tab.';
		case 'missing':
			return 'this postmortem was deleted in another tab.';
		default: {
			const msg = e instanceof Error ? e.message : String(e);
			return msg ? `storage error (${msg.slice(0, 160)}).` : 'unknown storage error.';
		}
	}
}
