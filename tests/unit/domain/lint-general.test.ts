// Blame phrased in words the first rules did not list (issue 22, part 1), and neutral text around
// the same words. Both lists are run whole; precision and recall are printed with the results.
import { describe, expect, it } from 'vitest';
import { lintText } from '$lib/domain/lint';
import type { LanguageRuleId } from '$lib/domain';

const BLAMING: [string, LanguageRuleId][] = [
	['Sam overlooked the warning in the deploy log.', 'blame-label'],
	['The on-call engineer ignored the second page.', 'blame-label'],
	['Priya missed the alert because she was in a meeting.', 'blame-label'],
	['They neglected the backup job for months.', 'blame-label'],
	["He didn't even look at the dashboard.", 'blame-label'],
	['The team cut corners on the migration.', 'blame-label'],
	['It was a lack of attention on the part of the reviewer.', 'blame-label'],
	['This shows poor judgment by the release manager.', 'blame-label'],
	['Poor discipline in the team led to this.', 'blame-label'],
	['The runbook edits were amateurish.', 'blame-label'],
	['Any competent engineer would have caught this.', 'blame-label'],
	['The night shift was asleep at the wheel.', 'blame-label'],
	['Needless to say, the operator should know better.', 'blame-label'],
	["The outage was caused by Tom's bad change.", 'blame-label'],
	['A mistake made by the night shift took the site down.', 'blame-label'],
	['The outage was due to a user mistake.', 'blame-label'],
	['The errors were because of the developer’s sloppy commit.', 'blame-label'],
	['If Ana had checked the config, we would not have had an outage.', 'counterfactual'],
	['If the reviewer had read the diff we could have stopped it.', 'counterfactual'],
	['He clearly did not understand the failover.', 'hindsight'],
	['Apparently nobody thought to check the queue.', 'hindsight'],
	['Nobody cared enough to read the alert.', 'hindsight'],
	['It was plain to see that the disk was full.', 'hindsight'],
	['Frankly, the deploy was rushed.', 'hindsight'],
	['How could they not see the error rate?', 'why-question'],
	['What were they thinking?', 'why-question'],
	['How could anyone possibly miss a 40% error rate?', 'why-question']
];

const NEUTRAL = [
	'The alert missed the spike because the window was five minutes.',
	'The health check ignored the new port.',
	'The job missed its schedule because the cron host was down.',
	'The load balancer disregarded the drain flag.',
	'Our first hypothesis blamed the network.',
	'At first we blamed the DNS resolver, then the cache.',
	'If the canary had been in place, only 5% of pods would have taken the change.',
	'If the queue had drained, the consumer would have caught up.',
	'We should add a canary stage to config changes.',
	'We used root cause analysis as a method in the workshop.',
	'Human factors training is planned for Q3.',
	'The function ignoreErrors() swallowed the exception.',
	'Sam said at the time: "I think the cache is cold".',
	'How could we make the alert clearer for the next on-call?',
	'What were the error rates during the rollout?',
	'The change was caused by a bad merge of two config files.',
	'The outage was due to a certificate that expired at midnight.',
	'A poor signal-to-noise ratio on the dashboard hid the trend.',
	'Priya noticed the alert within two minutes and paged the database team.',
	'The plan is plain: roll back first, investigate after.',
	'The team had not seen this failure mode before.',
	'Nobody was paged because the rotation was empty that week.',
	'The runbook did not even mention the replica.',
	'The reviewer asked what the pool size limit was.',
	'Lack of a staging cluster made the load test impossible.',
	'Error budget burn slowed once the rollback finished.',
	'The release manager approved the change after the tests passed.'
];

describe('lintText on blame phrased beyond the first rules', () => {
	it.each(BLAMING)('flags %j as %s', (sentence, rule) => {
		expect(lintText(sentence).map((f) => f.rule)).toContain(rule);
	});

	it.each(NEUTRAL)('leaves %j alone', (sentence) => {
		expect(lintText(sentence).map((f) => `${f.rule}: ${f.phrase}`)).toEqual([]);
	});

	it('reports precision and recall over both lists, balanced', () => {
		const caught = BLAMING.filter(([s]) => lintText(s).length > 0).length;
		const falseAlarms = NEUTRAL.filter((s) => lintText(s).length > 0).length;
		const precision = caught / (caught + falseAlarms);
		const recall = caught / BLAMING.length;
		console.log(
			`language coach, phrasing beyond the first rules: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (${BLAMING.length} blaming, ${NEUTRAL.length} neutral)`
		);
		expect(Math.abs(BLAMING.length - NEUTRAL.length)).toBeLessThanOrEqual(2);
		expect(precision).toBe(1);
		expect(recall).toBe(1);
	});

	it('explains each new finding and suggests what to write instead', () => {
		for (const [s] of BLAMING)
			for (const f of lintText(s)) {
				expect(f.message.length).toBeGreaterThan(20);
				expect(f.suggestion.length).toBeGreaterThan(20);
			}
	});
});
