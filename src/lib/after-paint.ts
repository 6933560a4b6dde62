/**
 * Run `fn` once the current frame has been painted (or after 100 ms in a hidden tab, which paints
 * nothing), so a page can show its top part first and yield to the browser before rendering more.
 */
export function afterPaint(fn: () => void): void {
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		fn();
	};
	// A timeout set inside an animation frame fires after that frame is painted.
	requestAnimationFrame(() => setTimeout(run, 0));
	setTimeout(run, 100);
}
