// Which Chromium the e2e tests and the benchmark drive. Plain JS so both Node scripts and TS can import it.
import { existsSync } from 'node:fs';
import { chromium as playwrightChromium } from '@playwright/test';

/**
 * $CHROMIUM_PATH, then Playwright's own build if installed, then Debian's /usr/bin/chromium.
 * Undefined means "Playwright's default" (and its own error telling how to install it).
 * @returns {string | undefined}
 */
export function chromiumPath(chromium = playwrightChromium) {
	const env = process.env.CHROMIUM_PATH;
	if (env && existsSync(env)) return env;
	try {
		const own = chromium.executablePath();
		if (own && existsSync(own)) return own;
	} catch {
		/* not installed */
	}
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	return undefined;
}

/** Flags that keep Chromium quiet on a closed network. */
export const CHROMIUM_ARGS = [
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-quic'
];
