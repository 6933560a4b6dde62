import { getContext, setContext } from 'svelte';
import type { EditorState } from './editor.svelte';

const KEY = Symbol('editor');

/** Make the open postmortem's editor available to the pages under /p/[id]. */
export function provideEditor(get: () => EditorState | undefined): void {
	setContext(KEY, get);
}

/** The open postmortem's editor (undefined while loading). */
export function useEditor(): () => EditorState | undefined {
	return getContext(KEY);
}
