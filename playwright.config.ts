import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/chromium.mjs';

const PORT = 4173;

export default defineConfig({
	// tests/e2e drives the app as a person does; tests/faults injects storage, network and deploy faults.
	projects: [
		{ name: 'e2e', testDir: 'tests/e2e' },
		{ name: 'faults', testDir: 'tests/faults' }
	],
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : 2,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		acceptDownloads: true,
		trace: 'retain-on-failure',
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS }
	},
	webServer: {
		// The real artefact: the service worker and the SPA fallback exist only in the build.
		command: `npx sirv build --single 200.html --port ${PORT} --host 127.0.0.1 --quiet`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
