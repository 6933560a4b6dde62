// The schema and Dexie itself (./db) are not re-exported: they load on first use (connection.ts).
export type { PostmortemSummary } from './db';
export * from './repository';
// The Autosaver is the editor's own: imported from ./autosave, so the library's first load (which
// reaches this barrel) leaves it out (vite.config.ts puts what the library's pages reach in their chunk).
export type { SaveStatus } from './autosave';
export { flushAll, anyDirty, flushAllSync, installUpgradeHandler, installFlushOnHide } from './open-editors';
export * from './errors';
export { Live } from './live.svelte';
export { takeEarlyList } from './early';
// The meeting clock (./meeting-clock) is the meeting page's own: imported from there, out of the library's first load.
