import { getContext, setContext } from 'svelte';
import { nextTask } from '$lib/scheduling';

const KEY = Symbol('reveal');

/**
 * Shows a step's fields a group at a time when a postmortem opens, one group per task, so no single
 * task blocks the main thread for long and a key pressed meanwhile is handled at once. Steps visited
 * afterwards show whole, because the reveal has finished by then.
 */
export class Reveal {
	/** How many groups are shown so far. */
	shown = $state(0);
	readonly groups: number;
	#stopped = false;

	constructor(groups: number) {
		this.groups = groups;
	}

	/** Show the groups one task after another; returns a function that stops. */
	start(): () => void {
		const next = () => {
			if (this.#stopped) return;
			this.shown++;
			if (this.shown < this.groups) nextTask(next);
		};
		nextTask(next);
		return () => {
			this.#stopped = true;
		};
	}

	/** Whether group `n` (counted from 1) is shown. */
	has(n: number): boolean {
		return this.shown >= n;
	}

	/** Whether every group is shown. */
	get done(): boolean {
		return this.shown >= this.groups;
	}
}

/** Make a step's reveal available to its section component. */
export function provideReveal(reveal: Reveal): void {
	setContext(KEY, reveal);
}

/** The step's reveal; outside a step page everything is shown at once. */
export function useReveal(): Pick<Reveal, 'has'> {
	return getContext<Reveal | undefined>(KEY) ?? { has: () => true };
}
