import type { Postmortem } from '$lib/domain/model';
import { get, type PostmortemSummary } from '$lib/storage';
import FinalChecksWorker from './final-checks.worker?worker';

/**
 * For the library, loaded once it has painted: how many checks each Final postmortem fails now
 * that it did not when it was marked final. The document's structure is checked (owners, due dates,
 * factors, the timeline) in a worker, whose bundle carries the checklist: imported here, it would
 * bring the editor's whole chunk into the library's page. Its wording is checked only in the
 * editor, which loads the language engine.
 */
export async function finalsNeedingAttention(rows: readonly PostmortemSummary[], now = new Date()): Promise<Map<string, number>> {
	const pms: Postmortem[] = [];
	for (const row of rows) {
		if (row.status !== 'final') continue;
		const pm = await get(row.id).catch(() => undefined);
		if (pm) pms.push(pm);
	}
	if (!pms.length) return new Map();
	const worker = new FinalChecksWorker();
	try {
		return await new Promise<Map<string, number>>((resolve, reject) => {
			worker.onmessage = (e: MessageEvent<[string, number][]>) => resolve(new Map(e.data));
			worker.onerror = (e) => reject(new Error(e.message));
			worker.postMessage({ pms, now: now.getTime() });
		});
	} finally {
		worker.terminate();
	}
}
