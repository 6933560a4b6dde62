import { describe, expect, it, vi } from 'vitest';
import { MAX_TIMEBOX_MINUTES, createPostmortem, type Postmortem } from '$lib/domain';
import { MeetingState, keptClock } from '$lib/state/meeting.svelte';
import { loadMeetingClock, type KeptMeetingClock } from '$lib/storage/meeting-clock';
import { memoryStorage } from '../helpers/memory-storage';
import { listOps } from '$lib/state/lists';
import type { EditorState } from '$lib/state/editor.svelte';

/** The part of the editor the meeting uses, over a draft in memory. */
class FakeEditor {
	draft: Postmortem = $state.raw(createPostmortem());
	update(patch: Partial<Postmortem>) {
		this.draft = { ...this.draft, ...patch };
	}
	replace(pm: Postmortem) {
		this.draft = pm;
	}
	parkingLot = listOps({
		get: () => this.draft.facilitation.parkingLot,
		set: (parkingLot) => this.update({ facilitation: { ...this.draft.facilitation, parkingLot } }),
		create: () => ({ id: crypto.randomUUID(), text: '' })
	});
}

// Unit tests run Svelte's server build, where effects do not run: the over-time signal is covered by
// the meeting's e2e test.
function meeting() {
	const editor = new FakeEditor();
	const m = new MeetingState(() => editor as unknown as EditorState);
	return { editor, m, stop: () => m.dispose() };
}

describe('MeetingState', () => {
	it('keeps timeboxes to whole minutes from 0 to the longest timebox, and nothing unusable', () => {
		const { editor, m, stop } = meeting();
		const minutes = () => editor.draft.facilitation.agenda.find((a) => a.id === 'impact')?.minutes;
		const before = minutes()!;
		expect(m.setMinutes('impact', 12.4)).toBe(12);
		expect(minutes()).toBe(12);
		expect(m.setMinutes('impact', 10_000)).toBe(MAX_TIMEBOX_MINUTES);
		expect(m.setMinutes('impact', -3)).toBe(0);
		expect(m.setMinutes('impact', NaN)).toBe(0); // an empty field keeps what was there
		expect(before).not.toBe(0);
		stop();
	});

	it('captures into the item on stage, parks recommendations and turns them into draft actions', () => {
		const { editor, m, stop } = meeting();
		m.clock.go(1); // Impact
		m.capture = '  About 1,200 orders failed.  ';
		m.addCapture();
		expect(editor.draft.impact).toContain('About 1,200 orders failed.');
		expect(m.capture).toBe('');
		expect(m.captured).toBe('Added to impact: “About 1,200 orders failed.”');

		m.parked = 'Add a canary stage';
		m.park();
		m.parked = '   ';
		m.park(); // nothing to park
		expect(editor.draft.facilitation.parkingLot.map((p) => p.text)).toEqual(['Add a canary stage']);
		m.removeParked(editor.draft.facilitation.parkingLot[0].id);
		expect(editor.draft.facilitation.parkingLot).toEqual([]);

		m.parked = 'Alert on pool use';
		m.park();
		m.parkedToActions();
		expect(editor.draft.correctiveActions.map((a) => a.title)).toEqual(['Alert on pool use']);
		expect(m.parkedNote).toMatch(/^Added 1 draft corrective action from the parking lot/);
		stop();
	});

	it('shows a card, and hides it when it is shown already', () => {
		const { m, stop } = meeting();
		expect(m.guide.title).toBe('Opening');
		m.toggleCard('biases');
		expect(m.card).toBe('biases');
		m.toggleCard('biases');
		expect(m.card).toBe('none');
		stop();
	});
});

describe('the meeting clock kept between visits', () => {
	/** A keeper in memory, standing in for localStorage. */
	function keeper() {
		let kept: KeptMeetingClock | undefined;
		return { load: () => kept, save: (c: KeptMeetingClock) => (kept = c), forget: () => (kept = undefined), peek: () => kept };
	}

	it('carries on with the item on stage and the time counted after the view closes, running on meanwhile', () => {
		vi.useFakeTimers();
		try {
			const k = keeper();
			const editor = new FakeEditor();
			const first = new MeetingState(() => editor as unknown as EditorState, k);
			first.clock.start();
			vi.advanceTimersByTime(30_000);
			first.clock.next();
			vi.advanceTimersByTime(10_000);
			first.dispose(); // leaving meeting mode, or a reload
			vi.advanceTimersByTime(5_000); // the meeting goes on

			const again = new MeetingState(() => editor as unknown as EditorState, k);
			expect(again.clock.index).toBe(1);
			expect(again.clock.running).toBe(true);
			expect(Math.round(again.clock.elapsed.opening!)).toBe(30);
			expect(Math.round(again.clock.elapsed.impact!)).toBe(15);
			again.clock.pause();
			again.dispose();
			vi.advanceTimersByTime(60_000); // paused: nothing more counts

			const third = new MeetingState(() => editor as unknown as EditorState, k);
			expect(third.clock.running).toBe(false);
			expect(Math.round(third.clock.elapsed.impact!)).toBe(15);
			third.clock.reset();
			expect(third.clock.index).toBe(0);
			expect(third.clock.elapsed).toEqual({});
			expect(k.peek()).toBeUndefined();
			third.dispose();
		} finally {
			vi.useRealTimers();
		}
	});

	it('a kept clock that is not readable, or points past the agenda, starts clean or at the last item', () => {
		vi.stubGlobal('localStorage', memoryStorage());
		localStorage.setItem('postmortem-workbench:meeting:x', '{"index":-1,"elapsed":{},"runningSince":null}');
		expect(loadMeetingClock('x')).toBeUndefined();
		localStorage.setItem('postmortem-workbench:meeting:x', 'not json');
		expect(loadMeetingClock('x')).toBeUndefined();
		localStorage.setItem(
			'postmortem-workbench:meeting:x',
			'{"index":99,"elapsed":{"opening":12,"impact":"x","__proto__":5},"runningSince":null}'
		);
		expect(loadMeetingClock('x')).toEqual({ index: 99, elapsed: { opening: 12 }, runningSince: null });
		const editor = new FakeEditor();
		const m = new MeetingState(() => editor as unknown as EditorState, keptClock('x'));
		expect(m.clock.index).toBe(editor.draft.facilitation.agenda.length - 1);
		m.dispose();
		vi.unstubAllGlobals();
	});
});
