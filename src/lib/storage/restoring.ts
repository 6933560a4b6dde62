import { lazy } from '$lib/scheduling';

/**
 * The domain's restore path (valibot and the schema, ~6 KB gzip), loaded when a read that bypasses
 * Dexie first needs it (app.html's early read, the journal of unsaved edits) rather than with the
 * page: db.ts, loaded with Dexie, imports it directly.
 */
const module = lazy(() => import('$lib/domain/restore'));

/** `restorePostmortem`, once loaded. */
export async function restorer(): Promise<typeof import('$lib/domain/restore').restorePostmortem> {
	return (await module.load()).restorePostmortem;
}
