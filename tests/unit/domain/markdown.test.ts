import { describe, expect, it } from 'vitest';
import { createPostmortem, type Postmortem } from '$lib/domain/model';
import { createContributingFactor, createCorrectiveAction, createTimelineEntry } from '$lib/domain/parts';
import { draftPublicSummary, escapeInline, exportFileName, slugify, toMarkdown } from '$lib/domain/markdown';
import { examplePostmortem } from '$lib/domain/example';
import { markedExample } from './helpers';
import { parseImport } from '$lib/domain/import';

const NOW = new Date('2026-03-11T09:00:00Z');

function headings(md: string): string[] {
	return md.split('\n').filter((l) => /^#{1,3} /.test(l));
}

describe('toMarkdown (full)', () => {
	const md = toMarkdown(examplePostmortem(NOW));

	it('starts with the title and an overview with derived durations', () => {
		expect(md.startsWith('# Checkout errors after a database pool size change\n\n')).toBe(true);
		expect(md).toContain('- **Incident date:** 2026-03-10 14:02 (Europe/Berlin)');
		expect(md).toContain('- **Status:** In review');
		expect(md).toContain('- **Severity:** SEV 2 – major');
		expect(md).toContain('- **Incident lead:** Amara Okafor');
		expect(md).toContain('- **Facilitator:** Jonas Weber');
		expect(md).toContain('- **Authors:** Amara Okafor, Priya Raman');
		expect(md).toContain('- **Services:** checkout-api, orders-db, config-service');
		expect(md).toContain('- **Postmortem meeting:** 2026-03-12');
		expect(md).toContain('- **Time to detect:** 7 min');
		expect(md).toContain('- **Time to mitigate:** 47 min');
		expect(md).toContain('- **Time to resolve:** 2 h 18 min');
		expect(md).toContain('- **Total duration:** 2 h 39 min');
	});

	it('has one heading per section in template order', () => {
		expect(headings(md).filter((h) => h.startsWith('## '))).toEqual([
			'## Summary',
			'## Impact',
			'## Trigger, detection, resolution',
			'## Timeline',
			'## What went well',
			'## Contributing factors',
			'## Where we got lucky',
			'## Corrective actions',
			'## Lessons learned',
			'## Supporting information',
			'## Public summary'
		]);
		expect(headings(md)).toContain('### Detection');
	});

	it('renders the timeline and the actions as GFM tables', () => {
		expect(md).toContain('| Time (Europe/Berlin) | Who | What | Milestone | Link |\n| --- | --- | --- | --- | --- |\n');
		expect(md).toMatch(/\| 2026-03-10 14:09 \| Alertmanager \| .* \| Detected \| <https:\/\/alerts\.example\.com\/alerts\/55120> \|/);
		expect(md).toContain("| # | Action | Kind | Term | Priority | Owner | Due | Status | Tracker | How we'll know |");
		expect(md).toMatch(
			/\| 4 \| Put a connection pooler .* \| Design change \| Long term \| High \| Mei Chen \| 2026-06-12 \| Open \| <https:\/\/tracker\.example\.com\/DB-301> \| .* \|/
		);
		const rows = md.split('\n').filter((l) => l.startsWith('| 2026-03-10'));
		expect(rows).toHaveLength(16);
		for (const r of rows) expect(r.split(/(?<!\\)\|/).length).toBe(7);
	});

	it('lists contributing factors with their kind', () => {
		expect(md).toContain('1. **Technical:** The database pool size is set per pod');
		expect(md).toMatch(/\n\d\. \*\*Organisational:\*\* The promotion was confirmed/);
	});

	it('passes Markdown long text through unchanged', () => {
		expect(md).toContain('- [Alert 55120](https://alerts.example.com/alerts/55120)');
		expect(md).toContain('`finance/reconciliation/2026-03-10.xlsx`');
	});

	it('omits empty sections and the overview lines that are not set', () => {
		const pm = createPostmortem(NOW, 'UTC');
		pm.title = 'Only a summary';
		pm.summary = 'Short.';
		const out = toMarkdown(pm);
		expect(out).toBe('# Only a summary\n\n- **Time zone:** UTC\n- **Status:** Draft\n\n## Summary\n\nShort.\n');
	});

	it('uses a placeholder title when there is none', () => {
		expect(toMarkdown(createPostmortem(NOW, 'UTC'))).toMatch(/^# Untitled postmortem\n/);
	});

	it('escapes pipes and newlines inside table cells', () => {
		const pm = createPostmortem(NOW, 'UTC');
		pm.title = 'Pipes';
		pm.timeline = [{ ...createTimelineEntry('2026-01-01T10:00'), who: 'a|b', what: 'line one\nline two | more', link: 'not a url | x' }];
		const a = createCorrectiveAction('Fix A|B');
		a.successMeasure = 'first\r\nsecond';
		a.trackerLink = 'https://t.example.com/?q=a|b';
		pm.correctiveActions = [a];
		const out = toMarkdown(pm);
		expect(out).toContain('| 2026-01-01 10:00 | a\\|b | line one<br>line two \\| more |  | not a url \\| x |');
		expect(out).toContain('| 1 | Fix A\\|B |');
		expect(out).toContain('| first<br>second |');
		expect(out).toContain('<https://t.example.com/?q=a\\|b>');
		const tableLines = out.split('\n').filter((l) => l.startsWith('|'));
		for (const l of tableLines) expect(l).not.toMatch(/\r/);
	});

	it('escapes Markdown in plain-text fields so they stay text', () => {
		expect(escapeInline('*bold* [link](x) <b> `code` \\ ~strike~')).toBe('\\*bold\\* \\[link\\](x) \\<b\\> \\`code\\` \\\\ \\~strike\\~');
		expect(escapeInline('db_pool_size _x_ &amp; AT&T')).toBe('db_pool_size \\_x\\_ \\&amp; AT&T');
		const pm = createPostmortem(NOW, 'UTC');
		pm.title = '*Not* emphasised';
		pm.authors = ['Doe, Jane', 'Ana'];
		const out = toMarkdown(pm);
		expect(out).toMatch(/^# \\\*Not\\\* emphasised/);
		expect(out).toContain('- **Authors:** Doe\\, Jane, Ana');
	});

	it('keeps continuation lines of multi-line factors inside the list item', () => {
		const pm = createPostmortem(NOW, 'UTC');
		pm.contributingFactors = [{ ...createContributingFactor('first line\n\nsecond paragraph\n- nested'), kind: 'process' }];
		expect(toMarkdown(pm)).toContain('1. **Process:** first line\n\n   second paragraph\n   - nested');
	});

	it('numbers the factors and names, in each action’s row, the numbers of the factors it addresses', () => {
		const pm = createPostmortem(NOW, 'UTC');
		const [blank, a, b, c] = ['', 'No canary stage', 'Alert tuned for peak', 'Runbook out of date'].map((d) => createContributingFactor(d));
		pm.contributingFactors = [blank, a, b, c];
		pm.correctiveActions = [
			{ ...createCorrectiveAction('Add a canary stage'), factorIds: [c.id, a.id, 'removed-factor'] },
			createCorrectiveAction('Unlinked action')
		];
		const out = toMarkdown(pm);
		// The blank factor is not listed, so the numbers are those of the list the reader sees.
		expect(out).toContain('1. No canary stage\n2. Alert tuned for peak\n3. Runbook out of date');
		expect(out).toContain("| How we'll know | Factors |");
		expect(out).toMatch(/\| 1 \| Add a canary stage \|.*\| 1, 3 \|\n/);
		expect(out).toMatch(/\| 2 \| Unlinked action \|.*\| {2}\|\n/);
	});

	it('contains every piece of text the user entered', () => {
		const { pm, markers } = markedExample();
		const out = toMarkdown(pm);
		expect(markers.length).toBeGreaterThan(90);
		for (const m of markers) expect(out, m).toContain(m);
	});

	it('skips blank list items', () => {
		const pm = createPostmortem(NOW, 'UTC');
		pm.timeline = [createTimelineEntry()];
		pm.contributingFactors = [createContributingFactor()];
		pm.correctiveActions = [createCorrectiveAction()];
		expect(toMarkdown(pm)).not.toContain('##');
	});
});

describe('toMarkdown (public)', () => {
	it('exports only the title, date and public summary', () => {
		const pm = examplePostmortem(NOW);
		const out = toMarkdown(pm, { variant: 'public' });
		expect(out.startsWith('# Checkout errors after a database pool size change\n\n**Date:** 2026-03-10\n\n')).toBe(true);
		expect(out).toContain(pm.publicSummary);
		const names = [pm.incidentLead, pm.facilitator, ...pm.authors, ...pm.participants, ...pm.timeline.map((e) => e.who)];
		for (const n of names) expect(out).not.toContain(n);
		for (const internal of [
			'Timeline',
			'Contributing factors',
			'Corrective actions',
			'Supporting information',
			'orders-db',
			'tracker.example.com'
		]) {
			expect(out).not.toContain(internal);
		}
	});

	it('with no public summary written, carries no internal text at all (only the title and date)', () => {
		const { pm } = markedExample();
		pm.publicSummary = '';
		const out = toMarkdown(pm, { variant: 'public' });
		expect(out).toBe(`# ${pm.title}\n\n**Date:** ${pm.incidentDate.slice(0, 10)}\n`);
		for (const internal of [pm.summary, pm.impact, pm.resolution]) expect(out).not.toContain(internal.trim().slice(0, 30));
	});

	it('offers a first draft from the summary, impact and resolution, and nothing else, for the person to rework', () => {
		const { pm } = markedExample();
		const draft = draftPublicSummary(pm);
		expect(draft).toContain(`## What happened\n\n${pm.summary.trim()}`);
		expect(draft).toContain(pm.impact.trim());
		expect(draft).toContain(pm.resolution.trim());
		const leaked = [
			pm.incidentLead,
			pm.facilitator,
			...pm.authors,
			...pm.participants,
			...pm.services,
			...pm.tags,
			pm.trigger,
			pm.detection,
			pm.wentWrong,
			pm.lessons,
			pm.supportingInfo,
			pm.finalNote,
			pm.riskAccepted,
			...pm.timeline.flatMap((e) => [e.who, e.what]),
			...pm.contributingFactors.map((f) => f.description),
			...pm.correctiveActions.flatMap((a) => [a.title, a.owner])
		].filter((l) => l.trim() !== '');
		for (const l of leaked) expect(draft).not.toContain(l);
		expect(draftPublicSummary({ ...pm, summary: '', impact: ' ', resolution: '' })).toBe('');
	});
});

describe('exportFileName', () => {
	const base: Pick<Postmortem, 'title' | 'incidentDate' | 'createdAt'> = {
		title: 'Checkout outage',
		incidentDate: '2026-11-03T14:02',
		createdAt: '2026-11-04T08:00:00.000Z'
	};
	it('uses the incident date and a slug of the title', () => {
		expect(exportFileName(base, 'md')).toBe('2026-11-03-checkout-outage.md');
		expect(exportFileName(base, '.json')).toBe('2026-11-03-checkout-outage.json');
	});
	it('falls back to the creation date and to "postmortem"', () => {
		expect(exportFileName({ ...base, incidentDate: '', title: '' }, 'md')).toBe('2026-11-04-postmortem.md');
		expect(exportFileName({ ...base, title: '!!! ???' }, 'md')).toBe('2026-11-03-postmortem.md');
		expect(exportFileName({ title: '', incidentDate: '', createdAt: 'garbage' }, 'md')).toBe('postmortem.md');
	});
	it('removes path separators, control characters and dots', () => {
		const name = exportFileName({ ...base, title: '../../etc/passwd\u0000\u0007 C:\\Windows' }, 'md');
		expect(name).toBe('2026-11-03-etc-passwd-c-windows.md');
		expect(name).not.toMatch(/[/\\\u0000-\u001f:]/);
	});
	it('transliterates accents and drops other scripts', () => {
		expect(exportFileName({ ...base, title: 'Ærger über Café-Ausfall – ß' }, 'md')).toBe('2026-11-03-aerger-uber-cafe-ausfall-ss.md');
		expect(exportFileName({ ...base, title: '支付中断' }, 'md')).toBe('2026-11-03-postmortem.md');
		expect(exportFileName({ ...base, title: '🔥 DB down 🔥' }, 'md')).toBe('2026-11-03-db-down.md');
	});
	it('avoids Windows reserved names', () => {
		expect(exportFileName({ title: 'CON', incidentDate: '', createdAt: '' }, 'md')).toBe('con-postmortem.md');
		expect(exportFileName({ title: 'nul', incidentDate: '', createdAt: '' }, 'md')).toBe('nul-postmortem.md');
		expect(exportFileName({ title: 'COM1', incidentDate: '', createdAt: '' }, 'md')).toBe('com1-postmortem.md');
		expect(exportFileName({ ...base, title: 'aux' }, 'md')).toBe('2026-11-03-aux-postmortem.md');
	});
	it('limits the slug to about 60 characters at a word boundary', () => {
		const slug = slugify('word '.repeat(40));
		expect(slug.length).toBeLessThanOrEqual(60);
		expect(slug).toMatch(/^word(-word)+$/);
		expect(slugify('x'.repeat(100))).toHaveLength(60);
	});
});

describe('links in the Markdown export', () => {
	const withLinks = (link: string) => ({
		...createPostmortem(new Date('2026-03-01T10:00:00Z'), 'UTC'),
		title: 'Links',
		timeline: [{ ...createTimelineEntry('2026-03-01T10:00'), what: 'x', link }],
		correctiveActions: [{ ...createCorrectiveAction('Fix it'), trackerLink: link }]
	});

	it('writes web and mail links as links', () => {
		for (const link of ['https://tracker.example/T-1', 'http://wiki.example/a', 'mailto:oncall@example.com']) {
			expect(toMarkdown(withLinks(link))).toContain(`<${link}>`);
		}
	});

	it('writes any other scheme as text, so no renderer makes it clickable, and it imports back as typed', () => {
		for (const link of [
			'javascript:alert(1)',
			'JavaScript:alert(document.cookie)',
			'data:text/html,<script>alert(1)</script>',
			'vbscript:msgbox',
			'file:///etc/passwd'
		]) {
			const md = toMarkdown(withLinks(link));
			expect(md).not.toMatch(/<(javascript|data|vbscript|file):/i);
			const back = parseImport(md);
			expect(back.ok && back.postmortems[0].timeline[0].link).toBe(link);
			expect(back.ok && back.postmortems[0].correctiveActions[0].trackerLink).toBe(link);
		}
	});
});
