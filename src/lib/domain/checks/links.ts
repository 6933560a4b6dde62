/** Checks that tie the corrective actions to the contributing factors they address. */

import { factorIdsOf } from '../links';
import { list, plural, type ReviewCheck } from './check';

/** Every contributing factor is addressed by an action, or its risk is accepted. */
export const factorsAddressed: ReviewCheck = {
	id: 'factors-addressed',
	title: 'Every contributing factor has an action',
	section: 'actions',
	run: ({ factors, actions }) => {
		if (!factors.length || !actions.length) return undefined;
		const addressed = new Set(actions.flatMap(({ a }) => factorIdsOf(a)));
		const open = factors.filter((x) => !addressed.has(x.f.id));
		return open.length
			? {
					status: 'warn',
					message: `No corrective action addresses contributing factor ${list(open.map((x) => String(x.n)))}: tick it under an action's “Addresses”, or say under “Risk accepted” why it stays.`
				}
			: { status: 'pass', message: `Each of the ${plural(factors.length, 'contributing factor')} has an action.` };
	}
};

/** Every action says which contributing factor it addresses. */
export const actionsLinked: ReviewCheck = {
	id: 'actions-linked',
	title: 'Every action addresses a contributing factor',
	section: 'actions',
	run: ({ factors, actions }) => {
		if (!factors.length || !actions.length) return undefined;
		const known = new Set(factors.map((x) => x.f.id));
		const loose = actions.filter(({ a }) => !factorIdsOf(a).some((id) => known.has(id)));
		return loose.length
			? {
					status: 'warn',
					message: `Say which contributing factor corrective action ${list(loose.map(({ i }) => String(i + 1)))} addresses: an action tied to no factor may not be worth its cost.`
				}
			: { status: 'pass', message: 'Every corrective action addresses a contributing factor.' };
	}
};
