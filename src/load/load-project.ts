import path from 'node:path';
import type { TS } from '../base/typescript.js';
import { SOURCE_EXTENSIONS, type Settings } from '../config/settings.js';
import type { Diagnostic } from '../base/diagnostics.js';
import { compareStrings } from '../base/compare.js';
import { SeamsError } from '../base/errors.js';
import { MAX_CONFIG_SIZE, inspectFile } from '../base/read-file-safely.js';
import { checkFiles } from './check-files.js';
import { directoryExists, fileExists } from './file-probes.js';
import { findWorkspaces } from './find-workspaces.js';
import { relativeToRoot, toModuleId, type LoadedProject, type ProjectConfig } from './project.js';
import { readTsconfig } from './read-tsconfig.js';
import { scanFolder } from './scan-folder.js';
import { selectFiles } from './select-files.js';
import { TsconfigMemo } from './tsconfig-memo.js';

/**
 * Compiler options used when the folder has no tsconfig: `bundler` resolution accepts
 * extensionless and `.js` specifiers that name `.ts` sources, like most modern toolchains.
 */
export const FOLDER_SCAN_OPTIONS: TS.CompilerOptions = {
  // TypeScript's enum values, written out so that a stored load needs no compiler (a test compares them).
  target: 9, // ScriptTarget.ES2022
  module: 99, // ModuleKind.ESNext
  moduleResolution: 100, // ModuleResolutionKind.Bundler
  allowJs: false,
  jsx: 1, // JsxEmit.Preserve
};

/**
 * Finds the projects (the root tsconfig and every project it references, or a folder scan), the
 * workspace packages, and selects the files to analyse. With a cache folder, tsconfigs are read
 * through its memo (tsconfig-memo.ts): TypeScript is loaded only for a tsconfig read anew.
 */
export function loadProject(settings: Settings): LoadedProject {
  const memo = TsconfigMemo.open(settings.cacheDir);
  try {
    return loadWith(settings, memo);
  } finally {
    memo.save();
  }
}

function loadWith(settings: Settings, memo: TsconfigMemo): LoadedProject {
  const diagnostics: Diagnostic[] = [];
  const projects: ProjectConfig[] = [];
  let candidateCount = 0;
  if (settings.tsconfig !== null) {
    const pending = [settings.tsconfig];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const file = pending.shift() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      if (file !== settings.tsconfig && !fileExists(file)) {
        diagnostics.push({
          code: 'TSCONFIG_WARNING',
          message: `referenced project ${relativeToRoot(settings.root, file)} not found`,
          file: relativeToRoot(settings.root, settings.tsconfig),
        });
        continue;
      }
      const config = readTsconfig(file, settings.root, memo);
      diagnostics.push(...config.diagnostics);
      candidateCount += config.fileNames.length;
      projects.push({
        tsconfig: file,
        compilerOptions: config.compilerOptions,
        files: selectFiles(config.fileNames, settings),
      });
      pending.push(...config.references);
    }
  } else {
    unusableTsconfig(path.join(settings.root, 'tsconfig.json'), settings.root, diagnostics);
    const candidates = scanFolder(settings.root, SOURCE_EXTENSIONS);
    candidateCount = candidates.length;
    projects.push(...projectsByNearestTsconfig(settings, selectFiles(candidates, settings), diagnostics, memo));
  }
  const checked = checkFiles(settings.root, unionByModuleId(settings.root, projects), settings.maxFileSize);
  diagnostics.push(...checked.diagnostics);
  const readable = new Set(checked.files);
  for (const project of projects) project.files = project.files.filter((file) => readable.has(file));
  const files = checked.files;
  if (files.length === 0) {
    const where = settings.tsconfig === null ? 'the folder' : relativeToRoot(settings.root, settings.tsconfig);
    const leftOut = candidateCount === 0 ? '' : ` (all ${candidateCount} candidate files were left out)`;
    throw new SeamsError(
      'NO_SOURCE_FILES',
      `no TypeScript source files to analyse in ${where}${leftOut}`,
      'point seams at the folder that holds the sources, or adjust --include/--exclude/--tsconfig',
    );
  }
  const workspaces = findWorkspaces(settings.root, memo);
  diagnostics.push(...workspaces.diagnostics);
  return {
    root: settings.root,
    tsconfig: settings.tsconfig,
    projects,
    workspaces: workspaces.packages,
    files,
    diagnostics,
    maxFileSize: settings.maxFileSize,
    statuses: checked.statuses,
  };
}

/**
 * Without a root tsconfig, each scanned file resolves its imports under the compiler options of
 * the nearest tsconfig.json above it (as an editor does), or of the root tsconfig.base.json (the
 * Nx and monorepo convention that carries `paths`), or under the folder-scan defaults. Those
 * tsconfigs contribute options only; the scan decides the file set.
 */
function projectsByNearestTsconfig(
  settings: Settings,
  files: readonly string[],
  diagnostics: Diagnostic[],
  memo: TsconfigMemo,
): ProjectConfig[] {
  const rootBase = path.join(settings.root, 'tsconfig.base.json');
  const above = fileExists(rootBase) ? null : governingTsconfigAbove(settings.root, files, diagnostics, memo);
  const fallback = fileExists(rootBase) ? rootBase : above;
  const nearest = new Map<string, string | null>();
  const nearestFor = (folder: string): string | null => {
    if (nearest.has(folder)) return nearest.get(folder) as string | null;
    const candidate = path.join(folder, 'tsconfig.json');
    const parent = path.dirname(folder);
    const exists = fileExists(candidate);
    if (!exists && folder !== settings.root) unusableTsconfig(candidate, settings.root, diagnostics);
    const found = exists ? candidate : folder === settings.root || parent === folder ? fallback : nearestFor(parent);
    nearest.set(folder, found);
    return found;
  };
  const groups = new Map<string | null, string[]>();
  for (const file of files) {
    const tsconfig = nearestFor(path.dirname(file));
    const group = groups.get(tsconfig);
    if (group) group.push(file);
    else groups.set(tsconfig, [file]);
  }
  if (above !== null && groups.has(above)) {
    const count = (groups.get(above) as string[]).length;
    diagnostics.push({
      code: 'TSCONFIG_ABOVE_ROOT',
      message: `no tsconfig.json in the analysed folder: ${count} ${count === 1 ? 'file resolves its' : 'files resolve their'} imports under ${relativeToRoot(settings.root, above)}, the nearest tsconfig above it (as an editor does); pass --tsconfig to choose another`,
      file: relativeToRoot(settings.root, above),
    });
  }
  return [...groups.entries()]
    .sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''))
    .map(([tsconfig, members]) => ({
      tsconfig,
      compilerOptions: optionsOf(tsconfig, settings.root, diagnostics, memo),
      files: members,
    }));
}

/**
 * A diagnostic when something is at `file` that cannot be read as a tsconfig (a FIFO,
 * a device, a folder, a link out of the root, over 10 MB): it is passed over, as if absent.
 */
function unusableTsconfig(file: string, root: string, diagnostics: Diagnostic[]): void {
  const inspection = inspectFile(file, { root, maxBytes: MAX_CONFIG_SIZE });
  if (!inspection.ok && !inspection.missing)
    diagnostics.push({
      code: inspection.code,
      message: `${inspection.message}; not used as a tsconfig`,
      file: relativeToRoot(root, file),
    });
}

/**
 * The tsconfig that governs the analysed folder from above when it has none of its own, found as
 * an editor finds a file's project: the nearest tsconfig.json in a folder above the root whose
 * file set (files/include, or that of a project it references) holds at least one scanned file;
 * one that holds none is passed over and the search goes on upwards, up to the top of the git
 * work tree that holds the root (the folder with `.git`), or to the file system root outside git.
 * Null when there is none: the files then resolve under the folder-scan defaults.
 */
function governingTsconfigAbove(
  root: string,
  files: readonly string[],
  diagnostics: Diagnostic[],
  memo: TsconfigMemo,
): string | null {
  const scanned = new Set(files.map((file) => path.normalize(file)));
  const holdsScanned = (config: { fileNames: string[] }) =>
    config.fileNames.some((file) => scanned.has(path.normalize(file)));
  let folder = root;
  while (!fileExists(path.join(folder, '.git')) && !directoryExists(path.join(folder, '.git'))) {
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
    const candidate = path.join(folder, 'tsconfig.json');
    if (!fileExists(candidate)) {
      unusableTsconfig(candidate, root, diagnostics);
      continue;
    }
    try {
      const config = readTsconfig(candidate, root, memo);
      if (holdsScanned(config)) return candidate;
      for (const reference of config.references) {
        if (fileExists(reference) && holdsScanned(readTsconfig(reference, root, memo))) return reference;
      }
    } catch (error) {
      diagnostics.push({
        code: 'TSCONFIG_WARNING',
        message: `${(error as Error).message}; not used`,
        file: relativeToRoot(root, candidate),
      });
    }
  }
  return null;
}

function optionsOf(
  tsconfig: string | null,
  root: string,
  diagnostics: Diagnostic[],
  memo: TsconfigMemo,
): TS.CompilerOptions {
  if (tsconfig === null) return FOLDER_SCAN_OPTIONS;
  try {
    const config = readTsconfig(tsconfig, root, memo);
    diagnostics.push(...config.diagnostics);
    return config.compilerOptions;
  } catch (error) {
    diagnostics.push({
      code: 'TSCONFIG_WARNING',
      message: `${(error as Error).message}; its files use the default options`,
      file: relativeToRoot(root, tsconfig),
    });
    return FOLDER_SCAN_OPTIONS;
  }
}

function unionByModuleId(root: string, projects: readonly ProjectConfig[]): string[] {
  const byId = new Map<string, string>();
  for (const project of projects)
    for (const file of project.files) byId.set(toModuleId(root, path.normalize(file)), file);
  return [...byId.keys()].sort(compareStrings).map((id) => byId.get(id) as string);
}
