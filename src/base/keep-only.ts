import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Removes from `folder` the files whose names start with `prefix` other than `kept`: seams's own
 * installation cache (`.cache/`) holds one TypeScript code cache and one code fingerprint, each
 * named by what it was made from, and a newer one makes the older ones useless. Temporary files
 * of a write in progress (`<name>.<pid>.tmp`) are left alone. Failing to remove only costs disk.
 */
export function keepOnly(folder: string, prefix: string, kept: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || name === path.basename(kept) || name.endsWith('.tmp')) continue;
    try {
      rmSync(path.join(folder, name), { force: true });
    } catch {
      // Left for the next run.
    }
  }
}
