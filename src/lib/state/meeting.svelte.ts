import type { AgendaItem } from '$lib/domain';

/** The meeting's clock: which agenda item is current, seconds spent on each, running or paused. */
export class MeetingClock {
	index = $state(0);
	running = $state(false);
	elapsed: Partial<Record<AgendaItem['id'], number>> = $state({});
	private last = 0;
	private timer: ReturnType<typeof setInterval> | undefined;

	constructor(private readonly ids: () => readonly AgendaItem['id'][]) {}

	get current(): AgendaItem['id'] {
		return this.ids()[this.index];
	}

	private accrue() {
		if (!this.running) return;
		const now = Date.now();
		const id = this.current;
		this.elapsed = { ...this.elapsed, [id]: (this.elapsed[id] ?? 0) + (now - this.last) / 1000 };
		this.last = now;
	}

	/** Start or resume the current item's timer. */
	start(): void {
		if (this.running) return;
		this.running = true;
		this.last = Date.now();
		this.timer = setInterval(() => this.accrue(), 250);
	}

	/** Pause the timer (time stops counting for the current item). */
	pause(): void {
		this.accrue();
		this.running = false;
		clearInterval(this.timer);
	}

	toggle(): void {
		if (this.running) this.pause();
		else this.start();
	}

	/** Move to another agenda item; the timer keeps its running state and counts for the new item. */
	go(index: number): void {
		const n = this.ids().length;
		if (index < 0 || index >= n || index === this.index) return;
		this.accrue();
		this.index = index;
	}
	next(): void {
		this.go(this.index + 1);
	}
	previous(): void {
		this.go(this.index - 1);
	}

	/** Stop the interval (the meeting view closes). */
	dispose(): void {
		this.pause();
	}
}
