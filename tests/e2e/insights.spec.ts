import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, download, expectStepReady } from './fixtures';

test('insights count incidents per month and severity, show durations and what recurs, and list the postmortems behind a figure', async ({
	page
}) => {
	await page.clock.setFixedTime(new Date('2026-06-25T10:00:00'));
	// The example (SEV 2, March), then three more like it from one JSON file: one in March, two SEV 1 in April.
	await page.goto('/');
	await page.getByRole('button', { name: 'Open the example' }).click();
	await expectStepReady(page, 'Overview');
	const file = JSON.parse((await download(page, 'Download JSON')).toString('utf8'));
	const like = (title: string, incidentDate: string, severity: string, shift: number) => {
		const pm = structuredClone(file.postmortem);
		// The same timeline moved by `shift` days, so each has its durations.
		const move = (at: string) => (at ? new Date(Date.parse(`${at}:00Z`) + shift * 86_400_000).toISOString().slice(0, 16) : at);
		return {
			...pm,
			id: randomUUID(),
			title,
			incidentDate,
			severity,
			timeline: pm.timeline.map((e: { at: string }) => ({ ...e, at: move(e.at) }))
		};
	};
	const bundle = {
		format: file.format,
		kind: 'bundle',
		version: file.version,
		exportedAt: file.exportedAt,
		postmortems: [
			like('Pool again', '2026-03-20T10:00', 'sev2', 10),
			like('Gateway down', '2026-04-20T10:00', 'sev1', 41),
			like('Gateway slow', '2026-04-22T10:00', 'sev1', 43)
		]
	};
	await page.getByRole('link', { name: 'Library' }).first().click();
	await page
		.getByLabel('Import postmortem files (JSON or Markdown)')
		.setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
	await expect(page.getByTestId('import-notice')).toContainText('Imported 3 postmortems');

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Insights across incidents' })).toBeVisible();
	await expect(page.getByTestId('insights-summary')).toHaveText('4 incidents from July 2025 to June 2026.');

	// The chart and its table say the same: two SEV 2 in March, two SEV 1 in April.
	const months = page.getByRole('figure', { name: 'Incidents per month, by severity' });
	await expect(months.locator('svg rect title')).toHaveText(['March 2026, SEV 2: 2', 'April 2026, SEV 1: 2']);
	const april = months.getByRole('row', { name: /^April 2026/ });
	await expect(april.getByRole('cell')).toHaveText(['2', '0', '2']);

	// A figure lists the postmortems behind it.
	await april.getByRole('button', { name: '2: list the SEV 1 incidents of April 2026' }).click();
	const selection = page.getByRole('region', { name: '2 postmortems: SEV 1 in April 2026' });
	await expect(selection.getByRole('heading')).toBeFocused();
	await expect(selection.getByRole('link')).toHaveText(['Gateway down', 'Gateway slow']);

	// Every incident's durations, and the actions all four proposed.
	const durations = page.getByRole('figure', { name: /^How long it took/ });
	await expect(
		durations
			.getByRole('row', { name: /^Time to detect/ })
			.getByRole('cell')
			.first()
	).toHaveText('4');
	await expect(durations.locator('svg circle')).toHaveCount(12);
	const repeated = page.getByRole('figure', { name: 'Corrective actions proposed more than once' });
	await expect(repeated.getByRole('row').nth(1)).toContainText('4');
	expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([]);

	// Narrowed to SEV 1 and to this year: kept in the address, so a reload keeps it.
	await page.getByLabel('Severity', { exact: true }).selectOption('sev1');
	await page.getByLabel('From', { exact: true }).fill('2026-01');
	await page.getByLabel('From', { exact: true }).dispatchEvent('change');
	await expect(page.getByTestId('insights-summary')).toHaveText('2 incidents from January 2026 to June 2026.');
	await expect(page).toHaveURL(/\/insights\?from=2026-01&severity=sev1$/);
	await page.reload();
	await expect(page.getByTestId('insights-summary')).toHaveText('2 incidents from January 2026 to June 2026.');
	await expect(page.getByLabel('Severity', { exact: true })).toHaveValue('sev1');
});
