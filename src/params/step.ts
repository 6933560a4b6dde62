import type { ParamMatcher } from '@sveltejs/kit';

/**
 * The editor's step names, the template's section ids (written out here so the router's start does
 * not load the domain code; tests/unit/app/params.test.ts keeps the two lists the same).
 */
export const STEP_IDS: readonly string[] = [
	'overview',
	'summary',
	'impact',
	'trigger',
	'timeline',
	'went-well',
	'factors',
	'lucky',
	'actions',
	'lessons',
	'supporting',
	'public-summary'
];

/** An editor address names a step that exists (`/p/<id>/bogus` is a page not found). */
export const match: ParamMatcher = (param) => STEP_IDS.includes(param);
