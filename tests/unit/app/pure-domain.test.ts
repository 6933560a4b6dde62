// vite.config.ts tells the bundler that src/lib/domain has no side effects on import, so a page that
// takes one thing through the domain's barrel does not load the rest (without it the library's
// first load grew from 77 to 97 KB gzip; bench/README.md). That only holds while no domain module
// does anything at its top level but declare: this test fails when one starts to.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const domain = new URL('../../../src/lib/domain/', import.meta.url).pathname;

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
	});
}

/** Top-level statements that run code whose effect another module could depend on. */
function effects(path: string, text = readFileSync(path, 'utf8')): string[] {
	const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
	return source.statements
		.filter(
			(s) =>
				!(
					ts.isImportDeclaration(s) ||
					ts.isExportDeclaration(s) ||
					ts.isExportAssignment(s) ||
					ts.isTypeAliasDeclaration(s) ||
					ts.isInterfaceDeclaration(s) ||
					ts.isFunctionDeclaration(s) ||
					ts.isClassDeclaration(s) ||
					ts.isVariableStatement(s) ||
					ts.isModuleDeclaration(s) ||
					ts.isEmptyStatement(s)
				)
		)
		.map((s) => `${relative(domain, path)}:${source.getLineAndCharacterOfPosition(s.getStart()).line + 1}: ${s.getText().split('\n')[0]}`);
}

describe('the domain is free of side effects on import', () => {
	it('has no top-level statement in any module but declarations, imports and exports', () => {
		const all = files(domain);
		expect(all.length).toBeGreaterThan(20);
		expect(all.flatMap((f) => effects(f))).toEqual([]);
	});

	it('would notice one', () => {
		const probe = "import { b } from './b';\nexport const a = b();\nglobalThis.x = a;\nif (a) register(a);\nexport function f() {}";
		expect(effects(join(domain, 'probe.ts'), probe)).toEqual(['probe.ts:3: globalThis.x = a;', 'probe.ts:4: if (a) register(a);']);
	});
});
