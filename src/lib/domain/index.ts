export * from './model';
export * from './template';
export * from './metrics';
export * from './markdown';
export * from './markdown-import';
export * from './json';
export {
	FORBIDDEN_KEYS,
	FORMAT,
	FORMAT_VERSION,
	ImportRefusal,
	LIMITS,
	MAX_DEPTH,
	MAX_FIELD_CHARS,
	MAX_ID_CHARS,
	MAX_IMPORT_BYTES,
	MAX_KEPT_DEPTH,
	MAX_SHORT_CHARS,
	MAX_TIMEBOX_MINUTES,
	PostmortemSchema,
	TimelineEntrySchema,
	ContributingFactorSchema,
	CorrectiveActionSchema,
	ParkingLotItemSchema,
	isPostmortemKey,
	type ImportKind,
	type ImportResult
} from './schema';
export * from './restore';
export * from './import';
export * from './copies';
export * from './example';
// The language engine (lint.ts: lintText, lintPostmortem) and the checklist's checks (review.ts:
// reviewPostmortem) are imported from their own modules, so the editor can load them after it has
// painted; their rules, item shapes and the readiness tally are here.
export * from './language';
export * from './checklist';
export * from './facilitation';
