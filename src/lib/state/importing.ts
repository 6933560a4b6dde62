import { MAX_IMPORT_BYTES, parseImport, type Postmortem } from '$lib/domain';
import { existingIds, importPostmortems, type OnExisting } from '$lib/storage';

/**
 * The outcome of reading a file the user chose or dropped. `fromMarkdown`: the postmortems were
 * read from Markdown, which carries no id (they get new ones, so they never clash by id).
 */
export type ReadResult = { ok: true; postmortems: Postmortem[]; warnings: string[]; fromMarkdown: boolean } | { ok: false; error: string };

/** Read and validate an import file without touching storage. */
export async function readImportFile(file: File): Promise<ReadResult> {
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
	const r = parseImport(text);
	if (!r.ok) return { ok: false, error: `“${file.name}” was not imported: ${r.error}` };
	return { ok: true, postmortems: r.postmortems, warnings: r.warnings, fromMarkdown: r.kind === 'markdown' };
}

/** What a set of files read together comes to: every postmortem in them, or why none is imported. */
export type ReadFilesResult =
	{ ok: true; postmortems: Postmortem[]; warnings: string[]; files: string[]; markdownIds: Set<string> } | { ok: false; error: string };

/**
 * Read several files chosen or dropped together, all or nothing: if any file is refused, none is
 * imported and the message names each refused file. The same postmortem (same id) in two files
 * is imported once, from the file that comes last, with a warning.
 */
export async function readImportFiles(files: Iterable<File>): Promise<ReadFilesResult> {
	const chosen = [...files];
	const errors: string[] = [];
	const warnings: string[] = [];
	const byId = new Map<string, { pm: Postmortem; file: string }>();
	const markdownIds = new Set<string>();
	for (const file of chosen) {
		const r = await readImportFile(file);
		if (!r.ok) {
			errors.push(r.error);
			continue;
		}
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
	return { ok: true, postmortems: [...byId.values()].map((v) => v.pm), warnings, files: chosen.map((f) => f.name), markdownIds };
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
