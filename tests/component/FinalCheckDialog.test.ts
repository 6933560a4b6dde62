import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import FinalCheckDialog from '$lib/components/FinalCheckDialog.svelte';
import type { EditorState } from '$lib/state/editor.svelte';

/** The parts of the editor the dialog uses, as the editor has them when final is asked for with failing checks. */
function openDialog(finalNote = '') {
	const editor = {
		finalCheck: true,
		draft: { finalNote },
		failing: [
			{ id: 'factors', title: 'Contributing factors', message: 'List at least two.', section: 'factors' },
			{ id: 'went-well', title: 'What went well', message: 'Say what helped.', section: 'went-well' }
		],
		confirmFinal: vi.fn()
	};
	const goToField = vi.fn();
	render(FinalCheckDialog, { editor: editor as unknown as EditorState, goToField });
	const dialog = screen.getByRole('dialog', { name: 'Some checks are still failing' });
	return { editor, goToField, dialog };
}

describe('FinalCheckDialog', () => {
	it('opens as a dialog listing each failing check with its message and a way there', () => {
		const { dialog } = openDialog();
		const items = within(dialog).getAllByRole('listitem');
		expect(items).toHaveLength(2);
		expect(items[0]).toHaveTextContent('Contributing factors: List at least two.');
		expect(within(items[1]).getByRole('button', { name: 'Go there' })).toBeInTheDocument();
	});

	it('starts from the note already written, and marks final only with a note, trimmed', async () => {
		const { editor } = openDialog('');
		const note = screen.getByRole('textbox', { name: 'Why mark it final anyway?' });
		const confirm = screen.getByRole('button', { name: 'Mark final with this note' });
		expect(note).toHaveValue('');
		expect(confirm).toBeDisabled();
		await fireEvent.input(note, { target: { value: '   ' } });
		expect(confirm).toBeDisabled();
		await fireEvent.input(note, { target: { value: '  Risk accepted by the team.  ' } });
		expect(confirm).toBeEnabled();
		await fireEvent.click(confirm);
		expect(editor.confirmFinal).toHaveBeenCalledExactlyOnceWith('Risk accepted by the team.');
	});

	it('shows the note the postmortem already has', () => {
		openDialog('Accepted in the review meeting.');
		expect(screen.getByRole('textbox', { name: 'Why mark it final anyway?' })).toHaveValue('Accepted in the review meeting.');
		expect(screen.getByRole('button', { name: 'Mark final with this note' })).toBeEnabled();
	});

	it("goes to a failing check's section, closing the question", async () => {
		const { editor, goToField, dialog } = openDialog();
		await fireEvent.click(within(dialog).getAllByRole('button', { name: 'Go there' })[1]);
		expect(goToField).toHaveBeenCalledExactlyOnceWith('went-well', 'step-heading');
		expect(editor.finalCheck).toBe(false);
		expect(editor.confirmFinal).not.toHaveBeenCalled();
		expect(dialog).not.toHaveAttribute('open');
	});

	it('keeps working without marking final', async () => {
		const { editor, goToField, dialog } = openDialog();
		await fireEvent.click(screen.getByRole('button', { name: 'Keep working' }));
		expect(editor.finalCheck).toBe(false);
		expect(editor.confirmFinal).not.toHaveBeenCalled();
		expect(goToField).not.toHaveBeenCalled();
		expect(dialog).not.toHaveAttribute('open');
	});

	it('gives up the question when closed with Escape', async () => {
		const { editor, dialog } = openDialog();
		await fireEvent.keyDown(screen.getByRole('textbox', { name: 'Why mark it final anyway?' }), { key: 'Escape' });
		await waitFor(() => expect(editor.finalCheck).toBe(false));
		expect(editor.confirmFinal).not.toHaveBeenCalled();
		expect(dialog).not.toHaveAttribute('open');
	});
});
