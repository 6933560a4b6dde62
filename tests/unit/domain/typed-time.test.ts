import { describe, expect, it } from 'vitest';
import { dayLabel, readTypedTime, timeOfDay } from '$lib/domain';

const DAY = '2026-03-10';
const at = (text: string, day = DAY) => {
	const r = readTypedTime(text, day);
	return r.ok ? r.at : `error: ${r.error}`;
};

describe('a time typed into the compact timeline', () => {
	it('reads 24-hour, 12-hour and run-together times on the entry’s day', () => {
		expect(at('09:14')).toBe('2026-03-10T09:14');
		expect(at('9:14')).toBe('2026-03-10T09:14');
		expect(at('9.14')).toBe('2026-03-10T09:14');
		expect(at('0914')).toBe('2026-03-10T09:14');
		expect(at('21:05:30')).toBe('2026-03-10T21:05');
		expect(at('9:14 pm')).toBe('2026-03-10T21:14');
		expect(at('9:14PM')).toBe('2026-03-10T21:14');
		expect(at('12:30 am')).toBe('2026-03-10T00:30');
		expect(at('12:30 p.m.')).toBe('2026-03-10T12:30');
		expect(at('9 pm')).toBe('2026-03-10T21:00');
	});

	it('takes a full date and time, and an empty text as no time', () => {
		expect(at('2026-03-11 00:05')).toBe('2026-03-11T00:05');
		expect(at('2026-03-11T7:05')).toBe('2026-03-11T07:05');
		expect(at('  ')).toBe('');
	});

	it('says what is wrong with anything else, and asks for a date when the entry has no day', () => {
		expect(at('9')).toMatch(/^error: type a time/);
		expect(at('25:00')).toMatch(/^error/);
		expect(at('9:61')).toMatch(/^error/);
		expect(at('13:00 pm')).toMatch(/^error: with am or pm/);
		expect(at('soon')).toMatch(/^error/);
		expect(at('2026-02-30 10:00')).toMatch(/^error: not a valid date/);
		expect(at('09:14', '')).toMatch(/^error: give the date too/);
	});

	it('shows an entry’s time of day and its day once', () => {
		expect(timeOfDay('2026-03-10T09:14')).toBe('09:14');
		expect(timeOfDay('')).toBe('');
		expect(dayLabel('2026-03-10')).toBe('Tue, 10 Mar 2026');
		expect(dayLabel('2026-03-10', { short: true })).toBe('Tue 10 Mar');
		expect(dayLabel('')).toBe('');
	});
});
