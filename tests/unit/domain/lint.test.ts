import { describe, expect, it } from 'vitest';
import { lintPostmortem, lintText } from '$lib/domain/lint';
import { findingKey, LANGUAGE_RULE_IDS, LANGUAGE_RULES, locateFindings, type LanguageRuleId } from '$lib/domain/language';
import { RULES } from '$lib/domain/language/rules';
import { createPostmortem } from '$lib/domain/model';
import { createContributingFactor, createTimelineEntry } from '$lib/domain/parts';

/** Sentences that must be flagged, with the rule expected (other findings may appear too). */
const FLAGGED: Array<[string, LanguageRuleId]> = [
	['She should have checked the dashboard before deploying.', 'counterfactual'],
	['The on-call engineer should have known better.', 'counterfactual'],
	["We should've rolled back immediately.", 'counterfactual'],
	["He shouldn't have run the migration on a Friday.", 'counterfactual'],
	['They should not have skipped the canary stage.', 'counterfactual'],
	['The alert should have been routed to the payments team.', 'counterfactual'],
	['Alice could have caught this in review.', 'counterfactual'],
	["We could've paged the database team sooner.", 'counterfactual'],
	['This could have been prevented with a simple check.', 'counterfactual'],
	['The team ought to have tested the failover.', 'counterfactual'],
	['A basic integration test would have caught it if anyone had written one.', 'counterfactual'],
	["This wouldn't have happened if the config had been reviewed.", 'counterfactual'],
	['If only we had read the release notes.', 'counterfactual'],
	['Had she checked the dashboard, the outage would have been shorter.', 'counterfactual'],
	['The outage would have been shorter, had we rolled back at 14:10.', 'counterfactual'],
	['The on-call engineer failed to escalate.', 'counterfactual'],
	['At 14:20 Bob failed to notice the second alert.', 'counterfactual'],
	['They neglected to update the runbook.', 'counterfactual'],
	["He didn't bother to read the warning.", 'counterfactual'],
	['Someone forgot to renew the certificate.', 'counterfactual'],
	['The deployer forgot the --dry-run flag.', 'counterfactual'],
	['This was human error.', 'blame-label'],
	['Root cause: operator error during the migration.', 'blame-label'],
	['The engineer was careless with the production credentials.', 'blame-label'],
	['A negligent change to the firewall rules.', 'blame-label'],
	['Frankly the response was incompetent.', 'blame-label'],
	['It was a stupid mistake.', 'blame-label'],
	["It was Bob's fault that the backups were not tested.", 'blame-label'],
	['The database team is to blame for the outage.', 'blame-label'],
	['The vendor dropped the ball on the certificate.', 'blame-label'],
	['Someone messed up the DNS record.', 'blame-label'],
	['He fat-fingered the hostname.', 'blame-label'],
	['The change was sloppy and reckless.', 'blame-label'],
	['Why did you restart the primary?', 'why-question'],
	["Why didn't they page the secondary?", 'why-question'],
	['Why did the on-call engineer ignore the alert?', 'why-question'],
	['Why would anyone deploy on a Friday?', 'why-question'],
	['Obviously the cache was stale.', 'hindsight'],
	['It was obvious that the disk was filling up.', 'hindsight'],
	['It was clear that the replica was lagging.', 'hindsight'],
	['The graph clearly showed the spike at 14:02.', 'hindsight'],
	['The change was clearly wrong.', 'hindsight'],
	['The problem was easy to spot in the logs.', 'hindsight'],
	['They just had to restart the pod.', 'minimising'],
	['You simply had to flip the feature flag.', 'minimising'],
	['The operator only needed to run the cleanup script.', 'minimising'],
	['Just restart the service and it recovers.', 'minimising'],
	['All they had to do was read the runbook.', 'minimising'],
	['The root cause was a misconfigured load balancer.', 'root-cause'],
	['We found the real cause two days later.', 'root-cause'],
	['The underlying cause was the retry storm.', 'root-cause'],
	['The outage was partly his mistake.', 'blame-label'],
	["It was Carol's mistake.", 'blame-label'],
	['Why did we not have an alert on disk usage?', 'why-question'],
	['It should have been obvious from the graphs.', 'hindsight'],
	['The on-call should clearly have seen the spike.', 'hindsight'],
	['The deploy tool should have refused the push.', 'counterfactual'],
	['Nobody bothered to check? No: nobody could have known, but Dave neglected to say so.', 'counterfactual']
];

/** Neutral sentences that must produce no finding at all. */
const CLEAN: string[] = [
	'Justin adjusted the autoscaler and justified the new limits.',
	'The faulty disk was replaced and the default timeout restored.',
	'The root filesystem filled up because the root user owned the log files.',
	'Rooted devices were excluded from the rollout.',
	'Clearwater office reported the outage first.',
	'The alert should fire within 2 minutes of the error rate crossing 5%.',
	'We should add a canary stage to the deploy pipeline.',
	'This should reduce the time to detect.',
	'Each service should have an owner and a runbook.',
	'We should have dedicated capacity for the batch jobs.',
	'The new dashboard should have a panel for queue depth.',
	'The queue could grow without bound under this load.',
	'It could have been much worse: no data was lost.',
	'We could have lost all of the uploaded files.',
	'We use just-in-time provisioning for the workers.',
	'The first alert fired just after 14:00 and again just before 14:30.',
	"We don't know why the cache expired early.",
	'Why: to reduce load on the primary.',
	'Why did the alert not fire?',
	'The health check failed to connect to the database.',
	'The job failed to start because the image was missing.',
	'The deploy failed to roll back and Kubernetes failed to schedule the new pods.',
	'Terraform failed to apply the plan.',
	'It was not human-readable output, so the parser choked.',
	'We added fault tolerance and fault injection tests.',
	'Nobody is to blame; the system allowed a dangerous command.',
	"It was nobody's fault.",
	'We are not here to find someone to blame.',
	'We ran git blame to find the commit that changed the limit.',
	'We run blameless postmortems and a blame-free review.',
	'The new toggle has a clearly-labelled confirmation step.',
	'Please document the escalation path clearly.',
	'It was not obvious at the time that the two alerts were related.',
	'There is no single root cause; several factors combined.',
	'We did a root cause analysis workshop with the vendor.',
	'Only restart the service after draining the node.',
	'The job had just run when the disk filled up.',
	'Lazy loading of images was disabled.',
	'The cause of the latency spike was garbage collection.',
	'If only one replica is down the cluster keeps serving.',
	'Without the canary we would have noticed only when customers complained.',
	'Had a call with the vendor at 14:10.',
	'We had them roll back the config.',
	'The fix is tracked in the payments repository and will ship next week.',
	'Customers failed to check out for 40 minutes.',
	'Users forgot-password emails were delayed.',
	'The error budget was exhausted by the second outage.',
	'We should have more alerts on the queue depth.',
	'Justice for all the pagers that fired that night.',
	'The shoulder season traffic is lower.',
	'Error rates cleared within five minutes of the rollback.',
	'The user error rate rose to 4% and their error budget ran out.',
	'Anyone could have made that mistake; we could not have known.',
	'The TTL should have been 5 minutes according to the design doc.',
	'We had just deployed v2.3 when errors started.',
	'Why did the retry policy not back off?',
	'The Datadog agent failed to report and the dev environment failed to deploy.'
];

describe('lintText: labelled sentences', () => {
	it.each(FLAGGED)('flags %j as %s', (sentence, rule) => {
		const found = lintText(sentence);
		expect(found.map((f) => f.rule)).toContain(rule);
	});

	it.each(CLEAN)('leaves %j alone', (sentence) => {
		expect(lintText(sentence).map((f) => `${f.rule}: ${f.phrase}`)).toEqual([]);
	});

	it('has a balanced corpus of at least 80 sentences', () => {
		expect(FLAGGED.length + CLEAN.length).toBeGreaterThanOrEqual(80);
		expect(Math.abs(FLAGGED.length - CLEAN.length)).toBeLessThanOrEqual(5);
	});
});

describe('lintText: spans and wording', () => {
	it('reports offsets whose slice is the phrase', () => {
		const text = 'At 14:05 the team failed to page Bob. It was human error, obviously.';
		const found = lintText(text);
		expect(found.map((f) => [f.rule, f.phrase])).toEqual([
			['counterfactual', 'failed to'],
			['blame-label', 'human error'],
			['hindsight', 'obviously']
		]);
		for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.phrase);
	});

	it('keeps offsets right after astral characters and accents', () => {
		const text = '🔥🔥 Zoë’s note: 日本 the engineer should have checked the graph.';
		const [f] = lintText(text);
		expect(f.rule).toBe('counterfactual');
		expect(f.phrase).toBe('should have checked');
		expect(text.slice(f.start, f.end)).toBe('should have checked');
		expect(f.start).toBe(text.indexOf('should'));
	});

	it('is case-insensitive', () => {
		expect(lintText('HUMAN ERROR')).toHaveLength(1);
		expect(lintText('The Root Cause')[0].rule).toBe('root-cause');
	});

	it('spans the whole counterfactual phrase', () => {
		expect(lintText('He should have immediately rolled back.')[0].phrase).toBe('should have immediately rolled');
		expect(lintText('Had she checked the dashboard')[0].phrase).toBe('Had she checked');
		expect(lintText('Why did you restart it?')[0].phrase).toBe('Why did you');
	});

	it('orders findings by position and never overlaps findings of one rule', () => {
		const found = lintText('They should just restart it; they should have just restarted it.');
		const starts = found.map((f) => f.start);
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		const byRule = new Map<string, number>();
		for (const f of found) {
			expect(f.start).toBeGreaterThanOrEqual(byRule.get(f.rule) ?? 0);
			byRule.set(f.rule, f.end);
		}
	});

	it('gives every finding a message and a suggestion', () => {
		for (const [s] of FLAGGED)
			for (const f of lintText(s)) {
				expect(f.message.length).toBeGreaterThan(20);
				expect(f.suggestion.length).toBeGreaterThan(20);
			}
	});

	it('tailors suggestions to the phrase', () => {
		expect(lintText('They failed to restart the worker.')[0].suggestion).toContain('the step to restart was not taken');
		expect(lintText('Why did you restart the primary?')[0].suggestion).toContain('restart the primary');
		expect(lintText('Just restart the service.')[0].suggestion).toContain('restart');
		expect(lintText('He should have escalated.')[0].suggestion).toContain("'it was not escalated because …'");
	});

	it('documents every rule', () => {
		for (const id of LANGUAGE_RULE_IDS) {
			expect(LANGUAGE_RULES[id].title).toBeTruthy();
			expect(LANGUAGE_RULES[id].explanation.length).toBeGreaterThan(40);
		}
	});
});

describe('lintText: ignored text', () => {
	it('ignores inline code', () => {
		expect(lintText('Run `git blame` or `just restart` then ``should have checked``.')).toEqual([]);
		const text = 'The flag `--obviously` is set. Obviously it was.';
		const found = lintText(text);
		expect(found).toHaveLength(1);
		expect(found[0].start).toBe(text.lastIndexOf('Obviously'));
	});

	it('treats an unmatched backtick as text', () => {
		expect(lintText('A stray ` then human error.')).toHaveLength(1);
	});

	it('ignores fenced code blocks', () => {
		const text = 'Notes:\n\n```sh\n# just restart it, human error\nkubectl rollout restart\n```\n\nThe real cause is unclear.';
		const found = lintText(text);
		expect(found.map((f) => f.rule)).toEqual(['root-cause']);
		expect(text.slice(found[0].start, found[0].end)).toBe('The real cause');
	});

	it('ignores an unclosed fence to the end', () => {
		expect(lintText('~~~\nhuman error\nobviously')).toEqual([]);
	});

	it('ignores indented code blocks but not indented list continuations', () => {
		expect(lintText('Log:\n\n    ERROR human error detected\n    obviously broken\n\nAll good.')).toEqual([]);
		expect(lintText('- first item\n\n    human error here')).toHaveLength(1);
	});

	it('ignores URLs', () => {
		expect(lintText('See https://wiki.example.com/human-error/should-have-known and www.example.com/obviously.')).toEqual([]);
		expect(lintText('See <https://example.com/x>, obviously.')).toHaveLength(1);
	});
});

describe('findingKey', () => {
	it('is stable when the text changes elsewhere', () => {
		const a = lintText('It was human error.')[0];
		const b = lintText('Earlier text was added here. It was Human Error, we thought.')[0];
		expect(a.start).not.toBe(b.start);
		expect(findingKey('summary', a)).toBe('summary:blame-label:human error');
		expect(findingKey('summary', b)).toBe(findingKey('summary', a));
		expect(findingKey('impact', a)).not.toBe(findingKey('summary', a));
	});
});

describe('lintPostmortem', () => {
	it('lints every text field and marks reviewed keys', () => {
		const pm = createPostmortem(new Date('2026-03-02T10:00:00Z'), 'UTC');
		pm.summary = 'Obviously it was human error.';
		const entry = { ...createTimelineEntry('2026-03-01T14:05'), what: 'Bob forgot to drain the node.' };
		pm.timeline = [entry];
		const factor = createContributingFactor('The root cause was a stale cache.');
		pm.contributingFactors = [factor];
		pm.reviewedFindings = ['summary:hindsight:obviously'];

		const found = lintPostmortem(pm);
		expect(found.map((f) => [f.field.ref, f.finding.rule, f.reviewed])).toEqual([
			['summary', 'hindsight', true],
			['summary', 'blame-label', false],
			[`timeline.${entry.id}.what`, 'counterfactual', false],
			[`factors.${factor.id}.description`, 'root-cause', false]
		]);
		expect(found[1].key).toBe('summary:blame-label:human error');
		expect(found[2].field.section).toBe('timeline');
	});

	it('returns nothing for a blank postmortem', () => {
		expect(lintPostmortem(createPostmortem())).toEqual([]);
	});
});

describe('locateFindings', () => {
	it('places each text’s findings in its fields, asking once per field', () => {
		const pm = createPostmortem(new Date('2026-03-02T10:00:00Z'), 'UTC');
		pm.summary = 'It was human error.';
		pm.lessons = 'It was human error.';
		pm.reviewedFindings = ['lessons:blame-label:human error'];
		const asked: string[] = [];
		const found = locateFindings(pm, (text) => (asked.push(text), lintText(text)));
		expect(asked).toEqual(['It was human error.', 'It was human error.']);
		expect(found.map((f) => [f.field.ref, f.key, f.reviewed])).toEqual([
			['summary', 'summary:blame-label:human error', false],
			['lessons', 'lessons:blame-label:human error', true]
		]);
		expect(found).toEqual(lintPostmortem(pm));
	});
});

describe('the rules', () => {
	it('are one per rule id, in the order of LANGUAGE_RULE_IDS, each with a message and patterns', () => {
		expect(RULES.map((r) => r.id)).toEqual([...LANGUAGE_RULE_IDS]);
		for (const r of RULES) {
			expect(r.message.length).toBeGreaterThan(40);
			expect(r.patterns().length).toBeGreaterThan(0);
		}
	});

	it('give every finding its rule’s message', () => {
		for (const r of RULES)
			for (const f of lintText(FLAGGED.map(([s]) => s).join(' '))) if (f.rule === r.id) expect(f.message).toBe(r.message);
	});
});

describe('lintText: performance', () => {
	it('lints 200 KB quickly', () => {
		const para =
			'At 14:05 the team should have checked the dashboard, obviously. The deploy failed to roll back. ' +
			'We had just run `kubectl get pods` and saw https://example.com/x. Why did you restart it? ' +
			'The root cause was human error; just restart it. Justin adjusted the default fault tolerance.\n\n';
		const text = para.repeat(Math.ceil(200_000 / para.length));
		expect(text.length).toBeGreaterThanOrEqual(200_000);
		const t0 = performance.now();
		const found = lintText(text);
		const ms = performance.now() - t0;
		expect(found.length).toBeGreaterThan(1000);
		expect(ms).toBeLessThan(2000);
	});

	it('survives pathological input', () => {
		const t0 = performance.now();
		lintText('`'.repeat(50_000) + 'a '.repeat(50_000) + 'had '.repeat(20_000) + 'should have '.repeat(10_000));
		expect(performance.now() - t0).toBeLessThan(3000);
	});
});
