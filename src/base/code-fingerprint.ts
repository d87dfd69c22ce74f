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
  cached ??= `${VERSION}+${fingerprintOf(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'))}`;
  return cached;
}

/** Hash (16 hex digits) of the names and contents of the .js and .ts files (not .d.ts) under a folder. */
export function fingerprintOf(root: string): string {
  const hash = createHash('sha1');
  for (const file of codeFiles(root))
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function codeFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...codeFiles(full));
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}
