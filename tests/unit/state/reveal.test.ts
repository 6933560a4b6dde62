import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Without MessageChannel, `nextTask` (loaded by the import below) queues each task as a zero
// timeout, so the fake clock can step through the reveal one task at a time.
vi.hoisted(() => {
	vi.stubGlobal('MessageChannel', undefined);
});

const { Reveal } = await import('$lib/state/reveal.svelte');

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});
afterAll(() => {
	vi.unstubAllGlobals();
});

describe('Reveal', () => {
	it('shows nothing until started, then one group per task until all are shown', () => {
		const reveal = new Reveal(3);
		expect(reveal.has(1)).toBe(false);
		reveal.start();
		// Nothing in the task that starts it: the first group comes in the next one.
		expect(reveal.shown).toBe(0);
		vi.advanceTimersToNextTimer();
		expect(reveal.shown).toBe(1);
		expect(reveal.has(1)).toBe(true);
		expect(reveal.has(2)).toBe(false);
		vi.advanceTimersToNextTimer();
		expect(reveal.shown).toBe(2);
		expect(reveal.done).toBe(false);
		vi.advanceTimersToNextTimer();
		expect(reveal.shown).toBe(3);
		expect(reveal.done).toBe(true);
		expect(reveal.has(3)).toBe(true);
		// It stops at the last group: nothing more is queued.
		expect(vi.getTimerCount()).toBe(0);
		vi.runAllTimers();
		expect(reveal.shown).toBe(3);
	});

	it('stops when the step goes away', () => {
		const reveal = new Reveal(4);
		const stop = reveal.start();
		stop();
		vi.runAllTimers();
		expect(reveal.shown).toBe(0);
		expect(reveal.done).toBe(false);
	});
});
