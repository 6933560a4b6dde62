/** Display helpers for the UI (dates and times as people read them). */

// Made once: creating Intl formatters per call costs a few hundred ms across a long library.
let rtf: Intl.RelativeTimeFormat | undefined;
let dateFormat: Intl.DateTimeFormat | undefined;

/** "3 minutes ago", "yesterday", or a date for older things. */
export function relativeTime(iso: string, now = Date.now()): string {
	const t = Date.parse(iso);
	if (Number.isNaN(t)) return '';
	const s = Math.round((t - now) / 1000);
	rtf ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
	const abs = Math.abs(s);
	if (abs < 45) return 'just now';
	if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
	if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
	if (abs < 86400 * 7) return rtf.format(Math.round(s / 86400), 'day');
	dateFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
	return dateFormat.format(t);
}

/** '2026-11-03T14:05' → '2026-11-03 14:05'. */
export function wallTime(at: string): string {
	return at ? at.replace('T', ' ') : '';
}

/** A Blob download of text under a file name. */
export function downloadText(name: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
