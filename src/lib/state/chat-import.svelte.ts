import {
	chatEntry,
	isWallClock,
	keysInTimeline,
	MAX_IMPORT_BYTES,
	sortTimeline,
	type ChatLog,
	type ChatMessage,
	type Milestone
} from '$lib/domain';
import type { EditorState } from './editor.svelte';
import { readChatLog } from './chat-reading';

/** One message of the log as the picker shows it: picked or not, and the changes made before adding it. */
export interface ChatCandidate {
	message: ChatMessage;
	/** 'YYYY-MM-DDTHH:mm' in the incident's zone (editable). */
	at: string;
	what: string;
	milestone: Milestone | '';
	picked: boolean;
}

const FORMAT_NAMES: Record<ChatLog['format'], string> = {
	'slack-export': 'a Slack export',
	'chat-copy': 'text copied from Slack or Teams',
	zoom: 'a Zoom meeting chat',
	irc: 'an IRC log',
	generic: 'a log of dated lines',
	unknown: 'unknown'
};

/**
 * The "Add from a chat log" picker of the Timeline step: reads a pasted or dropped log (in a
 * worker), lists its messages, lets the person pick (all, none, by person, by search), edit a time,
 * a text or a milestone, and adds the picked ones to the timeline as one undoable edit. Messages
 * already in the timeline (added from the same log before) are shown as such and not added again.
 */
export class ChatImport {
	/** Every message of the log read, in time order. */
	candidates: ChatCandidate[] = $state.raw([]);
	/** What was read, said in a sentence ("Read 42 messages from a Zoom meeting chat…"), or ''. */
	summary = $state('');
	error = $state('');
	reading = $state(false);
	/** Show only this person's messages ('' for everyone). */
	person = $state('');
	/** Show only messages whose text, author or channel contains this. */
	query = $state('');
	/** Whether the log's messages are from several channels (a whole Slack export). */
	channels = $state(false);

	/** The keys of the messages the timeline holds already. */
	readonly inTimeline: Set<string> = $derived.by(() => keysInTimeline(this.editor.draft));
	/** The messages shown, by the person and search chosen. */
	readonly shown: ChatCandidate[] = $derived.by(() => {
		const q = this.query.trim().toLowerCase();
		if (!q && !this.person) return this.candidates;
		return this.candidates.filter(
			(c) =>
				(!this.person || c.message.who === this.person) &&
				(!q || `${c.message.who}\n${c.what}\n${c.message.channel}`.toLowerCase().includes(q))
		);
	});
	/** Everyone who wrote in the log, with how many messages, most first. */
	readonly people: { who: string; count: number }[] = $derived.by(() => {
		const counts = new Map<string, number>();
		for (const c of this.candidates) counts.set(c.message.who, (counts.get(c.message.who) ?? 0) + 1);
		return [...counts].map(([who, count]) => ({ who, count })).sort((a, b) => b.count - a.count || a.who.localeCompare(b.who));
	});
	/** The messages that "Add" would add: picked, with a valid time, and not in the timeline yet. */
	readonly toAdd: ChatCandidate[] = $derived(this.candidates.filter((c) => c.picked && !this.inTimeline.has(c.message.key)));

	constructor(private readonly editor: EditorState) {}

	/** Read a pasted text or a chosen or dropped file. */
	async read(input: { text: string } | { file: File }, date: string): Promise<void> {
		this.error = '';
		if ('file' in input && input.file.size > MAX_IMPORT_BYTES) {
			this.error = `"${input.file.name}" is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`;
			return;
		}
		this.reading = true;
		try {
			const { timeZone } = this.editor.draft;
			const payload = 'file' in input ? { bytes: await input.file.arrayBuffer() } : { text: input.text };
			const r = await readChatLog({ ...payload, date, timeZone });
			if (!r.ok) return void (this.error = r.error);
			if (!r.log.messages.length) {
				this.error =
					'No messages were recognised. The picker reads Slack exports (a day’s JSON file or the ZIP), text copied from Slack or Teams (a name and a time on one line, the message below), Zoom meeting chats, IRC logs (irssi, WeeChat, ZNC) and lines such as “2024-03-11 15:20 - Name: message”.';
				return;
			}
			const known = this.inTimeline;
			this.candidates = r.log.messages.map((message, i) => ({
				message,
				at: r.times[i],
				what: message.text,
				milestone: '',
				picked: !known.has(message.key)
			}));
			this.channels = r.log.messages.some((m) => m.channel !== '');
			this.person = this.query = '';
			const n = r.log.messages.length;
			const again = r.log.messages.filter((m) => known.has(m.key)).length;
			this.summary =
				`Read ${n.toLocaleString('en')} message${n === 1 ? '' : 's'} from ${FORMAT_NAMES[r.log.format]}` +
				(r.log.dropped
					? `; ${r.log.dropped.toLocaleString('en')} join, leave or topic line${r.log.dropped === 1 ? '' : 's'} left out`
					: '') +
				(again ? `; ${again.toLocaleString('en')} already in the timeline` : '') +
				'.';
		} catch (e) {
			this.error = `The log could not be read (${e instanceof Error ? e.message : String(e)}).`;
		} finally {
			this.reading = false;
		}
	}

	/** Pick (or leave out) every message shown. */
	pickShown(picked: boolean): void {
		const shown = new Set(this.shown.map((c) => c.message.key));
		this.candidates = this.candidates.map((c) => (shown.has(c.message.key) && c.picked !== picked ? { ...c, picked } : c));
	}

	/** Change one message before adding it. */
	change(key: string, patch: Partial<Pick<ChatCandidate, 'at' | 'what' | 'milestone' | 'picked'>>): void {
		this.candidates = this.candidates.map((c) => (c.message.key === key ? { ...c, ...patch } : c));
	}

	/** Whether a candidate's time (as edited) is one the timeline takes. */
	validTime(c: ChatCandidate): boolean {
		return isWallClock(c.at);
	}

	/** Add the picked messages to the timeline (one undo step); returns how many were added. */
	add(): number {
		const entries = this.toAdd.map((c) =>
			chatEntry(c.message, this.editor.draft.timeZone, { at: this.validTime(c) ? c.at : '', what: c.what, milestone: c.milestone })
		);
		if (entries.length) this.editor.update({ timeline: sortTimeline([...this.editor.draft.timeline, ...entries]) });
		return entries.length;
	}

	/** Start again with another log. */
	clear(): void {
		this.candidates = [];
		this.summary = this.error = this.person = this.query = '';
	}
}
