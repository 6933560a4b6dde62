// Lighthouse 12.8.2 (fetched by npx, never a dependency: see /work/shared/TOOLCHAIN.md) with the same
// Chromium, against the compressing server. The pages need stored postmortems, so each run gets a
// fresh copy of a browser profile seeded through the harness, and Lighthouse is told not to reset
// storage (the profile has never loaded the app, so the app's files are still a cold load).
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, log } from './util.mjs';

export const LH_VERSION = '12.8.2';

/**
 * Lighthouse's own threshold (core/gather/driver/environment.js): when its speed check of the host
 * (benchmarkIndex) is at or below it, Lighthouse warns that the CPU is slower than it expects and
 * that this "can negatively affect your performance score". On a shared machine that happens when
 * other work takes the cores: such a run measures a device far slower than the one its 4x CPU
 * slowdown stands for, so its score is kept aside (and reported) and the run repeated.
 */
export const SLOW_HOST_INDEX = 1000;

/** Seed a persistent profile with a few realistic postmortems (the library then lists rows). */
export async function seedProfile(chromium, { executablePath, origin, dir }) {
	const context = await chromium.launchPersistentContext(dir, {
		executablePath,
		args: CHROMIUM_ARGS,
		serviceWorkers: 'block',
		headless: true
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${origin}/__bench/`);
		await page.waitForFunction(() => window.benchReady, null, { timeout: 30_000 });
		await page.evaluate(() => window.bench.seed(0, 10, 50, 8));
	} finally {
		await context.close();
	}
}

/** Chromium processes started with our profile copy (to end them if Lighthouse is killed). */
function pidsUsing(dir) {
	const pids = [];
	for (const p of readdirSync('/proc')) {
		if (!/^\d+$/.test(p)) continue;
		try {
			if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(dir)) pids.push(Number(p));
		} catch {
			/* gone */
		}
	}
	return pids;
}

/** One Lighthouse run; resolves to { scores } or { error }. */
export function runLighthouse({ url, executablePath, profile, work, name, timeoutMs = 150_000 }) {
	const runDir = join(work, `lh-profile-${name}`);
	rmSync(runDir, { recursive: true, force: true });
	cpSync(profile, runDir, { recursive: true });
	const out = join(work, `lh-${name}.json`);
	const chromeFlags = ['--headless=new', '--no-sandbox', `--user-data-dir=${runDir}`, ...CHROMIUM_ARGS].join(' ');
	const args = [
		'--yes',
		`lighthouse@${LH_VERSION}`,
		url,
		'--output=json',
		`--output-path=${out}`,
		'--quiet',
		'--only-categories=performance,accessibility,best-practices',
		'--disable-storage-reset',
		'--max-wait-for-load=60000',
		`--chrome-flags=${chromeFlags}`,
		// For digging into a figure: keep each run's trace beside its report (with BENCH_KEEP=1).
		...(process.env.BENCH_LH_ASSETS === '1' ? ['--save-assets'] : [])
	];
	return new Promise((resolve) => {
		let stderr = '';
		const child = spawn('npx', args, {
			env: { ...process.env, CHROME_PATH: executablePath },
			stdio: ['ignore', 'ignore', 'pipe'],
			detached: true
		});
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}, timeoutMs);
		const finish = (result) => {
			clearTimeout(timer);
			for (const pid of pidsUsing(runDir)) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					/* gone */
				}
			}
			rmSync(runDir, { recursive: true, force: true });
			resolve(result);
		};
		child.on('error', (e) => finish({ error: `could not start npx: ${e.message}` }));
		child.on('exit', (code, signal) => {
			let lhr;
			try {
				lhr = JSON.parse(readFileSync(out, 'utf8'));
			} catch {
				const why = stderr
					.split('\n')
					.filter((l) => l.trim() && !/nodedir/.test(l))
					.slice(-3)
					.join(' | ');
				return finish({ error: `lighthouse exited with ${signal ?? code}${why ? `: ${why}` : ''}` });
			}
			if (lhr.runtimeError) return finish({ error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` });
			const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
			// Per category, the weighted audits that did not pass (what to fix first).
			const failing = {};
			for (const [c, cat] of Object.entries(lhr.categories)) {
				failing[c] = cat.auditRefs
					.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
					.map((ref) => `${ref.id}${lhr.audits[ref.id].displayValue ? ` (${lhr.audits[ref.id].displayValue})` : ''}`);
			}
			finish({
				scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') },
				metrics: {
					fcp: lhr.audits['first-contentful-paint']?.numericValue,
					lcp: lhr.audits['largest-contentful-paint']?.numericValue,
					tbt: lhr.audits['total-blocking-time']?.numericValue,
					cls: lhr.audits['cumulative-layout-shift']?.numericValue,
					domSize: lhr.audits['dom-size']?.numericValue,
					layoutShifts: (lhr.audits['layout-shifts']?.details?.items ?? []).slice(0, 3).map((i) => ({
						score: i.score,
						node: i.node?.selector ?? i.node?.snippet
					}))
				},
				failing,
				consoleErrors: (lhr.audits['errors-in-console']?.details?.items ?? [])
					.slice(0, 3)
					.map((i) => String(i.description ?? '').slice(0, 200)),
				issues: (lhr.audits['inspector-issues']?.details?.items ?? []).map((i) => i.issueType),
				finalUrl: lhr.finalDisplayedUrl ?? lhr.finalUrl,
				benchmarkIndex: lhr.environment?.benchmarkIndex,
				slowHost: typeof lhr.environment?.benchmarkIndex === 'number' && lhr.environment.benchmarkIndex <= SLOW_HOST_INDEX
			});
		});
	});
}

/**
 * `runs` Lighthouse runs per page on a host Lighthouse finds fast enough, repeating a run it flags
 * as slow (at most `runs` extra attempts per page). Every run is returned, flagged ones included.
 */
export async function measureLighthouse(chromium, { executablePath, origin, work, runs, pages }) {
	const profile = join(work, 'lh-profile-seed');
	rmSync(profile, { recursive: true, force: true });
	await seedProfile(chromium, { executablePath, origin, dir: profile });
	const results = {};
	for (const { name, path } of pages) {
		results[name] = [];
		let counted = 0;
		for (let i = 0; counted < runs && i < 2 * runs; i++) {
			log(`lighthouse: ${name} (${path}), run ${i + 1} (${counted} of ${runs} counted so far)`);
			const r = await runLighthouse({ url: origin + path, executablePath, profile, work, name: `${name}-${i}` });
			results[name].push(r);
			if (r.error) {
				log(`lighthouse: ${r.error}`);
				break;
			}
			if (r.slowHost)
				log(
					`lighthouse: the machine was slower than Lighthouse expects (benchmarkIndex ${Math.round(r.benchmarkIndex)} ≤ ${SLOW_HOST_INDEX}); repeating the run`
				);
			else counted++;
		}
	}
	rmSync(profile, { recursive: true, force: true });
	return results;
}
