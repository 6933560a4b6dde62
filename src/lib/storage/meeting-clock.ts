import { localStore } from './local-storage';

/**
 * Where each postmortem's meeting clock is kept between visits of meeting mode and reloads: in this
 * browser's localStorage, read synchronously so the clock never shows 0:00 first. A meeting is run
 * on one device, so the clock is not part of the postmortem (nor of its exports).
 */
const PREFIX = 'postmortem-workbench:meeting:';

/** A meeting clock as kept: the agenda item on stage, the seconds counted per item, and since when it runs (epoch ms). */
export interface KeptMeetingClock {
	index: number;
	elapsed: Record<string, number>;
	/** When the clock was last started or moved on while running; null while paused. */
	runningSince: number | null;
}

/** The kept clock of postmortem `id`, or undefined when there is none (or it is not readable as one). */
export function loadMeetingClock(id: string): KeptMeetingClock | undefined {
	try {
		const raw: unknown = JSON.parse(localStore()?.getItem(PREFIX + id) ?? 'null');
		if (!raw || typeof raw !== 'object') return undefined;
		const { index, elapsed, runningSince } = raw as Record<string, unknown>;
		if (!Number.isInteger(index) || (index as number) < 0) return undefined;
		if (runningSince !== null && !(typeof runningSince === 'number' && Number.isFinite(runningSince))) return undefined;
		if (!elapsed || typeof elapsed !== 'object') return undefined;
		const seconds: Record<string, number> = {};
		for (const [k, v] of Object.entries(elapsed))
			if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && k !== '__proto__') seconds[k] = v;
		return { index: index as number, elapsed: seconds, runningSince: runningSince as number | null };
	} catch {
		return undefined;
	}
}

/** Keep the clock of postmortem `id` (quietly not, where localStorage is full or disabled). */
export function saveMeetingClock(id: string, clock: KeptMeetingClock): void {
	try {
		localStore()?.setItem(PREFIX + id, JSON.stringify(clock));
	} catch {
		/* the clock is a convenience: a meeting goes on without it */
	}
}

/** Forget the kept clock of postmortem `id` (the clock was reset). */
export function forgetMeetingClock(id: string): void {
	try {
		localStore()?.removeItem(PREFIX + id);
	} catch {
		/* nothing kept */
	}
}
