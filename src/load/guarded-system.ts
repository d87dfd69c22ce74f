import path from 'node:path';
import type { TS } from '../base/typescript.js';
import { typescript } from '../base/load-typescript.js';
import type { Diagnostic } from '../base/diagnostics.js';
import { MAX_CONFIG_SIZE, readTextSafely } from '../base/read-file-safely.js';
import { toModuleId } from './project.js';

/**
 * TypeScript's file system (`ts.sys`) with every file read sent through read-file-safely: what
 * TypeScript reads for seams (tsconfigs and their `extends`, package.json files met by module
 * resolution) must be a regular file of at most 10 MB, reached through links that stay inside the
 * root, or it reads as absent and the refusal is added to `diagnostics` (once per file). Inside
 * node_modules links are followed wherever they lead (pnpm and workspace links point out of a
 * package's folder). `fileExists` and directory walks already skip FIFOs and devices
 * (`stat().isFile()`); sources are never read through it (extract reads them itself).
 * `onRead` is told every read and what came of it (load/tsconfig-memo.ts records them).
 */
export function guardedSystem(
  root: string,
  diagnostics: Diagnostic[],
  onRead?: (file: string, read: GuardedRead) => void,
): TS.System {
  const reported = new Set<string>();
  return {
    ...typescript().sys,
    readFile(file: string): string | undefined {
      const read = guardedRead(root, file);
      onRead?.(file, read);
      if (read.ok) return read.text;
      if (!read.missing && !reported.has(file)) {
        reported.add(file);
        diagnostics.push({
          code: read.code,
          message: `${read.message}; not read`,
          file: toModuleId(root, path.normalize(file)),
        });
      }
      return undefined;
    },
  };
}

/** What the guarded `readFile` reads at a path. */
export type GuardedRead = ReturnType<typeof readTextSafely>;

/** The guarded `readFile`'s read, without TypeScript: confined to the root outside node_modules. */
export function guardedRead(root: string, file: string): GuardedRead {
  const confined = !file.split(/[\\/]/).includes('node_modules');
  return readTextSafely(file, { root: confined ? root : null, maxBytes: MAX_CONFIG_SIZE });
}
