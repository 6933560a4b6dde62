import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import GuidePanel from '$lib/components/GuidePanel.svelte';
import { SECTIONS } from '$lib/domain';

describe('GuidePanel', () => {
	it("is a landmark named by its heading, listing the section's guiding questions and its blameless tip", () => {
		const section = SECTIONS.find((s) => s.id === 'timeline')!;
		render(GuidePanel, { section });
		const guide = screen.getByRole('complementary', { name: 'Questions to guide you' });
		const items = within(guide)
			.getAllByRole('listitem')
			.map((li) => li.textContent);
		expect(items).toEqual([...section.questions]);
		expect(items.length).toBeGreaterThan(0);
		expect(guide).toHaveTextContent(`Blameless tip: ${section.tip}`);
	});

	it('shows the questions of the section it is given', () => {
		render(GuidePanel, { section: { id: 'impact', questions: ['Who was affected?', 'For how long?'], tip: 'Measure, do not guess.' } });
		expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Who was affected?', 'For how long?']);
		expect(screen.getByText('Measure, do not guess.', { exact: false })).toBeInTheDocument();
	});
});
