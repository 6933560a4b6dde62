import {
	AGENDA_ITEMS,
	MAX_TIMEBOX_MINUTES,
	captureInto,
	parkingLotToActions,
	timerState,
	type AgendaItem,
	type AgendaItemGuide,
	type AgendaItemTimer,
	type Postmortem
} from '$lib/domain';
import { forgetMeetingClock, loadMeetingClock, saveMeetingClock, type KeptMeetingClock } from '$lib/storage/meeting-clock';
import type { EditorState } from './editor.svelte';

type TimerState = ReturnType<typeof timerState>;

/** Where a meeting clock is kept between visits and reloads (see storage/meeting-clock.ts). */
export interface ClockKeeper {
	load(): KeptMeetingClock | undefined;
	save(clock: KeptMeetingClock): void;
	forget(): void;
}

/**
 * The meeting's clock: which agenda item is current, seconds spent on each, running or paused. With
 * a keeper it carries on where it was after leaving meeting mode or reloading: a running clock kept
 * running meanwhile (the meeting went on), so that time counts for the item on stage.
 */
export class MeetingClock {
	index = $state(0);
	running = $state(false);
	elapsed: Partial<Record<AgendaItem['id'], number>> = $state({});
	private last = 0;
	private timer: ReturnType<typeof setInterval> | undefined;

	constructor(
		private readonly ids: () => readonly AgendaItem['id'][],
		private readonly keeper?: ClockKeeper
	) {
		const kept = keeper?.load();
		if (!kept) return;
		this.index = Math.min(kept.index, Math.max(0, ids().length - 1));
		this.elapsed = kept.elapsed;
		if (kept.runningSince !== null) this.resume(Math.min(kept.runningSince, Date.now()));
	}

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

	private resume(since: number) {
		this.running = true;
		this.last = since;
		clearInterval(this.timer);
		this.timer = setInterval(() => this.accrue(), 250);
		this.accrue();
	}

	/** Keep the clock as it is now (on every start, pause and move; a running clock is kept with since when). */
	private keep() {
		this.keeper?.save({ index: this.index, elapsed: { ...this.elapsed }, runningSince: this.running ? this.last : null });
	}

	/** Start or resume the current item's timer. */
	start(): void {
		if (this.running) return;
		this.resume(Date.now());
		this.keep();
	}

	/** Pause the timer (time stops counting for the current item). */
	pause(): void {
		this.accrue();
		this.running = false;
		clearInterval(this.timer);
		this.keep();
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
		this.keep();
	}
	next(): void {
		this.go(this.index + 1);
	}
	previous(): void {
		this.go(this.index - 1);
	}

	/** Back to the first item with nothing counted, paused. */
	reset(): void {
		clearInterval(this.timer);
		this.running = false;
		this.index = 0;
		this.elapsed = {};
		this.keeper?.forget();
	}

	/** Stop the interval (the meeting view closes); a running clock is kept running, as the meeting goes on. */
	dispose(): void {
		this.accrue();
		clearInterval(this.timer);
		this.keep();
	}
}

/** The keeper of postmortem `id`'s meeting clock in this browser. */
export function keptClock(id: string): ClockKeeper {
	return { load: () => loadMeetingClock(id), save: (c) => saveMeetingClock(id, c), forget: () => forgetMeetingClock(id) };
}

/** Which facilitation card is shown beside the stage. */
export type MeetingCard = 'none' | 'biases' | 'questions';

/**
 * The facilitation view of the open postmortem: the clock, the item on stage, what is being typed into
 * the capture box and the parking lot, and what was last said to screen readers. Create it while a
 * component initialises (it watches for over-time), and dispose of it when the view closes.
 */
export class MeetingState {
	readonly clock: MeetingClock;
	/** The capture box's text and what was last added with it. */
	capture = $state('');
	captured = $state('');
	/** The parking lot's text box, and what turning the lot into actions did. */
	parked = $state('');
	parkedNote = $state('');
	card: MeetingCard = $state('none');
	/** The over-time signal for screen readers. */
	announced = $state('');
	private overrunSeen = new Set<string>();

	readonly pm: Postmortem = $derived.by(() => this.editor().draft);
	readonly agenda: readonly AgendaItem[] = $derived(this.pm.facilitation.agenda);
	readonly timers: TimerState = $derived.by(() => timerState(this.agenda, this.clock.elapsed));
	/** The agenda item on stage, its guide and its timer. */
	readonly item: AgendaItem = $derived.by(() => this.agenda[this.clock.index]);
	readonly guide: AgendaItemGuide = $derived(AGENDA_ITEMS[this.item.id]);
	readonly itemTimer: AgendaItemTimer = $derived.by(() => this.timers.items[this.clock.index]);

	constructor(
		private readonly editor: () => EditorState,
		keeper?: ClockKeeper
	) {
		this.clock = new MeetingClock(() => this.agenda.map((a) => a.id), keeper);
		// A gentle signal, once per item, when it runs over its timebox.
		$effect(() => {
			const { item, guide } = this;
			if (this.itemTimer?.overrun && !this.overrunSeen.has(item.id)) {
				this.overrunSeen.add(item.id);
				this.announced = `${guide.title} is over its ${item.minutes} minute${item.minutes === 1 ? '' : 's'}.`;
			}
		});
	}

	/**
	 * Set an item's timebox from what was typed: whole minutes from 0 to MAX_TIMEBOX_MINUTES (the
	 * field's range), or the timebox as it was when nothing usable was typed. Returns what was kept.
	 */
	setMinutes(id: AgendaItem['id'], typed: number): number {
		const current = this.agenda.find((a) => a.id === id)?.minutes ?? 0;
		const minutes = Number.isFinite(typed) ? Math.min(MAX_TIMEBOX_MINUTES, Math.max(0, Math.round(typed))) : current;
		if (minutes !== current)
			this.editor().update({
				facilitation: { ...this.pm.facilitation, agenda: this.agenda.map((a) => (a.id === id ? { ...a, minutes } : a)) }
			});
		return minutes;
	}

	/** Save the capture box's text into the section of the item on stage. */
	addCapture(): void {
		const text = this.capture.trim();
		if (!text) return;
		const { guide } = this;
		this.editor().replace(captureInto(this.pm, this.item.id, text));
		const where = guide.title === 'Action items' ? 'the parking lot' : guide.title.toLowerCase();
		this.captured = `Added to ${where}: “${text.slice(0, 60)}${text.length > 60 ? '…' : ''}”`;
		this.capture = '';
	}

	/** Park the parking lot box's recommendation. */
	park(): void {
		const text = this.parked.trim();
		if (!text) return;
		this.editor().replace(captureInto(this.pm, 'actions', text));
		this.parked = '';
	}

	/** Turn every parked recommendation into a draft corrective action. */
	parkedToActions(): void {
		const { pm } = this;
		const next = parkingLotToActions(pm);
		const n = next.correctiveActions.length - pm.correctiveActions.length;
		this.editor().replace(next);
		this.parkedNote = `Added ${n} draft corrective action${n === 1 ? '' : 's'} from the parking lot; review them under Corrective actions.`;
	}

	removeParked(id: string): void {
		this.editor().parkingLot.remove(id);
	}

	/** Show a card, or hide it when it is already shown. */
	toggleCard(card: Exclude<MeetingCard, 'none'>): void {
		this.card = this.card === card ? 'none' : card;
	}

	/** Stop the clock (the meeting view closes). */
	dispose(): void {
		this.clock.dispose();
	}
}
