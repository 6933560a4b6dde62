/**
 * What the language review does not read: fenced and indented code blocks, inline code spans and
 * URLs. The rules run over a masked copy of the text, so offsets still point into the original.
 */

/** Ranges [start, end) of inline code, fenced and indented code blocks, and URLs. */
export function ignoredRanges(text: string): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	// Block code, line by line.
	let pos = 0;
	let fence: { ch: string; len: number } | null = null;
	let fenceStart = 0;
	let prevBlank = true;
	let inIndented = false;
	let inList = false;
	const blocks: Array<[number, number]> = [];
	while (pos <= text.length) {
		let nl = text.indexOf('\n', pos);
		if (nl < 0) nl = text.length;
		const line = text.slice(pos, nl);
		const blank = line.trim() === '';
		if (fence) {
			const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
			if (close && close[1][0] === fence.ch && close[1].length >= fence.len) {
				blocks.push([fenceStart, nl]);
				fence = null;
			}
		} else {
			const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
			if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) {
				fence = { ch: open[1][0], len: open[1].length };
				fenceStart = pos;
				inIndented = false;
			} else if (!blank && /^(?: {4}|\t)/.test(line) && (inIndented || (prevBlank && !inList))) {
				blocks.push([pos, nl]);
				inIndented = true;
			} else if (!blank) {
				inIndented = false;
				if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) inList = true;
				else if (!/^\s/.test(line)) inList = false;
			}
		}
		prevBlank = blank;
		pos = nl + 1;
	}
	if (fence) blocks.push([fenceStart, text.length]);
	ranges.push(...blocks);

	// Inline code spans, paired per paragraph (a backtick run closes at the next run of the same length).
	const inBlock = (i: number) => blocks.some(([a, b]) => i >= a && i < b);
	const runs: Array<{ s: number; len: number; para: number }> = [];
	let para = 0;
	for (const m of text.matchAll(/`+|\n[ \t]*\n/g)) {
		if (m[0][0] === '\n') para++;
		else if (!inBlock(m.index)) runs.push({ s: m.index, len: m[0].length, para });
	}
	const next = new Array<number>(runs.length).fill(-1);
	const last = new Map<string, number>();
	for (let i = runs.length - 1; i >= 0; i--) {
		const k = `${runs[i].para}:${runs[i].len}`;
		next[i] = last.get(k) ?? -1;
		last.set(k, i);
	}
	for (let i = 0; i < runs.length; i++) {
		const j = next[i];
		if (j < 0) continue;
		ranges.push([runs[i].s, runs[j].s + runs[j].len]);
		i = j;
	}

	// URLs.
	for (const m of text.matchAll(/(?:https?:\/\/|www\.)[^\s<>"'`]+/gi)) {
		const url = m[0].replace(/[.,;:!?)\]}*_]+$/, '');
		ranges.push([m.index, m.index + url.length]);
	}
	return ranges;
}

/** The text with ignored ranges replaced by NUL characters (same length, so offsets stay valid). */
export function maskIgnored(text: string): string {
	const ranges = ignoredRanges(text).sort((a, b) => a[0] - b[0]);
	if (!ranges.length) return text;
	let out = '';
	let pos = 0;
	for (const [a, b] of ranges) {
		const s = Math.max(a, pos);
		if (b <= s) continue;
		out += text.slice(pos, s) + '\u0000'.repeat(b - s);
		pos = b;
	}
	return out + text.slice(pos);
}
