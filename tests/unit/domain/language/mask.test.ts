import { describe, expect, it } from 'vitest';
import { ignoredRanges, maskIgnored } from '$lib/domain/language/mask';

/** The text with masked characters shown as '#'. */
const shown = (text: string) => maskIgnored(text).replace(/\u0000/g, '#');

describe('maskIgnored (what the language review does not read)', () => {
	it('keeps the length, so offsets into the masked text point into the original', () => {
		const text = 'See `x` and ```\ncode\n``` then https://example.com/a.';
		expect(maskIgnored(text)).toHaveLength(text.length);
	});

	it('masks inline code spans, pairing backtick runs of the same length within a paragraph', () => {
		expect(shown('Run `git blame` now.')).toBe('Run ########### now.');
		expect(shown('A ``x ` y`` b')).toBe('A ######### b');
		expect(shown('A stray ` here.')).toBe('A stray ` here.');
		expect(shown('Open `here\n\nclosed` there')).toBe('Open `here\n\nclosed` there');
	});

	it('masks fenced blocks to their closing fence, or to the end when unclosed', () => {
		expect(shown('a\n```sh\nx\n```\nb')).toBe('a\n###########\nb');
		expect(shown('a\n~~~\nx\ny')).toBe('a\n#######');
		expect(shown('a\n```\nx\n~~~\ny')).toBe('a\n###########');
	});

	it('masks indented code after a blank line, not an indented list continuation', () => {
		expect(shown('Log:\n\n    ERROR here\nok')).toBe('Log:\n\n##############\nok');
		expect(shown('- item\n\n    more of it')).toBe('- item\n\n    more of it');
	});

	it('masks URLs without their trailing punctuation', () => {
		expect(shown('See https://x.io/a-b, and www.y.org.')).toBe('See ################, and #########.');
		expect(shown('See <https://x.io/>.')).toBe('See <#############>.');
	});

	it('leaves plain text alone', () => {
		expect(ignoredRanges('Nothing to hide here.')).toEqual([]);
		expect(maskIgnored('Nothing to hide here.')).toBe('Nothing to hide here.');
	});
});
