import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Analysis } from './analysis.js';
import type { Settings } from './config/settings.js';
import type { Extraction } from './extract/types.js';
import type { LoadedProject } from './load/project.js';
import { codeFingerprint } from './base/code-fingerprint.js';
import { MAX_CACHE_SIZE, readTextSafely } from './base/read-file-safely.js';
import { writeAtomically } from './base/atomic-write.js';
import { jsonChunks } from './base/json-chunks.js';

const FILE_NAME = 'analysis.json';

/**
 * The key of a whole analysis: everything it is a function of. The seams version and code, the
 * settings (root excluded), every project's compiler options and file list, the workspace packages
 * and load diagnostics, and the extraction itself: every module's facts with each import's
 * resolved target, the Prisma models and the extraction diagnostics. Taking the key after
 * resolution is what keeps it honest: whatever decides resolution (a package.json declaring a
 * dependency, a tsconfig, a workspace manifest, a package installed, a file or asset appearing
 * where an unresolved import pointed, a file reached by import outside the tsconfig's roots)
 * changes a target or a diagnostic, and so the key. The stages after extraction are deterministic
 * functions of these, so an analysis stored under the same key is exactly what running them again
 * would give: a warm re-run reads it back instead of building the graph, clustering and measuring.
 */
export function analysisKey(settings: Settings, project: LoadedProject, extraction: Extraction): string {
  const hash = createHash('sha1');
  const { root: _root, ...rest } = settings;
  hash.update(codeFingerprint()).update('\0').update(JSON.stringify(rest));
  for (const config of project.projects)
    hash.update('\0').update(JSON.stringify([config.tsconfig, config.compilerOptions, config.files]));
  hash.update('\0').update(JSON.stringify(project.workspaces)).update('\0').update(JSON.stringify(project.diagnostics));
  // Module by module: one JSON string of a 20,000-file extraction would be tens of megabytes.
  for (const module of extraction.modules) hash.update('\0').update(JSON.stringify(module));
  hash
    .update('\0')
    .update(JSON.stringify(extraction.prismaModels))
    .update('\0')
    .update(JSON.stringify(extraction.diagnostics));
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
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeAtomically(target, jsonChunks({ key, analysis }));
  } catch {
    // A cache that cannot be written only costs the next run its speed.
  }
}
