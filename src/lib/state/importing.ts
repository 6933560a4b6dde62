import { MAX_IMPORT_BYTES, parseImport, type Postmortem } from '$lib/domain';
import { existingIds, importPostmortems, type OnExisting } from '$lib/storage';

/** The outcome of reading a file the user chose or dropped. */
export type ReadResult = { ok: true; postmortems: Postmortem[]; warnings: string[] } | { ok: false; error: string };

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
	return { ok: true, postmortems: r.postmortems, warnings: r.warnings };
}

/**
 * Store validated postmortems. `decide` is asked only when some ids already exist and returns
 * 'replace', 'keep-both' or null (cancel: nothing is stored).
 */
export async function storeImport(
	pms: Postmortem[],
	decide: (clashing: Postmortem[]) => Promise<OnExisting | null>
): Promise<string[] | null> {
	const clash = new Set(await existingIds(pms.map((p) => p.id)));
	let mode: OnExisting = 'keep-both';
	if (clash.size) {
		const choice = await decide(pms.filter((p) => clash.has(p.id)));
		if (!choice) return null;
		mode = choice;
	}
	return importPostmortems(pms, mode);
}
