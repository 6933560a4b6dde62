import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import ListField from '$lib/components/ListField.svelte';

function renderServices(props: Partial<{ value: string[]; hint: string; placeholder: string }> = {}) {
	const onchange = vi.fn();
	const result = render(ListField, { id: 'services', label: 'Services', value: ['checkout', 'payments'], onchange, ...props });
	return { ...result, onchange, input: screen.getByRole('textbox', { name: 'Services' }) as HTMLInputElement };
}

describe('ListField', () => {
	it('is a text box labelled by its label, showing the list comma-separated, described by how to separate', () => {
		const { input } = renderServices({ placeholder: 'e.g. checkout' });
		expect(input).toHaveValue('checkout, payments');
		expect(input).toHaveAccessibleDescription('Separate with commas.');
		expect(input).toHaveAttribute('placeholder', 'e.g. checkout');
	});

	it('is described by its own hint when given one', () => {
		const { input } = renderServices({ hint: 'Names, separated by commas.' });
		expect(input).toHaveAccessibleDescription('Names, separated by commas.');
	});

	it('calls onchange with the trimmed, non-empty items, and keeps a trailing comma while typing', async () => {
		const { input, onchange, rerender } = renderServices({ value: [] });
		await fireEvent.input(input, { target: { value: ' checkout ,, payments,' } });
		expect(onchange).toHaveBeenLastCalledWith(['checkout', 'payments']);
		// The parent takes the new list: the text as typed stays, trailing comma included.
		await rerender({ value: ['checkout', 'payments'] });
		await tick();
		expect(input).toHaveValue(' checkout ,, payments,');
	});

	it('does not call onchange when the text still makes the same list', async () => {
		const { input, onchange } = renderServices();
		await fireEvent.input(input, { target: { value: 'checkout,payments, ' } });
		expect(onchange).not.toHaveBeenCalled();
	});

	it('shows a list changed elsewhere', async () => {
		const { input, rerender } = renderServices();
		await rerender({ value: ['search'] });
		await tick();
		expect(input).toHaveValue('search');
	});
});
