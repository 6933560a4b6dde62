import Dexie, { liveQuery, type EntityTable } from 'dexie';
import type { Postmortem, Severity, Status } from '$lib/domain/model';

/** The small row the library lists, kept beside each postmortem so the list never loads whole documents. */
export interface PostmortemSummary {
	id: string;
	title: string;
	incidentDate: string;
	severity: Severity;
	status: Status;
	updatedAt: string;
	revision: number;
	filled: number;
	total: number;
}

/** A key/value setting (last backup time, notices already shown). */
export interface MetaRow {
	key: string;
	value: unknown;
}

export const DB_NAME = 'postmortem-workbench';

/** The IndexedDB schema. Every past `version()` stays here so old databases upgrade in place. */
export class WorkbenchDB extends Dexie {
	postmortems!: EntityTable<Postmortem, 'id'>;
	summaries!: EntityTable<PostmortemSummary, 'id'>;
	meta!: EntityTable<MetaRow, 'key'>;

	constructor(name = DB_NAME) {
		super(name);
		this.version(1).stores({
			postmortems: 'id',
			summaries: 'id, updatedAt',
			meta: 'key'
		});
	}
}

let instance: WorkbenchDB | undefined;

/** The app's one database connection, opened on first use. */
export function db(): WorkbenchDB {
	instance ??= new WorkbenchDB();
	return instance;
}

/** Replace the connection (tests use a fresh database name per test). */
export function useDatabase(next: WorkbenchDB): void {
	instance = next;
}

export { liveQuery };
