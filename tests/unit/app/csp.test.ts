import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../svelte.config.js';

const html = readFileSync(new URL('../../../src/app.html', import.meta.url), 'utf8');
const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const scriptSrc: string[] = config.kit?.csp?.directives?.['script-src'] ?? [];

describe('the content security policy and app.html', () => {
	it('allows each inline script in app.html by its hash, and nothing else inline', () => {
		expect(inlineScripts.length).toBeGreaterThan(0);
		const hashes = inlineScripts.map((s) => `sha256-${createHash('sha256').update(s).digest('base64')}`);
		const allowed = scriptSrc.filter((s) => s.startsWith('sha256-'));
		expect(allowed.sort()).toEqual(hashes.sort());
		expect(scriptSrc).not.toContain('unsafe-inline');
	});
});
