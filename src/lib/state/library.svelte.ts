// Direct module imports keep the library's first load small; the example loads on demand.
import { whenIdle } from '$lib/scheduling';
import { applyView, type LibraryView } from '$lib/domain/library-view';
import { createPostmortem, type Postmortem } from '$lib/domain/model';
import { UNTITLED } from '$lib/domain/labels';
import type { SearchPassage } from '$lib/domain/search';
import type { LibrarySearch } from './library-search.svelte';
import {
	Live,
	create,
	describeStorageError,
	duplicate,
	get,
	list,
	remove,
	restore,
	takeEarlyList,
	type PostmortemSummary
} from '$lib/storage';

/** A library row: the few fields of a stored postmortem the list shows. */
export type { PostmortemSummary };

/** A short message about what was just done, with an action that undoes it when there is one. */
export interface LibraryNotice {
	message: string;
	undo?: () => void;
}

/** How a postmortem is named to the person: its title, or that it has none. */
export function displayTitle(row: Pick<PostmortemSummary, 'title'>): string {
	return row.title || UNTITLED;
}

/**
 * The library: every stored postmortem's row, kept up to date as the database changes (in this tab
 * or another), and what can be done from it. Create it in a component's setup and `stop()` it when
 * the component goes.
 */
export class Library {
	/** The rows, most recently edited first; the first ones come from the read app.html started as the page loaded. */
	readonly rows = new Live<PostmortemSummary[]>(list, takeEarlyList());
	/** What the list is searched for: every field of every postmortem (until the index has loaded, titles). */
	filter = $state('');
	/** The full-text search, loaded the first time someone searches (never part of the library's first load). */
	private search: LibrarySearch | undefined = $state.raw();
	private searchLoading = false;
	/** Why the last action failed, or empty. */
	error = $state('');
	/** What was just done (duplicated, deleted), until dismissed or replaced. */
	notice = $state<LibraryNotice | null>(null);

	/**
	 * Final postmortems that fail checks now that they did not when marked final: id → how many.
	 * Worked out once the list has painted, by a module of its own (see final-checks.ts).
	 */
	attention = $state.raw<ReadonlyMap<string, number>>(new Map());

	constructor() {
		$effect(() => {
			const q = this.filter.trim();
			if (!q) return;
			if (this.search) void this.search.search(q);
			else if (!this.searchLoading) {
				this.searchLoading = true;
				void import('./library-search.svelte').then((m) => (this.search = new m.LibrarySearch())).catch(() => (this.searchLoading = false)); // titles are still searched; tried again with the next keystroke
			}
		});
		$effect(() => {
			const rows = this.rows.current;
			if (this.search && rows) void this.search.follow(rows);
		});
		$effect(() => {
			const finals = (this.rows.current ?? []).filter((r) => r.status === 'final');
			// A row no longer Final shows no flag (LibraryRow), so none is cleared here.
			if (finals.length)
				whenIdle(() => {
					void import('./final-checks')
						.then((m) => m.finalsNeedingAttention(finals))
						.then((found) => (this.attention = found))
						.catch(() => {});
				});
		});
	}

	/** The hits of the search, when it has answered (the last answer stands while a newer query runs). */
	private readonly hits = $derived(this.filter.trim() ? this.search?.results?.hits : undefined);

	/** The rows that match the search: best match first when searching, else most recently edited. */
	private readonly found: PostmortemSummary[] = $derived.by(() => {
		const all = this.rows.current ?? [];
		const q = this.filter.trim().toLowerCase();
		if (!q) return all;
		if (this.hits) {
			const byId = new Map(all.map((r) => [r.id, r]));
			return this.hits.flatMap((h) => byId.get(h.id) ?? []);
		}
		// Until the index answers: titles. An untitled postmortem is found by “untitled”.
		return all.filter((r) => (r.title || 'untitled').toLowerCase().includes(q));
	});
	/** The status and severity the list is narrowed to, and its order. */
	view: LibraryView = $state({ status: '', severity: '', sort: '' });
	/** The rows shown: those the search found, narrowed and ordered by the view. */
	readonly shown: PostmortemSummary[] = $derived(applyView(this.found, this.view));

	/** Where each shown row matched the search (id → passage), to show under its title. */
	readonly passages: ReadonlyMap<string, SearchPassage> = $derived(
		new Map((this.hits ?? []).flatMap((h) => (h.passage ? [[h.id, h.passage]] : [])))
	);

	/** True once the first rows (possibly none) are known. */
	get loaded(): boolean {
		return this.rows.loaded;
	}

	/** True when the rows are known and there are none. */
	get empty(): boolean {
		return this.rows.loaded && (this.rows.current?.length ?? 0) === 0;
	}

	/** Why the rows could not be read, if they could not. */
	get readError(): string | undefined {
		return this.rows.error;
	}

	/** Run an action, turning a failure into `error`; undefined when it failed. */
	private async run<T>(action: () => Promise<T>): Promise<T | undefined> {
		this.error = '';
		try {
			return await action();
		} catch (e) {
			this.error = `That did not work: ${describeStorageError(e)}`;
			return undefined;
		}
	}

	/** Store a new, empty postmortem; returns its id (undefined if it could not be stored). */
	startNew(): Promise<string | undefined> {
		return this.run(async () => (await create(createPostmortem())).id);
	}

	/** Store the example postmortem unless it is here already; returns its id. */
	openExample(): Promise<string | undefined> {
		return this.run(async () => {
			const { examplePostmortem } = await import('$lib/domain/example');
			const ex = examplePostmortem();
			if (!(await get(ex.id))) await create(ex);
			return ex.id;
		});
	}

	/** Store a copy of a postmortem and say so. */
	duplicate(row: PostmortemSummary): Promise<void> {
		return this.run(async () => {
			const pm = await duplicate(row.id);
			if (pm) this.notice = { message: `Duplicated as “${pm.title}”.` };
		});
	}

	/**
	 * Delete a postmortem once `confirm` (asked with its name) says yes, with a notice that can undo
	 * it (puts it back exactly as it was).
	 */
	delete(row: PostmortemSummary, confirm: (name: string) => Promise<boolean>): Promise<void> {
		return this.run(async () => {
			const name = displayTitle(row);
			if (!(await confirm(name))) return;
			const removed: Postmortem | undefined = await remove(row.id);
			if (!removed) return;
			const undo = () =>
				void this.run(async () => {
					await restore(removed);
					this.notice = null;
				});
			this.notice = { message: `Deleted “${name}”.`, undo };
		});
	}

	/** Stop following the database. */
	stop(): void {
		this.rows.stop();
		this.search?.stop();
	}
}
