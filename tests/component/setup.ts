/**
 * jsdom has <dialog> without its methods. This stands in for the browser's: showModal and close set
 * `open`, close fires `close` in a later task (as browsers do), and Escape in an open dialog fires
 * `cancel` and then closes it unless the cancel was prevented.
 */
const proto = HTMLDialogElement.prototype;
if (!proto.showModal) {
	proto.showModal = function (this: HTMLDialogElement) {
		this.open = true;
	};
	proto.show = proto.showModal;
	proto.close = function (this: HTMLDialogElement, returnValue?: string) {
		if (!this.open) return;
		this.open = false;
		if (returnValue !== undefined) this.returnValue = returnValue;
		setTimeout(() => this.dispatchEvent(new Event('close')), 0);
	};
	document.addEventListener('keydown', (e) => {
		const dialog = (e.target as Element | null)?.closest?.('dialog');
		if (e.key !== 'Escape' || !dialog?.open) return;
		if (dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
	});
}
