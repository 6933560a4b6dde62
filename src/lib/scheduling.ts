/** Small helpers to keep long work off the moment a page opens. */

const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
const queue: Array<() => void> = [];
if (channel)
	channel.port1.onmessage = () => {
		const fn = queue.shift();
		fn?.();
	};

/**
 * Run `fn` in a new task, right after the current one: the browser gets to handle input (and
 * paint, when a frame is due) in between. Unlike a timeout, it is not slowed down in hidden tabs.
 */
export function nextTask(fn: () => void): void {
	if (!channel) return void setTimeout(fn, 0);
	queue.push(fn);
	channel.port2.postMessage(0);
}

/**
 * Run `fn` once the next frame has been painted (or after 100 ms in a hidden tab, which paints
 * nothing).
 */
export function afterPaint(fn: () => void): void {
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		fn();
	};
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => nextTask(run));
	setTimeout(run, 100);
}

/**
 * Run `fn` when the browser is idle after the next paint (at most `timeout` ms later): for work
 * and downloads that must not hold up what the page shows first.
 */
export function whenIdle(fn: () => void, timeout = 300): void {
	const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : setTimeout(fn, 0));
	if (typeof requestAnimationFrame === 'function') afterPaint(idle);
	else idle();
}

/**
 * A function that runs `fn` with `whenIdle`; calls made before that run are folded into it, so `fn`
 * sees the latest state once, however many changes came first (e.g. a burst of keystrokes).
 */
export function idleOnce(fn: () => void, timeout?: number): () => void {
	let queued = false;
	return () => {
		if (queued) return;
		queued = true;
		whenIdle(() => {
			queued = false;
			fn();
		}, timeout);
	};
}

/** Code (or a value built from it) loaded on first need, once; a failed load is tried again next call. */
export interface Lazy<T> {
	/** The value if it has loaded already, so a click or a keystroke can use it without waiting. */
	readonly now: T | undefined;
	load(): Promise<T>;
}

/** Wrap a loader (usually dynamic imports) so it runs once and its result is kept. */
export function lazy<T>(loader: () => Promise<T>): Lazy<T> {
	let value: T | undefined;
	let loading: Promise<T> | undefined;
	return {
		get now() {
			return value;
		},
		load() {
			loading ??= loader().then(
				(v) => (value = v),
				(e: unknown) => {
					loading = undefined;
					throw e;
				}
			);
			return loading;
		}
	};
}
