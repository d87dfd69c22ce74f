import path from 'node:path';
import type { TS as ts } from '../base/typescript.js';
import type { Diagnostic } from '../base/diagnostics.js';

/** One TypeScript project (a tsconfig, or the scanned folder) and the files it contributes. */
export interface ProjectConfig {
  /** Absolute path of its tsconfig, or null for a folder scan. */
  tsconfig: string | null;
  /** Compiler options its files resolve imports under (plain object, as TypeScript parses it). */
  compilerOptions: ts.CompilerOptions;
  /** Its selected source files: absolute paths, sorted. */
  files: string[];
}

/** A package of an npm, yarn or pnpm workspace: importing it by name is an internal edge. */
export interface WorkspacePackage {
  /** Package name from its package.json, e.g. `@acme/billing`. */
  name: string;
  /** Absolute path of the package folder. */
  dir: string;
  /** The package.json fields that say where its entry points are. */
  manifest: { exports?: unknown; types?: string; typings?: string; module?: string; main?: string };
}

/** The project to analyse: its root, projects, workspace packages and selected source files. */
export interface LoadedProject {
  /** Absolute path of the analysed root folder. */
  root: string;
  /** Absolute path of the root tsconfig, or null when the folder was scanned. */
  tsconfig: string | null;
  /** The root project first, then every project it references (recursively), each once. */
  projects: ProjectConfig[];
  /** Workspace packages declared at the root, sorted by name. */
  workspaces: WorkspacePackage[];
  /** Union of the projects' selected files: absolute paths, sorted by module id. */
  files: string[];
  /** Problems met while loading (tsconfig warnings, files left out). */
  diagnostics: Diagnostic[];
  /** Largest source file read, in bytes (--max-file-size): the files were checked against it, and reads stop at it. */
  maxFileSize: number;
  /**
   * Each selected file's status as the load stage checked it (base/file-status.ts `statusOf`;
   * null when changed too recently to trust): a cache that knows the file under that status need
   * not look at it again. Absent: take it anew.
   */
  statuses?: ReadonlyMap<string, string | null>;
}

/**
 * POSIX path of `file` relative to `root`: the module id used in every output. Only the platform's
 * separator becomes `/`; every other character is kept as the file system has it, so on Linux and
 * macOS a backslash, a newline or a backtick stays part of the name (`src/a\b.ts` is one file in
 * `src`, not `src/a/b.ts`). Reports escape such characters where their format needs it.
 */
export function toModuleId(root: string, file: string, separator: string = path.sep): string {
  const prefix = root.endsWith(separator) ? root : `${root}${separator}`;
  const relative = file.startsWith(prefix) ? file.slice(prefix.length) : file === root ? '' : file;
  return separator === '/' ? relative : relative.split(separator).join('/');
}

/**
 * POSIX path of `file` relative to `root` for messages and diagnostics, also when it lies outside
 * the root (`../tsconfig.json`), so no absolute path of this machine reaches an output. Inside the
 * root it equals the module id.
 */
export function relativeToRoot(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
