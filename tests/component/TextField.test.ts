import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { MAX_FIELD_CHARS, parseImport, toJson, createPostmortem } from '$lib/domain';
import TextField from '$lib/components/TextField.svelte';

describe('TextField', () => {
	it('takes no more text than the app stores and imports back, and says so at the limit', () => {
		const oninput = vi.fn();
		const { rerender } = render(TextField, { id: 'summary', label: 'Summary', value: 'short', oninput, multiline: true });
		const box = screen.getByRole('textbox', { name: 'Summary' });
		expect(box).toHaveAttribute('maxlength', String(MAX_FIELD_CHARS));
		expect(box).not.toHaveAccessibleDescription(/limit/);

		const full = 'a'.repeat(MAX_FIELD_CHARS);
		rerender({ id: 'summary', label: 'Summary', value: full, oninput, multiline: true });
		expect(box).toHaveAccessibleDescription(/at its limit of 1,000,000 characters/);
		// What the field holds at its limit is what an export of it imports back.
		expect(parseImport(toJson({ ...createPostmortem(), summary: full })).ok).toBe(true);
	});

	it('limits one-line text and link fields the same way', () => {
		render(TextField, { id: 'title', label: 'Title', value: '', oninput: () => {} });
		render(TextField, { id: 'link', label: 'Link', value: '', oninput: () => {}, type: 'url' });
		expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAttribute('maxlength', String(MAX_FIELD_CHARS));
		expect(screen.getByRole('textbox', { name: 'Link' })).toHaveAttribute('maxlength', String(MAX_FIELD_CHARS));
	});
});
