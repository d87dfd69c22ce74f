import path from 'node:path';
import { ts } from 'ts-morph';
import { SOURCE_EXTENSIONS, type Settings } from '../config/settings.js';
import { compareStrings, type Diagnostic } from '../diagnostics.js';
import { SeamsError } from '../errors.js';
import { findWorkspaces } from './find-workspaces.js';
import { toModuleId, type LoadedProject, type ProjectConfig } from './project.js';
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

/**
 * Finds the projects (the root tsconfig and every project it references, or a folder scan), the
 * workspace packages, and selects the files to analyse.
 */
export function loadProject(settings: Settings): LoadedProject {
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
      if (file !== settings.tsconfig && !ts.sys.fileExists(file)) {
        diagnostics.push({ code: 'TSCONFIG_WARNING', message: `referenced project ${toModuleId(settings.root, file)} not found`, file: toModuleId(settings.root, settings.tsconfig) });
        continue;
      }
      const config = readTsconfig(file, settings.root);
      diagnostics.push(...config.diagnostics);
      candidateCount += config.fileNames.length;
      projects.push({ tsconfig: file, compilerOptions: config.compilerOptions, files: selectFiles(config.fileNames, settings) });
      pending.push(...config.references);
    }
  } else {
    const candidates = scanFolder(settings.root, SOURCE_EXTENSIONS);
    candidateCount = candidates.length;
    projects.push({ tsconfig: null, compilerOptions: FOLDER_SCAN_OPTIONS, files: selectFiles(candidates, settings) });
  }
  const files = unionByModuleId(settings.root, projects);
  if (files.length === 0) {
    const where = settings.tsconfig === null ? 'the folder' : toModuleId(settings.root, settings.tsconfig);
    const leftOut = candidateCount === 0 ? '' : ` (all ${candidateCount} candidate files were left out)`;
    throw new SeamsError(
      'NO_SOURCE_FILES',
      `no TypeScript source files to analyse in ${where}${leftOut}`,
      'point seams at the folder that holds the sources, or adjust --include/--exclude/--tsconfig',
    );
  }
  const workspaces = findWorkspaces(settings.root);
  diagnostics.push(...workspaces.diagnostics);
  return { root: settings.root, tsconfig: settings.tsconfig, projects, workspaces: workspaces.packages, files, diagnostics };
}

function unionByModuleId(root: string, projects: readonly ProjectConfig[]): string[] {
  const byId = new Map<string, string>();
  for (const project of projects) for (const file of project.files) byId.set(toModuleId(root, path.normalize(file)), file);
  return [...byId.keys()].sort(compareStrings).map((id) => byId.get(id) as string);
}
