import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, expectSaved, expectStepReady } from '../e2e/fixtures';

test('an imported file whose revision is near MAX_SAFE_INTEGER and edit time in the future: two tabs still see each other’s saves', async ({
	page,
	context
}) => {
	const file = join(mkdtempSync(join(tmpdir(), 'pm-')), 'skewed.json');
	writeFileSync(
		file,
		JSON.stringify({
			format: 'postmortem-workbench',
			kind: 'postmortem',
			version: 1,
			exportedAt: '2099-01-01T00:00:00.000Z',
			postmortem: {
				id: '0b6f7c1e-4c8e-4b8a-9f55-3c1d2e9a7b10',
				title: 'Imported from a skewed machine',
				revision: Number.MAX_SAFE_INTEGER,
				updatedAt: '2099-01-01T00:00:00.000Z'
			}
		})
	);
	await page.goto('/');
	await page.getByLabel('Import postmortem files (JSON or Markdown)').setInputFiles(file);
	await page.getByRole('list', { name: 'Postmortems' }).getByRole('link', { name: 'Imported from a skewed machine', exact: true }).click();
	await expectStepReady(page, 'Overview');
	const other = await context.newPage();
	await other.goto(page.url());
	await expectStepReady(other, 'Overview');

	// Tab A saves; tab B, with nothing typed, shows that save.
	await page.getByLabel('Title').fill('Title from tab A');
	await expectSaved(page);
	await expect(other.getByLabel('Title')).toHaveValue('Title from tab A');
	// Tab B saves another field; nothing of tab A's is written over.
	await other.getByLabel('Incident lead').fill('Lead from tab B');
	await expectSaved(other);
	await expect(page.getByLabel('Incident lead')).toHaveValue('Lead from tab B');
	await page.reload();
	await expectStepReady(page, 'Overview');
	await expect(page.getByLabel('Title')).toHaveValue('Title from tab A');
	await expect(page.getByLabel('Incident lead')).toHaveValue('Lead from tab B');
});
