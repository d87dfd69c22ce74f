import { ts } from 'ts-morph';
import { SOURCE_EXTENSIONS, type Settings } from '../config/settings.js';
import type { Diagnostic } from '../diagnostics.js';
import { SeamsError } from '../errors.js';
import { toModuleId, type LoadedProject } from './project.js';
import { readTsconfig } from './read-tsconfig.js';
import { scanFolder } from './scan-folder.js';
import { selectFiles } from './select-files.js';

/**
 * Compiler options used when the folder has no tsconfig: `bundler` resolution accepts
 * extensionless and `.js` specifiers that name `.ts` sources, like most modern toolchains.
 */
const FOLDER_SCAN_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: false,
  jsx: ts.JsxEmit.Preserve,
};

/** Finds the project's compiler options and file set (tsconfig or folder scan), then selects files. */
export function loadProject(settings: Settings): LoadedProject {
  const diagnostics: Diagnostic[] = [];
  let compilerOptions: ts.CompilerOptions;
  let candidates: string[];
  if (settings.tsconfig !== null) {
    const config = readTsconfig(settings.tsconfig, settings.root);
    compilerOptions = config.compilerOptions;
    candidates = config.fileNames;
    diagnostics.push(...config.diagnostics);
  } else {
    compilerOptions = FOLDER_SCAN_OPTIONS;
    candidates = scanFolder(settings.root, SOURCE_EXTENSIONS);
  }
  const files = selectFiles(candidates, settings);
  if (files.length === 0) {
    const where = settings.tsconfig === null ? 'the folder' : toModuleId(settings.root, settings.tsconfig);
    const leftOut = candidates.length === 0 ? '' : ` (all ${candidates.length} candidate files were left out)`;
    throw new SeamsError(
      'NO_SOURCE_FILES',
      `no TypeScript source files to analyse in ${where}${leftOut}`,
      'point seams at the folder that holds the sources, or adjust --include/--exclude/--tsconfig',
    );
  }
  return { root: settings.root, tsconfig: settings.tsconfig, compilerOptions, files, diagnostics };
}
