import { describeStorageError, exportAll, getMeta, setMeta } from '$lib/storage';
import { downloadText } from '$lib/format';

/** What the browser says about this site's storage. */
export interface StorageInfo {
	persisted: boolean | null;
	usage: number | null;
	quota: number | null;
	lastBackupAt: string | null;
}

/** Read persistence, usage and the last backup time. Any part the browser does not support is null. */
export async function readStorageInfo(): Promise<StorageInfo> {
	const s = navigator.storage;
	const [persisted, estimate, lastBackupAt] = await Promise.all([
		s?.persisted ? s.persisted().catch(() => null) : Promise.resolve(null),
		s?.estimate ? s.estimate().catch(() => null) : Promise.resolve(null),
		getMeta<string>('lastBackupAt').catch(() => undefined)
	]);
	return {
		persisted,
		usage: estimate?.usage ?? null,
		quota: estimate?.quota ?? null,
		lastBackupAt: lastBackupAt ?? null
	};
}

/** Download every stored postmortem as one bundle file and remember when. Returns how many. */
export async function downloadBackup(now = new Date()): Promise<number> {
	// The export code loads only when a backup is made (this module is on the first page's path).
	const [all, { toJsonBundle }] = await Promise.all([exportAll(), import('$lib/domain/json')]);
	const day = now.toISOString().slice(0, 10);
	downloadText(`postmortems-backup-${day}.json`, toJsonBundle(all), 'application/json');
	await setMeta('lastBackupAt', now.toISOString());
	return all.length;
}

/**
 * Download every stored postmortem as Markdown files with front matter in a ZIP, with an index
 * (see domain/library-files.ts), ready for a repository or a wiki. Returns how many.
 */
export async function downloadLibraryFiles(now = new Date()): Promise<number> {
	// The ZIP and Markdown code load only when asked for.
	const [all, { libraryFiles }, { zipSync, strToU8 }] = await Promise.all([
		exportAll(),
		import('$lib/domain/library-files'),
		import('fflate')
	]);
	const files = libraryFiles(all, now);
	const zip = zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.text)])), { mtime: now });
	downloadText(`postmortems-${now.toISOString().slice(0, 10)}.zip`, zip as Uint8Array<ArrayBuffer>, 'application/zip');
	return all.length;
}

/** Download the library as Markdown files (see `downloadLibraryFiles`) and say how it went. */
export async function downloadAsFiles(now = new Date()): Promise<{ ok: true; message: string } | { ok: false; error: string }> {
	try {
		const n = await downloadLibraryFiles(now);
		return { ok: true, message: `${n} postmortem${n === 1 ? '' : 's'} downloaded as Markdown files in a ZIP, with an index.` };
	} catch (e) {
		return { ok: false, error: `The files could not be made: ${describeStorageError(e)}` };
	}
}

/** Make a full backup (see `downloadBackup`) and say how it went, in words for the person. */
export async function backUp(now = new Date()): Promise<{ ok: true; message: string } | { ok: false; error: string }> {
	try {
		const n = await downloadBackup(now);
		return { ok: true, message: `Backup of ${n} postmortem${n === 1 ? '' : 's'} downloaded.` };
	} catch (e) {
		return { ok: false, error: `The backup could not be made: ${describeStorageError(e)}` };
	}
}

/** "1.2 MB", "340 KB". */
export function formatBytes(n: number | null): string {
	if (n === null) return 'unknown';
	if (n < 1024) return `${n} bytes`;
	if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
	if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
	return `${(n / 1024 ** 3).toFixed(1)} GB`;
}
