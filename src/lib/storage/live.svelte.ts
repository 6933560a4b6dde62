import { whenIdle } from '$lib/scheduling';
import { loadStorage } from './connection';
import { describeStorageError } from './errors';

/**
 * A live database query as a rune: `current` follows the query's result as the database changes,
 * in this tab or another one. Call `stop()` when done (or create it inside a component's setup).
 * `initial`, when given, is shown until the query's first result (a read the page made earlier).
 */
export class Live<T> {
	current = $state.raw<T | undefined>(undefined);
	loaded = $state(false);
	error = $state<string | undefined>(undefined);
	private sub: { unsubscribe(): void } | undefined;
	private stopped = false;

	constructor(query: () => Promise<T>, initial?: T) {
		if (initial !== undefined) {
			this.current = initial;
			this.loaded = true;
		}
		const failed = (e: unknown) => {
			this.error = describeStorageError(e);
			this.loaded = true;
		};
		const follow = () =>
			loadStorage().then(({ liveQuery }) => {
				if (this.stopped) return;
				this.sub = liveQuery(query).subscribe({
					next: (v) => {
						this.current = v;
						this.loaded = true;
						this.error = undefined;
					},
					error: failed
				});
			}, failed);
		// With a first result in hand, Dexie (connection.ts) loads once the page has painted it.
		if (initial !== undefined) whenIdle(() => void follow());
		else void follow();
	}

	/** Stop following the database. */
	stop(): void {
		this.stopped = true;
		this.sub?.unsubscribe();
	}
}
