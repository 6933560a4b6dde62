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
	const idle = () =>
		typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : setTimeout(fn, 0);
	if (typeof requestAnimationFrame === 'function') afterPaint(idle);
	else idle();
}
