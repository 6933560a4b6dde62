/** The language engine: runs every rule's patterns over a text with its code and URLs masked. */

import type { LanguageFinding, LanguageRuleId } from '../language';
import { maskIgnored } from './mask';
import type { Pattern } from './rule';
import { RULES } from './rules';

interface RulePattern extends Pattern {
	rule: LanguageRuleId;
	message: string;
}

// Compiled on first use: building these /iu expressions takes tens of milliseconds, which a page
// that only imports this module (or never lints) should not pay.
let compiled: RulePattern[] | undefined;
const patterns = (): RulePattern[] =>
	(compiled ??= RULES.flatMap((r) => r.patterns().map((p) => ({ ...p, rule: r.id, message: r.message }))));

/** Every phrase in `text` that hurts a blameless review, in order of position. */
export function lintText(text: string): LanguageFinding[] {
	if (!text) return [];
	const masked = maskIgnored(text);
	const raw: Array<{ start: number; end: number; rule: LanguageRuleId; p: RulePattern; data: string }> = [];
	for (const p of patterns()) {
		p.re.lastIndex = 0;
		let m: RegExpExecArray | null;
		while ((m = p.re.exec(masked))) {
			const span = m.indices?.groups?.p ?? [m.index, m.index + m[0].length];
			let [start, end] = span;
			let data = '';
			if (p.accept) {
				const v = p.accept({ masked, m, start, end });
				if (!v) continue;
				if (typeof v === 'object') {
					start = v.start ?? start;
					end = v.end ?? end;
					data = v.data ?? '';
				}
			}
			raw.push({ start, end, rule: p.rule, p, data });
			if (m[0].length === 0) p.re.lastIndex++;
		}
	}
	raw.sort((a, b) => a.start - b.start || b.end - a.end);
	// Overlapping findings of the same rule become one.
	const merged: typeof raw = [];
	for (const r of raw) {
		const prev = merged.findLast((x) => x.rule === r.rule && x.end > r.start);
		if (prev) prev.end = Math.max(prev.end, r.end);
		else merged.push({ ...r });
	}
	return merged
		.sort((a, b) => a.start - b.start || a.end - b.end)
		.map((r) => {
			const phrase = text.slice(r.start, r.end);
			return {
				start: r.start,
				end: r.end,
				rule: r.rule,
				phrase,
				message: r.p.message,
				suggestion: r.p.suggest(phrase, r.data)
			};
		});
}
