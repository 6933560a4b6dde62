// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { examplePostmortem, toMarkdown, type Postmortem } from '$lib/domain';
import { createCorrectiveAction, createTimelineEntry } from '$lib/domain/parts';
import { classifyCell, previewMarked, toPreviewBlocks } from '$lib/render/blocks';
import { buildPreview, sanitizeToFragment } from '$lib/render/build';

const TABLE_PARTS = new Set(['TABLE', 'THEAD', 'TBODY', 'TR']);

/** Serialized DOM without the whitespace-only text nodes marked puts between blocks and table tags (they never render). */
function html(fragment: DocumentFragment): string {
	const box = document.createElement('div');
	box.append(fragment);
	const walk = (n: Node) => {
		for (const c of [...n.childNodes]) {
			if (c.nodeType === 3 && (n === box || TABLE_PARTS.has(n.nodeName)) && !c.textContent!.trim()) c.remove();
			else walk(c);
		}
	};
	walk(box);
	return box.innerHTML;
}

const preview = (md: string) => html(buildPreview(toPreviewBlocks(md)));
/** What the preview used to do: sanitize marked's whole HTML in one pass. */
const reference = (md: string) => html(sanitizeToFragment(previewMarked.parse(md) as string));

const HOSTILE = [
	'<img src=x onerror=alert(1)>',
	'<script>alert(1)</script>',
	'"><svg onload=alert(1)>',
	'javascript:alert(1)',
	'[click](javascript:alert(1))',
	'**not bold** _nor this_ `nor code`',
	'&copy; &amp; &lt;b&gt; 1 < 2 > 0',
	'see https://status.example.com/incidents/42 and www.example.org or ops@example.com',
	'first line\nsecond line\n\nafter a blank line',
	'pipes | in | text \\| too'
];

function hostilePostmortem(): Postmortem {
	const pm = examplePostmortem(new Date('2026-03-11T09:00:00Z'));
	const links = ['https://git.example.com/mr/1?a=1&b=2', 'javascript:alert(1)', 'not a url', 'mailto:oncall@example.com', ''];
	pm.timeline = HOSTILE.map((what, i) => ({
		...createTimelineEntry(`2026-03-10T14:${String(10 + i).padStart(2, '0')}`),
		who: HOSTILE[(i + 3) % HOSTILE.length],
		what,
		link: links[i % links.length]
	}));
	pm.correctiveActions = HOSTILE.map((title, i) => ({
		...createCorrectiveAction(title),
		owner: HOSTILE[(i + 1) % HOSTILE.length],
		trackerLink: links[(i + 2) % links.length],
		successMeasure: HOSTILE[(i + 5) % HOSTILE.length]
	}));
	// A table written by hand in a long-text field: alignment, markup, images, titled links, entities.
	pm.supportingInfo = [
		'| Left | Centre | Right | Markup |',
		'| :--- | :---: | ---: | --- |',
		'| `code` | **bold** | [titled](https://example.com "t") | ![chart](https://cdn.example.com/c.png) |',
		'| &copy; | <b>raw</b> | a<br>b | ![local](/chart.png) [x](https://a.example) |',
		'| only | two |',
		'',
		'Prose with <img src=x onerror=alert(1)> and a [link](https://example.com).'
	].join('\n');
	return pm;
}

describe('preview', () => {
	it('builds the same document as sanitizing all of the Markdown at once', () => {
		for (const pm of [examplePostmortem(new Date('2026-03-11T09:00:00Z')), hostilePostmortem()]) {
			for (const variant of ['full', 'public'] as const) {
				const md = toMarkdown(pm, { variant });
				expect(preview(md)).toBe(reference(md));
			}
		}
	});

	it('keeps only tables out of the sanitizer, and only their plain cells and lone links', () => {
		const blocks = toPreviewBlocks(toMarkdown(hostilePostmortem()));
		const tables = blocks.flatMap((b) => ('table' in b ? [b.table] : []));
		expect(tables).toHaveLength(3);
		const cells = tables.flatMap((t) => [...t.header, ...t.rows.flat()]);
		expect(cells.some((c) => typeof c === 'object' && 'html' in c)).toBe(true);
		expect(cells.some((c) => typeof c === 'object' && 'href' in c)).toBe(true);
		// The prose around the tables is still HTML for the sanitizer.
		expect(
			blocks
				.filter((b) => 'html' in b)
				.map((b) => ('html' in b ? b.html : ''))
				.join('')
		).toContain('<h2');
	});

	it('shows a line break inside a timeline entry as a break, not as "<br>"', () => {
		const pm = examplePostmortem(new Date('2026-03-11T09:00:00Z'));
		pm.timeline = [{ ...createTimelineEntry('2026-03-10T14:00'), who: 'Priya', what: 'Pages the on-call.\nThen rolls back.' }];
		const box = document.createElement('div');
		box.append(buildPreview(toPreviewBlocks(toMarkdown(pm))));
		const cell = [...box.querySelectorAll('td')].find((td) => td.textContent!.includes('Pages'))!;
		expect(cell.querySelector('br')).not.toBeNull();
		expect(cell.textContent).toBe('Pages the on-call.Then rolls back.');
	});

	it('keeps hostile text as text and drops unsafe addresses', () => {
		const box = document.createElement('div');
		box.append(buildPreview(toPreviewBlocks(toMarkdown(hostilePostmortem()))));
		expect(box.querySelectorAll('script, svg, iframe, [onerror], [onload]')).toHaveLength(0);
		expect(box.querySelector('a[href^="javascript:"]')).toBeNull();
		expect(box.querySelector('img[src^="https://"]')).toBeNull();
		expect(box.textContent).toContain('<img src=x onerror=alert(1)>');
		expect(box.textContent).toContain('<script>alert(1)</script>');
		const link = box.querySelector('td a[href^="https://git.example.com"]')!;
		expect(link.getAttribute('href')).toBe('https://git.example.com/mr/1?a=1&b=2');
		expect(link.getAttribute('rel')).toBe('noopener noreferrer');
		expect(link.getAttribute('target')).toBe('_blank');
	});

	it('tells plain text, lone links and markup apart in a cell', () => {
		expect(classifyCell('a &amp; b &lt;i&gt;')).toBe('a & b <i>');
		expect(classifyCell('one<br>two')).toBe('one\ntwo');
		expect(classifyCell('&copy;')).toEqual({ html: '&copy;' });
		expect(classifyCell('<a href="https://x.example/?a=1&amp;b=2">x &amp; y</a>')).toEqual({
			href: 'https://x.example/?a=1&b=2',
			text: 'x & y'
		});
		expect(classifyCell('<a href="https://x.example" title="t">x</a>')).toEqual({
			html: '<a href="https://x.example" title="t">x</a>'
		});
		expect(classifyCell('<strong>x</strong>')).toEqual({ html: '<strong>x</strong>' });
	});
});
