import { flushSync, mount, unmount, type Component } from 'svelte';
import ImportPreview from './ImportPreview.svelte';
import PassphraseDialog from './PassphraseDialog.svelte';
import type { ImportPreview as Preview } from '$lib/state/importing';

/**
 * Dialogs made for one question and removed after it, so neither the library nor the editor
 * carries them until they are needed (this module loads then).
 */
async function askOnce<T, E extends Record<string, unknown>>(
	dialog: Component<Record<string, never>, E>,
	ask: (d: E) => Promise<T>
): Promise<T> {
	const d = mount(dialog, { target: document.body });
	flushSync(); // so that the dialog element is bound before it is asked to open
	try {
		return await ask(d);
	} finally {
		void unmount(d);
	}
}

/** Show what an import of Markdown written elsewhere recognised, and wait for the person: true to import. */
export function askImportPreview(previews: Preview[]): Promise<boolean> {
	return askOnce(ImportPreview, (d) => d.ask(previews));
}

/** Ask for a passphrase: a new one to protect an export, or the one a protected file was made with (null: cancelled). */
export function askPassphrase(o: { mode: 'set' | 'open'; file?: string; wrong?: boolean }): Promise<string | null> {
	return askOnce(PassphraseDialog, (d) => d.ask(o));
}
