/** The postmortem's limits, one definition for editing, saving, export and import (schema.ts applies them). */

/** The format name written into every JSON export. */
export const FORMAT = 'postmortem-workbench';
/** The current JSON file format version (the envelope; each postmortem carries its own `schemaVersion`). */
export const FORMAT_VERSION = 1;
/** Files above this size (UTF-8 bytes) are refused before parsing. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Deepest bracket nesting accepted in a JSON file. */
export const MAX_DEPTH = 64;
/** Deepest nesting of a kept unknown field's value: a bundle file around it (3 levels) stays within MAX_DEPTH. */
export const MAX_KEPT_DEPTH = MAX_DEPTH - 3;
/** Longest accepted text field, in characters. */
export const MAX_FIELD_CHARS = 1_000_000;
/** Longest id or allowed-value text (status, kind, ...), in characters. */
export const MAX_ID_CHARS = 200;
/** Longest date, time or time zone text, in characters. */
export const MAX_SHORT_CHARS = 100;
/** The longest timebox of one agenda item, in minutes; a longer imported one is shortened to it. */
export const MAX_TIMEBOX_MINUTES = 180;
/** Most items accepted per list. */
export const LIMITS = {
	postmortems: 10_000,
	timeline: 20_000,
	factors: 10_000,
	actions: 10_000,
	parkingLot: 10_000,
	agenda: 100,
	listItems: 10_000,
	reviewedFindings: 100_000
} as const;

/** Keys that are refused anywhere in an imported or stored value (prototype pollution). */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
