import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import Toast from '$lib/components/Toast.svelte';

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
	document.getElementById('main')?.remove();
});

function show(props: Partial<{ actionLabel: string; duration: number; focusAction: boolean }> = {}) {
	const onaction = vi.fn();
	const ondismiss = vi.fn();
	render(Toast, { message: 'Postmortem deleted.', onaction, ondismiss, ...props });
	return { onaction, ondismiss, status: screen.getByRole('status') };
}

describe('Toast', () => {
	it('announces its message in a status region, with Dismiss and no action unless one is given', async () => {
		const { status } = show();
		await tick();
		expect(status).toHaveTextContent('Postmortem deleted.');
		expect(screen.getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
		expect(screen.getAllByRole('button')).toHaveLength(1);
	});

	it('dismisses itself once its duration has passed, not before', () => {
		const { ondismiss } = show({ duration: 5000 });
		vi.advanceTimersByTime(4999);
		expect(ondismiss).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(ondismiss).toHaveBeenCalledTimes(1);
	});

	it('waits while the pointer is on it, and starts its full duration again when the pointer leaves', async () => {
		const { ondismiss, status } = show({ duration: 5000 });
		vi.advanceTimersByTime(3000);
		await fireEvent.pointerEnter(status);
		vi.advanceTimersByTime(60_000);
		expect(ondismiss).not.toHaveBeenCalled();
		await fireEvent.pointerLeave(status);
		vi.advanceTimersByTime(4999);
		expect(ondismiss).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(ondismiss).toHaveBeenCalledTimes(1);
	});

	it("waits while a keyboard user's focus is in it, and starts its full duration again when the focus leaves", async () => {
		const { ondismiss } = show({ actionLabel: 'Undo', duration: 5000 });
		await tick();
		const undo = screen.getByRole('button', { name: 'Undo' });
		undo.focus(); // focus from script or keyboard matches :focus-visible
		vi.advanceTimersByTime(60_000);
		expect(ondismiss).not.toHaveBeenCalled();
		undo.blur();
		vi.advanceTimersByTime(4999);
		expect(ondismiss).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(ondismiss).toHaveBeenCalledTimes(1);
	});

	it('runs its action on click, describes the action by the message, and then does not dismiss as well', async () => {
		const { onaction, ondismiss } = show({ actionLabel: 'Undo' });
		await tick();
		const undo = screen.getByRole('button', { name: 'Undo' });
		expect(undo).toHaveAccessibleDescription('Postmortem deleted.');
		await fireEvent.click(undo);
		expect(onaction).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(60_000);
		expect(ondismiss).not.toHaveBeenCalled();
	});

	it('dismisses at once from the Dismiss button, only once', async () => {
		const { ondismiss } = show();
		await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
		expect(ondismiss).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(60_000);
		expect(ondismiss).toHaveBeenCalledTimes(1);
	});

	it('puts the focus on the action when asked to, and gives it to the main content when it closes with the focus in it', async () => {
		const main = document.createElement('main');
		main.id = 'main';
		main.tabIndex = -1;
		document.body.append(main);
		const { onaction } = show({ actionLabel: 'Undo', focusAction: true });
		await tick();
		await tick();
		const undo = screen.getByRole('button', { name: 'Undo' });
		expect(undo).toHaveFocus();
		await fireEvent.click(undo);
		expect(onaction).toHaveBeenCalledTimes(1);
		expect(main).toHaveFocus();
	});

	it('leaves the focus alone when it closes with the focus elsewhere', () => {
		const other = document.createElement('button');
		document.body.append(other);
		other.focus();
		const { ondismiss } = show({ duration: 1000 });
		vi.advanceTimersByTime(1000);
		expect(ondismiss).toHaveBeenCalledTimes(1);
		expect(other).toHaveFocus();
		other.remove();
	});
});
