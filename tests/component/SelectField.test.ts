import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import SelectField from '$lib/components/SelectField.svelte';

const options = ['draft', 'review', 'final'] as const;
const labels = { draft: 'Draft', review: 'In review', final: 'Final' };

function renderStatus(props: Partial<{ value: string; empty: string; hint: string }> = {}) {
	const onchange = vi.fn();
	const result = render(SelectField, { id: 'status', label: 'Status', value: 'draft', options, labels, onchange, ...props });
	return { ...result, onchange, select: screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement };
}

describe('SelectField', () => {
	it('is a select labelled by its label, showing each value by its label and the current value chosen', () => {
		const { select } = renderStatus({ value: 'review' });
		expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Draft', 'In review', 'Final']);
		expect(select).toHaveValue('review');
		expect(screen.getByRole('option', { name: 'In review' })).toHaveProperty('selected', true);
	});

	it('offers a "not set" choice first when given one, and is described by its hint', () => {
		const { select } = renderStatus({ value: '', empty: 'Not set', hint: 'How far along the document is.' });
		expect(screen.getAllByRole('option')[0]).toHaveTextContent('Not set');
		expect(select).toHaveValue('');
		expect(select).toHaveAccessibleDescription('How far along the document is.');
	});

	it('has no description without a hint', () => {
		const { select } = renderStatus();
		expect(select).not.toHaveAttribute('aria-describedby');
	});

	it('calls onchange with the chosen value, and shows the new value once the parent takes it', async () => {
		const { select, onchange, rerender } = renderStatus();
		await fireEvent.change(select, { target: { value: 'final' } });
		expect(onchange).toHaveBeenCalledExactlyOnceWith('final');
		await rerender({ value: 'final' });
		await tick();
		expect(select).toHaveValue('final');
	});

	it('shows the real value again when the parent turns the change down', async () => {
		const { select, onchange } = renderStatus({ value: 'review' });
		await fireEvent.change(select, { target: { value: 'final' } });
		expect(onchange).toHaveBeenCalledWith('final');
		await tick();
		expect(select).toHaveValue('review');
	});
});
