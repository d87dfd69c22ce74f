import { existsSync } from 'node:fs';
import path from 'node:path';
import { globMatcher } from '../base/glob.js';
import {
  DEFAULT_EXCLUDES,
  SKIPPED_FOLDERS,
  SOURCE_EXTENSIONS,
  TOOL_FILE_PATTERN,
  type Settings,
} from '../config/settings.js';
import { compareStrings } from '../base/compare.js';
import { toModuleId } from './project.js';
import { getOrCreate } from '../base/collections.js';

/**
 * Applies the file-selection rules to candidate files (absolute paths): files outside the root
 * are dropped, test, declaration and tool configuration files are left out unless
 * `includeTests`, `include` globs (when given) restrict the set, `exclude` globs remove from it.
 * Globs match module ids (POSIX paths relative to the root). Returns the kept files sorted by
 * module id.
 */
export function selectFiles(candidates: readonly string[], settings: Settings): string[] {
  const isSelected = selector(settings);
  const kept = new Map<string, string>();
  for (const file of candidates) {
    const id = toModuleId(settings.root, file);
    if (isSelected(id, file)) kept.set(id, file);
  }
  return [...kept.keys()].sort(compareStrings).map((id) => kept.get(id) as string);
}

/** JavaScript extensions: a file reached by import with one of these is analysed only under `allowJs`, as tsc would. */
const JS_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'];

/**
 * Whether a file the selection did not pick (outside the tsconfig's files/include), but an
 * analysed file imports, is analysed too: it is under the root, not in a folder a folder scan
 * skips (node_modules, build output, hidden folders), has a TypeScript extension (or a JavaScript
 * one under the importer's `allowJs`), and passes the same include, exclude, test and tool-file
 * rules as every other file. For the extract stage (`ExtractOptions.mayReach`).
 */
export function reachFilter(settings: Settings): (file: string, allowJs: boolean) => boolean {
  const isSelected = selector(settings);
  return (file, allowJs) => {
    const id = toModuleId(settings.root, file);
    const folders = id.split('/').slice(0, -1);
    if (folders.some((folder) => folder.startsWith('.') || SKIPPED_FOLDERS.includes(folder))) return false;
    const extensions = allowJs ? [...SOURCE_EXTENSIONS, ...JS_EXTENSIONS] : SOURCE_EXTENSIONS;
    return extensions.some((extension) => id.endsWith(extension)) && isSelected(id, file);
  };
}

/** The selection rules as one test of a module id and its absolute path. */
function selector(settings: Settings): (id: string, file: string) => boolean {
  const excludes = [...(settings.includeTests ? [] : DEFAULT_EXCLUDES), ...settings.exclude];
  const isExcluded = excludes.length > 0 ? globMatcher(excludes) : () => false;
  const isIncluded = settings.include.length > 0 ? globMatcher(settings.include) : () => true;
  const isToolFile = settings.includeTests ? () => false : toolFileTest(settings.root);
  return (id, file) =>
    !(id.startsWith('../') || id === '' || isOutside(settings.root, file)) &&
    isIncluded(id) &&
    !isExcluded(id) &&
    !isToolFile(id, file);
}

/** A tool configuration file (TOOL_FILE_PATTERN) at the root or beside a package.json. */
function toolFileTest(root: string): (id: string, file: string) => boolean {
  const packageRoots = new Map<string, boolean>();
  return (id, file) => {
    if (!TOOL_FILE_PATTERN.test(path.posix.basename(id))) return false;
    if (!id.includes('/')) return true;
    const folder = path.dirname(file);
    const isPackageRoot = getOrCreate(
      packageRoots,
      folder,
      () => folder === root || existsSync(path.join(folder, 'package.json')),
    );
    return isPackageRoot;
  };
}

function isOutside(root: string, file: string): boolean {
  return !(file === root || file.startsWith(root.endsWith('/') ? root : `${root}/`) || file.startsWith(`${root}\\`));
}
