import { createHash } from 'node:crypto';
import { codeFingerprint } from '../base/code-fingerprint.js';
import type { LoadedProject } from '../load/project.js';
import { treeStamp } from './tree-stamp.js';

/**
 * The resolution context of the extraction cache: a hash of everything a file's resolved imports
 * depend on besides the file itself (seams's code, every project's tsconfig, compiler options and
 * file list, the workspace packages, the tree under the root with its manifests and installs:
 * extract/tree-stamp.ts). While it holds, a file whose bytes are unchanged resolves as it did.
 */
export function resolutionContext(project: LoadedProject, cacheDir: string): string {
  // Asked twice by a full `seams check` (its snapshot and the extraction): the tree is walked once.
  const known = contexts.get(project);
  if (known?.cacheDir === cacheDir) return known.context;
  const context = computeContext(project, cacheDir);
  contexts.set(project, { cacheDir, context });
  return context;
}

const contexts = new WeakMap<LoadedProject, { cacheDir: string; context: string }>();

function computeContext(project: LoadedProject, cacheDir: string): string {
  const hash = createHash('sha1').update(codeFingerprint());
  for (const config of project.projects)
    hash.update('\0').update(JSON.stringify([config.tsconfig, config.compilerOptions, config.files]));
  return hash
    .update('\0')
    .update(JSON.stringify(project.workspaces))
    .update('\0')
    .update(treeStamp(project.root, cacheDir))
    .digest('hex');
}
