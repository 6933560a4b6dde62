import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleOnce } from '$lib/scheduling';

// In Node there is no requestAnimationFrame or requestIdleCallback, so `whenIdle` falls back to a
// zero timeout, which the fake clock runs on demand.
beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('idleOnce', () => {
	it('folds a burst of calls into one run that sees the latest state, and runs again for later calls', () => {
		let text = '';
		const seen: string[] = [];
		const lintSoon = idleOnce(() => seen.push(text));
		for (const ch of 'abc') {
			text += ch;
			lintSoon();
		}
		expect(seen).toEqual([]); // not in the caller's task
		expect(vi.getTimerCount()).toBe(1); // one run queued for the whole burst
		vi.runAllTimers();
		expect(seen).toEqual(['abc']);
		text += 'd';
		lintSoon();
		vi.runAllTimers();
		expect(seen).toEqual(['abc', 'abcd']);
	});
});
