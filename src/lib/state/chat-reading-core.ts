import { unzipSync } from 'fflate';
import { parseChatLog, parseSlackExport, type ChatLog, type ExportFile } from '$lib/domain/chat-log';
import { instantToWallClock } from '$lib/domain/metrics';

/** A chat log to read: pasted text, or a file's bytes (a ZIP is read as a Slack export). */
export interface ChatInput {
	text?: string;
	bytes?: ArrayBuffer;
	/** The day of a log whose lines carry only times ('YYYY-MM-DD'). */
	date: string;
	/** The incident's time zone: times without an offset are read in it, and each message's wall-clock time is given in it. */
	timeZone: string;
}

/** A log read: its messages, and each one's time as 'YYYY-MM-DDTHH:mm' in the incident's zone; or why it could not be read. */
export type ChatReading = { ok: true; log: ChatLog; times: string[] } | { ok: false; error: string };

/** The most a Slack export may hold once unzipped. */
const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Read a chat log (the worker's job; also run in the page where workers are missing). */
export function readChatInput({ text, bytes, date, timeZone }: ChatInput): ChatReading {
	const options = { date, timeZone };
	let log: ChatLog;
	try {
		const data = bytes ? new Uint8Array(bytes) : undefined;
		if (data && isZip(data)) {
			let total = 0;
			const entries = unzipSync(data, {
				filter: (f) => {
					if (!f.name.endsWith('.json')) return false;
					total += f.originalSize;
					return total <= MAX_UNZIPPED_BYTES;
				}
			});
			if (total > MAX_UNZIPPED_BYTES)
				return { ok: false, error: 'This ZIP holds more than 256 MB of chat: export fewer channels or days.' };
			const decoder = new TextDecoder();
			const files: ExportFile[] = Object.entries(entries).map(([path, content]) => ({ path, text: decoder.decode(content) }));
			log = parseSlackExport(files, options);
			if (!log.messages.length && !files.some((f) => f.path.endsWith('users.json')))
				return { ok: false, error: 'This ZIP is not a Slack export: it has no users.json and no channel folders of day files.' };
		} else {
			const source = text ?? new TextDecoder().decode(data);
			if (source.includes('\u0000'))
				return { ok: false, error: 'This file is not text: choose a chat log saved as text, JSON or a Slack export ZIP.' };
			log = parseChatLog(source, options);
		}
	} catch (e) {
		return { ok: false, error: `The log could not be read (${e instanceof Error ? e.message : String(e)}).` };
	}
	return { ok: true, log, times: log.messages.map((m) => instantToWallClock(Date.parse(m.at), timeZone)) };
}
