import { describe, expect, it } from 'vitest';
import { analysePostmortem } from '$lib/domain/analysis';
import { examplePostmortem } from '$lib/domain/example';
import { lintPostmortem, lintText } from '$lib/domain/lint';
import { deriveMetrics } from '$lib/domain/metrics';
import { reviewPostmortem } from '$lib/domain/review';

describe('analysePostmortem (what the editor’s worker works out for a document as opened)', () => {
	const now = new Date('2026-11-20T09:00:00Z');
	const pm = {
		...examplePostmortem(now),
		summary: 'It was human error. The root cause was the pool size.',
		lessons: 'It was human error.' // the same text as another field: linted once, found in both
	};

	it('gives the same checklist and durations as working them out on the page', () => {
		const a = analysePostmortem(pm, now);
		expect(a.review).toEqual(reviewPostmortem(pm, now, lintPostmortem(pm)));
		expect(a.metrics).toEqual(deriveMetrics(pm));
		expect(a.review.find((r) => r.id === 'language')?.status).toBe('fail');
	});

	it('lints each distinct text once, with the same findings as linting it alone', () => {
		const a = analysePostmortem(pm, now);
		expect(new Set(a.texts).size).toBe(a.texts.length);
		expect(a.texts).toContain('It was human error.');
		a.texts.forEach((t, i) => expect(a.results[i]).toEqual(lintText(t)));
		const phrases = a.results.flat().map((f) => f.phrase);
		expect(phrases).toContain('human error');
		expect(phrases).toContain('root cause');
	});
});
