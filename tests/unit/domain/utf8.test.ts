import { describe, expect, it } from 'vitest';
import { utf8Length } from '$lib/domain/import';

const encoded = (s: string) => new TextEncoder().encode(s).length;

describe('utf8Length (the size an import is judged by)', () => {
	it('is the size TextEncoder writes, for every width of character', () => {
		for (const s of ['', 'plain ascii', 'é ß ü', 'ƒ → 😀 中文', '\u0000\u007f\u0080\u07ff\u0800\uffff', '😀'.repeat(10)]) {
			expect(utf8Length(s)).toBe(encoded(s));
		}
	});

	it('counts a lone surrogate as the replacement character, as the file would be written', () => {
		expect(utf8Length('a\ud800b')).toBe(encoded('a\ud800b'));
		expect(utf8Length('\udc00')).toBe(3);
	});

	it('keeps a surrogate pair whole where the text is encoded in slices', () => {
		for (const pad of [65535, 65536, 65537]) {
			const s = 'a'.repeat(pad) + '😀' + 'b'.repeat(10);
			expect(utf8Length(s)).toBe(encoded(s));
		}
	});

	it('stops soon after the limit, and reports more than it', () => {
		const big = 'x'.repeat(1_000_000);
		const n = utf8Length(big, 10);
		expect(n).toBeGreaterThan(10);
		expect(n).toBeLessThan(1_000_000);
	});
});
