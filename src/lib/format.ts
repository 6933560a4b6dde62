/** Display helpers for the UI (dates and times as people read them). */

// Made once: creating a date formatter per call costs a few hundred ms across a long library.
let dateFormat: Intl.DateTimeFormat | undefined;

/** "3 minutes ago", "yesterday", or a date for older things. */
export function relativeTime(iso: string, now = Date.now()): string {
	const t = Date.parse(iso);
	if (Number.isNaN(t)) return '';
	const s = Math.round((t - now) / 1000);
	const abs = Math.abs(s);
	if (abs < 45) return 'just now';
	// Spelled out here rather than with Intl.RelativeTimeFormat, whose first use in a page costs the
	// browser 25-100 ms: that was most of the time to the library's first rows (the UI is English).
	const ago = (n: number, unit: string) => {
		const amount = `${n} ${unit}${n === 1 ? '' : 's'}`;
		return s < 0 ? `${amount} ago` : `in ${amount}`;
	};
	if (abs < 3600) return ago(Math.round(abs / 60), 'minute');
	if (abs < 86400) return ago(Math.round(abs / 3600), 'hour');
	if (abs < 86400 * 7) {
		const days = Math.round(abs / 86400);
		if (days === 1) return s < 0 ? 'yesterday' : 'tomorrow';
		return ago(days, 'day');
	}
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
