// The printed table and its Markdown twin (for the README's Performance section).
import { round } from './util.mjs';

const HEAD = ['figure', 'value', 'unit', 'reference', 'ratio', 'target', 'met'];

function cells(r) {
	const fmt = (v) => (v === null || v === undefined ? '—' : String(round(v)));
	return [
		r.figure,
		fmt(r.value),
		r.unit || '',
		fmt(r.reference),
		r.ratio === null ? '—' : `${round(r.ratio)}×`,
		r.target ?? '—',
		r.met === null ? '—' : r.met ? 'yes' : 'NO'
	];
}

export function formatTable(rows) {
	const body = rows.map(cells);
	const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((c) => c[i].length)));
	const right = new Set([1, 3, 4]);
	const line = (c) => c.map((x, i) => (right.has(i) ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join(' | ');
	return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

export function markdownTable(rows) {
	const esc = (s) => s.replace(/\|/g, '\\|');
	return [
		`| ${HEAD.join(' | ')} |`,
		'| --- | ---: | --- | ---: | ---: | --- | --- |',
		...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)
	].join('\n');
}
