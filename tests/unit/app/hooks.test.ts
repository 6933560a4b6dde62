import { describe, expect, it } from 'vitest';
import { reroute } from '../../../src/hooks';

const route = (path: string) => reroute({ url: new URL(path, 'http://localhost'), fetch });

describe('reroute (paths with a broken percent-escape)', () => {
	it('leaves well-formed paths alone, encoded characters included', () => {
		expect(route('/p/abc-123/timeline')).toBeUndefined();
		expect(route('/p/caf%C3%A9')).toBeUndefined();
		expect(route('/p/100%25')).toBeUndefined();
	});

	it('routes a malformed path with every % taken literally, so it names a page instead of failing', () => {
		expect(route('/p/%E0%A4%A')).toBe('/p/%25E0%25A4%25A');
		expect(route('/p/50%/summary')).toBe('/p/50%25/summary');
	});
});
