/** A complete, realistic example postmortem that shows what a good, blameless write-up looks like. */

import { DEFAULT_AGENDA, POSTMORTEM_VERSION, type CorrectiveAction, type Postmortem, type TimelineEntry } from './model';

/** The fixed id of the example, so opening it twice finds the same document. */
export const EXAMPLE_ID = 'example-checkout-outage';

type Row = [at: string, who: string, what: string, milestone?: TimelineEntry['milestone'], link?: string];

const TIMELINE: Row[] = [
	[
		'2026-03-10T13:41',
		'Priya Raman',
		'Merges a config change raising the checkout-api database pool from 40 to 120 connections per pod, to absorb the evening promotion. Reviewed and approved by a second platform engineer.',
		'',
		'https://git.example.com/platform/config/merge_requests/2318'
	],
	[
		'2026-03-10T13:48',
		'config-service',
		'Starts rolling the new pool size out to all 24 checkout-api pods.',
		'',
		'https://deploys.example.com/config/8841'
	],
	['2026-03-10T13:56', 'config-service', 'Rollout complete. Pods reopen their pools as traffic arrives.'],
	[
		'2026-03-10T14:02',
		'orders-db',
		'Reaches its limit of 2,000 connections. New checkout requests wait for a connection and time out after 5 seconds; checkout error rate climbs past 5%.',
		'impact-began',
		'https://grafana.example.com/d/orders-db?from=1773146400000'
	],
	[
		'2026-03-10T14:09',
		'Alertmanager',
		'Pages the checkout on-call with "CheckoutErrorRateHigh" (error rate above 5% for 5 minutes).',
		'detected',
		'https://alerts.example.com/alerts/55120'
	],
	[
		'2026-03-10T14:11',
		'Tomás Ortega',
		'Acknowledges the page. The checkout dashboard shows database timeouts and request latency rising with traffic.'
	],
	[
		'2026-03-10T14:15',
		'Tomás Ortega',
		'Declares a SEV 2 incident in #inc-checkout. Amara Okafor takes the incident lead role.',
		'declared',
		'https://chat.example.com/archives/inc-checkout/p1773148500'
	],
	['2026-03-10T14:19', 'Lea Schmidt', 'Reports a spike of support tickets: customers see the payment page spin and then an error.'],
	[
		'2026-03-10T14:22',
		'Tomás Ortega',
		'Following the runbook step for high error rates, scales checkout-api from 24 to 36 pods. Error rate rises to 38% as the new pods open their own pools.'
	],
	[
		'2026-03-10T14:31',
		'Amara Okafor',
		'Asks the channel what changed in the last hour. Priya links the pool size change and notes that 24 pods × 120 connections is more than orders-db accepts.'
	],
	['2026-03-10T14:34', 'Tomás Ortega', 'Scales checkout-api back to 24 pods. Error rate drops to 22%.'],
	[
		'2026-03-10T14:38',
		'Priya Raman',
		'Starts the rollback of the pool size to 40. config-service rolls it out pod by pod over about ten minutes.',
		'',
		'https://deploys.example.com/config/8847'
	],
	['2026-03-10T14:49', 'orders-db', 'Connections fall below 1,200. Checkout error rate back under 1% and latency normal.', 'mitigated'],
	['2026-03-10T15:05', 'Amara Okafor', 'Starts reconciling payments that were authorised while no order was created (312 found).'],
	[
		'2026-03-10T15:40',
		'Lea Schmidt',
		'Posts a customer update on the status page and sends a reply macro to everyone who opened a ticket.',
		'',
		'https://status.example.com/incidents/2026-03-10'
	],
	['2026-03-10T16:20', 'Amara Okafor', 'All 312 orders created or refunded; metrics normal for over an hour. Incident closed.', 'resolved']
];

const ACTIONS: Omit<CorrectiveAction, 'id'>[] = [
	{
		title: 'Make config-service reject pool sizes where pods × pool size exceeds orders-db max_connections',
		kind: 'quick-fix',
		term: 'short',
		priority: 'critical',
		owner: 'Priya Raman',
		dueDate: '2026-04-09',
		status: 'in-progress',
		trackerLink: 'https://tracker.example.com/PLAT-1412',
		successMeasure: 'A staging change of 24 × 120 is rejected with a message that names the limit.',
		factorIds: ['example-factor-1', 'example-factor-2']
	},
	{
		title: 'Alert when orders-db connection use passes 80% of max_connections',
		kind: 'quick-fix',
		term: 'short',
		priority: 'high',
		owner: 'Tomás Ortega',
		dueDate: '2026-03-24',
		status: 'done',
		trackerLink: 'https://tracker.example.com/OPS-877',
		successMeasure: 'In a game-day replay the alert fires within two minutes of saturation.',
		factorIds: ['example-factor-4']
	},
	{
		title: 'Update the checkout runbook and dashboard: check database connection saturation before scaling out',
		kind: 'process-change',
		term: 'short',
		priority: 'medium',
		owner: 'Tomás Ortega',
		dueDate: '2026-03-27',
		status: 'open',
		trackerLink: 'https://tracker.example.com/OPS-878',
		successMeasure: 'Two on-call engineers walk through the runbook in the next game day and pick the right step.',
		factorIds: ['example-factor-4']
	},
	{
		title: 'Put a connection pooler in front of orders-db so the pod count no longer multiplies connections',
		kind: 'design-change',
		term: 'long',
		priority: 'high',
		owner: 'Mei Chen',
		dueDate: '2026-06-12',
		status: 'open',
		trackerLink: 'https://tracker.example.com/DB-301',
		successMeasure: 'Scaling checkout-api to 60 pods in a load test keeps orders-db under 500 connections.',
		factorIds: ['example-factor-1']
	},
	{
		title: 'Roll out config changes through the same canary stage as code (5% of pods for 10 minutes)',
		kind: 'process-change',
		term: 'long',
		priority: 'medium',
		owner: 'Jonas Weber',
		dueDate: '2026-05-08',
		status: 'open',
		trackerLink: 'https://tracker.example.com/PLAT-1420',
		successMeasure: 'The next three config changes show a canary stage in the deploy log.',
		factorIds: ['example-factor-3', 'example-factor-5']
	}
];

/** A fully filled, blameless example postmortem (deterministic content; `now` only sets its timestamps). */
export function examplePostmortem(now: Date = new Date()): Postmortem {
	const iso = now.toISOString();
	return {
		id: EXAMPLE_ID,
		schemaVersion: POSTMORTEM_VERSION,
		revision: 0,
		createdAt: iso,
		updatedAt: iso,
		title: 'Checkout errors after a database pool size change',
		incidentDate: '2026-03-10T14:02',
		timeZone: 'Europe/Berlin',
		status: 'in-review',
		severity: 'sev2',
		incidentLead: 'Amara Okafor',
		facilitator: 'Jonas Weber',
		authors: ['Amara Okafor', 'Priya Raman'],
		participants: ['Tomás Ortega', 'Priya Raman', 'Lea Schmidt', 'Mei Chen', 'Amara Okafor', 'Jonas Weber'],
		services: ['checkout-api', 'orders-db', 'config-service'],
		tags: ['configuration', 'database', 'capacity', 'checkout'],
		meetingDate: '2026-03-12',

		summary:
			'For 47 minutes on 10 March 2026, about a third of checkout attempts in the web shop ended in an error. ' +
			'A configuration change tripled the database connections each checkout server opens, and together they asked ' +
			'for more connections than the orders database accepts. Rolling the change back ended the errors; ' +
			'reconciling the affected payments took until 16:20.',
		impact: [
			'- **Customers:** about 4,100 checkout attempts ended in an error between 14:02 and 14:49 (CET), roughly 34% of all attempts in that window.',
			'- **Orders:** 312 payments were authorised without an order being created. All were reconciled by 16:20: 287 orders created, 25 refunded at the customer’s request.',
			'- **Revenue:** an estimated €61,000 of orders were delayed; about €9,000 appears lost to abandoned carts.',
			'- **Support:** 143 tickets in the first hour.',
			'- **Data:** no data was lost and no personal data was exposed.',
			'',
			'Figures come from the checkout error-rate dashboard and the payment provider’s authorisation report; the revenue estimate compares with the same weekday a week earlier.'
		].join('\n'),
		trigger:
			'A config change raised the checkout-api database pool size from 40 to 120 per pod, ahead of an evening promotion. ' +
			'With 24 pods this allows up to 2,880 connections, while orders-db is set to accept 2,000.',
		detection:
			'The "CheckoutErrorRateHigh" alert paged the on-call engineer at 14:09, seven minutes after the errors began ' +
			'(the alert waits five minutes to avoid paging on short spikes). Support saw the first customer tickets at 14:19.',
		resolution:
			'Once the pool change was linked to the symptoms at 14:31, the pool size was rolled back to 40. The rollback reached all pods by 14:49 and the error rate returned to normal. ' +
			'Payments without orders were then reconciled by hand; the incident was closed at 16:20.',
		timeline: TIMELINE.map(([at, who, what, milestone = '', link = ''], i) => ({
			id: `example-timeline-${String(i + 1).padStart(2, '0')}`,
			at,
			who,
			what,
			link,
			milestone
		})),
		wentWell: [
			'- The error-rate alert fired as designed and the on-call engineer acknowledged it within two minutes.',
			'- Declaring the incident early brought support, platform and database people into one channel within fifteen minutes.',
			'- Asking "what changed in the last hour?" led straight to the config change, because config-service links every rollout to its merge request.',
			'- The rollback path for config changes is well practised and worked on the first try.',
			'- Support posted a status page update and a ticket macro without waiting for the full diagnosis.',
			'- The payment provider’s authorisation report made it possible to find every affected payment.'
		].join('\n'),
		wentWrong:
			'The change was small, reviewed and within the allowed range for the setting, so it looked safe to everyone who saw it. ' +
			'Nothing in our tooling relates a per-pod setting to a limit on a shared database. During the response, the dashboard showed ' +
			'timeouts but not connection saturation, and the runbook’s first step for high error rates (scale out) made the saturation worse. ' +
			'The config rollback takes about ten minutes because config changes roll out pod by pod.',
		contributingFactors: [
			{
				id: 'example-factor-1',
				kind: 'technical',
				description:
					'The database pool size is set per pod, so the total number of connections grows with the number of pods. orders-db accepts 2,000 connections; 24 pods × 120 is 2,880.'
			},
			{
				id: 'example-factor-2',
				kind: 'tooling',
				description:
					'config-service checks each value against its own range (1–500) but has no view of fleet-wide totals or of the database limit, so the change passed every automated check and looked safe in review.'
			},
			{
				id: 'example-factor-3',
				kind: 'process',
				description:
					'Config changes reach every pod within minutes without a canary stage, unlike code deploys, so the effect appeared everywhere at once.'
			},
			{
				id: 'example-factor-4',
				kind: 'communication',
				description:
					'The checkout runbook recommends scaling out as the first response to a high error rate, and the dashboard shows database timeouts but not connection use. With that information, adding pods looked like the fastest relief; it added connections instead.'
			},
			{
				id: 'example-factor-5',
				kind: 'organisational',
				description:
					'The promotion was confirmed two days earlier, so the capacity change was prepared and reviewed on the afternoon before launch, leaving no time for a load test.'
			}
		],
		gotLucky: [
			'- The incident began at 14:02, four hours before the promotion started at 18:00. Traffic during the promotion is about three times higher, so the same change at 18:00 reaches far more customers.',
			'- Priya, who made the change, was still online and recognised the numbers as soon as she saw the channel.',
			'- orders-db held up under saturation; the replicas were unaffected, so browsing and order history kept working.'
		].join('\n'),
		correctiveActions: ACTIONS.map((a, i) => ({ id: `example-action-${i + 1}`, ...a })),
		riskAccepted: '',
		lessons: [
			'- A per-instance setting is a fleet-wide setting once you multiply it by the number of instances. Several people in the meeting had not thought of pool size this way.',
			'- Scaling out is not a neutral move for a service that holds connections to a shared database: each new pod brings its own pool.',
			'- Our config changes carry as much risk as code changes but go through lighter checks.',
			'- The payment provider’s authorisation report is the fastest way to find payments without orders; it is now linked from the checkout runbook.'
		].join('\n'),
		supportingInfo: [
			'- [Checkout error rate and orders-db connections, 13:30–17:00](https://grafana.example.com/d/checkout?from=1773145800000&to=1773158400000)',
			'- [Incident channel export](https://chat.example.com/archives/inc-checkout)',
			'- [Config merge request 2318](https://git.example.com/platform/config/merge_requests/2318) and [rollback 8847](https://deploys.example.com/config/8847)',
			'- [Alert 55120](https://alerts.example.com/alerts/55120)',
			'- [Status page entry](https://status.example.com/incidents/2026-03-10)',
			'- Payment reconciliation sheet: `finance/reconciliation/2026-03-10.xlsx` on the shared drive'
		].join('\n'),
		publicSummary: [
			'On 10 March 2026 between 14:02 and 14:49 CET, about a third of attempts to complete a purchase in our web shop ended with an error. Browsing and order history were not affected, and no personal data was exposed.',
			'',
			'**What happened.** A configuration change made ahead of a promotion let our checkout servers open more connections to the orders database than it accepts. New checkout requests then waited for a connection and timed out.',
			'',
			'**How we restored service.** Our monitoring alerted the on-call team seven minutes after the errors began. We identified the change, rolled it back, and checkout worked normally again from 14:49.',
			'',
			'**Your orders.** Some payments were authorised while no order was created. By 16:20 we had created or refunded every one of them; if you were affected you received an email from us.',
			'',
			'**What we are doing.** We are adding a check that stops this kind of configuration from being applied, an earlier alert for database connection use, and a gradual rollout for configuration changes, as we already have for software releases.'
		].join('\n'),
		reviewedFindings: [],
		finalNote: '',
		facilitation: {
			agenda: DEFAULT_AGENDA.map((a) => ({ ...a })),
			parkingLot: [
				{
					id: 'example-parking-1',
					text: 'Publish a connection budget per service next to each database in the service catalogue.'
				}
			]
		},
		extra: {}
	};
}
