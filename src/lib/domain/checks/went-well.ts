/** Check that "what went well" is written. */

import type { ReviewCheck } from './check';

/** "What went well" is filled in. */
export const wentWell: ReviewCheck = {
	id: 'went-well',
	title: '“What went well” is filled in',
	section: 'went-well',
	run: ({ pm }) =>
		pm.wentWell.trim()
			? { status: 'pass', message: 'What went well is recorded.' }
			: { status: 'fail', message: 'Write what went well: which safeguards held and what made detection, diagnosis and repair effective.' }
};
