// Straight from its module: through the barrel it would join the library's first-load chunk.
import { loadTheme, saveTheme, type Theme } from '$lib/storage/theme';

export type { Theme };

/** The light / dark / system theme choice: applied to the page at once and kept for the next visit. */
export class ThemeChoice {
	theme: Theme = $state(loadTheme());
	/** Set when the choice applies to this visit only (the browser would not keep it). */
	notKept = $state(false);

	choose(theme: Theme): void {
		this.theme = theme;
		applyTheme(theme);
		this.notKept = !saveTheme(theme);
	}
}

/** Show the page in `theme` (app.html applies the kept one before the first paint). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
	if (theme === 'system') delete root.dataset.theme;
	else root.dataset.theme = theme;
}
