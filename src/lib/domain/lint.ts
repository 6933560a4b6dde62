/**
 * The blameless language coach: finds wording that blames, judges in hindsight or hides complexity.
 * The engine, its rules, word lists and masking live in `language/`; the editor loads this entry lazily.
 */

import { locateFindings, type PostmortemFinding } from './language';
import { lintText } from './language/engine';
import type { Postmortem } from './model';

export { lintText };

/** Language findings across every free-text field of a postmortem, in document order. */
export function lintPostmortem(pm: Postmortem): PostmortemFinding[] {
	return locateFindings(pm, lintText);
}
