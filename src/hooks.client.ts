import type { ClientInit } from '@sveltejs/kit';
import { app } from '$lib/state/app.svelte';

/**
 * The app's one start. SvelteKit renders the first page only once this returns, so it only installs
 * listeners: the work that loads storage waits until that page has painted (see AppStart.start).
 */
export const init: ClientInit = () => app.start();
