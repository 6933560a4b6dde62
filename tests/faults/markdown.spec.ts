import { test, expect, newPostmortem, expectSaved } from '../e2e/fixtures';

// Inputs known to make Markdown parsers take quadratic (or worse) time or recurse deeply.
const PATHOLOGICAL: Array<[string, string, string]> = [
	['2,000 nested quotes', '>'.repeat(2000) + ' deep quote', 'deep quote'],
	['20,000 "a_" pairs', 'a_'.repeat(20000) + ' end of emphasis', 'end of emphasis'],
	// Indented by tabs (each one a level), so the thousand levels fit in a field's 1,000,000 characters.
	['a 1,000-level nested list', Array.from({ length: 1000 }, (_, i) => `${'\t'.repeat(i)}- level ${i + 1}`).join('\n'), 'level 1'],
	['20,000 unclosed links', '['.repeat(20000) + ' after brackets', 'after brackets'],
	['10,000 backticks runs', '`a``'.repeat(10000) + ' after ticks', 'after ticks'],
	['5,000 nested emphasis', '*'.repeat(5000) + 'x' + '*'.repeat(5000) + ' after stars', 'after stars']
];

for (const [name, text, shown] of PATHOLOGICAL) {
	test(`Markdown with ${name} keeps the editor answering and the preview shows it`, async ({ page }) => {
		await newPostmortem(page);
		await page.getByLabel('Title', { exact: true }).fill(`Pathological: ${name}`);
		await page
			.getByRole('navigation', { name: 'Sections' })
			.getByRole('link', { name: /^2\. Summary/ })
			.click();
		await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(text);
		// Typing elsewhere still lands while the language coach and the preview work on it.
		await page.getByRole('textbox', { name: 'Summary', exact: true }).press('Control+End');
		await page.keyboard.type(' typed on');
		await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue(`${text} typed on`);
		await expectSaved(page);
		await page.getByRole('link', { name: 'Preview', exact: true }).click();
		await expect(page.getByTestId('preview')).toContainText(shown);
		await expect(page.getByTestId('preview')).toContainText('typed on');
		await page.getByRole('link', { name: 'Edit', exact: true }).click();
		await page.getByLabel('Title', { exact: true }).fill('Still answering');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Still answering');
		await expectSaved(page);
	});
}
