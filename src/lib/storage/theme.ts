import { localStore } from './local-storage';

/**
 * The theme chosen in Settings, kept in this browser's localStorage so that app.html's inline script
 * can apply it before the first paint (it reads the same key). A preference of this device, not of
 * any postmortem.
 */
export const THEME_KEY = 'postmortem-workbench:theme';

/** 'system' follows the device's light or dark setting. */
export type Theme = 'system' | 'light' | 'dark';

/** The kept theme; 'system' when none is kept or it cannot be read. */
export function loadTheme(): Theme {
	try {
		const t = localStore()?.getItem(THEME_KEY);
		return t === 'light' || t === 'dark' ? t : 'system';
	} catch {
		return 'system';
	}
}

/** Keep the theme; false when this browser would not keep it (storage disabled or full). */
export function saveTheme(theme: Theme): boolean {
	try {
		const store = localStore();
		if (!store) return false;
		if (theme === 'system') store.removeItem(THEME_KEY);
		else store.setItem(THEME_KEY, theme);
		return true;
	} catch {
		return false;
	}
}
