/**
 * Svelte actions the virtual lists (the chat picker, the compact timeline) share. Plain DOM rather
 * than style attributes with values, bind:clientHeight or select bindings: their part of Svelte's
 * runtime would join the chunk the library loads first.
 */

/** Set one style property, and keep it set as the value changes: `use:css={['height', '120px']}`. */
export function css(node: HTMLElement, [prop, value]: [string, string]) {
	node.style.setProperty(prop, value);
	return { update: ([p, v]: [string, string]) => node.style.setProperty(p, v) };
}

/** Report the element's height now and whenever it changes: `use:heightOf={(h) => (viewport = h)}`. */
export function heightOf(node: HTMLElement, onheight: (height: number) => void) {
	const ro = new ResizeObserver(() => onheight(node.clientHeight));
	ro.observe(node);
	return { destroy: () => ro.disconnect() };
}
