import { MAX_IMPORT_BYTES, parseImport, type Postmortem, type RecognisedField } from '$lib/domain';
import { looksLikeHtml, sealedBlock, type SealedContent } from '$lib/domain/html-file';
import { readSealed, unseal } from '$lib/domain/passphrase';
import { isLibraryMember } from '$lib/domain/library-files';
import { describeStorageError, existingIds, importPostmortems, type OnExisting } from '$lib/storage';

/** What to do with imported postmortems that are already stored: replace them, or keep both copies. */
export type { OnExisting };

/**
 * The outcome of reading a file the user chose or dropped. `fromMarkdown`: the postmortems were
 * read from Markdown, which carries no id (they get new ones, so they never clash by id).
 */
export type ReadResult =
	| { ok: true; postmortems: Postmortem[]; warnings: string[]; fromMarkdown: boolean; recognised?: RecognisedField[] }
	| { ok: false; error: string; cancelled?: true };

/**
 * Asks for the passphrase of a protected file (`wrong`: the last one tried was not right); null
 * when the person cancels.
 */
export type Unlock = (fileName: string, wrong: boolean) => Promise<string | null>;

/** A postmortem read from Markdown written elsewhere, with what was recognised in it, to show before it is stored. */
export interface ImportPreview {
	file: string;
	title: string;
	recognised: RecognisedField[];
	warnings: string[];
}

/**
 * The JSON a protected HTML file seals, opened with the passphrase `unlock` asks for (asked again
 * after a wrong one), or why not. Not a protected file: null.
 */
async function openProtected(
	text: string,
	fileName: string,
	unlock?: Unlock
): Promise<{ text: string } | { error: string; cancelled?: true } | null> {
	if (!looksLikeHtml(text)) return null;
	const block = sealedBlock(text);
	if (block === null) return null;
	const sealed = readSealed(block);
	if (!sealed) return { error: 'It is a protected file, but its sealed part is damaged.' };
	if (!unlock) return { error: 'It is protected by a passphrase.' };
	for (let wrong = false; ; wrong = true) {
		const passphrase = await unlock(fileName, wrong);
		if (passphrase === null) return { error: 'Import cancelled. Nothing was changed.', cancelled: true };
		const plain = await unseal(sealed, passphrase);
		if (plain === null) continue;
		const content = JSON.parse(plain) as SealedContent;
		if (typeof content.json !== 'string') return { error: 'It is a protected public summary, which carries no postmortem to import.' };
		return { text: content.json };
	}
}

/** Read and validate an import file without touching storage; `unlock` asks for a protected file's passphrase. */
export async function readImportFile(file: File, unlock?: Unlock): Promise<ReadResult> {
	if (file.size > MAX_IMPORT_BYTES)
		return {
			ok: false,
			error: `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the largest file that can be imported is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`
		};
	let text: string;
	try {
		text = await file.text();
	} catch {
		return { ok: false, error: `“${file.name}” could not be read.` };
	}
	const opened = await openProtected(text, file.name, unlock);
	if (opened && 'error' in opened)
		return opened.cancelled
			? { ok: false, error: opened.error, cancelled: true }
			: { ok: false, error: `“${file.name}” was not imported: ${opened.error}` };
	const r = opened ? parseImport(opened.text, new Date(), `${file.name}.json`) : parseImport(text, new Date(), file.name);
	if (!r.ok) return { ok: false, error: `“${file.name}” was not imported: ${r.error}` };
	return { ok: true, postmortems: r.postmortems, warnings: r.warnings, fromMarkdown: r.kind === 'markdown', recognised: r.recognised };
}

/** What a set of files read together comes to: every postmortem in them, or why none is imported. */
export type ReadFilesResult =
	| { ok: true; postmortems: Postmortem[]; warnings: string[]; files: string[]; markdownIds: Set<string>; previews: ImportPreview[] }
	| { ok: false; error: string; cancelled?: true };

/**
 * Read several files chosen or dropped together, all or nothing: if any file is refused, none is
 * imported and the message names each refused file. The same postmortem (same id) in two files
 * is imported once, from the file that comes last, with a warning.
 */
export async function readImportFiles(files: Iterable<File>, unlock?: Unlock): Promise<ReadFilesResult> {
	const expanded = await expand([...files]);
	if ('error' in expanded) return { ok: false, error: expanded.error };
	const chosen = expanded.files;
	const errors: string[] = [];
	const warnings: string[] = [];
	const byId = new Map<string, { pm: Postmortem; file: string }>();
	const markdownIds = new Set<string>();
	const previews: ImportPreview[] = [];
	for (const file of chosen) {
		const r = await readImportFile(file, unlock);
		if (!r.ok) {
			if (r.cancelled) return r;
			errors.push(r.error);
			continue;
		}
		if (r.recognised)
			previews.push({ file: file.name, title: r.postmortems[0]?.title ?? '', recognised: r.recognised, warnings: r.warnings });
		warnings.push(...(chosen.length > 1 ? r.warnings.map((w) => `“${file.name}”: ${w}`) : r.warnings));
		for (const pm of r.postmortems) {
			if (r.fromMarkdown) markdownIds.add(pm.id);
			const before = byId.get(pm.id);
			if (before && before.file !== file.name)
				warnings.push(
					`“${before.file}” and “${file.name}” hold the same postmortem (“${pm.title || 'Untitled'}”); the one in “${file.name}” was imported.`
				);
			byId.delete(pm.id); // re-added at the end, in the order of the files
			byId.set(pm.id, { pm, file: file.name });
		}
	}
	if (errors.length) {
		const none =
			chosen.length > 1
				? ` Nothing was imported from the ${chosen.length} files; leave out or fix ${errors.length > 1 ? 'those' : 'that one'} and try again.`
				: '';
		return { ok: false, error: errors.join(' ') + none };
	}
	if (expanded.left)
		warnings.push(
			`${expanded.left} other file${expanded.left === 1 ? ' was' : 's were'} left out (the index, or not Markdown, JSON or HTML).`
		);
	return { ok: true, postmortems: [...byId.values()].map((v) => v.pm), warnings, files: chosen.map((f) => f.name), markdownIds, previews };
}

/**
 * The files to read: each ZIP replaced by the postmortem files it holds, and a picked folder's
 * files without its index and its other files (see `isLibraryMember`); `left` counts those.
 */
async function expand(files: File[]): Promise<{ files: File[]; left: number } | { error: string }> {
	const out: File[] = [];
	let left = 0;
	for (const file of files) {
		if (!/\.zip$/i.test(file.name)) {
			if (file.webkitRelativePath && !isLibraryMember(file.webkitRelativePath)) left++;
			else out.push(file);
			continue;
		}
		if (file.size > MAX_IMPORT_BYTES)
			return { error: `“${file.name}” is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, too large to import.` };
		const { unzipSync } = await import('fflate');
		let total = 0;
		let tooBig = false;
		let entries: Record<string, Uint8Array>;
		try {
			entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
				filter: (e) => {
					if (e.name.endsWith('/')) return false;
					if (!isLibraryMember(e.name)) return (void left++, false);
					// Checked before anything is inflated (fflate inflates into the size the entry declares).
					total += e.originalSize;
					tooBig ||= total > MAX_IMPORT_BYTES;
					return !tooBig;
				}
			});
		} catch {
			return { error: `“${file.name}” could not be read as a ZIP archive.` };
		}
		if (tooBig) return { error: `“${file.name}” holds more than ${MAX_IMPORT_BYTES / 1024 / 1024} MB of files, too much to import.` };
		const members = Object.entries(entries);
		if (!members.length) return { error: `“${file.name}” holds no postmortem files (Markdown, JSON or HTML).` };
		for (const [name, data] of members) out.push(new File([data as Uint8Array<ArrayBuffer>], name));
	}
	return { files: out, left };
}

/**
 * Store validated postmortems. `decide` is asked only when some ids already exist and returns
 * 'replace', 'keep-both' or null (cancel: nothing is stored). Those read from Markdown (ids in
 * `markdownIds`) are told apart by title instead (see `importPostmortems`).
 */
export async function storeImport(
	pms: Postmortem[],
	decide: (clashing: Postmortem[]) => Promise<OnExisting | null>,
	markdownIds: ReadonlySet<string> = new Set()
): Promise<string[] | null> {
	const clash = new Set(await existingIds(pms.map((p) => p.id)));
	let mode: OnExisting = 'keep-both';
	if (clash.size) {
		const choice = await decide(pms.filter((p) => clash.has(p.id)));
		if (!choice) return null;
		mode = choice;
	}
	return importPostmortems(pms, mode, markdownIds);
}

/** The question asked when some postmortems being imported are already stored (up to five named). */
export function clashQuestion(clashing: Postmortem[]): { title: string; message: string } {
	const one = clashing.length === 1;
	const names = clashing
		.slice(0, 5)
		.map((p) => `“${p.title || 'Untitled'}”`)
		.join(', ');
	const more = clashing.length > 5 ? ` and ${clashing.length - 5} more` : '';
	return {
		title: one ? 'This postmortem is already here' : `${clashing.length} postmortems are already here`,
		message: `${names}${more} already ${one ? 'exists' : 'exist'} in this browser. Replace the stored ${one ? 'copy' : 'copies'} with the file’s, or keep both?`
	};
}

/**
 * What importing came to, in words for the person: `error` when nothing was imported because
 * something was wrong, else a `notice` and the ids stored (null when the person cancelled).
 */
export type ImportOutcome = { ok: true; notice: string; ids: string[] | null } | { ok: false; error: string };

/**
 * Read, validate and store files chosen or dropped together (see `readImportFiles` and
 * `storeImport`): all or nothing, asking `decide` only when some are already stored. Markdown
 * written elsewhere is shown first with what was recognised in it (`preview`), and stored only
 * if the person goes on.
 */
export async function importFiles(
	files: File[],
	decide: (clashing: Postmortem[]) => Promise<OnExisting | null>,
	preview?: (previews: ImportPreview[]) => Promise<boolean>,
	unlock?: Unlock
): Promise<ImportOutcome> {
	const r = await readImportFiles(files, unlock);
	if (!r.ok) return r.cancelled ? { ok: true, notice: r.error, ids: null } : r;
	if (r.previews.length && preview && !(await preview(r.previews)))
		return { ok: true, notice: 'Import cancelled. Nothing was changed.', ids: null };
	try {
		const ids = await storeImport(r.postmortems, decide, r.markdownIds);
		if (ids === null) return { ok: true, notice: 'Import cancelled. Nothing was changed.', ids: null };
		const from = r.files.length === 1 ? `“${r.files[0]}”` : `${r.files.length} files`;
		const notice =
			`Imported ${ids.length} postmortem${ids.length === 1 ? '' : 's'} from ${from}.` +
			(r.warnings.length ? ` Note: ${r.warnings.join(' ')}` : '');
		return { ok: true, notice, ids };
	} catch (e) {
		const what = r.files.length === 1 ? `“${r.files[0]}” was` : `The ${r.files.length} files were`;
		return { ok: false, error: `${what} not imported: ${describeStorageError(e)} Nothing was changed.` };
	}
}
