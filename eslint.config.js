import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Import boundaries: what each layer may not import (see README, "Code layout"). */
const storage = { group: ['$lib/storage', '$lib/storage/*', '**/storage/*', 'dexie'], message: 'Only src/lib/state talks to storage.' };
const dexie = { group: ['dexie'], message: 'Only src/lib/storage imports Dexie.' };
const app = {
	group: [
		'$lib/storage',
		'$lib/storage/*',
		'$lib/state',
		'$lib/state/*',
		'$lib/components/*',
		'$lib/render/*',
		'$app/*',
		'svelte',
		'svelte/*',
		'dexie'
	],
	message: 'src/lib/domain is pure TypeScript: it imports nothing of the app, Svelte or Dexie.'
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'bench/.tmp/',
			'bench/fixture-empty/',
			'test-results/',
			'playwright-report/',
			'.e2e/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			'no-empty': ['error', { allowEmptyCatch: true }],
			// TypeScript checks names itself (svelte-check); ESLint's no-undef misreads ambient globals.
			'no-undef': 'off',
			// The app has no base path (kit.paths.base is empty), so plain hrefs are what resolve() returns.
			'svelte/no-navigation-without-resolve': 'off',
			// Flags every local Set or Map in a .svelte.ts file, reactive or not; reactivity is chosen by hand.
			'svelte/prefer-svelte-reactivity': 'off',
			// The sanitizer and the Unicode tests match control characters on purpose.
			'no-control-regex': 'off'
		}
	},
	{ files: ['src/lib/domain/**'], rules: { 'no-restricted-imports': ['error', { patterns: [app] }] } },
	{
		files: ['src/lib/components/**', 'src/routes/**', 'src/lib/render/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [storage] }] }
	},
	{ files: ['src/lib/state/**'], rules: { 'no-restricted-imports': ['error', { patterns: [dexie] }] } },
	{
		files: ['src/lib/storage/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/state', '$lib/state/*', '$lib/components/*', '$app/*'],
							message: 'Storage knows nothing of state, components or pages.'
						}
					]
				}
			]
		}
	}
);
