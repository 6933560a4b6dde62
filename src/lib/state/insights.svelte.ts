import { localDate } from '$lib/domain/action-board';
import { defaultQuery, type Bucket, type Insights, type InsightsQuery } from '$lib/domain/insights-view';
import type { Postmortem } from '$lib/domain/model';
import { Live } from '$lib/storage';
import { listDocuments } from '$lib/storage/actions';
import InsightsWorker from './insights.worker?worker';

/** The postmortems behind a figure the person chose, with what the figure was. */
export interface InsightsSelection {
	label: string;
	ids: string[];
}

/**
 * The insights page: the stored postmortems, followed as they change, and the figures for `query`,
 * worked out in a worker. Create it in a component's setup (it follows the query with an effect) and
 * `stop()` it when the component goes.
 */
export class InsightsPage {
	private readonly docs = new Live<Postmortem[]>(listDocuments);
	/** Today where the person is ('YYYY-MM-DD'). */
	readonly today = localDate();
	/** The period and filter. */
	query: InsightsQuery = $state(defaultQuery(localDate()));
	/** The figures for the query (the last ones stand while newer are worked out). */
	insights = $state.raw<Insights | undefined>();
	/** Why the figures could not be worked out, or ''. */
	error = $state('');
	/** The figure the person chose, whose postmortems are listed. */
	selection = $state.raw<InsightsSelection | undefined>();
	private readonly worker = new InsightsWorker();
	private seq = 0;

	constructor() {
		this.worker.onmessage = (e: MessageEvent<{ seq: number; insights?: Insights; error?: string }>) => {
			if (e.data.seq !== this.seq) return; // an older query's answer
			if (e.data.insights) {
				this.insights = e.data.insights;
				this.error = '';
			} else this.error = e.data.error ?? 'unknown error';
		};
		$effect(() => {
			const pms = this.docs.current;
			// A plain copy to post (the state is a proxy); not $state.snapshot, whose code every page would load.
			const { from, to, severity } = this.query;
			const query: InsightsQuery = { from, to, severity };
			if (pms) this.worker.postMessage({ seq: ++this.seq, pms, query, today: this.today });
		});
	}

	/** True once the figures for the stored postmortems are known. */
	get loaded(): boolean {
		return !!this.insights;
	}

	/** How many postmortems are stored. */
	get stored(): number {
		return this.docs.current?.length ?? 0;
	}

	/** Why the postmortems could not be read, if they could not. */
	get readError(): string | undefined {
		return this.docs.error;
	}

	/** List the postmortems behind a figure, in the order of their incidents. */
	select(label: string, bucket: Pick<Bucket, 'ids'>): void {
		const names = this.insights?.names ?? {};
		const date = (id: string) => names[id]?.incidentDate ?? '';
		this.selection = { label, ids: [...bucket.ids].sort((a, b) => date(a).localeCompare(date(b))) };
	}

	/** Stop following the database and end the worker. */
	stop(): void {
		this.docs.stop();
		this.worker.terminate();
	}
}
