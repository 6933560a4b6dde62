import { slugify, toJson, toMarkdown, UNTITLED, type Postmortem } from '$lib/domain';
import { htmlDocument, protectedHtmlDocument, sealedContent } from '$lib/domain/html-file';
import { seal } from '$lib/domain/passphrase';
import { renderMarkdown } from './render';

/**
 * The postmortem (or its public summary) as one self-contained HTML file, rendered and sanitized
 * like the preview. The full version embeds its JSON export so the app can import the file back;
 * the public one carries nothing else. With a passphrase, nothing is readable without it.
 */
export async function toHtmlFile(
	pm: Postmortem,
	variant: 'full' | 'public',
	{ passphrase = '', now = new Date() }: { passphrase?: string; now?: Date } = {}
): Promise<string> {
	const markdown = toMarkdown(pm, { variant });
	const rendered = await renderMarkdown(markdown);
	const holder = document.createElement('div');
	if (rendered.ok) holder.append(rendered.fragment);
	else {
		const pre = document.createElement('pre');
		pre.textContent = markdown;
		holder.append(pre);
	}
	// Self-contained: an image that is not inside the file becomes a link to it.
	for (const img of holder.querySelectorAll('img')) {
		const src = img.getAttribute('src') ?? '';
		if (src.startsWith('data:')) continue;
		const a = document.createElement('a');
		a.setAttribute('href', src);
		a.textContent = `[image: ${img.getAttribute('alt') || src}]`;
		img.replaceWith(a);
	}
	const used = new Set<string>();
	const contents: { id: string; text: string }[] = [];
	for (const h of holder.querySelectorAll('h1, h2, h3')) {
		const base = slugify(h.textContent ?? '') || 'section';
		let id = base;
		for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
		used.add(id);
		h.id = id;
		if (h.tagName === 'H2') contents.push({ id, text: h.textContent ?? '' });
	}
	const parts = {
		title: `${pm.title || UNTITLED}${variant === 'public' ? ' (public summary)' : ''}`,
		body: holder.innerHTML,
		contents,
		json: variant === 'full' ? toJson(pm, now) : null,
		exportedAt: now
	};
	// With a passphrase, the page and its JSON are sealed; the file opens them in the reader's browser.
	return passphrase ? protectedHtmlDocument(await seal(sealedContent(parts), passphrase)) : htmlDocument(parts);
}
