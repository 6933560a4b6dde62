// Builds, in a scratch copy under bench/.tmp (so a concurrent `npm run build` or `npm test` in the
// working tree cannot delete files under our feet): the app as it is in the working tree, the empty
// SvelteKit fixture, and the bench harness (served under /__bench/ of the app's origin).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './util.mjs';

const children = new Set();

/** Kill any build still running (called on exit). */
export function killBuilds() {
	for (const c of children) c.kill('SIGKILL');
}

function run(cmd, args, { cwd, env, timeoutMs = 240_000 }) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		children.add(child);
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			children.delete(child);
			if (code === 0) resolve(out);
			else reject(new Error(`${args.join(' ')} in ${cwd} failed (${signal ?? code}):\n${out.split('\n').slice(-25).join('\n')}`));
		});
	});
}

/**
 * Returns { appDir, site, fixtureSite, manifest, nodeRoutes }:
 * site = the app's build with the harness in site/__bench; fixtureSite = the empty app's build.
 */
export async function buildAll({ repo, work, source = repo, fixture = true }) {
	const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
	if (!existsSync(vite)) throw new Error('node_modules is missing: run `npm ci` first');
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });

	// The app: a copy of the working tree's sources and config. Packages resolve from the repo's
	// node_modules by walking up from bench/.tmp, so nothing is installed or linked.
	const appDir = join(work, 'app');
	for (const f of ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json']) {
		if (existsSync(join(source, f))) cpSync(join(source, f), join(appDir, f), { recursive: true });
	}
	const fixtureDir = join(work, 'fixture-empty');
	if (fixture)
		cpSync(join(repo, 'bench', 'fixture-empty'), fixtureDir, {
			recursive: true,
			filter: (src) => !/[\\/](node_modules|build|\.svelte-kit)$/.test(src)
		});

	log('building the app and the empty SvelteKit fixture');
	const t0 = performance.now();
	// On a fresh clone the repo has no .svelte-kit yet, and the scratch copy's build then fails
	// (the PWA plugin looks for the client's version.json before the client is built). Generating
	// the repo's own .svelte-kit first, as `npm run check` does, avoids it.
	await run(process.execPath, [join(repo, 'node_modules', '@sveltejs', 'kit', 'svelte-kit.js'), 'sync'], { cwd: repo });
	// The harness's TypeScript reads the tsconfig of the sources it is built from.
	if (source !== repo)
		await run(process.execPath, [join(repo, 'node_modules', '@sveltejs', 'kit', 'svelte-kit.js'), 'sync'], { cwd: source });
	// One at a time: two builds at once on two cores only make both slower and noisier.
	await run(process.execPath, [vite, 'build'], { cwd: appDir, env: { NODE_ENV: 'production' } });
	if (fixture) await run(process.execPath, [vite, 'build'], { cwd: fixtureDir, env: { NODE_ENV: 'production' } });
	const site = join(appDir, 'build');
	// The harness of the same sources: it calls the app's own modules.
	await run(process.execPath, [vite, 'build', '--config', join(source, 'bench', 'harness', 'vite.config.mjs')], {
		cwd: join(source, 'bench', 'harness'),
		env: { BENCH_APP_SRC: join(appDir, 'src'), BENCH_HARNESS_OUT: join(site, '__bench'), NODE_ENV: 'production' }
	});
	log(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

	return { appDir, site, fixtureSite: join(fixtureDir, 'build'), ...readManifest(appDir) };
}

/**
 * Which built files belong to what: the Vite manifest of the client build, and for each route node
 * (.svelte-kit/generated/client-optimized/nodes/N.js) the route files it loads.
 */
function readManifest(appDir) {
	const out = { manifest: {}, nodeRoutes: {} };
	try {
		out.manifest = JSON.parse(readFileSync(join(appDir, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8'));
	} catch {
		/* no manifest: the lazy-loading check reports "not determined" */
	}
	try {
		const dir = join(appDir, '.svelte-kit/generated/client-optimized/nodes');
		for (const f of readdirSync(dir)) {
			const text = readFileSync(join(dir, f), 'utf8');
			out.nodeRoutes[`.svelte-kit/generated/client-optimized/nodes/${f}`] = [...text.matchAll(/src\/routes\/[^"']*/g)].map((m) => m[0]);
		}
	} catch {
		/* idem */
	}
	return out;
}
