/** Check that every language finding is rephrased or marked reviewed. */

import { plural, type ReviewCheck } from './check';

/** No language finding is left open; the item points at the section of the first open one. */
export const language: ReviewCheck = {
	id: 'language',
	title: 'No unreviewed blaming or counterfactual language',
	section: 'summary',
	run: ({ findings }) => {
		const open = findings.filter((f) => !f.reviewed);
		return {
			// A fail: going final asks for each to be reworded, marked reviewed, or explained in the final note.
			status: open.length ? 'fail' : 'pass',
			message: open.length
				? `Review ${plural(open.length, 'flagged phrase')}: rephrase ${open.length === 1 ? 'it' : 'them'} or mark ${open.length === 1 ? 'it' : 'each'} “reviewed, keep it”.`
				: 'No open language findings.',
			section: open[0]?.field.section
		};
	}
};
