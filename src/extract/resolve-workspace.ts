import path from 'node:path';
import type { WorkspacePackage } from '../load/project.js';

/** Condition names tried, in order, in a package.json `exports` conditions object. */
const CONDITIONS = ['source', 'development', 'types', 'import', 'module', 'node', 'require', 'default'];

/**
 * Candidate files (absolute, as the package names them: often build output) for a specifier
 * that names a workspace package: its `exports` entry for the subpath (conditions tried in the
 * order above, `*` patterns expanded), then for the package root `types`, `typings`, `module`,
 * `main`, then the subpath itself and `src/<subpath>`, then `src/index` and `index`. The caller
 * maps each candidate back to a source file.
 */
export function workspaceCandidates(specifier: string, workspace: WorkspacePackage): string[] {
  const subpath = specifier.slice(workspace.name.length).replace(/^\//, '');
  const key = subpath === '' ? '.' : `./${subpath}`;
  const candidates: string[] = [...exportTargets(workspace.manifest.exports, key)];
  if (subpath === '') {
    for (const field of [
      workspace.manifest.types,
      workspace.manifest.typings,
      workspace.manifest.module,
      workspace.manifest.main,
    ]) {
      if (field !== undefined) candidates.push(field);
    }
    candidates.push('src/index', 'index');
  } else {
    candidates.push(subpath, `src/${subpath}`);
  }
  return candidates.map((candidate) => path.resolve(workspace.dir, candidate));
}

function exportTargets(exports: unknown, key: string): string[] {
  if (exports === undefined || exports === null) return [];
  if (typeof exports === 'string' || Array.isArray(exports) || !hasSubpathKeys(exports)) {
    return key === '.' ? conditionTargets(exports) : [];
  }
  const map = exports as Record<string, unknown>;
  if (key in map) return conditionTargets(map[key]);
  for (const [pattern, value] of Object.entries(map)) {
    const star = pattern.indexOf('*');
    if (star < 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (key.startsWith(prefix) && key.endsWith(suffix) && key.length >= pattern.length - 1) {
      const match = key.slice(prefix.length, key.length - suffix.length);
      return conditionTargets(value).map((target) => target.split('*').join(match));
    }
  }
  return [];
}

function hasSubpathKeys(value: object): boolean {
  return Object.keys(value).some((key) => key.startsWith('.'));
}

function conditionTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const ordered = [
    ...CONDITIONS.filter((name) => name in record),
    ...Object.keys(record).filter((name) => !CONDITIONS.includes(name)),
  ];
  return ordered.flatMap((name) => conditionTargets(record[name]));
}
