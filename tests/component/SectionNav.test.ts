import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import SectionNav from '$lib/components/SectionNav.svelte';
import { SECTIONS, type SectionId } from '$lib/domain';

const sections = SECTIONS.slice(0, 3);
const href = (id: SectionId) => `/p/abc/${id}`;

describe('SectionNav', () => {
	it('is a navigation landmark with the count, and a link per section in order with its number and state', () => {
		render(SectionNav, {
			sections,
			progress: ['filled', 'started', 'empty'],
			current: sections[1].id,
			href,
			completion: { filled: 1, total: 3 }
		});
		const nav = screen.getByRole('navigation', { name: 'Sections' });
		expect(nav).toHaveTextContent('1 of 3 sections filled');
		const links = within(nav).getAllByRole('link');
		expect(links.map((a) => a.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
			`1. ${sections[0].short} (filled)`,
			`2. ${sections[1].short} (started)`,
			`3. ${sections[2].short} (empty)`
		]);
		expect(links.map((a) => a.getAttribute('href'))).toEqual(sections.map((s) => href(s.id)));
	});

	it('marks the current section, and only it, as the current step', () => {
		render(SectionNav, {
			sections,
			progress: ['empty', 'empty', 'empty'],
			current: sections[2].id,
			href,
			completion: { filled: 0, total: 3 }
		});
		const links = screen.getAllByRole('link');
		expect(links.map((a) => a.getAttribute('aria-current'))).toEqual([null, null, 'step']);
	});

	it('names the optional sections the count leaves out', () => {
		const all = SECTIONS;
		const optional = all.filter((s) => s.optional);
		expect(optional.length).toBeGreaterThan(0);
		render(SectionNav, {
			sections: all,
			progress: all.map(() => 'filled' as const),
			current: all[0].id,
			href,
			completion: { filled: all.length - optional.length, total: all.length - optional.length }
		});
		const count = `${all.length - optional.length} of ${all.length - optional.length} sections filled; ${optional.map((s) => s.title.toLowerCase()).join(', ')} optional`;
		expect(screen.getByRole('navigation', { name: 'Sections' })).toHaveTextContent(count);
	});
});
