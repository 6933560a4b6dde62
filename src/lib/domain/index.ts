export * from "./model";
export * from './template';
export * from './metrics';
export * from './markdown';
export * from './markdown-import';
export * from './json';
export * from './example';
// The language engine (lint.ts: lintText, lintPostmortem) is imported from '$lib/domain/lint'
// directly, so pages can load it lazily; its rules and finding types are here.
export * from './language';
export * from './names';
export * from './review';
export * from './facilitation';
