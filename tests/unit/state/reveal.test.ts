import { describe, expect, it, vi } from 'vitest';
import { Reveal } from '$lib/state/reveal.svelte';

const tasks = (n: number) =>
	new Promise<void>((resolve) => {
		let left = n;
		const tick = () => (--left <= 0 ? resolve() : setTimeout(tick, 5));
		setTimeout(tick, 5);
	});

describe('Reveal', () => {
	it('shows nothing until started, then the groups in later tasks until all are shown', async () => {
		const reveal = new Reveal(3);
		expect(reveal.has(1)).toBe(false);
		reveal.start();
		// Nothing in the task that starts it: the first group comes in the next one.
		expect(reveal.shown).toBe(0);
		await vi.waitFor(() => expect(reveal.done).toBe(true));
		expect(reveal.shown).toBe(3);
		expect(reveal.has(3)).toBe(true);
		await tasks(3);
		// It stops at the last group.
		expect(reveal.shown).toBe(3);
	});

	it('stops when the step goes away', async () => {
		const reveal = new Reveal(4);
		const stop = reveal.start();
		stop();
		await tasks(4);
		expect(reveal.shown).toBe(0);
		expect(reveal.done).toBe(false);
	});
});
