/** The review checklist's checks, in the order the checklist shows them. */

import { actionsComplete, actionsCount, actionsPresent, actionsPriority, actionsSpecific, actionsTerms } from './actions';
import type { ReviewCheck } from './check';
import { factorsBlameless, factorsCount } from './factors';
import { language } from './language';
import { actionsLinked, factorsAddressed } from './links';
import { milestoneOrder, timelineMilestones, timelineOrder } from './timeline';
import { timing } from './timing';
import { wentWell } from './went-well';

/** Every check, in checklist order. */
export const CHECKS: readonly ReviewCheck[] = [
	factorsCount,
	factorsBlameless,
	wentWell,
	timelineMilestones,
	timelineOrder,
	milestoneOrder,
	actionsPresent,
	actionsComplete,
	actionsTerms,
	actionsPriority,
	actionsCount,
	actionsSpecific,
	factorsAddressed,
	actionsLinked,
	timing,
	language
];
