export { WorkbenchDB, db, useDatabase, DB_NAME, type PostmortemSummary } from './db';
export * from './repository';
export * from './autosave';
export * from './errors';
export { Live } from './live.svelte';
export { takeEarlyList } from './early';
