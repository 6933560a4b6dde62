import { describe, expect, it } from 'vitest';
import { businessDaysBetween, isVagueAction, reviewPostmortem } from '$lib/domain/review';
import { readiness, type ReviewItem } from '$lib/domain/checklist';
import { lintPostmortem } from '$lib/domain/lint';
import { CHECKS } from '$lib/domain/checks';
import { createPostmortem, type CorrectiveAction, type Milestone, type Postmortem } from '$lib/domain/model';
import { createContributingFactor, createCorrectiveAction, createTimelineEntry } from '$lib/domain/parts';

// 2026-03-02 is a Monday.
const NOW = new Date('2026-03-04T12:00:00Z');

function entry(at: string, what: string, milestone: Milestone | '' = '') {
	return { ...createTimelineEntry(at), what, milestone };
}

function action(title: string, patch: Partial<CorrectiveAction> = {}): CorrectiveAction {
	return {
		...createCorrectiveAction(title),
		owner: 'Dana',
		dueDate: '2026-04-01',
		priority: 'medium',
		term: 'short',
		...patch
	};
}

/** A postmortem that passes every check. */
function good(): Postmortem {
	const pm = createPostmortem(new Date('2026-03-02T10:00:00Z'), 'UTC');
	pm.title = 'Checkout errors after config push';
	pm.incidentDate = '2026-03-02T09:00';
	pm.meetingDate = '2026-03-05';
	pm.participants = ['Alice Jones', 'Bob'];
	pm.summary = 'Checkout returned errors for 40 minutes after a config push.';
	pm.wentWell = 'The rollback runbook worked first time.';
	pm.timeline = [
		entry('2026-03-02T09:00', 'Config push reaches all regions', 'impact-began'),
		entry('2026-03-02T09:04', 'Error-rate alert pages the on-call', 'detected'),
		entry('2026-03-02T09:10', 'Incident declared', 'declared'),
		entry('2026-03-02T09:25', 'Config rolled back', 'mitigated'),
		entry('2026-03-02T09:40', 'Error rate back to baseline', 'resolved')
	];
	pm.contributingFactors = [
		createContributingFactor('The config push had no canary stage.'),
		createContributingFactor('The error-rate alert threshold was tuned for peak traffic.')
	];
	pm.correctiveActions = [
		action('Add a canary stage to the config pipeline', { priority: 'high' }),
		action('Alert on checkout error rate above 2% for 3 minutes', { term: 'long' })
	];
	pm.correctiveActions[0].factorIds = [pm.contributingFactors[0].id];
	pm.correctiveActions[1].factorIds = [pm.contributingFactors[1].id];
	return pm;
}

function item(items: ReviewItem[], id: string): ReviewItem {
	const found = items.find((i) => i.id === id);
	if (!found) throw new Error(`no item ${id}: ${items.map((i) => i.id).join(', ')}`);
	return found;
}

function check(pm: Postmortem, id: string, now = NOW): ReviewItem {
	return item(reviewPostmortem(pm, now, lintPostmortem(pm)), id);
}

describe('reviewPostmortem', () => {
	it('passes a good postmortem on every item', () => {
		const items = reviewPostmortem(good(), NOW, lintPostmortem(good()));
		expect(items.filter((i) => i.status !== 'pass')).toEqual([]);
		expect(readiness(items)).toEqual({ pass: items.length, warn: 0, fail: 0 });
		for (const i of items) {
			expect(i.title).toBeTruthy();
			expect(i.message).toMatch(/\.$/);
		}
		expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
	});

	describe('contributing factors', () => {
		it('fails with fewer than two', () => {
			const pm = good();
			pm.contributingFactors = [pm.contributingFactors[0], createContributingFactor('   ')];
			const r = check(pm, 'factors-count');
			expect(r.status).toBe('fail');
			expect(r.section).toBe('factors');
			pm.contributingFactors = [];
			expect(check(pm, 'factors-count').message).toContain('at least two');
		});

		it('fails when a factor is a blame label', () => {
			const pm = good();
			pm.contributingFactors.push(createContributingFactor('Human error.'));
			const r = check(pm, 'factors-blameless');
			expect(r.status).toBe('fail');
			expect(r.message).toContain('3');
		});

		it('fails when a factor only names a person', () => {
			for (const d of ['Bob', 'Alice Jones', 'The on-call engineer', 'the database team.', 'Carol', "Bob's mistake"]) {
				const pm = good();
				pm.contributingFactors.push(createContributingFactor(d));
				expect(check(pm, 'factors-blameless').status, d).toBe('fail');
			}
		});

		it('accepts factors that mention people alongside conditions', () => {
			const pm = good();
			pm.contributingFactors.push(
				createContributingFactor('Bob ran the migration from a runbook that did not mention the lock.'),
				createContributingFactor('Kafka'),
				createContributingFactor('The on-call rota had one person for two services.')
			);
			expect(check(pm, 'factors-blameless').status).toBe('pass');
		});
	});

	describe('what went well', () => {
		it('fails when empty and passes when filled', () => {
			const pm = good();
			pm.wentWell = '  \n';
			const r = check(pm, 'went-well');
			expect(r.status).toBe('fail');
			expect(r.section).toBe('went-well');
		});
	});

	describe('timeline', () => {
		it('fails naming the missing milestones', () => {
			const pm = good();
			pm.timeline = pm.timeline.filter((e) => e.milestone !== 'detected' && e.milestone !== 'resolved');
			const r = check(pm, 'timeline-milestones');
			expect(r.status).toBe('fail');
			expect(r.message).toContain('detected');
			expect(r.message).toContain('resolved');
			expect(r.message).not.toContain('impact began');
			expect(r.section).toBe('timeline');
		});

		it('warns when entries are out of order, ignoring entries without a time', () => {
			const pm = good();
			pm.timeline = [pm.timeline[0], pm.timeline[2], pm.timeline[1], pm.timeline[3], pm.timeline[4]];
			const r = check(pm, 'timeline-order');
			expect(r.status).toBe('warn');
			expect(r.message).toContain('09:04');

			const ok = good();
			ok.timeline = [ok.timeline[0], entry('', 'Someone noted this later'), ...ok.timeline.slice(1)];
			expect(check(ok, 'timeline-order').status).toBe('pass');
		});

		it('warns when milestones are in an impossible order', () => {
			const pm = good();
			pm.timeline[4] = { ...pm.timeline[4], at: '2026-03-02T09:20' }; // resolved before mitigated
			pm.timeline = [...pm.timeline];
			const r = check(pm, 'milestone-order');
			expect(r.status).toBe('warn');
			expect(r.message).toContain('resolved');
			expect(r.message).toContain('mitigated');
		});

		it('warns when detection comes before impact', () => {
			const pm = good();
			pm.timeline = [
				entry('2026-03-02T09:00', 'alert', 'detected'),
				entry('2026-03-02T09:05', 'errors start', 'impact-began'),
				entry('2026-03-02T09:40', 'fixed', 'resolved')
			];
			expect(check(pm, 'milestone-order').status).toBe('warn');
		});

		it('warns when a milestone has no time', () => {
			const pm = good();
			pm.timeline = [...pm.timeline.slice(0, 4), entry('', 'back to normal', 'resolved')];
			const r = check(pm, 'milestone-order');
			expect(r.status).toBe('warn');
			expect(r.message).toContain('resolved');
		});
	});

	describe('corrective actions', () => {
		it('fails when there are none, and skips the checks that need actions', () => {
			const pm = good();
			pm.correctiveActions = [];
			const items = reviewPostmortem(pm, NOW, lintPostmortem(pm));
			expect(item(items, 'actions-present').status).toBe('fail');
			expect(items.some((i) => i.id === 'actions-complete')).toBe(false);
			pm.correctiveActions = [action('Add a canary stage', { status: 'wont-do' })];
			expect(check(pm, 'actions-present').message).toContain('won’t do');
		});

		it('fails naming the actions without owner, due date or priority', () => {
			const pm = good();
			pm.correctiveActions.push(
				action('Rotate the deploy key', { owner: '' }),
				action('Document the failover', { dueDate: '', priority: '' })
			);
			const r = check(pm, 'actions-complete');
			expect(r.status).toBe('fail');
			expect(r.message).toContain('action 3 (“Rotate the deploy key”) an owner');
			expect(r.message).toContain('action 4 (“Document the failover”) a due date and a priority');
			expect(r.section).toBe('actions');
		});

		it('ignores won’t-do actions in the completeness check', () => {
			const pm = good();
			pm.correctiveActions.push(action('Rewrite everything', { owner: '', status: 'wont-do' }));
			expect(check(pm, 'actions-complete').status).toBe('pass');
		});

		it('warns without both a short-term and a long-term action', () => {
			const pm = good();
			pm.correctiveActions = pm.correctiveActions.map((a) => ({ ...a, term: 'short' as const }));
			const r = check(pm, 'actions-terms');
			expect(r.status).toBe('warn');
			expect(r.message).toContain('long-term');
			expect(r.message).not.toContain('short-term');
		});

		it('warns without a high or critical action unless the risk is accepted', () => {
			const pm = good();
			pm.correctiveActions = pm.correctiveActions.map((a) => ({ ...a, priority: 'low' as const }));
			expect(check(pm, 'actions-priority').status).toBe('warn');
			pm.riskAccepted = 'Checkout has a manual fallback; the residual risk is low.';
			expect(check(pm, 'actions-priority').status).toBe('pass');
			pm.riskAccepted = '';
			pm.correctiveActions[1] = { ...pm.correctiveActions[1], priority: 'critical' };
			expect(check(pm, 'actions-priority').status).toBe('pass');
		});

		it('warns above ten actions', () => {
			const pm = good();
			const more = Array.from({ length: 8 }, (_, i) => action(`Add alert number ${i + 1} on queue depth`));
			pm.correctiveActions = [...pm.correctiveActions, ...more];
			expect(check(pm, 'actions-count').status).toBe('pass');
			pm.correctiveActions = [...pm.correctiveActions, action('Add one more dashboard panel for p99')];
			const r = check(pm, 'actions-count');
			expect(r.status).toBe('warn');
			expect(r.message).toContain('11');
		});

		it('warns about vague actions, naming them', () => {
			const pm = good();
			pm.correctiveActions.push(action('Improve monitoring'));
			const r = check(pm, 'actions-specific');
			expect(r.status).toBe('warn');
			expect(r.message).toContain('3 (“Improve monitoring”)');
		});
	});

	describe('timing', () => {
		it('passes a meeting within five business days over a weekend', () => {
			const pm = good();
			pm.incidentDate = '2026-03-06T22:00'; // Friday
			pm.meetingDate = '2026-03-13'; // next Friday: 5 business days
			expect(check(pm, 'timing').status).toBe('pass');
		});

		it('warns when the meeting was later than five business days', () => {
			const pm = good();
			pm.incidentDate = '2026-03-06T22:00';
			pm.meetingDate = '2026-03-16'; // Monday after: 6 business days
			const r = check(pm, 'timing');
			expect(r.status).toBe('warn');
			expect(r.message).toContain('6 business days');
			expect(r.section).toBe('overview');
		});

		it('uses now when no meeting date is set and the postmortem is not final', () => {
			const pm = good();
			pm.meetingDate = '';
			expect(check(pm, 'timing', new Date('2026-03-06T12:00:00Z')).status).toBe('pass');
			expect(check(pm, 'timing', new Date('2026-03-06T12:00:00Z')).message).toContain('2026-03-09');
			const late = check(pm, 'timing', new Date('2026-03-10T12:00:00Z'));
			expect(late.status).toBe('warn');
			expect(late.message).toContain('6 business days');
		});

		it('reads now in the postmortem’s time zone', () => {
			const pm = good();
			pm.meetingDate = '';
			pm.timeZone = 'Pacific/Auckland';
			// 2026-03-09T12:00Z is already Tuesday 10 March in Auckland: 6 business days.
			expect(check(pm, 'timing', new Date('2026-03-09T12:00:00Z')).status).toBe('warn');
			pm.timeZone = 'UTC';
			expect(check(pm, 'timing', new Date('2026-03-09T12:00:00Z')).status).toBe('pass');
		});

		it('warns without an incident date', () => {
			const pm = good();
			pm.incidentDate = '';
			expect(check(pm, 'timing').status).toBe('warn');
		});

		it('asks for the meeting date on a final postmortem', () => {
			const pm = good();
			pm.meetingDate = '';
			pm.status = 'final';
			expect(check(pm, 'timing').status).toBe('warn');
		});

		it('warns when the meeting predates the incident', () => {
			const pm = good();
			pm.meetingDate = '2026-02-27';
			expect(check(pm, 'timing').message).toContain('before the incident');
		});
	});

	describe('language', () => {
		it('fails with the count of open findings (so going final asks about them), and passes once they are reviewed', () => {
			const pm = good();
			pm.lessons = 'Obviously the root cause was the config.';
			const r = check(pm, 'language');
			expect(r.status).toBe('fail');
			expect(r.message).toContain('2 flagged phrases');
			expect(r.section).toBe('lessons');
			pm.reviewedFindings = ['lessons:hindsight:obviously', 'lessons:root-cause:root cause'];
			expect(check(pm, 'language').status).toBe('pass');
		});
	});
});

describe('actions tied to factors', () => {
	it('warns about a factor no action addresses, naming it by its number', () => {
		const pm = good();
		pm.correctiveActions[1].factorIds = [pm.contributingFactors[0].id];
		const r = check(pm, 'factors-addressed');
		expect(r.status).toBe('warn');
		expect(r.message).toContain('contributing factor 2');
		expect(r.section).toBe('actions');
	});

	it('does not count an action marked “won’t do” as addressing a factor', () => {
		const pm = good();
		pm.correctiveActions[1].status = 'wont-do';
		expect(check(pm, 'factors-addressed').message).toContain('contributing factor 2');
	});

	it('warns about an action tied to no factor, and about one tied only to a removed factor', () => {
		const pm = good();
		pm.correctiveActions[0].factorIds = [];
		pm.correctiveActions[1].factorIds = ['gone'];
		const r = check(pm, 'actions-linked');
		expect(r.status).toBe('warn');
		expect(r.message).toContain('corrective action 1 and 2');
	});

	it('treats an action written before links existed as tied to nothing', () => {
		const pm = good();
		delete pm.correctiveActions[0].factorIds;
		expect(check(pm, 'actions-linked').message).toContain('corrective action 1 ');
	});
});

describe('the checks', () => {
	it('run in checklist order, each giving its own id, title and section', () => {
		const items = reviewPostmortem(good(), NOW, lintPostmortem(good()));
		expect(items.map((i) => i.id)).toEqual([
			'factors-count',
			'factors-blameless',
			'went-well',
			'timeline-milestones',
			'timeline-order',
			'milestone-order',
			'actions-present',
			'actions-complete',
			'actions-terms',
			'actions-priority',
			'actions-count',
			'actions-specific',
			'factors-addressed',
			'actions-linked',
			'timing',
			'language'
		]);
		expect(items.map((i) => [i.id, i.title, i.section])).toEqual(CHECKS.map((c) => [c.id, c.title, c.section]));
	});

	it('leave out the action checks when no action is to be carried out', () => {
		const pm = good();
		pm.correctiveActions = pm.correctiveActions.map((a) => ({ ...a, status: 'wont-do' }));
		const ids = reviewPostmortem(pm, NOW, lintPostmortem(pm)).map((i) => i.id);
		expect(ids.filter((id) => id.startsWith('actions-'))).toEqual(['actions-present']);
		expect(ids).not.toContain('factors-addressed');
		expect(ids).toHaveLength(CHECKS.length - 7);
	});
});

describe('readiness', () => {
	it('counts statuses', () => {
		const mk = (status: ReviewItem['status']): ReviewItem => ({ id: status, status, title: '', message: '', section: 'overview' });
		expect(readiness([mk('pass'), mk('warn'), mk('fail'), mk('fail')])).toEqual({ pass: 1, warn: 1, fail: 2 });
		expect(readiness([])).toEqual({ pass: 0, warn: 0, fail: 0 });
	});

	it('counts a blank postmortem as not ready', () => {
		const r = readiness(reviewPostmortem(createPostmortem(NOW, 'UTC'), NOW, []));
		expect(r.fail).toBeGreaterThanOrEqual(4);
	});
});

describe('isVagueAction', () => {
	it.each([
		'Improve monitoring',
		'Investigate',
		'Be more careful',
		'Train people',
		'Look into the database',
		'Better communication',
		'Make sure this does not happen again',
		'Improve alerting',
		'Review the process',
		'Remind everyone to double-check deploys'
	])('flags %j', (t) => expect(isVagueAction(t)).toBe(true));

	it.each([
		'Add a canary stage to the config pipeline',
		'Alert on checkout error rate above 2% for 3 minutes',
		'Investigate why db-3 disk filled up at 02:00',
		'Improve `deploy.sh` to refuse pushes without a ticket',
		'Improve the Grafana payments dashboard',
		'Rotate the deploy key and store it in Vault',
		'Make sure payments-api retries use jittered backoff',
		'Write a runbook page for the failover procedure',
		''
	])('accepts %j', (t) => expect(isVagueAction(t)).toBe(false));
});

describe('businessDaysBetween', () => {
	it('counts weekdays after the start up to the end', () => {
		expect(businessDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
		expect(businessDaysBetween('2026-03-02', '2026-03-09')).toBe(5); // Mon → Mon
		expect(businessDaysBetween('2026-03-06', '2026-03-09')).toBe(1); // Fri → Mon
		expect(businessDaysBetween('2026-03-07', '2026-03-08')).toBe(0); // Sat → Sun
		expect(businessDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
		expect(businessDaysBetween('nope', '2026-03-06')).toBeNaN();
	});
});
