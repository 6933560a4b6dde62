/** What the library's full-text search indexes of a postmortem, and the passage a match is shown with. */

import { type Postmortem } from './model';
import { textFields } from './parts';

/** A postmortem as the search index holds it: every text with its label, and the words of its lists. */
export interface SearchDocument {
	id: string;
	title: string;
	/** Every text field, joined (summary, impact, timeline, factors, actions, lessons…). */
	text: string;
	/** People: lead, facilitator, authors, participants, who did what in the timeline, action owners. */
	people: string;
	/** Tags and services. */
	labels: string;
	/** The texts one by one, to show where a match is. */
	fields: { label: string; text: string }[];
}

/** The search document of a postmortem. */
export function searchDocument(pm: Postmortem): SearchDocument {
	const fields = textFields(pm).map(({ label, text }) => ({ label, text }));
	const people = [
		pm.incidentLead,
		pm.facilitator,
		...pm.authors,
		...pm.participants,
		...pm.timeline.map((e) => e.who),
		...pm.correctiveActions.map((a) => a.owner)
	];
	const labels = [...pm.tags, ...pm.services];
	fields.push(
		{ label: 'People', text: [...new Set(people.filter(Boolean))].join(', ') },
		{ label: 'Tags and services', text: labels.join(', ') }
	);
	return {
		id: pm.id,
		title: pm.title,
		text: fields
			.slice(1, -2)
			.map((f) => f.text)
			.join('\n'),
		people: fields.at(-2)!.text,
		labels: fields.at(-1)!.text,
		fields: fields.filter((f) => f.text)
	};
}

/** Where a search matched: the field's label and the passage around the match, split so the match can be marked. */
export interface SearchPassage {
	label: string;
	before: string;
	hit: string;
	after: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The passage of the first field (in document order) where one of `terms` (the words a search
 * matched, lower case) starts a word, with about `width` characters on each side; undefined if none.
 */
export function matchPassage(
	fields: readonly { label: string; text: string }[],
	terms: readonly string[],
	width = 60
): SearchPassage | undefined {
	const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
	if (!words.length) return undefined;
	const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map(escape).join('|')})`, 'iu');
	for (const f of fields) {
		const m = re.exec(f.text);
		if (!m) continue;
		const start = m.index + m[1].length;
		const end = start + m[2].length;
		const from = Math.max(0, start - width);
		const to = Math.min(f.text.length, end + width);
		const flat = (s: string) => s.replace(/\s+/g, ' ');
		return {
			label: f.label,
			before: (from > 0 ? '…' : '') + flat(f.text.slice(from, start)).trimStart(),
			hit: f.text.slice(start, end),
			after: flat(f.text.slice(end, to)).trimEnd() + (to < f.text.length ? '…' : '')
		};
	}
	return undefined;
}
