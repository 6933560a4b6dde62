/** JSON export (single and bundle) and the file format's envelope versions; the import reads files in import.ts. */

import { POSTMORTEM_VERSION, createPostmortem, type Postmortem } from './model';
import { FORBIDDEN_KEYS, FORMAT, FORMAT_VERSION, refuse } from './schema';

/** Upgrades a raw file object from version N to version N + 1. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrade steps keyed by the version they upgrade from. Version 0 (or a missing version) is the
 * pre-release shape, identical to version 1.
 */
export const MIGRATIONS: Record<number, Migration> = {
	0: (raw) => ({ ...raw, version: 1 })
};

/** Apply migrations step by step from `from` up to `to`. Throws ImportRefusal when a step is missing. */
export function migrate(
	raw: Record<string, unknown>,
	from: number,
	to: number = FORMAT_VERSION,
	migrations: Record<number, Migration> = MIGRATIONS
): Record<string, unknown> {
	let current = raw;
	for (let v = from; v < to; v++) {
		const step = migrations[v];
		if (!step) refuse(`This file uses format version ${v}, which this app cannot upgrade.`);
		current = step(current);
	}
	return current;
}

// ---------------------------------------------------------------- export

/** The known postmortem keys, in the order they are written. */
const KNOWN_KEYS = Object.keys(createPostmortem(new Date(0), 'UTC')).filter((k) => k !== 'extra') as (keyof Postmortem)[];
const KNOWN = new Set<string>(KNOWN_KEYS);

/** The postmortem as a plain JSON object, with `extra` fields back at the top level. */
function serialise(pm: Postmortem): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of KNOWN_KEYS) out[k] = pm[k];
	// A row read before restore ran on every read has no version: it is in the current shape.
	out.schemaVersion = pm.schemaVersion ?? POSTMORTEM_VERSION;
	for (const [k, v] of Object.entries(pm.extra ?? {})) {
		if (!KNOWN.has(k) && !FORBIDDEN_KEYS.includes(k)) out[k] = v;
	}
	return out;
}

/** One postmortem as a pretty-printed JSON export. */
export function toJson(pm: Postmortem, now: Date = new Date()): string {
	const file = {
		format: FORMAT,
		kind: 'postmortem',
		version: FORMAT_VERSION,
		exportedAt: now.toISOString(),
		postmortem: serialise(pm)
	};
	return JSON.stringify(file, null, 2);
}

/** Many postmortems as a pretty-printed JSON bundle (backup or sharing). */
export function toJsonBundle(pms: readonly Postmortem[], now: Date = new Date()): string {
	const file = {
		format: FORMAT,
		kind: 'bundle',
		version: FORMAT_VERSION,
		exportedAt: now.toISOString(),
		postmortems: pms.map(serialise)
	};
	return JSON.stringify(file, null, 2);
}
