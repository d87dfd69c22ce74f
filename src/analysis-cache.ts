import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Analysis } from './analysis.js';
import type { Settings } from './config/settings.js';
import type { Sources } from './extract/extract.js';
import type { LoadedProject } from './load/project.js';
import { codeFingerprint } from './code-fingerprint.js';
import { MAX_CACHE_SIZE, readTextSafely } from './read-file-safely.js';

const FILE_NAME = 'analysis.json';

/**
 * The key of a whole analysis: everything it is a function of. The seams version and code, the settings
 * (root excluded), every project's compiler options and file list, the workspace packages, the
 * modification time of the root node_modules folder (installed packages change resolution), and
 * the content key of every file. The pipeline is deterministic, so an analysis stored under the
 * same key is exactly what running it again would give: a warm re-run with nothing changed
 * reads it back instead of resolving, clustering and measuring again.
 */
export function analysisKey(settings: Settings, project: LoadedProject, sources: Sources): string {
  const hash = createHash('sha1');
  const { root: _root, ...rest } = settings;
  hash.update(codeFingerprint()).update('\0').update(JSON.stringify(rest));
  for (const config of project.projects) hash.update('\0').update(JSON.stringify([config.tsconfig, config.compilerOptions, config.files]));
  hash.update('\0').update(JSON.stringify(project.workspaces)).update('\0').update(JSON.stringify(project.diagnostics));
  hash.update('\0').update(String(modificationTime(path.join(project.root, 'node_modules'))));
  for (const item of sources.items) hash.update('\0').update(item.key);
  hash.update('\0').update(JSON.stringify(sources.skipped));
  return hash.digest('hex');
}

/** The stored analysis for this key, or null (absent, another key, or unreadable: then it is recomputed). */
export function readCachedAnalysis(cacheDir: string | null, key: string): Analysis | null {
  if (cacheDir === null) return null;
  try {
    const read = readTextSafely(path.join(cacheDir, FILE_NAME), { root: null, maxBytes: MAX_CACHE_SIZE });
    if (!read.ok) return null;
    const stored = JSON.parse(read.text) as { key?: string; analysis?: Analysis };
    return stored.key === key && stored.analysis !== undefined ? stored.analysis : null;
  } catch {
    return null;
  }
}

/** Stores the analysis under its key (temporary file, then rename); failing to write only costs speed. */
export function writeCachedAnalysis(cacheDir: string | null, key: string, analysis: Analysis): void {
  if (cacheDir === null) return;
  const target = path.join(cacheDir, FILE_NAME);
  const temporary = `${target}.tmp-${process.pid}`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(temporary, JSON.stringify({ key, analysis }));
    renameSync(temporary, target);
  } catch {
    rmSync(temporary, { force: true });
  }
}

function modificationTime(folder: string): number {
  try {
    return statSync(folder).mtimeMs;
  } catch {
    return 0;
  }
}
