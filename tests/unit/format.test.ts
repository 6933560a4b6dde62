import { describe, expect, it } from 'vitest';
import { relativeTime, wallTime } from '$lib/format';

const now = Date.parse('2026-11-26T12:00:00Z');
const at = (secondsFromNow: number) => new Date(now + secondsFromNow * 1000).toISOString();

describe('relativeTime', () => {
	it('says when something was edited the way people say it', () => {
		expect(relativeTime(at(-10), now)).toBe('just now');
		expect(relativeTime(at(-60), now)).toBe('1 minute ago');
		expect(relativeTime(at(-5 * 60), now)).toBe('5 minutes ago');
		expect(relativeTime(at(-3600), now)).toBe('1 hour ago');
		expect(relativeTime(at(-5 * 3600), now)).toBe('5 hours ago');
		expect(relativeTime(at(-86400), now)).toBe('yesterday');
		expect(relativeTime(at(-3 * 86400), now)).toBe('3 days ago');
	});

	it('handles a clock that is a little ahead', () => {
		expect(relativeTime(at(20), now)).toBe('just now');
		expect(relativeTime(at(2 * 60), now)).toBe('in 2 minutes');
		expect(relativeTime(at(86400), now)).toBe('tomorrow');
	});

	it('gives a date for anything older than a week, and nothing for a bad timestamp', () => {
		// Local time: noon UTC is the same calendar day in every time zone from UTC-11 to UTC+11.
		expect(relativeTime('2026-10-03T12:00:00Z', now)).toBe('3 Oct 2026');
		expect(relativeTime('2025-01-20T12:00:00Z', now)).toBe('20 Jan 2025');
		expect(relativeTime(at(-8 * 86400), now)).toBe('18 Nov 2026');
		expect(relativeTime('not a date', now)).toBe('');
	});
});

describe('wallTime', () => {
	it('shows a stored local time with a space instead of the T', () => {
		expect(wallTime('2026-11-03T14:05')).toBe('2026-11-03 14:05');
		expect(wallTime('')).toBe('');
	});
});
