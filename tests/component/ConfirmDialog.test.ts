import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import ConfirmDialog from '$lib/components/ConfirmDialog.svelte';

const choices = [
	{ label: 'Replace', value: 'replace', kind: 'danger' as const },
	{ label: 'Keep both', value: 'both', kind: 'primary' as const }
];

/** Render the dialog and ask the question the library asks about an import that is already there. */
async function ask() {
	const { component } = render(ConfirmDialog);
	const answer = component.ask('Already in your library', '“Checkout outage” is already here.', choices);
	await tick();
	return { component, answer };
}

describe('ConfirmDialog', () => {
	it('is hidden until asked', () => {
		render(ConfirmDialog);
		expect(screen.queryByRole('dialog')).toBeNull();
	});

	it('asks with a dialog named by its title and described by its message, Cancel first, then the choices', async () => {
		await ask();
		const dialog = screen.getByRole('dialog', { name: 'Already in your library' });
		expect(dialog).toHaveAccessibleDescription('“Checkout outage” is already here.');
		const buttons = screen.getAllByRole('button').map((b) => b.textContent);
		expect(buttons).toEqual(['Cancel', 'Replace', 'Keep both']);
		expect(screen.getByRole('button', { name: 'Replace' })).toHaveClass('danger');
	});

	it('resolves with the chosen value and closes', async () => {
		const { answer } = await ask();
		await fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
		await expect(answer).resolves.toBe('both');
		expect(screen.queryByRole('dialog')).toBeNull();
	});

	it('resolves with null on Cancel', async () => {
		const { answer } = await ask();
		await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		await expect(answer).resolves.toBeNull();
		expect(screen.queryByRole('dialog')).toBeNull();
	});

	it('resolves with null when closed with Escape', async () => {
		const { answer } = await ask();
		await fireEvent.keyDown(screen.getByRole('button', { name: 'Replace' }), { key: 'Escape' });
		await expect(answer).resolves.toBeNull();
		expect(screen.queryByRole('dialog')).toBeNull();
	});

	it('can be asked again after an answer, with the new question', async () => {
		const { component, answer } = await ask();
		await fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
		await answer;
		// Let the first close event run, so it cannot answer the next question.
		await new Promise((r) => setTimeout(r, 0));
		const second = component.ask('Delete it?', 'It goes to the bin.', [{ label: 'Delete', value: 'delete' }]);
		await waitFor(() => expect(screen.getByRole('dialog', { name: 'Delete it?' })).toBeInTheDocument());
		expect(screen.queryByRole('button', { name: 'Keep both' })).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
		await expect(second).resolves.toBe('delete');
	});
});
