import { describe, expect, it } from 'vitest';
import { failingSinceFinal, type ReviewItem } from '$lib/domain';

const item = (id: string, status: ReviewItem['status']): ReviewItem => ({ id, status, title: id, message: '', section: 'overview' });
const items = [item('actions-complete', 'fail'), item('language', 'fail'), item('went-well', 'warn'), item('timing', 'pass')];

describe('failingSinceFinal (a Final postmortem’s checks failing beyond those accepted)', () => {
	it('is empty unless the postmortem is final', () => {
		for (const status of ['draft', 'in-review'] as const)
			expect(failingSinceFinal({ status, finalNote: '', finalChecks: [] }, items)).toEqual([]);
	});

	it('names the failing checks not accepted when it was marked final; warnings do not count', () => {
		expect(failingSinceFinal({ status: 'final', finalNote: '', finalChecks: [] }, items).map((r) => r.id)).toEqual([
			'actions-complete',
			'language'
		]);
		expect(
			failingSinceFinal({ status: 'final', finalNote: 'Tracked in OPS-12.', finalChecks: ['language'] }, items).map((r) => r.id)
		).toEqual(['actions-complete']);
	});

	it('one marked final by an older version: its note accepts what fails; without a note, nothing is accepted', () => {
		expect(failingSinceFinal({ status: 'final', finalNote: 'Reviewed in the meeting.' }, items)).toEqual([]);
		expect(failingSinceFinal({ status: 'final', finalNote: '  ' }, items)).toHaveLength(2);
	});
});
