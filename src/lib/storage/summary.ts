import type { Postmortem } from '$lib/domain/model';
import { POSTMORTEM_VERSION } from '$lib/domain/model';
import { completion } from '$lib/domain/progress';
import type { PostmortemSummary } from './db';

/** The library row for a postmortem. */
export function summarize(pm: Postmortem): PostmortemSummary {
	const { filled, total } = completion(pm);
	return {
		id: pm.id,
		title: pm.title,
		incidentDate: pm.incidentDate,
		severity: pm.severity,
		status: pm.status,
		updatedAt: pm.updatedAt,
		revision: pm.revision,
		filled,
		total
	};
}

/**
 * The row as stored: marked with its shape version. Every postmortem this app holds is in today's
 * shape (Dexie upgraded the database, every other read went through restore), so a row without the
 * mark (stored before it existed) gets today's.
 */
export function withShapeVersion(pm: Postmortem): Postmortem {
	return pm.schemaVersion ? pm : { ...pm, schemaVersion: POSTMORTEM_VERSION };
}
