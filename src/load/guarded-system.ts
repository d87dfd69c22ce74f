import path from 'node:path';
import { type TS, ts } from '../base/typescript.js';
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
 */
export function guardedSystem(root: string, diagnostics: Diagnostic[]): TS.System {
  const reported = new Set<string>();
  return {
    ...ts.sys,
    readFile(file: string): string | undefined {
      const confined = !file.split(/[\\/]/).includes('node_modules');
      const read = readTextSafely(file, { root: confined ? root : null, maxBytes: MAX_CONFIG_SIZE });
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
