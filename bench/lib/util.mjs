// Small helpers shared by the bench modules.
import { createRequire } from 'node:module';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sorted copy. */
const sorted = (xs) => [...xs].sort((a, b) => a - b);

/** Median (mean of the two middle values for an even count). */
export function median(xs) {
	if (!xs.length) return NaN;
	const s = sorted(xs);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs, p) {
	if (!xs.length) return NaN;
	const s = sorted(xs);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Reject if `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
	let timer;
	return Promise.race([
		promise,
		new Promise((_, reject) => {
			timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
		})
	]).finally(() => clearTimeout(timer));
}

// The same Chromium choice and flags as the e2e tests.
export { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/chromium.mjs';

export const require = createRequire(import.meta.url);

/** Round for display: 3 significant figures below 10, else 1 decimal below 100, else integer. */
export function round(v) {
	if (typeof v !== 'number' || !Number.isFinite(v)) return v;
	const a = Math.abs(v);
	if (a === 0) return 0;
	if (a < 10) return Number(v.toPrecision(3));
	if (a < 100) return Math.round(v * 10) / 10;
	return Math.round(v);
}

export function log(...args) {
	const t = ((performance.now() / 1000) | 0).toString().padStart(4);
	console.error(`[bench ${t}s]`, ...args);
}
