/** The language rules, in the order of `LANGUAGE_RULE_IDS` (the order their patterns run in). */

import type { Rule } from '../rule';
import { blameLabel } from './blame-label';
import { counterfactual } from './counterfactual';
import { hindsight } from './hindsight';
import { minimising } from './minimising';
import { rootCause } from './root-cause';
import { whyQuestion } from './why-question';

/** Every language rule. */
export const RULES: readonly Rule[] = [counterfactual, blameLabel, whyQuestion, hindsight, minimising, rootCause];
