import { lazy } from '$lib/scheduling';

/** The export functions the editor's Export menu uses. */
export interface Exporter {
	toMarkdown: typeof import('$lib/domain/markdown').toMarkdown;
	exportFileName: typeof import('$lib/domain/markdown').exportFileName;
	toJson: typeof import('$lib/domain/json').toJson;
	/** One self-contained HTML file (rendered like the preview; loads the renderer). */
	toHtmlFile: (...args: Parameters<typeof import('$lib/render/html-export').toHtmlFile>) => Promise<string>;
}

/** The export code (Markdown and JSON), loaded when the Export menu is approached, not with the editor. */
export const exporter = lazy(async (): Promise<Exporter> => {
	const [md, json] = await Promise.all([import('$lib/domain/markdown'), import('$lib/domain/json')]);
	return {
		toMarkdown: md.toMarkdown,
		exportFileName: md.exportFileName,
		toJson: json.toJson,
		// The renderer (marked, DOMPurify, its worker) loads only when an HTML file is asked for.
		toHtmlFile: async (...args) => (await import('$lib/render/html-export')).toHtmlFile(...args)
	};
});
