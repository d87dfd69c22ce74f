/**
 * The TypeScript compiler seams parses and resolves with: the copy ts-morph bundles
 * (`@ts-morph/common`), loaded through `require` rather than ts-morph's ESM entry, which also
 * loads ts-morph's own wrappers (about a third of a second per run that seams never uses). The
 * value `ts` is the compiler; the namespace `TS` holds its types.
 */
import { createRequire } from 'node:module';
import type { ts as TS } from 'ts-morph';

export const ts: typeof TS = (createRequire(import.meta.url)('@ts-morph/common') as { ts: typeof TS }).ts;
export type { TS };
