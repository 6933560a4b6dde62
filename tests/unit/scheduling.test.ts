import { describe, expect, it } from 'vitest';
import { idleOnce } from '$lib/scheduling';

const idle = () => new Promise((r) => setTimeout(r, 20));

describe('idleOnce', () => {
	it('folds a burst of calls into one run that sees the latest state, and runs again for later calls', async () => {
		let text = '';
		const seen: string[] = [];
		const lintSoon = idleOnce(() => seen.push(text));
		for (const ch of 'abc') {
			text += ch;
			lintSoon();
		}
		expect(seen).toEqual([]); // not in the caller's task
		await idle();
		expect(seen).toEqual(['abc']);
		text += 'd';
		lintSoon();
		await idle();
		expect(seen).toEqual(['abc', 'abcd']);
	});
});
