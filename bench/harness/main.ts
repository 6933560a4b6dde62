// The bench harness: the app's real domain, storage and render modules, built by Vite with the app's
// `$lib` alias and served from the same origin as the app (so both see the same IndexedDB).
// `run.mjs` calls these functions through `page.evaluate`; every timing is taken in the page.
import { SECTIONS, sectionProgress, toMarkdown, toJsonBundle, type Postmortem } from '$lib/domain';
import { create, get, list, summarize, type PostmortemSummary } from '$lib/storage';
import { save } from '$lib/storage/saving';
import { db } from '$lib/storage/db';
import { readImportFile, storeImport } from '$lib/state/importing';
import { EditorState, cachedLint, linter } from '$lib/state/editor.svelte';
import { renderMarkdown } from '$lib/render/render';
import { toPreviewBlocks } from '$lib/render/blocks';
import { buildPreview } from '$lib/render/build';
import { realistic } from './data';
import { mount, unmount, tick } from 'svelte';
import { createPostmortem } from '$lib/domain';
import { ChatImport } from '$lib/state/chat-import.svelte';
import ChatImportDialog from '$lib/components/chat/ChatImportDialog.svelte';
import CompactTimeline from '$lib/components/sections/CompactTimeline.svelte';
import { searchDocument } from '$lib/domain/search';
import { SearchIndex } from '$lib/state/search-index';

const now = () => performance.now();

/** A raw IndexedDB database with one store, for the "raw put" reference. */
function openRaw(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open('bench-raw', 1);
		req.onupgradeneeded = () => req.result.createObjectStore('postmortems', { keyPath: 'id' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

function rawPut(raw: IDBDatabase, obj: unknown): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = raw.transaction('postmortems', 'readwrite');
		tx.objectStore('postmortems').put(obj);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error);
	});
}

/** Scroll `scroller` to its end, about a 300th of its height per frame; the time between frames (the first left out). */
function scrollThrough(scroller: HTMLElement): Promise<number[]> {
	const frames: number[] = [];
	return new Promise((resolve) => {
		let last = now();
		const step = () => {
			const t = now();
			frames.push(t - last);
			last = t;
			if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 || frames.length > 400) return resolve(frames.slice(1));
			scroller.scrollTop += Math.round(scroller.scrollHeight / 300);
			requestAnimationFrame(step);
		};
		requestAnimationFrame(step);
	});
}

let pendingBundle: string | undefined;
let importResult: unknown;

const bench = {
	/** Delete every stored postmortem. */
	async clear(): Promise<void> {
		const d = db();
		await d.transaction('rw', d.postmortems, d.summaries, async () => {
			await d.postmortems.clear();
			await d.summaries.clear();
		});
	},

	/** Store generated postmortems through the app's own import path (file → parse → store), in bundles. */
	async seed(from: number, count: number, entries: number, actions: number, perBundle = 200, longText = 1) {
		const ids: string[] = [];
		for (let i = from; i < from + count; i += perBundle) {
			const pms: Postmortem[] = [];
			for (let k = i; k < Math.min(from + count, i + perBundle); k++) pms.push(realistic(k, entries, actions, longText));
			const file = new File([toJsonBundle(pms)], 'bench.json', { type: 'application/json' });
			const read = await readImportFile(file);
			if (!read.ok) throw new Error(read.error);
			const stored = await storeImport(read.postmortems, async () => 'replace');
			if (!stored) throw new Error('import cancelled');
			ids.push(...stored);
		}
		return ids;
	},

	/** Build the JSON bundle of `count` postmortems and keep it for `runImport` (not timed). */
	prepareBundle(count: number, entries: number, actions: number, from = 0): { bytes: number } {
		const pms = Array.from({ length: count }, (_, i) => realistic(from + i, entries, actions));
		pendingBundle = toJsonBundle(pms);
		return { bytes: new Blob([pendingBundle]).size };
	},

	/** Import the prepared bundle exactly as the library's file input does (read, validate, store). */
	async runImport(): Promise<{ ok: boolean; error?: string; count: number; ms: number; readMs: number; storeMs: number }> {
		const text = pendingBundle!;
		pendingBundle = undefined;
		const file = new File([text], 'backup.json', { type: 'application/json' });
		const t0 = now();
		const read = await readImportFile(file);
		const t1 = now();
		if (!read.ok) return (importResult = { ok: false, error: read.error, count: 0, ms: t1 - t0, readMs: t1 - t0, storeMs: 0 }) as never;
		const stored = await storeImport(read.postmortems, async () => 'replace');
		const t2 = now();
		importResult = { ok: true, count: stored?.length ?? 0, ms: t2 - t0, readMs: t1 - t0, storeMs: t2 - t1 };
		return importResult as never;
	},

	/** Autosave of one edit (model change → transaction committed) against a raw put of the same object. */
	async autosave(reps: number, entries: number, actions: number) {
		const pm = await create(realistic(900_000, entries, actions));
		const editor = new EditorState(pm);
		const raw = await openRaw();
		const app: number[] = [];
		const ref: number[] = [];
		const base = pm.summary;
		for (let r = -3; r < reps; r++) {
			// The model change the summary field's input handler makes, then the save it schedules.
			const t0 = now();
			editor.update({ summary: `${base} ${r}` });
			await editor.flush();
			const t1 = now();
			if (editor.status.state !== 'saved') throw new Error(`autosave ended in ${editor.status.state}`);
			// The same (stored) object, written with one raw IndexedDB put in its own transaction.
			const obj = { ...editor.draft };
			const t2 = now();
			await rawPut(raw, obj);
			const t3 = now();
			if (r >= 0) {
				app.push(t1 - t0);
				ref.push(t3 - t2);
			}
		}
		// Where the difference goes: the repository's save() alone (no editor, no autosaver), and
		// the library row it computes on every save.
		const saveOnly: number[] = [];
		const summary: number[] = [];
		let cur = editor.draft;
		for (let r = 0; r < reps; r++) {
			let t = now();
			cur = await save({ ...cur, summary: `${base} s${r}` });
			saveOnly.push(now() - t);
			t = now();
			summarize(cur);
			summary.push(now() - t);
		}
		await editor.dispose();
		raw.close();
		return { app, ref, saveOnly, summary, bytes: new Blob([JSON.stringify(editor.draft)]).size };
	},

	/** Markdown export and sanitized preview of one large postmortem. */
	async exportPreview(reps: number, entries: number, actions: number) {
		const pm = realistic(900_001, entries, actions);
		const exportMs: number[] = [];
		const previewMs: number[] = [];
		const previewDomMs: number[] = [];
		let md = '';
		for (let r = -2; r < reps; r++) {
			const t0 = now();
			md = toMarkdown(pm);
			const t1 = now();
			if (r >= 0) exportMs.push(t1 - t0);
		}
		const host = document.createElement('article');
		document.body.append(host);
		let chars = 0;
		for (let r = -2; r < reps; r++) {
			const t0 = now();
			const out = await renderMarkdown(md);
			const t1 = now();
			if (!out.ok) throw new Error(`preview failed: ${out.reason}`);
			// What the preview page then does with it: insert the document and lay it out.
			host.replaceChildren(out.fragment);
			void host.offsetHeight;
			const t2 = now();
			chars = host.innerHTML.length;
			host.replaceChildren();
			if (r >= 0) {
				previewMs.push(t1 - t0);
				previewDomMs.push(t2 - t0);
			}
		}
		host.remove();
		return { exportMs, previewMs, previewDomMs, markdownChars: md.length, htmlChars: chars };
	},

	/** In-page timings of the app's list/get against raw Dexie reads of the same rows. */
	async reads(reps: number, id: string) {
		const { default: Dexie } = await import('dexie');
		const raw = new Dexie('postmortem-workbench');
		await raw.open();
		const appList: number[] = [];
		const rawList: number[] = [];
		const appGet: number[] = [];
		const rawGet: number[] = [];
		let rows = 0;
		for (let r = -1; r < reps; r++) {
			let t = now();
			const l: PostmortemSummary[] = await list();
			const a = now() - t;
			t = now();
			const rl = await raw.table('summaries').toArray();
			const b = now() - t;
			t = now();
			await get(id);
			const c = now() - t;
			t = now();
			await raw.table('postmortems').get(id);
			const d = now() - t;
			rows = Math.min(l.length, rl.length);
			if (r >= 0) {
				appList.push(a);
				rawList.push(b);
				appGet.push(c);
				rawGet.push(d);
			}
		}
		raw.close();
		return { appList, rawList, appGet, rawGet, rows };
	},

	/**
	 * Diagnostics, not targets: where the time goes. The preview split into Markdown parsing (marked,
	 * here on the main thread; the app runs it in a worker) and building the sanitized DOM (DOMPurify
	 * for prose and markup, tables built from their cells), against sanitizing marked's whole HTML
	 * (what the preview did before); and the model
	 * work one keystroke in a long text field of a big postmortem causes (each derived value the editor
	 * page reads, recomputed after one `update`; the lints, findings and review once the browser is
	 * idle after it, as in the app).
	 */
	async diagnose(entries: number) {
		const pm = realistic(900_002, entries, 8, 6);
		const md = toMarkdown(pm);
		const { default: DOMPurify } = await import('dompurify');
		const { previewMarked } = await import('$lib/render/blocks');
		const parseMs: number[] = [];
		const buildMs: number[] = [];
		const sanitizeAllMs: number[] = [];
		for (let r = -1; r < 5; r++) {
			const t0 = now();
			const blocks = toPreviewBlocks(md);
			const t1 = now();
			buildPreview(blocks);
			const t2 = now();
			DOMPurify.sanitize(previewMarked.parse(md) as string, { USE_PROFILES: { html: true } });
			const t3 = now();
			if (r >= 0) {
				parseMs.push(t1 - t0);
				buildMs.push(t2 - t1);
				sanitizeAllMs.push(t3 - t2);
			}
		}
		const editor = new EditorState(pm);
		// As in the app: the linter and the derived durations switch on shortly after opening.
		await linter.load();
		while (!editor.analysisReady || !editor.metrics) await new Promise((r) => setTimeout(r, 20));
		const parts: Record<string, number[]> = { lintField: [], metrics: [], findings: [], review: [], progress: [] };
		for (let r = -1; r < 10; r++) {
			editor.update({ impact: `${editor.draft.impact}x` });
			// The document-wide analysis follows the draft once the browser is idle (EditorState's
			// private `analysed`): wait for that, then time each part as the page computes it then.
			const analysed = () => (editor as unknown as { analysed: Postmortem }).analysed === editor.draft;
			while (!analysed()) await new Promise((r) => setTimeout(r, 20));
			const times: Record<string, number> = {};
			let t = now();
			cachedLint(editor.draft.impact);
			times.lintField = now() - t;
			t = now();
			void editor.metrics;
			times.metrics = now() - t;
			t = now();
			void editor.openFindings.length;
			times.findings = now() - t;
			t = now();
			void editor.failing.length;
			times.review = now() - t;
			t = now();
			SECTIONS.map((s) => sectionProgress(editor.draft, s.id));
			times.progress = now() - t;
			if (r >= 0) for (const k of Object.keys(parts)) parts[k].push(times[k]);
		}
		await editor.dispose();
		return { parseMs, buildMs, sanitizeAllMs, keystroke: parts };
	},

	/**
	 * A chat log of `count` messages (text copied from Slack, several lines each now and then) read
	 * through the picker's own path (worker), and the picker scrolled through it: the read's time,
	 * the longest the page went without a frame meanwhile, and the frame times while scrolling.
	 */
	async chatLog(count: number, reps: number) {
		const people = ['Ben Adler', 'Priya Natarajan', 'Alert Bot', 'Sam Okafor', 'Lee Wong'];
		const lines: string[] = [];
		for (let i = 0; i < count; i++) {
			const minutes = 9 * 60 + Math.floor(i / 40);
			const h = Math.floor(minutes / 60) % 24;
			lines.push(`${people[i % people.length]}  ${h % 12 || 12}:${String(minutes % 60).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`);
			lines.push(`message ${i}: error rate on checkout is ${i % 97}% and the pool is at ${i % 50} connections`);
			if (i % 7 === 0) lines.push('a second line of the same message, with a link https://grafana.example/d/abc');
		}
		const text = lines.join('\n');
		const editor = new EditorState({ ...createPostmortem(), timeZone: 'UTC' });
		const readMs: number[] = [];
		const blockedMs: number[] = [];
		const host = document.createElement('div');
		document.body.append(host);
		let picker = new ChatImport(editor);
		for (let r = -1; r < reps; r++) {
			picker = new ChatImport(editor);
			let longest = 0;
			let last = now();
			let waiting = true;
			const frame = () => {
				const t = now();
				longest = Math.max(longest, t - last);
				last = t;
				if (waiting) requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
			const t0 = now();
			await picker.read({ text }, '2026-11-03');
			const t1 = now();
			waiting = false;
			if (picker.candidates.length !== count) throw new Error(`read ${picker.candidates.length} of ${count} messages`);
			if (r >= 0) {
				readMs.push(t1 - t0);
				blockedMs.push(longest);
			}
		}
		// The picker on screen with the whole log, scrolled a screenful per frame to the end.
		const app = mount(ChatImportDialog, {
			target: host,
			props: { picker, day: '2026-11-03', timeZone: 'UTC', onadded: () => {}, onclose: () => {} }
		});
		await tick();
		const scroller = host.ownerDocument.querySelector('dialog .scroller') as HTMLElement;
		const frames = await scrollThrough(scroller);
		unmount(app);
		host.remove();
		await editor.dispose();
		return { readMs, blockedMs, frames, chars: text.length };
	},

	/**
	 * The Timeline step's compact rows over a timeline of `count` entries: each of `keys` keystrokes in
	 * an entry's text, from the input event to the frame after it (the edit through the editor state,
	 * its derived values and the rows' render), then the list scrolled through a screenful per frame.
	 */
	async compactTimeline(count: number, keys: number) {
		const pm = realistic(0, count, 4);
		const editor = new EditorState({ ...pm, timeZone: 'UTC' });
		const host = document.createElement('div');
		document.body.append(host);
		const app = mount(CompactTimeline, { target: host, props: { editor, onremove: () => {}, onfinding: () => {}, onleave: () => {} } });
		await tick();
		const rendered = host.querySelectorAll('[data-testid="timeline-entry"]').length;
		const field = host.querySelector(`#t-${pm.timeline[0].id}-what`) as HTMLTextAreaElement;
		field.focus();
		const keystrokeMs: number[] = [];
		for (let k = 0; k < keys; k++) {
			const t = now();
			field.value += 'x';
			field.dispatchEvent(new Event('input', { bubbles: true }));
			await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
			keystrokeMs.push(now() - t);
		}
		if (!editor.draft.timeline[0].what.endsWith('x'.repeat(keys))) throw new Error('the keystrokes did not reach the draft');
		const scroller = host.querySelector('.scroller') as HTMLElement;
		const frames = await scrollThrough(scroller);
		unmount(app);
		host.remove();
		await editor.dispose();
		return { keystrokeMs, frames, rendered };
	},

	/**
	 * The library's search over `count` postmortems of `entries` entries: building the index from
	 * scratch in its worker (documents made on this thread included), then each keystroke of some
	 * queries typed letter by letter, from the query posted to the hits back (most documents match:
	 * they all grow from the example).
	 */
	async search(count: number, entries: number) {
		const pms = Array.from({ length: count }, (_, i) => realistic(i, entries, 8));
		const index = new SearchIndex();
		const t0 = now();
		await index.set(pms.map(searchDocument));
		const buildMs = now() - t0;
		const keystrokeMs: number[] = [];
		let hits = 0;
		for (const query of ['connection pool', 'rollback', 'follow-up 3', 'checkuot']) {
			for (let n = 1; n <= query.length; n++) {
				const t = now();
				hits = (await index.query(query.slice(0, n))).length;
				keystrokeMs.push(now() - t);
			}
		}
		index.stop();
		return { buildMs, keystrokeMs, lastHits: hits };
	},

	/** Store one postmortem directly (not timed). */
	async put(i: number, entries: number, actions: number, longText = 1): Promise<string> {
		const pm = await create(realistic(i, entries, actions, longText));
		return pm.id;
	}
};

declare global {
	interface Window {
		bench: typeof bench;
		benchReady: boolean;
	}
}
window.bench = bench;
window.benchReady = true;
