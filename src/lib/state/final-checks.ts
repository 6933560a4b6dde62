import { failingSinceFinal } from '$lib/domain/checklist';
import { reviewPostmortem } from '$lib/domain/review';
import { get, type PostmortemSummary } from '$lib/storage';

/**
 * For the library, loaded once it has painted: how many checks each Final postmortem fails now
 * that it did not when it was marked final. The document's structure is checked here (owners, due
 * dates, factors, the timeline); its wording is checked only in the editor, which loads the language
 * engine.
 */
export async function finalsNeedingAttention(rows: readonly PostmortemSummary[], now = new Date()): Promise<Map<string, number>> {
	const out = new Map<string, number>();
	for (const row of rows) {
		if (row.status !== 'final') continue;
		const pm = await get(row.id).catch(() => undefined);
		if (!pm) continue;
		const n = failingSinceFinal(pm, reviewPostmortem(pm, now, [])).length;
		if (n) out.set(row.id, n);
	}
	return out;
}
