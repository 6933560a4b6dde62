/** What the editor's autosave is doing, for the save indicator. */
export type { SaveStatus } from '$lib/storage';
