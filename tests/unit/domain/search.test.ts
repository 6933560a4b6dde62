import { describe, expect, it } from 'vitest';
import { createCorrectiveAction, createPostmortem, createTimelineEntry, matchPassage, searchDocument } from '$lib/domain';

describe('the search document of a postmortem', () => {
	it('holds every text field, the people and the labels, and shows where a word matched', () => {
		const pm = createPostmortem();
		pm.title = 'Checkout outage';
		pm.summary = 'Orders failed.';
		pm.timeline = [
			{
				...createTimelineEntry('2026-01-01T10:00'),
				who: 'Ben Adler',
				what: 'The connection pool of orders-db was exhausted after the 09:58 deploy, and retries made it worse.'
			}
		];
		pm.correctiveActions = [{ ...createCorrectiveAction('Alert on pool saturation'), owner: 'Priya' }];
		pm.tags = ['database'];
		pm.services = ['orders-db'];
		const doc = searchDocument(pm);
		expect(doc.title).toBe('Checkout outage');
		expect(doc.text).toContain('connection pool');
		expect(doc.text).toContain('Alert on pool saturation');
		expect(doc.people).toBe('Ben Adler, Priya');
		expect(doc.labels).toBe('database, orders-db');

		const p = matchPassage(doc.fields, ['exhausted'], 20);
		expect(p).toEqual({
			label: 'Timeline entry (2026-01-01 10:00): what happened',
			before: '…ol of orders-db was ',
			hit: 'exhausted',
			after: ' after the 09:58 dep…'
		});
		// A term matches at the start of a word only, in any case; the first field in document order wins.
		expect(matchPassage(doc.fields, ['ORDERS'])?.label).toBe('Summary');
		expect(matchPassage(doc.fields, ['rders'])).toBeUndefined();
		expect(matchPassage(doc.fields, [])).toBeUndefined();
	});
});
