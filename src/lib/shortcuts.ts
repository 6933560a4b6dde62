/** The editor's keyboard shortcuts: which key does what, and the list the help dialog (`?`) shows. */

/** What a shortcut does. */
export type ShortcutAction = 'help' | 'next-step' | 'previous-step' | 'add-item' | 'preview' | 'search' | 'undo' | 'redo';

/** The parts of a key press a shortcut is told by. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'> & {
	/** True when the press is typing into a text field (single keys such as `?` are text there). */
	typing: boolean;
};

/** True when `target` takes typed text: a text input, a text area, a list box or editable content. */
export function takesText(target: EventTarget | null): boolean {
	const el = target as HTMLElement | null;
	if (!el?.closest) return false;
	if (el.closest('textarea, select, [contenteditable]:not([contenteditable="false"])')) return true;
	const input = el.closest('input');
	return !!input && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(input.type);
}

/**
 * The shortcut a key press stands for, if any. Keys with Alt are read by their place on the
 * keyboard (`code`), so Option on a Mac (which types "π" for Option+P) works the same.
 */
export function shortcutOf(k: KeyPress): ShortcutAction | undefined {
	const mod = k.ctrlKey || k.metaKey;
	if (mod && !k.altKey) {
		const key = k.key.toLowerCase();
		if (key === 'z') return k.shiftKey ? 'redo' : 'undo';
		if (key === 'y' && !k.shiftKey) return 'redo';
		if (k.key === 'Enter' && !k.shiftKey) return 'add-item';
		return undefined;
	}
	if (k.altKey && !mod && !k.shiftKey) {
		if (k.key === 'PageDown') return 'next-step';
		if (k.key === 'PageUp') return 'previous-step';
		if (k.code === 'KeyP') return 'preview';
		return undefined;
	}
	if (mod || k.altKey || k.typing) return undefined;
	if (k.key === '?') return 'help';
	if (k.key === '/') return 'search';
	return undefined;
}

/** The shortcut a key event stands for, if any (typing when it is aimed at a text field). */
export function shortcutOfEvent(e: KeyboardEvent): ShortcutAction | undefined {
	const { key, code, ctrlKey, metaKey, altKey, shiftKey } = e;
	return shortcutOf({ key, code, ctrlKey, metaKey, altKey, shiftKey, typing: takesText(e.target) });
}

/** One line of the help dialog: the keys, and what they do. */
export interface ShortcutHelp {
	keys: string[][];
	does: string;
}

/** The shortcuts as the help dialog lists them, with Ctrl or ⌘ as this computer has it. */
export function shortcutHelp(mac: boolean): { title: string; items: ShortcutHelp[] }[] {
	const ctrl = mac ? '⌘' : 'Ctrl';
	const alt = mac ? 'Option' : 'Alt';
	return [
		{
			title: 'Anywhere in a postmortem, also while typing',
			items: [
				{ keys: [[alt, 'Page Down']], does: 'Next step' },
				{ keys: [[alt, 'Page Up']], does: 'Previous step' },
				{ keys: [[ctrl, 'Enter']], does: 'Add a timeline entry, contributing factor or corrective action (on those steps)' },
				{ keys: [[alt, 'P']], does: 'Preview the document, or back to editing' },
				{ keys: [[ctrl, 'Z']], does: 'Undo' },
				{
					keys: [
						[ctrl, 'Shift', 'Z'],
						[ctrl, 'Y']
					],
					does: 'Redo'
				}
			]
		},
		{
			title: 'When not typing in a field',
			items: [
				{ keys: [['/']], does: 'Search the library' },
				{ keys: [['?']], does: 'Show these shortcuts' }
			]
		},
		{
			title: 'In meeting mode',
			items: [
				{ keys: [['N'], ['→']], does: 'Next agenda item' },
				{ keys: [['P'], ['←']], does: 'Previous agenda item' },
				{ keys: [['Space'], ['K']], does: 'Start or pause the clock' }
			]
		}
	];
}

/** True on a Mac, iPhone or iPad, where ⌘ takes the place of Ctrl. */
export function isMac(): boolean {
	const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
	return /mac|iphone|ipad/i.test(nav?.userAgentData?.platform || nav?.platform || '');
}
