import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Which Chromium to drive: $CHROMIUM_PATH, then Playwright's own build if installed, then Debian's
 * /usr/bin/chromium. Undefined means "Playwright's default" (and its own error telling how to install).
 */
export function chromiumPath(): string | undefined {
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
