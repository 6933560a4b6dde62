// The schema and Dexie itself (./db) are not re-exported: they load on first use (connection.ts).
export type { PostmortemSummary } from './db';
export * from './repository';
export * from './autosave';
export * from './errors';
export { Live } from './live.svelte';
export { takeEarlyList } from './early';
export { loadMeetingClock, saveMeetingClock, forgetMeetingClock, type KeptMeetingClock } from './meeting-clock';
