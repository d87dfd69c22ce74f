import { createHash } from 'node:crypto';
import { type Dirent, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { compareStrings } from '../base/compare.js';
import { MAX_CONFIG_SIZE, readFileSafely } from '../base/read-file-safely.js';

/** Files a package manager rewrites in node_modules when it installs, updates or removes a package. */
const INSTALL_RECORDS = ['.package-lock.json', '.modules.yaml', '.yarn-state.yml', '.yarn-integrity'];

/** Lock files and manifests whose bytes are part of the stamp wherever they are under the root. */
const MANIFESTS = new Set(['package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'pnpm-workspace.yaml']);

/**
 * A hash of everything under `root` that can change how an unchanged source file's imports
 * resolve, so that a file's resolved imports can be kept from one run to the next while the
 * stamp is the same (extract/cache.ts): the name and kind (file, folder, link and its target,
 * FIFO, …) of every entry under the root except inside `.git`, `node_modules` and seams's own
 * cache folder (`cacheDir`, which each run rewrites, is left out) (a file, an
 * asset or a folder appearing where an import pointed, or disappearing, changes it); the bytes of
 * every package.json and lock file (declared dependencies, `exports`, `imports`, workspaces); and,
 * for every node_modules folder under the root or above it, its entries and the time and size of
 * the record a package manager rewrites on install (`.package-lock.json`, `.modules.yaml`, …).
 * Links to folders are not followed. Read without running anything, each manifest through the
 * regular-file and size checks.
 *
 * What it does not see: a file appearing or changing outside the root other than in
 * node_modules (an import that could not be resolved before and now reaches a sibling package);
 * the README says so under Performance.
 */
export function treeStamp(root: string, cacheDir: string | null = null): string {
  const skipped = cacheDir === null ? null : path.resolve(cacheDir);
  const hash = createHash('sha1');
  const pending = [root];
  const nodeModules: string[] = [];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      hash.update(`!${folder}\0${(error as NodeJS.ErrnoException).code ?? ''}\0`);
      continue;
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    hash.update(`>${path.relative(root, folder)}\0`);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (full === skipped) continue;
      hash.update(`${kindOf(entry)}${entry.name}\0`);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules') nodeModules.push(full);
        else if (entry.name !== '.git') pending.push(full);
      } else if (entry.isSymbolicLink()) {
        hash.update(`${linkTarget(full)}\0`);
      } else if (entry.isFile() && MANIFESTS.has(entry.name)) {
        const read = readFileSafely(full, { root, maxBytes: MAX_CONFIG_SIZE });
        hash.update(read.ok ? createHash('sha1').update(read.bytes).digest('hex') : read.code).update('\0');
      }
    }
  }
  // node_modules folders above the root serve its imports too (a monorepo's top-level install).
  for (let folder = path.dirname(root); ; folder = path.dirname(folder)) {
    nodeModules.push(path.join(folder, 'node_modules'));
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of nodeModules) hash.update(`#${folder}\0${installStamp(folder)}\0`);
  return hash.digest('hex');
}

/** The entries of a node_modules folder and the time and size of its install records. */
function installStamp(folder: string): string {
  let names: string[];
  try {
    names = readdirSync(folder).sort(compareStrings);
  } catch {
    return '-';
  }
  const records = INSTALL_RECORDS.map((name) => {
    try {
      const stats = lstatSync(path.join(folder, name));
      return `${name}:${stats.mtimeMs}:${stats.size}`;
    } catch {
      return '';
    }
  });
  return `${names.join('/')}|${records.join('|')}`;
}

/** Where a symbolic link points, as written in it. */
function linkTarget(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return '';
  }
}

/** One letter for the kind of an entry. */
function kindOf(entry: Dirent): string {
  if (entry.isFile()) return 'f';
  if (entry.isDirectory()) return 'd';
  if (entry.isSymbolicLink()) return 'l';
  if (entry.isFIFO()) return 'p';
  if (entry.isSocket()) return 's';
  return 'c';
}
