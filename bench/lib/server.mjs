// A small static server on 127.0.0.1: SPA fallback (like `sirv --single 200.html`) and gzip, with
// each compressed body cached, so Lighthouse measures a compressing server and timings do not pay
// for compression twice.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webp': 'image/webp',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2'
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** Serve `root` on 127.0.0.1 (a free port). Paths without a file fall back to `fallback`. */
export async function serve(root, { fallback = '200.html', gzip = true } = {}) {
	const cache = new Map();

	async function load(path) {
		const s = await stat(path);
		if (!s.isFile()) throw new Error('not a file');
		const key = `${path}:${s.mtimeMs}`;
		let hit = cache.get(key);
		if (!hit) {
			const body = await readFile(path);
			const ext = extname(path);
			hit = { body, gz: gzip && COMPRESSIBLE.has(ext) && body.length > 256 ? gzipSync(body) : undefined, ext };
			cache.set(key, hit);
		}
		return hit;
	}

	const server = createServer(async (req, res) => {
		try {
			const url = new URL(req.url ?? '/', 'http://x');
			let rel = decodeURIComponent(url.pathname);
			if (rel.endsWith('/')) rel += 'index.html';
			const full = normalize(join(root, rel));
			if (!full.startsWith(normalize(root) + sep)) {
				res.writeHead(403).end();
				return;
			}
			let file;
			try {
				file = await load(full);
			} catch {
				// An unknown asset is a 404; any other path is a client-side route.
				if (extname(rel) && !rel.endsWith('index.html')) {
					res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
					return;
				}
				file = await load(join(root, fallback));
			}
			const headers = {
				'content-type': TYPES[file.ext] ?? 'application/octet-stream',
				'cache-control': /\/(_app\/immutable|__bench\/assets)\//.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache',
				vary: 'accept-encoding'
			};
			let body = file.body;
			if (file.gz && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
				body = file.gz;
				headers['content-encoding'] = 'gzip';
			}
			headers['content-length'] = body.length;
			res.writeHead(200, headers);
			res.end(req.method === 'HEAD' ? undefined : body);
		} catch (e) {
			res.writeHead(500).end(String(e));
		}
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address();
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			})
	};
}
