/**
 * The library as a folder of files, for a repository or a wiki: one Markdown file per postmortem
 * (with front matter, so each imports back as it was) under `postmortems/`, and an index.
 */

import { escapeInline, exportFileName, toMarkdown, UNTITLED } from './markdown';
import { SEVERITY_LABELS, STATUS_LABELS } from './labels';
import type { Postmortem } from './model';

/** One file of the folder: its path (with "/" between folders) and its text. */
export interface LibraryFile {
	path: string;
	text: string;
}

/** The folder the postmortems' files go in. */
export const LIBRARY_FOLDER = 'postmortems';

/** The index's name, at the top of the folder (left out when the folder is imported). */
export const LIBRARY_INDEX = 'README.md';

/**
 * The library's files, newest incident first: names from the incident date and title, safe on
 * every operating system and unique ignoring case ("-2" added to a repeat), and the index.
 */
export function libraryFiles(pms: readonly Postmortem[], now: Date = new Date()): LibraryFile[] {
	const when = (pm: Postmortem) => pm.incidentDate || pm.createdAt;
	const used = new Set<string>();
	const files = [...pms]
		.sort((a, b) => when(b).localeCompare(when(a)))
		.map((pm) => {
			const base = exportFileName(pm, 'md').replace(/\.md$/, '');
			let name = `${base}.md`;
			for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.md`;
			used.add(name.toLowerCase());
			return { pm, path: `${LIBRARY_FOLDER}/${name}`, text: toMarkdown(pm, { frontMatter: { exportedAt: now } }) };
		});
	const rows = files.map(
		({ pm, path }) =>
			`| ${pm.incidentDate.slice(0, 10)} | [${escapeInline(pm.title || UNTITLED)}](${path}) | ${STATUS_LABELS[pm.status]} | ${pm.severity ? SEVERITY_LABELS[pm.severity] : ''} |`
	);
	const index = [
		'# Postmortems',
		'',
		`${files.length} postmortem${files.length === 1 ? '' : 's'}, exported on ${now.toISOString().slice(0, 10)} from Postmortem workbench. Each file imports back into the app as it was; import this folder, or its ZIP, to bring the library back.`,
		'',
		'| Incident date | Title | Status | Severity |',
		'| --- | --- | --- | --- |',
		...rows
	].join('\n');
	return [{ path: LIBRARY_INDEX, text: `${index}\n` }, ...files.map(({ path, text }) => ({ path, text }))];
}

/** Whether a file of an imported folder or ZIP is a postmortem to import: Markdown, JSON or HTML, and not the folder's index. */
export function isLibraryMember(path: string): boolean {
	const parts = path.split('/').filter(Boolean);
	const name = parts[parts.length - 1] ?? '';
	if (name.startsWith('.') || parts.some((p) => p === '__MACOSX')) return false;
	// The index at the top of the folder (a picked folder's paths start with the folder's own name).
	if (/^(?:readme|index)\.md$/i.test(name) && parts.length <= 2 && !parts.slice(0, -1).includes(LIBRARY_FOLDER)) return false;
	return /\.(?:md|markdown|json|html?)$/i.test(name);
}
