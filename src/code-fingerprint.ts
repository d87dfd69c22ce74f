/**
 * A fingerprint of seams's own code: a hash of every compiled (or, under the test runner, source)
 * file of this package. Caches are keyed by it as well as by the version, so a build with changed
 * logic never reads results an older build stored under the same version number.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from './version.js';

let cached: string | undefined;

/** `<version>+<hash of the code>`, computed once per process. */
export function codeFingerprint(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha1');
  const root = path.dirname(fileURLToPath(import.meta.url));
  for (const file of codeFiles(root)) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  cached = `${VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return cached;
}

function codeFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...codeFiles(full));
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}
