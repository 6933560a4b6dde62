import { describe, expect, it } from 'vitest';
import { isLibraryMember, libraryFiles } from '$lib/domain/library-files';
import { parseMarkdownImport } from '$lib/domain/markdown-import';
import { createPostmortem } from '$lib/domain/model';
import { examplePostmortem } from '$lib/domain/example';

const NOW = new Date('2026-03-11T09:00:00Z');

describe('the library as a folder of files', () => {
	it('writes one Markdown file per postmortem with names safe everywhere and unique ignoring case, and an index', () => {
		const a = examplePostmortem(NOW);
		const b = { ...createPostmortem(NOW, 'UTC'), title: 'CON', incidentDate: '2026-01-02T10:00' };
		const c = { ...createPostmortem(NOW, 'UTC'), title: 'con', incidentDate: '2026-01-02T11:00' };
		const d = { ...createPostmortem(NOW, 'UTC'), title: 'Pipes | and [brackets]', incidentDate: '2025-12-31T23:00' };
		const files = libraryFiles([b, a, c, d], NOW);
		expect(files.map((f) => f.path)).toEqual([
			'README.md',
			'postmortems/2026-03-10-checkout-errors-after-a-database-pool-size-change.md',
			'postmortems/2026-01-02-con-postmortem.md',
			'postmortems/2026-01-02-con-postmortem-2.md',
			'postmortems/2025-12-31-pipes-and-brackets.md'
		]);
		const index = files[0].text;
		expect(index).toContain(
			'| 2026-03-10 | [Checkout errors after a database pool size change](postmortems/2026-03-10-checkout-errors-after-a-database-pool-size-change.md) | In review |'
		);
		expect(index).toContain('[Pipes \\| and \\[brackets\\]](postmortems/2025-12-31-pipes-and-brackets.md)');
		expect(index).toMatch(/^# Postmortems\n\n4 postmortems, exported on 2026-03-11/);
		// Each file is the postmortem itself.
		const back = parseMarkdownImport(files[1].text, NOW);
		expect(back.ok && back.postmortems[0]).toEqual(a);
	});

	it('imports the postmortems of a folder or ZIP, not its index or its other files', () => {
		expect(isLibraryMember('README.md')).toBe(false);
		expect(isLibraryMember('my-postmortems/README.md')).toBe(false);
		expect(isLibraryMember('postmortems/2026-01-02-con.md')).toBe(true);
		expect(isLibraryMember('my-postmortems/postmortems/a.md')).toBe(true);
		expect(isLibraryMember('wiki/2024/outage.markdown')).toBe(true);
		expect(isLibraryMember('backup.json')).toBe(true);
		expect(isLibraryMember('export.html')).toBe(true);
		for (const other of ['postmortems/graph.png', '.git/config', 'postmortems/.draft.md', '__MACOSX/postmortems/a.md', 'notes.txt'])
			expect(isLibraryMember(other), other).toBe(false);
	});
});
