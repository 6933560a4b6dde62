import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

/** A static server (reading files on each request) of a copy of a build, that a test can stop (to go truly offline) or redeploy. */
export class StaticServer {
	private proc: ChildProcess | undefined;
	readonly dir: string;
	port = 0;

	constructor(from = 'build') {
		this.dir = mkdtempSync(join(tmpdir(), 'pm-site-'));
		cpSync(from, this.dir, { recursive: true });
	}

	get origin(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Start serving (on a free port the first time, the same port after a stop). */
	async start(): Promise<void> {
		this.port ||= await freePort();
		this.proc = spawn(
			'node_modules/.bin/sirv',
			[this.dir, '--dev', '--single', '200.html', '--port', String(this.port), '--host', '127.0.0.1', '--quiet'],
			{ stdio: 'ignore' }
		);
		for (let i = 0; i < 100; i++) {
			try {
				if ((await fetch(this.origin + '/')).ok) return;
			} catch {
				/* not up yet */
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error('static server did not start');
	}

	/** Stop serving: every request to it now fails. */
	async stop(): Promise<void> {
		const p = this.proc;
		if (!p) return;
		this.proc = undefined;
		await new Promise<void>((r) => {
			p.once('exit', () => r());
			p.kill();
		});
	}

	/** Replace the served files with another build (a new deployment). */
	deploy(from: string): void {
		rmSync(this.dir, { recursive: true, force: true });
		cpSync(from, this.dir, { recursive: true });
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.dir, { recursive: true, force: true });
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const addr = s.address();
			s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
		});
	});
}
