/** How the library's list is narrowed and ordered: by status, by severity, and its sort, as the page address keeps them. */

import { SEVERITY_LABELS, STATUS_LABELS } from './labels';
import type { Severity, Status } from './model';

/** The orders the library offers; '' is the default: best match while searching, else last edited. */
export const LIBRARY_SORTS = {
	'': 'Last edited (best match when searching)',
	newest: 'Incident date, newest',
	oldest: 'Incident date, oldest',
	title: 'Title'
} as const;
export type LibrarySort = keyof typeof LIBRARY_SORTS;

/** The library's filters and order; '' is "any" ('none' a postmortem with no severity set). */
export interface LibraryView {
	status: Status | '';
	severity: Exclude<Severity, ''> | 'none' | '';
	sort: LibrarySort;
}

/** The fields of a library row the view reads. */
interface ViewedRow {
	title: string;
	status: Status;
	severity: Severity;
	incidentDate: string;
}

/** The view in a page address (`?status=final&severity=sev1&sort=oldest`); anything unknown reads as the default. */
export function viewFromParams(params: URLSearchParams): LibraryView {
	const pick = <T extends string>(key: string, allowed: readonly string[]) => {
		const v = params.get(key) ?? '';
		return (allowed.includes(v) ? v : '') as T;
	};
	return {
		status: pick('status', Object.keys(STATUS_LABELS)),
		severity: pick('severity', [...Object.keys(SEVERITY_LABELS), 'none']),
		sort: pick('sort', Object.keys(LIBRARY_SORTS))
	};
}

/** Write the view into `params`, leaving out what is at its default. */
export function viewToParams(view: LibraryView, params: URLSearchParams): void {
	for (const key of ['status', 'severity', 'sort'] as const) {
		if (view[key]) params.set(key, view[key]);
		else params.delete(key);
	}
}

/** True when the view narrows the list (a sort alone does not). */
export const isFiltered = (view: LibraryView): boolean => !!(view.status || view.severity);

/** The rows the view keeps, in its order; `rows` come most recently edited (or best match) first. */
export function applyView<R extends ViewedRow>(rows: readonly R[], view: LibraryView): R[] {
	const kept = rows.filter(
		(r) => (!view.status || r.status === view.status) && (!view.severity || (r.severity || 'none') === view.severity)
	);
	if (view.sort === 'title') return kept.sort((a, b) => (a.title || '\uffff').localeCompare(b.title || '\uffff'));
	if (view.sort === 'newest' || view.sort === 'oldest') {
		const dir = view.sort === 'newest' ? -1 : 1;
		// Postmortems without an incident date come last either way.
		return kept.sort((a, b) => (!a.incidentDate ? 1 : !b.incidentDate ? -1 : dir * a.incidentDate.localeCompare(b.incidentDate)));
	}
	return kept;
}
