/**
 * The TypeScript compiler as a value loaded with this module (base/load-typescript.ts loads it,
 * through V8's code cache): for the modules that always parse (extract/). `TS` holds its types.
 */
import type { ts as TS } from 'ts-morph';
import { typescript } from './load-typescript.js';

export const ts: typeof TS = typescript();
export type { TS };
