import type { ParamMatcher } from '@sveltejs/kit';
import { SECTION_IDS } from '$lib/domain/model';

/** The editor's step names: the template's section ids. */
export const STEP_IDS: readonly string[] = SECTION_IDS;

/** An editor address names a step that exists (`/p/<id>/bogus` is a page not found). */
export const match: ParamMatcher = (param) => STEP_IDS.includes(param);
