import type { ts } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';

/** The project to analyse: its root, compiler options and the selected source files. */
export interface LoadedProject {
  /** Absolute path of the analysed root folder. */
  root: string;
  /** Absolute path of the tsconfig used, or null when the folder was scanned. */
  tsconfig: string | null;
  /** Compiler options module resolution runs under (plain object, as TypeScript parses it). */
  compilerOptions: ts.CompilerOptions;
  /** Selected source files: absolute paths, sorted by module id. */
  files: string[];
  /** Problems met while loading (tsconfig warnings, files left out). */
  diagnostics: Diagnostic[];
}

/** POSIX path of `file` relative to `root`: the module id used in every output. */
export function toModuleId(root: string, file: string): string {
  const relative = file.startsWith(root) ? file.slice(root.length).replace(/^[\\/]+/, '') : file;
  return relative.split('\\').join('/');
}
