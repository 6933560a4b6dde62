import { flushSync, mount, unmount } from 'svelte';
import ImportPreview from './ImportPreview.svelte';
import type { ImportPreview as Preview } from '$lib/state/importing';

/**
 * Show what an import of Markdown written elsewhere recognised, and wait for the person: true to
 * import. The dialog is made for the question and removed after it, so the library page does not
 * carry it (it loads with this module, when such a file is imported).
 */
export async function askImportPreview(previews: Preview[]): Promise<boolean> {
	const dialog = mount(ImportPreview, { target: document.body });
	flushSync(); // so that the dialog element is bound before it is asked to open
	try {
		return await dialog.ask(previews);
	} finally {
		void unmount(dialog);
	}
}
