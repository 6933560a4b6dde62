import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

/**
 * Builds a second version of the app ("next") into .e2e/build-next, so the update test can deploy
 * it over a running copy of the first. The first version is the normal build/ that `npm test` made.
 * Skipped when the second build is already newer than build/.
 */
export default function globalSetup(): void {
	if (!existsSync('build/200.html')) throw new Error('Run `npm run build` before the e2e tests (npm test does).');
	const next = '.e2e/build-next/200.html';
	if (existsSync(next) && statSync(next).mtimeMs > statSync('build/200.html').mtimeMs) return;
	execSync('npx vite build', {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, BUILD_DIR: '.e2e/build-next', APP_VERSION: 'next' }
	});
}
