import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '$lib/domain/model';
import { STEP_IDS, match } from '../../../src/params/step';

describe('the step names an editor address accepts', () => {
	it('are exactly the template sections, in order', () => {
		expect(STEP_IDS).toEqual(SECTION_IDS);
	});
	it('match a step and nothing else', () => {
		expect(match('timeline')).toBe(true);
		expect(match('public-summary')).toBe(true);
		for (const bad of ['bogus', '', 'Timeline', 'preview']) expect(match(bad)).toBe(false);
	});
});
