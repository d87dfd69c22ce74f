import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';
import { SKIPPED_FOLDERS } from '../config/settings.js';
import { compareStrings } from '../base/compare.js';

/**
 * Every entry under `root` that is not a folder and whose name ends with one of `extensions`
 * (callers check that it is a regular file before reading it), skipping dependency and
 * build-output folders (node_modules, dist, build, coverage) and hidden folders. Symbolic links
 * to folders are not followed, so a link loop cannot hang the scan.
 */
export function scanFolder(root: string, extensions: readonly string[]): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.includes(entry.name)) pending.push(full);
      } else if (hasExtension(entry.name, extensions)) {
        // Regular files, links, and also FIFOs, devices and sockets under a source name: the
        // file checks (check-files.ts) drop those with a diagnostic rather than in silence.
        found.push(full);
      }
    }
  }
  return found.sort(compareStrings);
}

function hasExtension(name: string, extensions: readonly string[]): boolean {
  return extensions.some((extension) => name.endsWith(extension));
}
