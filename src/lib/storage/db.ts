import Dexie, { liveQuery, type EntityTable, type Transaction } from 'dexie';
import type { Postmortem, Severity, Status } from '$lib/domain/model';
import { POSTMORTEM_MIGRATIONS, POSTMORTEM_VERSION, restorePostmortem, type PostmortemMigration } from '$lib/domain/restore';
import { summarize } from './summary';

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

/** The postmortem shape versions the schema upgrades through; tests pass their own. */
export interface ShapeVersions {
	/** The current shape version (the database version is the same number). */
	to: number;
	migrations: Readonly<Record<number, PostmortemMigration>>;
}

/**
 * The IndexedDB schema. Every past `version()` stays here so old databases upgrade in place.
 * Database version N holds postmortems of shape version N (see domain/restore.ts): each version
 * after the first upgrades every stored postmortem with the domain's own migration, through
 * `restorePostmortem`, the same path every other read of an old postmortem takes (an import, a
 * copy kept in localStorage, app.html's early read), and rebuilds its library row.
 */
export class WorkbenchDB extends Dexie {
	postmortems!: EntityTable<Postmortem, 'id'>;
	summaries!: EntityTable<PostmortemSummary, 'id'>;
	meta!: EntityTable<MetaRow, 'key'>;

	constructor(name = DB_NAME, shapes: ShapeVersions = { to: POSTMORTEM_VERSION, migrations: POSTMORTEM_MIGRATIONS }) {
		super(name);
		this.version(1).stores({
			postmortems: 'id',
			summaries: 'id, updatedAt',
			meta: 'key'
		});
		for (let v = 2; v <= shapes.to; v++)
			this.version(v)
				.stores({})
				.upgrade((tx) => upgradeRows(tx, v, shapes.migrations));
	}
}

/** Upgrade every stored postmortem from shape version `to - 1` to `to`, and its library row. */
async function upgradeRows(tx: Transaction, to: number, migrations: ShapeVersions['migrations']): Promise<void> {
	const rows = await tx.table('postmortems').toArray();
	const upgraded: Postmortem[] = [];
	for (const row of rows) {
		const r = restorePostmortem(row, { version: to - 1, to, migrations });
		// A row that cannot be upgraded stays as it was (never dropped); reading it reports why.
		if (r.ok) upgraded.push(r.postmortem);
	}
	await tx.table('postmortems').bulkPut(upgraded);
	await tx.table('summaries').bulkPut(upgraded.map(summarize));
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
