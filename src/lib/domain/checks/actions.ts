/** Checks of the corrective actions: present, complete, of both terms, urgent enough, few and specific. */

import type { CorrectiveAction } from '../model';
import { list, plural, type ReviewCheck } from './check';

/** Above this many corrective actions the review warns. */
export const MAX_ACTIONS = 10;

const VAGUE_START =
	/^(?:improve|improving|improved|enhance|better|more|increase|investigate|investigating|look\s+(?:into|at)|review|revisit|reconsider|ensure|make\s+sure|train|training|educate|communicate|consider|explore|discuss|think\s+about|work\s+on|follow\s+up(?:\s+on)?|fix|address|prevent|avoid|monitor|understand|learn|check|clarify|raise\s+awareness|be)\b/i;
const NEVER_SPECIFIC =
	/\b(?:be\s+(?:more\s+)?(?:careful|vigilant|diligent|attentive)|pay\s+(?:more\s+)?attention|try\s+harder|double[-\s]check|remind\s+(?:people|everyone|the\s+team|engineers|staff)|(?:does\s*n[o']?t|do\s+not|never|won'?t)\s+happen\s+again|in\s+the\s+future|going\s+forward|lessons?\s+learn(?:ed|t))\b/i;
const COMMON_HYPHENATED =
	/^(?:on-call|follow-up|double-check|long-term|short-term|re-run|e-mail|sign-off|hand-off|hand-over|post-mortem|post-incident|in-house|end-to-end|real-time|well-known)$/i;

/** A corrective action title too vague to act on ("Improve monitoring", "Be more careful"). */
export function isVagueAction(title: string): boolean {
	const t = title.trim();
	if (!t) return false;
	if (NEVER_SPECIFIC.test(t)) return true;
	if (!VAGUE_START.test(t)) return false;
	const words = t.split(/\s+/);
	const concrete =
		/\d|`|[a-z][A-Z]|_|\/|\w\.\w|[<>=%]/.test(t) ||
		words.some((w, i) => {
			const bare = w.replace(/^[("'“]+|[)"'”,.;:!?]+$/g, '');
			return (i > 0 && /^\p{Lu}/u.test(bare) && bare !== 'I') || (/\w-\w/.test(bare) && !COMMON_HYPHENATED.test(bare));
		});
	return !concrete && words.length <= 5;
}

function actionLabel(a: CorrectiveAction, i: number): string {
	const t = a.title.trim();
	return t ? `${i + 1} (“${t.length > 40 ? t.slice(0, 39) + '…' : t}”)` : `${i + 1}`;
}

/** There is at least one action the team will carry out. */
export const actionsPresent: ReviewCheck = {
	id: 'actions-present',
	title: 'There are corrective actions',
	section: 'actions',
	run: ({ pm, actions }) =>
		actions.length
			? { status: 'pass', message: `${plural(actions.length, 'corrective action')} planned.` }
			: {
					status: 'fail',
					message: pm.correctiveActions.length
						? 'Every action is marked “won’t do”: add at least one action the team will carry out.'
						: 'Add corrective actions: how to reduce the chance this recurs, and to detect, diagnose and resolve it faster.'
				}
};

/** Every action has an owner, a due date and a priority. */
export const actionsComplete: ReviewCheck = {
	id: 'actions-complete',
	title: 'Every action has an owner, a due date and a priority',
	section: 'actions',
	run: ({ actions }) => {
		if (!actions.length) return undefined;
		const incomplete = actions
			.map(({ a, i }) => ({
				label: actionLabel(a, i),
				lacks: [!a.owner.trim() && 'an owner', !a.dueDate && 'a due date', !a.priority && 'a priority'].filter((x): x is string => !!x)
			}))
			.filter((x) => x.lacks.length);
		return {
			status: incomplete.length ? 'fail' : 'pass',
			message: incomplete.length
				? `Give ${incomplete
						.slice(0, 4)
						.map((x) => `action ${x.label} ${list(x.lacks)}`)
						.join('; ')}${incomplete.length > 4 ? `; and ${incomplete.length - 4} more` : ''}.`
				: 'Every action has an owner, a due date and a priority.'
		};
	}
};

/** There are both short-term and long-term actions. */
export const actionsTerms: ReviewCheck = {
	id: 'actions-terms',
	title: 'Short-term and long-term actions',
	section: 'actions',
	run: ({ actions }) => {
		if (!actions.length) return undefined;
		const hasShort = actions.some(({ a }) => a.term === 'short');
		const hasLong = actions.some(({ a }) => a.term === 'long');
		const lackTerm = [!hasShort && 'short-term', !hasLong && 'long-term'].filter((x): x is string => !!x);
		return {
			status: lackTerm.length ? 'warn' : 'pass',
			message: lackTerm.length
				? `Add (or mark) at least one ${list(lackTerm)} action: a quick fix now and a deeper change later.`
				: 'There are both short-term and long-term actions.'
		};
	}
};

/** An action has high or critical priority, or the accepted risk is written down. */
export const actionsPriority: ReviewCheck = {
	id: 'actions-priority',
	title: 'A high-priority action, or the risk accepted',
	section: 'actions',
	run: ({ pm, actions }) => {
		if (!actions.length) return undefined;
		const urgent = actions.some(({ a }) => a.priority === 'high' || a.priority === 'critical');
		return {
			status: urgent || pm.riskAccepted.trim() ? 'pass' : 'warn',
			message: urgent
				? 'At least one action has high or critical priority.'
				: pm.riskAccepted.trim()
					? 'No action is high priority, and the accepted risk is explained.'
					: 'Make at least one action high or critical priority, or write down why the risk is accepted.'
		};
	}
};

/** There are at most `MAX_ACTIONS` actions. */
export const actionsCount: ReviewCheck = {
	id: 'actions-count',
	title: 'Not too many actions',
	section: 'actions',
	run: ({ actions }) => {
		if (!actions.length) return undefined;
		return {
			status: actions.length > MAX_ACTIONS ? 'warn' : 'pass',
			message:
				actions.length > MAX_ACTIONS
					? `Trim the ${actions.length} actions to the ${MAX_ACTIONS} or fewer that matter most: too many actions are as bad as none.`
					: 'The number of actions is manageable.'
		};
	}
};

/** No action title is too vague to act on. */
export const actionsSpecific: ReviewCheck = {
	id: 'actions-specific',
	title: 'Actions are specific',
	section: 'actions',
	run: ({ actions }) => {
		if (!actions.length) return undefined;
		const vague = actions.filter(({ a }) => isVagueAction(a.title));
		return {
			status: vague.length ? 'warn' : 'pass',
			message: vague.length
				? `Make action ${list(vague.map(({ a, i }) => actionLabel(a, i)))} specific: what exactly changes, where, and how you will know it worked.`
				: 'No action title is vague.'
		};
	}
};
