import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadTheme, saveTheme } from '$lib/storage/theme';
import { memoryStorage } from '../helpers/memory-storage';

describe('the kept theme', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('is System until one is chosen, then the one chosen', () => {
		vi.stubGlobal('localStorage', memoryStorage());
		expect(loadTheme()).toBe('system');
		expect(saveTheme('dark')).toBe(true);
		expect(loadTheme()).toBe('dark');
		saveTheme('system');
		expect(loadTheme()).toBe('system');
	});

	it('says it was not kept where the browser refuses to store it, and reads as System', () => {
		vi.stubGlobal('localStorage', {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {}
		});
		expect(saveTheme('dark')).toBe(false);
		expect(loadTheme()).toBe('system');
	});
});
