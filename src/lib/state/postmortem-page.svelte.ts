import { untrack } from 'svelte';
import { UNSAVED_ID, createPostmortem, type Postmortem } from '$lib/domain/model';
import { isUntouched } from '$lib/domain/parts';
import { Live, StorageNotRespondingError, StorageUnavailableError, answeredWithin, describeStorageError, get, remove } from '$lib/storage';
import { nextTask } from '$lib/scheduling';
import { EditorState } from './editor.svelte';

/**
 * The postmortem a page under /p/[id] has open: its editor once it is read, or that it is not
 * stored here, or why it could not be read; the editor follows the stored copy, so a save in another
 * tab shows up. Create it in a component's setup (it follows the stored copy with an effect) and
 * `dispose()` it when the component goes.
 */
export class PostmortemPage {
	/** The open postmortem's editor; undefined while opening (and when missing or failed). */
	editor = $state<EditorState | undefined>();
	/** The postmortem is not stored in this browser. */
	missing = $state(false);
	/** Why the postmortem could not be opened, or empty. */
	loadError = $state('');
	/** True when the open postmortem is written in memory only, because storage does not work. */
	unsaved = $state(false);
	private live = $state.raw<Live<Postmortem | undefined> | undefined>();
	private openSeq = 0;

	constructor() {
		// Follow the stored copy so a save in another tab shows up here.
		$effect(() => {
			const stored = this.live?.current;
			const editor = this.editor;
			if (stored && editor) untrack(() => editor.storedChanged(stored));
		});
	}

	/** Open postmortem `id` (closing the one open first, after writing its pending edits); a later open wins. */
	async open(id: string): Promise<void> {
		// A later open wins: an earlier one that is still awaiting must not overwrite it.
		const seq = ++this.openSeq;
		await this.close();
		if (seq !== this.openSeq) return;
		this.live?.stop();
		this.editor = undefined;
		this.missing = false;
		this.loadError = '';
		this.unsaved = id === UNSAVED_ID;
		if (id === UNSAVED_ID) {
			// Storage is unavailable: write in memory, every save reports why it failed, export still works.
			this.editor = new EditorState(
				createPostmortem(),
				async () => {
					throw new StorageUnavailableError();
				},
				UNSAVED_ID
			);
			return;
		}
		try {
			const reading = get(id);
			// Storage that does not answer is said after a few seconds; the read may still answer.
			const pm = await answeredWithin(reading).catch((e: unknown) => {
				if (!(e instanceof StorageNotRespondingError)) throw e;
				if (seq === this.openSeq) this.loadError = describeStorageError(e);
				return reading;
			});
			if (seq === this.openSeq) this.loadError = '';
			// The read may already be done (started as the app loaded): render the editor in a task of
			// its own rather than at the end of the app's start, so neither blocks input for long.
			await new Promise<void>((resolve) => nextTask(resolve));
			if (seq !== this.openSeq) return;
			if (!pm) {
				this.missing = true;
				return;
			}
			this.editor = new EditorState(pm);
			// Starts from the copy just read; following the database waits until the editor has painted.
			this.live = new Live(() => get(id), pm);
		} catch (e) {
			if (seq === this.openSeq) this.loadError = describeStorageError(e);
		}
	}

	/** Write pending edits and stop following the database (the page is closing). */
	dispose(): void {
		void this.close();
		this.live?.stop();
	}

	/**
	 * Close the open editor after writing its pending edits. A new postmortem left as it was created
	 * (nothing typed or chosen, never saved) is not kept: "New postmortem" and back leaves no empty row.
	 */
	private async close(): Promise<void> {
		const editor = this.editor;
		if (!editor) return;
		await editor.dispose();
		const pm = editor.draft;
		if (!this.unsaved && pm.revision <= 1 && isUntouched(pm)) await remove(pm.id).catch(() => {});
	}
}
