import { exportFileName, MAX_IMPORT_BYTES, sortTimeline } from '$lib/domain';
import {
	accountEntry,
	mergeAccounts,
	parseAccount,
	toAccountJson,
	type Account,
	type AccountItem,
	type Moment
} from '$lib/domain/accounts';
import type { EditorState } from './editor.svelte';

/** Whether an entry's "who" names `author` (whole, or by first name). */
function names(who: string, author: string): boolean {
	const w = who.trim().toLowerCase();
	const a = author.trim().toLowerCase();
	return !!a && (w === a || w === a.split(/\s+/)[0] || a === w.split(/\s+/)[0]);
}

/** `set` with `keys` added (or taken out), as a new set for a `$state.raw` field. */
function withPicked(set: ReadonlySet<string>, keys: readonly string[], picked: boolean): Set<string> {
	const next = new Set(set);
	for (const k of keys) {
		if (picked) next.add(k);
		else next.delete(k);
	}
	return next;
}

/**
 * "Export my account…" of the Timeline step: whose account it is, which timeline entries it holds
 * (at first those naming the person, or all when none does) and their notes, as a small file.
 */
export class AccountExport {
	author = $state('');
	notes = $state('');
	/** Ids of the entries in the account. */
	picked: Set<string> = $state.raw(new Set());

	constructor(private readonly editor: EditorState) {
		this.setAuthor('');
	}

	/** Say whose account it is; the entries naming them are picked (all entries when none does). */
	setAuthor(author: string): void {
		this.author = author;
		const timeline = this.editor.draft.timeline;
		const mine = timeline.filter((e) => names(e.who, author));
		this.picked = new Set((mine.length ? mine : timeline).map((e) => e.id));
	}

	/** Put an entry in the account or leave it out. */
	toggle(id: string, picked: boolean): void {
		this.picked = withPicked(this.picked, [id], picked);
	}

	/** Pick every entry, or none. */
	pickAll(picked: boolean): void {
		this.picked = new Set(picked ? this.editor.draft.timeline.map((e) => e.id) : []);
	}

	/** The file: its name and text (null with a reason when it cannot be made yet). */
	file(now = new Date()): { name: string; text: string } | { error: string } {
		const author = this.author.trim();
		if (!author) return { error: 'Say whose account this is first.' };
		if (!this.picked.size && !this.notes.trim()) return { error: 'Pick at least one entry or write a note first.' };
		const pm = this.editor.draft;
		const who =
			author
				.replace(/[^\p{L}\p{N}]+/gu, '-')
				.replace(/^-|-$/g, '')
				.toLowerCase() || 'account';
		return {
			name: exportFileName(pm, 'json').replace(/\.json$/, `-account-${who}.json`),
			text: toAccountJson(pm, author, { entryIds: this.picked, notes: this.notes }, now)
		};
	}
}

/**
 * "Merge accounts…" of the Timeline step: reads participants' account files (all or nothing),
 * shows their entries by moment with whose account each is and where they disagree, and adds the
 * picked ones to the timeline as one undoable edit, remembering whose account each came from.
 */
export class AccountMerge {
	accounts: Account[] = $state.raw([]);
	error = $state('');
	/** Keys of the entries picked to add. */
	picked: Set<string> = $state.raw(new Set());
	/** Whether the accounts' notes go to Supporting information, under each author's name. */
	addNotes = $state(true);

	/** Every entry of the accounts read, by moment, in time order. */
	readonly moments: Moment[] = $derived.by(() => mergeAccounts(this.editor.draft, this.accounts));
	/** The entries "Add" would add: picked and not in the timeline yet. */
	readonly toAdd: AccountItem[] = $derived(this.moments.flatMap((m) => m.items.filter((i) => this.picked.has(i.key) && !i.added)));
	/** Accounts with notes that Supporting information does not hold yet. */
	readonly newNotes: Account[] = $derived(
		this.accounts.filter((a) => a.notes.trim() && !this.editor.draft.supportingInfo.includes(a.notes.trim()))
	);

	constructor(private readonly editor: EditorState) {}

	/** Read account files, all or nothing; an account by the same person read before is replaced. */
	async read(files: readonly File[]): Promise<void> {
		this.error = '';
		const read: Account[] = [];
		const errors: string[] = [];
		for (const file of files) {
			if (file.size > MAX_IMPORT_BYTES) {
				errors.push(`“${file.name}” is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
				continue;
			}
			const r = parseAccount(await file.text());
			if (r.ok) read.push(r.account);
			else errors.push(`“${file.name}” was not read: ${r.error}`);
		}
		if (errors.length) {
			this.error = errors.join(' ') + (files.length > 1 ? ' No account was read; leave out or fix that file and try again.' : '');
			return;
		}
		const authors = new Set(read.map((a) => a.author));
		this.accounts = [...this.accounts.filter((a) => !authors.has(a.author)), ...read];
		// At first, one entry of each moment that the timeline does not tell yet: the person picks
		// another where the accounts disagree.
		const picked = new Set<string>();
		for (const m of this.moments) {
			const first = m.items.find((i) => !i.added);
			if (first && !m.timeline.length && !m.items.some((i) => i.added)) picked.add(first.key);
		}
		this.picked = picked;
	}

	/** Pick an entry to add, or leave it out. */
	toggle(key: string, picked: boolean): void {
		this.picked = withPicked(this.picked, [key], picked);
	}

	/** Pick every entry not in the timeline yet (of one person when `author` is given), or none. */
	pickAll(picked: boolean, author = ''): void {
		const keys = this.moments.flatMap((m) => m.items.filter((i) => !i.added && (!author || i.author === author)).map((i) => i.key));
		this.picked = withPicked(author ? this.picked : new Set(), keys, picked);
	}

	/** Add the picked entries (and the notes, if chosen) in one undoable edit; returns how many entries were added. */
	add(): number {
		const pm = this.editor.draft;
		const entries = this.toAdd.map(accountEntry);
		const notes = this.addNotes ? this.newNotes : [];
		if (!entries.length && !notes.length) return 0;
		const supportingInfo = notes.length
			? [pm.supportingInfo.trim(), ...notes.map((a) => `### ${a.author}’s account\n\n${a.notes.trim()}`)].filter(Boolean).join('\n\n')
			: pm.supportingInfo;
		this.editor.update({
			timeline: entries.length ? sortTimeline([...pm.timeline, ...entries]) : pm.timeline,
			...(notes.length ? { supportingInfo } : {})
		});
		return entries.length;
	}
}
