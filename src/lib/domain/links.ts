/** Which corrective actions address which contributing factors. */

import type { ContributingFactor, CorrectiveAction, Postmortem } from './model';

/** The ids of the factors an action addresses, as written (possibly none). */
export function factorIdsOf(a: Pick<CorrectiveAction, 'factorIds'>): readonly string[] {
	return a.factorIds ?? [];
}

/** The contributing factors `action` addresses, in the factors' own order (links to removed factors are skipped). */
export function factorsAddressedBy(pm: Pick<Postmortem, 'contributingFactors'>, action: CorrectiveAction): ContributingFactor[] {
	const ids = new Set(factorIdsOf(action));
	return ids.size ? pm.contributingFactors.filter((f) => ids.has(f.id)) : [];
}

/** The corrective actions that address the factor `factorId`, in the actions' order. */
export function actionsAddressing(pm: Pick<Postmortem, 'correctiveActions'>, factorId: string): CorrectiveAction[] {
	return pm.correctiveActions.filter((a) => factorIdsOf(a).includes(factorId));
}

/** `action` with the factor linked (`on`) or unlinked, its links kept in the factors' order. */
export function linkFactor(
	pm: Pick<Postmortem, 'contributingFactors'>,
	action: CorrectiveAction,
	factorId: string,
	on: boolean
): Pick<CorrectiveAction, 'factorIds'> {
	const ids = new Set(factorIdsOf(action));
	if (on) ids.add(factorId);
	else ids.delete(factorId);
	return { factorIds: pm.contributingFactors.map((f) => f.id).filter((id) => ids.has(id)) };
}

/** The actions with no link left to the factors in `removed` (the same array when none pointed there). */
export function unlinkFactors(actions: CorrectiveAction[], removed: ReadonlySet<string>): CorrectiveAction[] {
	if (!actions.some((a) => factorIdsOf(a).some((id) => removed.has(id)))) return actions;
	return actions.map((a) =>
		factorIdsOf(a).some((id) => removed.has(id)) ? { ...a, factorIds: factorIdsOf(a).filter((id) => !removed.has(id)) } : a
	);
}

/** The actions with links only to factors the postmortem has (used on import, where files may point nowhere). */
export function pruneFactorLinks(pm: Pick<Postmortem, 'contributingFactors' | 'correctiveActions'>): CorrectiveAction[] {
	const known = new Set(pm.contributingFactors.map((f) => f.id));
	const dangling = new Set(pm.correctiveActions.flatMap((a) => factorIdsOf(a).filter((id) => !known.has(id))));
	return dangling.size ? unlinkFactors(pm.correctiveActions, dangling) : pm.correctiveActions;
}
