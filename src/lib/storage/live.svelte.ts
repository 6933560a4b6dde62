import { whenIdle } from '$lib/scheduling';
import { loadStorage } from './connection';
import { describeStorageError } from './errors';

/**
 * A live database query as a rune: `current` follows the query's result as the database changes,
 * in this tab or another one. Call `stop()` when done (or create it inside a component's setup).
 * `initial`, when given, is shown until the query's first result (a read the page made earlier; if
 * it is a promise, the query waits for it, and runs at once only if it yields nothing).
 */
export class Live<T> {
	current = $state.raw<T | undefined>(undefined);
	loaded = $state(false);
	error = $state<string | undefined>(undefined);
	private sub: { unsubscribe(): void } | undefined;
	private stopped = false;

	constructor(query: () => Promise<T>, initial?: T | Promise<T | undefined>) {
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
		const start = (first: T | undefined) => {
			if (this.stopped) return;
			if (first === undefined) return void follow();
			this.current = first;
			this.loaded = true;
			whenIdle(() => void follow());
		};
		if (initial instanceof Promise) initial.then(start, () => start(undefined));
		else start(initial);
	}

	/** Stop following the database. */
	stop(): void {
		this.stopped = true;
		this.sub?.unsubscribe();
	}
}
