// Realistic test data: the app's own example postmortem, scaled up (more timeline entries and
// corrective actions, distinct ids, titles and dates). Deterministic for a given index.
import { examplePostmortem, type Postmortem } from '$lib/domain';

const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
const STATUSES = ['draft', 'in-review', 'final'] as const;

/** 'YYYY-MM-DDTHH:mm' `minutes` after 2026-03-10T13:41. */
function wallClock(minutes: number): string {
	const d = new Date(Date.UTC(2026, 2, 10, 13, 41) + minutes * 60_000);
	return d.toISOString().slice(0, 16);
}

/** Postmortem number `i` with `entries` timeline entries and `actions` corrective actions. */
export function realistic(i: number, entries = 50, actions = 8, longText = 1): Postmortem {
	const ex = examplePostmortem(new Date(Date.UTC(2026, 0, 1) + i * 3_600_000));
	const tl = ex.timeline;
	const acts = ex.correctiveActions;
	const prefix = `bench-${i}`;
	return {
		...ex,
		id: prefix,
		title: `${ex.title} (${i + 1})`,
		severity: SEVERITIES[i % SEVERITIES.length],
		status: STATUSES[i % STATUSES.length],
		impact: Array.from({ length: longText }, () => ex.impact).join('\n\n'),
		timeline: Array.from({ length: entries }, (_, k) => {
			const src = tl[k % tl.length];
			const round = Math.floor(k / tl.length);
			return {
				...src,
				id: `${prefix}-t${k}`,
				// Evenly spaced, increasing times, so the timeline stays in order.
				at: wallClock(k * 3),
				what: round ? `${src.what} (follow-up ${round})` : src.what,
				milestone: round ? '' : src.milestone
			};
		}),
		correctiveActions: Array.from({ length: actions }, (_, k) => {
			const src = acts[k % acts.length];
			const round = Math.floor(k / acts.length);
			return { ...src, id: `${prefix}-a${k}`, title: round ? `${src.title} (part ${round + 1})` : src.title };
		}),
		contributingFactors: ex.contributingFactors.map((f, k) => ({ ...f, id: `${prefix}-f${k}` })),
		facilitation: {
			agenda: ex.facilitation.agenda.map((a) => ({ ...a })),
			parkingLot: ex.facilitation.parkingLot.map((p, k) => ({ ...p, id: `${prefix}-p${k}` }))
		}
	};
}
