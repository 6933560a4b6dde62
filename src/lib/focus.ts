import { tick } from 'svelte';

/** Focus an element once the pending DOM update (e.g. a newly added list item) has rendered. */
export async function focusAfterRender(id: string, { scroll = false } = {}): Promise<void> {
	await tick();
	const el = document.getElementById(id);
	if (scroll) el?.scrollIntoView({ block: 'center' });
	el?.focus();
}
