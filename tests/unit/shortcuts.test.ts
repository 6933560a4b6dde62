import { describe, expect, it } from 'vitest';
import { shortcutHelp, shortcutOf, type KeyPress } from '$lib/shortcuts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
	key,
	code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	shiftKey: false,
	typing: false,
	...more
});

describe('the editor’s shortcuts', () => {
	it('read Ctrl or ⌘ with Z, Y and Enter anywhere, typing or not', () => {
		expect(shortcutOf(press('z', { ctrlKey: true, typing: true }))).toBe('undo');
		expect(shortcutOf(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
		expect(shortcutOf(press('y', { ctrlKey: true }))).toBe('redo');
		expect(shortcutOf(press('Enter', { metaKey: true, typing: true }))).toBe('add-item');
		expect(shortcutOf(press('Enter', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
		expect(shortcutOf(press('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
	});

	it('read Alt with Page Up / Down, and Alt+P by the key’s place, so Option+P on a Mac (“π”) works', () => {
		expect(shortcutOf(press('PageDown', { altKey: true, typing: true }))).toBe('next-step');
		expect(shortcutOf(press('PageUp', { altKey: true }))).toBe('previous-step');
		expect(shortcutOf({ ...press('π', { altKey: true }), code: 'KeyP' })).toBe('preview');
		expect(shortcutOf(press('PageDown'))).toBeUndefined();
		expect(shortcutOf(press('PageDown', { altKey: true, shiftKey: true }))).toBeUndefined();
	});

	it('take ? and / only outside text fields, and no other plain key', () => {
		expect(shortcutOf(press('?', { shiftKey: true }))).toBe('help');
		expect(shortcutOf(press('/'))).toBe('search');
		expect(shortcutOf(press('?', { shiftKey: true, typing: true }))).toBeUndefined();
		expect(shortcutOf(press('/', { typing: true }))).toBeUndefined();
		expect(shortcutOf(press('n'))).toBeUndefined();
	});

	it('are listed for the help dialog with the keys this computer has', () => {
		const pc = shortcutHelp(false).flatMap((g) => g.items);
		const mac = shortcutHelp(true).flatMap((g) => g.items);
		expect(pc.find((i) => i.does === 'Undo')?.keys).toEqual([['Ctrl', 'Z']]);
		expect(mac.find((i) => i.does === 'Undo')?.keys).toEqual([['⌘', 'Z']]);
		expect(mac.find((i) => i.does === 'Next step')?.keys).toEqual([['Option', 'Page Down']]);
	});
});
