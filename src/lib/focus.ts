import { tick } from 'svelte';

/** Focus an element once the pending DOM update (e.g. a newly added list item) has rendered. */
export async function focusAfterRender(id: string, { scroll = false } = {}): Promise<void> {
	await tick();
	const el = document.getElementById(id);
	if (scroll) el?.scrollIntoView({ block: 'center' });
	el?.focus();
}

/**
 * After an item of a list was removed, focus the item that took its place (or the new last one),
 * or `fallback` (e.g. the list's Add button) when none is left, so the keyboard stays where it was.
 */
export function focusAfterRemoval<T>(
	remaining: readonly T[],
	index: number,
	elementId: (item: T) => string,
	fallback: string
): Promise<void> {
	const next = remaining[Math.min(index, remaining.length - 1)];
	return focusAfterRender(next ? elementId(next) : fallback);
}

/** Focus an element as soon as it is shown (a page still loading its rows), giving up after `frames` frames. */
export async function focusWhenShown(id: string, frames = 120): Promise<void> {
	for (let i = 0; i < frames && !document.getElementById(id); i++) await new Promise(requestAnimationFrame);
	document.getElementById(id)?.focus();
}
