import Dexie, { liveQuery, type EntityTable, type Transaction } from 'dexie';
import { POSTMORTEM_VERSION, type Postmortem, type Severity, type Status } from '$lib/domain/model';
import type { PostmortemMigration, restorePostmortem } from '$lib/domain/restore';
import { summarize } from './summary';
import { NewerDatabaseError, reportDatabaseCleared, reportNewerDatabase } from './errors';

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

/** The meta row naming one database: written when it is first opened, so a database made anew is told apart. */
const IDENTITY_KEY = 'database';

/** The postmortem shape versions the schema upgrades through; tests pass their own. */
export interface ShapeVersions {
	/** The current shape version (the database version is the same number). */
	to: number;
	/** The migrations restore applies (default: the domain's own). */
	migrations?: Readonly<Record<number, PostmortemMigration>>;
}

/**
 * The upgrade path (the domain's restore, with valibot and the schema), loaded only when opening
 * the database will upgrade it (`upgradeDue`), so the library does not download it on every visit.
 */
let upgrader: typeof restorePostmortem | undefined;

/** Load the upgrade path; connection.ts does it before the first open when `upgradeDue`. */
export async function loadUpgrader(): Promise<void> {
	upgrader ??= (await import('$lib/domain/restore')).restorePostmortem;
}

/**
 * Whether opening database `name` will upgrade it to version `to`: it exists at an older version.
 * IndexedDB lists databases with their versions; Dexie stores its version N as native version N × 10.
 * Where the list cannot be had, assume it will.
 */
export async function upgradeDue(name = DB_NAME, to = POSTMORTEM_VERSION): Promise<boolean> {
	if (to <= 1) return false; // version 1 is the first: there is nothing to upgrade from
	try {
		const found = (await indexedDB.databases()).find((d) => d.name === name);
		return !!found?.version && found.version / 10 < to;
	} catch {
		return true;
	}
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
	/** The identity of the database this connection first opened (see `checkIdentity`). */
	private identity: string | undefined;

	constructor(name = DB_NAME, shapes: ShapeVersions = { to: POSTMORTEM_VERSION }) {
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
		// Asked for version N, a database a newer build has upgraded fails with VersionError, and Dexie
		// then opens it at whatever version it has. This build must never write into a schema it does
		// not know: such an open fails (sticky: every open, also the reopen after a close). Dexie
		// stores version N as N × 10, and itself adds 1 to it for a schema patch (still version N).
		this.on(
			'ready',
			() => {
				if (Math.floor(this.backendDB().version / 10) > this.verno) {
					// Dexie closes the connection of a failed open, so it never holds up the newer build's next upgrade.
					reportNewerDatabase();
					throw new NewerDatabaseError(`The stored data is of a newer version than ${this.verno}.`);
				}
				return this.checkIdentity();
			},
			true
		);
	}

	/**
	 * When the browser's stored data for the site is cleared, Chromium closes the connection and Dexie
	 * opens a new, empty database at the next use: a reopen that finds another identity than the first
	 * open tells it (reportDatabaseCleared), so a save can say why its postmortem is gone.
	 */
	private async checkIdentity(): Promise<void> {
		try {
			let id = (await this.meta.get(IDENTITY_KEY))?.value;
			// In a transaction of its own: two tabs opening a new database at once agree on one identity.
			if (typeof id !== 'string')
				id = await this.transaction('rw', this.meta, async () => {
					const row = await this.meta.get(IDENTITY_KEY);
					if (typeof row?.value === 'string') return row.value;
					const fresh = crypto.randomUUID();
					await this.meta.add({ key: IDENTITY_KEY, value: fresh });
					return fresh;
				});
			if (this.identity && id !== this.identity) reportDatabaseCleared();
			this.identity = id as string;
		} catch {
			// A full disk may refuse the row: the database still opens, only a clear goes untold.
		}
	}
}

/** Upgrade every stored postmortem from shape version `to - 1` to `to`, and its library row. */
async function upgradeRows(tx: Transaction, to: number, migrations: ShapeVersions['migrations']): Promise<void> {
	const restore = upgrader;
	// Never upgrade without it: the open fails (and says so) and the stored rows stay as they are.
	if (!restore) throw new Error('The database needs an upgrade, but the upgrade code was not loaded. Reload the page.');
	const rows = await tx.table('postmortems').toArray();
	const upgraded: Postmortem[] = [];
	for (const row of rows) {
		const r = restore(row, { version: to - 1, to, ...(migrations ? { migrations } : {}) });
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
