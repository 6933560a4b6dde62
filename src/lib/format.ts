/** Display helpers for the UI (dates and times as people read them). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 minutes ago", "yesterday", or a date ("3 Oct 2026", local time) for older things. */
export function relativeTime(iso: string, now = Date.now()): string {
	const t = Date.parse(iso);
	if (Number.isNaN(t)) return '';
	const s = Math.round((t - now) / 1000);
	const abs = Math.abs(s);
	if (abs < 45) return 'just now';
	// Spelled out here rather than with Intl.RelativeTimeFormat or Intl.DateTimeFormat: the first use
	// of either in a page costs the browser 25-100 ms, most of the time to the library's first rows.
	// The UI is English; day, month name, year reads the same way everywhere.
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
	const d = new Date(t);
	return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** '2026-11-03T14:05' → '2026-11-03 14:05'. */
export function wallTime(at: string): string {
	return at ? at.replace('T', ' ') : '';
}

/** A Blob download of text (or bytes) under a file name. */
export function downloadText(name: string, text: string | Uint8Array<ArrayBuffer>, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
