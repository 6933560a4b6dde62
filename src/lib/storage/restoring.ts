import { lazy } from '$lib/scheduling';

/**
 * The domain's restore path (valibot and the schema, ~6 KB gzip), loaded when a read that bypasses
 * Dexie first needs it (the journal of unsaved edits, when it holds any) rather than with the page;
 * db.ts loads it itself before an upgrade.
 */
const module = lazy(() => import('$lib/domain/restore'));

/** `restorePostmortem`, once loaded. */
export async function restorer(): Promise<typeof import('$lib/domain/restore').restorePostmortem> {
	return (await module.load()).restorePostmortem;
}
