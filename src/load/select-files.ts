import picomatch from 'picomatch';
import { DEFAULT_EXCLUDES, type Settings } from '../config/settings.js';
import { compareStrings } from '../diagnostics.js';
import { toModuleId } from './project.js';

/**
 * Applies the file-selection rules to candidate files (absolute paths): files outside the root
 * are dropped, test and declaration files are left out unless `includeTests`, `include` globs
 * (when given) restrict the set, `exclude` globs remove from it. Globs match module ids
 * (POSIX paths relative to the root). Returns the kept files sorted by module id.
 */
export function selectFiles(candidates: readonly string[], settings: Settings): string[] {
  const excludes = [...(settings.includeTests ? [] : DEFAULT_EXCLUDES), ...settings.exclude];
  const isExcluded = excludes.length > 0 ? picomatch(excludes, { dot: true }) : () => false;
  const isIncluded = settings.include.length > 0 ? picomatch(settings.include, { dot: true }) : () => true;
  const kept = new Map<string, string>();
  for (const file of candidates) {
    const id = toModuleId(settings.root, file);
    if (id.startsWith('../') || id === '' || isOutside(settings.root, file)) continue;
    if (isIncluded(id) && !isExcluded(id)) kept.set(id, file);
  }
  return [...kept.keys()].sort(compareStrings).map((id) => kept.get(id) as string);
}

function isOutside(root: string, file: string): boolean {
  return !(file === root || file.startsWith(root.endsWith('/') ? root : `${root}/`) || file.startsWith(`${root}\\`));
}
