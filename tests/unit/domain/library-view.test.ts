import { describe, expect, it } from 'vitest';
import { applyView, isFiltered, viewFromParams, viewToParams, type LibraryView } from '$lib/domain/library-view';

const row = (title: string, status: 'draft' | 'in-review' | 'final', severity: '' | 'sev1' | 'sev2', incidentDate: string) => ({
	title,
	status,
	severity,
	incidentDate
});
// Most recently edited first, as the library lists them.
const rows = [
	row('Pool exhausted', 'final', 'sev1', '2026-03-10T14:02'),
	row('', 'draft', '', ''),
	row('Cache stampede', 'in-review', 'sev2', '2026-05-01T09:00'),
	row('Bad deploy', 'final', 'sev2', '2025-12-24T23:10')
];
const view = (v: Partial<LibraryView>): LibraryView => ({ status: '', severity: '', sort: '', ...v });
const titles = (v: Partial<LibraryView>) => applyView(rows, view(v)).map((r) => r.title);

describe('the library view', () => {
	it('keeps the list as it is by default, and narrows it by status and severity together', () => {
		expect(titles({})).toEqual(['Pool exhausted', '', 'Cache stampede', 'Bad deploy']);
		expect(titles({ status: 'final' })).toEqual(['Pool exhausted', 'Bad deploy']);
		expect(titles({ status: 'final', severity: 'sev2' })).toEqual(['Bad deploy']);
		expect(titles({ severity: 'none' })).toEqual(['']);
		expect(isFiltered(view({ sort: 'title' }))).toBe(false);
		expect(isFiltered(view({ severity: 'sev1' }))).toBe(true);
	});

	it('sorts by incident date either way (undated last) or by title (untitled last)', () => {
		expect(titles({ sort: 'newest' })).toEqual(['Cache stampede', 'Pool exhausted', 'Bad deploy', '']);
		expect(titles({ sort: 'oldest' })).toEqual(['Bad deploy', 'Pool exhausted', 'Cache stampede', '']);
		expect(titles({ sort: 'title' })).toEqual(['Bad deploy', 'Cache stampede', 'Pool exhausted', '']);
	});

	it('lives in the page address, where anything unknown reads as the default', () => {
		const params = new URLSearchParams('q=pool&status=final&severity=sev1&sort=oldest');
		expect(viewFromParams(params)).toEqual({ status: 'final', severity: 'sev1', sort: 'oldest' });
		expect(viewFromParams(new URLSearchParams('status=archived&severity=sev9&sort=random'))).toEqual(view({}));
		viewToParams(view({ severity: 'none' }), params);
		expect(params.toString()).toBe('q=pool&severity=none');
	});
});
