export * from './model';
export * from './parts';
export * from './template';
export * from './metrics';
export * from './markdown';
export * from './markdown-import';
export * from './json';
export * from './limits';
export {
	ImportRefusal,
	PostmortemSchema,
	TimelineEntrySchema,
	ContributingFactorSchema,
	CorrectiveActionSchema,
	ParkingLotItemSchema,
	isPostmortemKey,
	type ImportKind,
	type ImportResult,
	type RecognisedField
} from './schema';
export * from './restore';
export * from './import';
export * from './copies';
export * from './history';
export * from './example';
// The language engine (lint.ts: lintText, lintPostmortem) and the checklist's checks (review.ts:
// reviewPostmortem) are imported from their own modules, so the editor can load them after it has
// painted; their rules, item shapes and the readiness tally are here.
export * from './language';
export * from './checklist';
export * from './facilitation';
export * from './chat-log';
export * from './search';
export * from './links';
export * from './typed-time';
// The Actions page's modules (action-board.ts, deadlines.ts, tracker-export.ts) are imported from
// their own files: through this barrel the editor's first load would count them as shared.
