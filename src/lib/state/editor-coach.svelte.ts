/**
 * The editor's language coach on this thread: the linter loaded on first need, its cache of findings
 * per text, and what a text field needs to show and settle them.
 */
import type { LanguageFinding, PostmortemFinding } from '$lib/domain';
import { lazy, type Lazy } from '$lib/scheduling';

/** The language engine and the checklist's checks: the largest part of the editor's code. */
interface Linter {
	lintText: typeof import('$lib/domain/lint').lintText;
	reviewPostmortem: typeof import('$lib/domain/review').reviewPostmortem;
}
const linterModules = lazy(async (): Promise<Linter> => {
	const [lint, review] = await Promise.all([import('$lib/domain/lint'), import('$lib/domain/review')]);
	return { lintText: lint.lintText, reviewPostmortem: review.reviewPostmortem };
});
/** True once the linter has loaded here; read by what is derived with it, so that updates then. */
let linterLoaded = $state(false);
/**
 * Loaded on first need: opening a postmortem never loads it on this thread (the analysis worker lints
 * and reviews the document as opened); it loads when editing starts (a text field gets focus, or any
 * edit), because then the findings and the checklist are worked out here.
 */
export const linter: Lazy<Linter> = {
	get now() {
		return linterModules.now;
	},
	load: () =>
		linterModules.load().then((l) => {
			linterLoaded = true;
			return l;
		})
};

/** True once the linter has loaded on this thread (reactive: what is derived with it updates then). */
export function linterReady(): boolean {
	return linterLoaded;
}

/** The document has changed from the one opened: its findings and checklist are worked out here now. */
export function editing(): void {
	if (!linterLoaded) void linter.load().catch(() => {});
}

const lintCache = new Map<string, LanguageFinding[]>();
/**
 * lintText with a cache, so re-linting a long document on each keystroke only reads the changed
 * field. A text neither in the cache nor lintable yet (the linter has not loaded) finds nothing for
 * now, and is linted once the linter has loaded.
 */
export function cachedLint(text: string): LanguageFinding[] {
	let hit = lintCache.get(text);
	if (!hit) {
		if (!linterLoaded || !linter.now) return [];
		hit = linter.now.lintText(text);
		if (lintCache.size > 5000) lintCache.clear();
		lintCache.set(text, hit);
	}
	return hit;
}

/** Findings the analysis worker found for these texts, kept unless this thread has its own already. */
export function primeLintCache(texts: readonly string[], results: readonly LanguageFinding[][]): void {
	results.forEach((r, i) => {
		if (!lintCache.has(texts[i])) lintCache.set(texts[i], r);
	});
}

let warmedUp = false;
/**
 * Load the linter and run it once on this thread (called when a text field first gets focus), so
 * compiling its patterns happens then rather than on the first keystroke.
 */
export function warmUpLint(): void {
	if (warmedUp) return;
	warmedUp = true;
	linter.load().then(
		(l) => l.lintText('We should have known; they failed to check it. Obviously human error, the root cause. Why did you?'),
		() => (warmedUp = false)
	);
}

/** A language finding located in the document (the domain's PostmortemFinding). */
export type LocatedFinding = PostmortemFinding;

/** What a text field needs to show and settle its language findings. */
export interface Coach {
	reviewed: readonly string[];
	key(ref: string, f: LanguageFinding): string;
	setReviewed(key: string, reviewed: boolean): void;
}
