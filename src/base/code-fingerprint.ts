/**
 * A fingerprint of seams's own code: a hash of every compiled (or, under the test runner, source)
 * file of this package. Caches are keyed by it as well as by the version, so a build with changed
 * logic never reads results an older build stored under the same version number. It is a hash of
 * the contents, so two installations of the same code share caches (a CI job restoring its cache
 * after a fresh install).
 *
 * Reading the 2 MB of code costs a short run (a one-file `seams check`) a few tens of
 * milliseconds, so the hash is kept in seams's own installation (`.cache/` beside `dist/`, as the
 * TypeScript code cache is), named by the code files' names, sizes, modification and change times
 * and inodes: a run whose code files have the same status reads it back. Statuses taken within two
 * seconds of a file's modification are not trusted (racy timestamps, as in extract/cache.ts), and a cache that cannot
 * be read or written is the same as none.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepOnly } from './keep-only.js';
import { VERSION } from './version.js';

let cached: string | undefined;

/** `<version>+<hash of the code>`, computed once per process. */
export function codeFingerprint(): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  cached ??= `${VERSION}+${storedFingerprint(root, path.resolve(root, '..', '.cache'))}`;
  return cached;
}

/** fingerprintOf(root), read back from `cacheDir` when the code files' statuses are those it was stored under. */
export function storedFingerprint(root: string, cacheDir: string): string {
  const now = Date.now();
  const status = createHash('sha1');
  let settled = true;
  for (const file of codeFiles(root)) {
    const stats = statSync(file);
    if (stats.mtimeMs >= now - 2000) settled = false;
    status.update(`${path.relative(root, file)}\0${stats.size}\0${stats.mtimeMs}\0${stats.ctimeMs}\0${stats.ino}\0`);
  }
  const stored = path.join(cacheDir, `fingerprint-${status.digest('hex')}`);
  try {
    const text = readFileSync(stored, 'latin1');
    if (/^[0-9a-f]{16}$/.test(text)) return text;
  } catch {
    // Not stored yet.
  }
  const fingerprint = fingerprintOf(root);
  if (settled) {
    try {
      mkdirSync(path.dirname(stored), { recursive: true });
      const temporary = `${stored}.${process.pid}.tmp`;
      writeFileSync(temporary, fingerprint);
      renameSync(temporary, stored);
      // The fingerprints of earlier builds' code files are of no further use.
      keepOnly(cacheDir, 'fingerprint-', stored);
    } catch {
      // Computed again next run.
    }
  }
  return fingerprint;
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
