/**
 * The one way into the app for a postmortem object: a stored row, a copy kept in localStorage, an
 * early raw IndexedDB read or a postmortem from an imported file. It upgrades the object's shape
 * step by step, then validates it with the schema into a fresh current postmortem.
 */

import { POSTMORTEM_VERSION, type Postmortem } from './model';
import { FORBIDDEN_KEYS, ImportRefusal, MAX_KEPT_DEPTH, isPostmortemKey, isRecord, readPostmortemFields, refuse, typeName } from './schema';

export { POSTMORTEM_VERSION };

/** Upgrades a raw postmortem object from shape version N to N + 1. */
export type PostmortemMigration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** Upgrade steps keyed by the version they upgrade from (v -> v+1). None yet: version 1 is the first shape. */
export const POSTMORTEM_MIGRATIONS: Readonly<Record<number, PostmortemMigration>> = Object.freeze({});

/** A current postmortem and what was repaired on the way, or why it could not be read. */
export type RestoreResult = { ok: true; postmortem: Postmortem; warnings: string[] } | { ok: false; error: string };

/** Options of `restorePostmortem`; tests pass their own target version and migrations. */
export interface RestoreOptions {
	/** The shape version of a value without `schemaVersion` (default 1). */
	version?: number;
	/** The version to upgrade to (default POSTMORTEM_VERSION). */
	to?: number;
	migrations?: Readonly<Record<number, PostmortemMigration>>;
	/** Used for a missing or unreadable createdAt/updatedAt. */
	now?: Date;
}

const isVersion = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;

/**
 * Any stored row, localStorage-kept row or exported postmortem object (not the file envelope) ->
 * current postmortem. Unknown fields are kept in `extra` (a stored row's `extra` is merged back).
 * Never throws: anything it cannot repair comes back as `{ ok: false, error }`.
 */
export function restorePostmortem(value: unknown, opts: RestoreOptions = {}): RestoreResult {
	try {
		if (!isRecord(value)) return { ok: false, error: `A postmortem must be an object, not ${typeName(value)}.` };
		const to = opts.to ?? POSTMORTEM_VERSION;
		const written: unknown = value.schemaVersion ?? undefined;
		if (written !== undefined && !isVersion(written))
			refuse(`"schemaVersion" must be a whole number of 1 or more, not ${typeName(written)}`);
		const from = isVersion(written) ? written : (opts.version ?? 1);
		if (from > to) {
			refuse(
				`This postmortem was saved by a newer version of the app (shape version ${from}; this app reads up to ${to}). Please update the app and try again.`
			);
		}
		for (const key of Object.keys(value)) {
			if (FORBIDDEN_KEYS.includes(key)) refuse(`The key "${key}" is not allowed for safety reasons.`);
		}
		let raw = value;
		const migrations = opts.migrations ?? POSTMORTEM_MIGRATIONS;
		for (let v = from; v < to; v++) {
			const step = migrations[v];
			if (!step) refuse(`This postmortem has shape version ${v}, which this app cannot upgrade.`);
			raw = step({ ...raw });
			if (!isRecord(raw)) refuse(`The upgrade from shape version ${v} gave no postmortem.`);
		}
		const { fields, warnings } = readPostmortemFields(raw, opts.now ?? new Date());
		return { ok: true, postmortem: { ...fields, schemaVersion: to, extra: keptFields(raw) }, warnings };
	} catch (e) {
		if (e instanceof ImportRefusal) return { ok: false, error: e.message };
		return { ok: false, error: `This postmortem could not be read (${e instanceof Error ? e.message : String(e)}).` };
	}
}

/** The fields this app does not know, kept as they are: top-level unknown keys and a stored row's `extra`. */
function keptFields(raw: Record<string, unknown>): Record<string, unknown> {
	const extra: Record<string, unknown> = {};
	const keep = (key: string, value: unknown) => {
		if (FORBIDDEN_KEYS.includes(key)) refuse(`The key "${key}" is not allowed for safety reasons.`);
		if (isPostmortemKey(key)) return; // a known field's value is the validated one
		checkKept(key, value);
		extra[key] = value;
	};
	for (const key of Object.keys(raw)) {
		if (key === 'extra') {
			const bag = raw.extra;
			if (isRecord(bag)) for (const k of Object.keys(bag)) keep(k, bag[k]);
			else if (bag !== undefined) keep(key, bag);
		} else if (!isPostmortemKey(key)) keep(key, raw[key]);
	}
	return extra;
}

/** A kept value must be safe to store and export: no forbidden keys, no deeper than MAX_KEPT_DEPTH. Walked iteratively. */
function checkKept(key: string, root: unknown): void {
	const stack: [unknown, string, number][] = [[root, key, 1]];
	while (stack.length > 0) {
		const [value, path, depth] = stack.pop()!;
		if (value === null || typeof value !== 'object') continue;
		if (depth > MAX_KEPT_DEPTH) refuse(`"${key}" is nested more than ${MAX_KEPT_DEPTH} levels deep`);
		if (Array.isArray(value)) {
			for (let i = 0; i < value.length; i++) stack.push([value[i], `${path}[${i}]`, depth + 1]);
			continue;
		}
		for (const k of Object.keys(value)) {
			if (FORBIDDEN_KEYS.includes(k)) refuse(`"${key}" contains the key "${k}" (at ${path}.${k}), which is not allowed for safety reasons`);
			stack.push([(value as Record<string, unknown>)[k], `${path}.${k}`, depth + 1]);
		}
	}
}
