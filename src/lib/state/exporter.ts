/** The export code (Markdown and JSON), loaded once the editor has painted rather than with it. */
export interface Exporter {
	toMarkdown: typeof import('$lib/domain/markdown').toMarkdown;
	exportFileName: typeof import('$lib/domain/markdown').exportFileName;
	toJson: typeof import('$lib/domain/json').toJson;
}

let loaded: Exporter | undefined;
let loading: Promise<Exporter> | undefined;

/** The exporter if it has loaded already (so a click can use it without waiting). */
export function exporterNow(): Exporter | undefined {
	return loaded;
}

/** Load the export code (once; a failed load is tried again on the next call). */
export function loadExporter(): Promise<Exporter> {
	loading ??= Promise.all([import('$lib/domain/markdown'), import('$lib/domain/json')]).then(
		([md, json]) => (loaded = { toMarkdown: md.toMarkdown, exportFileName: md.exportFileName, toJson: json.toJson }),
		(e: unknown) => {
			loading = undefined;
			throw e;
		}
	);
	return loading;
}
