import path from 'node:path';
import type { ProjectConfig } from '../load/project.js';

/** Extensions a TypeScript or JavaScript source can have, in the order they are tried. */
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Extensions of build output (declarations and emitted JavaScript). */
const OUTPUT_EXTENSION = /(\.d\.[mc]?ts|\.[mc]?js|\.jsx)$/;
/** Folder names build output usually goes to; their sources usually live in `src`. */
const OUTPUT_FOLDERS = new Set(['dist', 'build', 'lib', 'out', 'esm', 'cjs', 'types', 'typings']);

/**
 * Maps a path that may name build output (a `.d.ts` or `.js` under `dist/`, or a project's
 * `outDir`) or an extensionless path back to the analysed source file it came from, or null.
 * `isSource` says whether an absolute path is an analysed file.
 */
export function findSource(
  target: string,
  projects: readonly ProjectConfig[],
  isSource: (file: string) => boolean,
): string | null {
  for (const candidate of sourceCandidates(path.normalize(target), projects)) if (isSource(candidate)) return candidate;
  return null;
}

function* sourceCandidates(target: string, projects: readonly ProjectConfig[]): Generator<string> {
  yield target;
  const stem = target.replace(OUTPUT_EXTENSION, '');
  for (const base of [stem, ...projectSourcePaths(stem, projects), ...conventionalSourcePaths(stem)]) {
    for (const extension of SOURCE_EXTENSIONS) yield base + extension;
    for (const extension of SOURCE_EXTENSIONS) yield path.join(base, `index${extension}`);
  }
}

/** `<outDir>/x` -> `<rootDir>/x` for every project that emits into a folder. */
function* projectSourcePaths(stem: string, projects: readonly ProjectConfig[]): Generator<string> {
  for (const project of projects) {
    const options = project.compilerOptions;
    const rootDir = options.rootDir ?? (project.tsconfig === null ? undefined : path.dirname(project.tsconfig));
    if (rootDir === undefined) continue;
    for (const outDir of [options.outDir, options.declarationDir]) {
      if (outDir !== undefined && stem.startsWith(outDir + path.sep))
        yield path.join(rootDir, stem.slice(outDir.length + 1));
    }
  }
}

/** `.../dist/x` -> `.../src/x` and `.../x` (the nearest output-looking folder in the path). */
function* conventionalSourcePaths(stem: string): Generator<string> {
  const parts = stem.split(path.sep);
  for (let index = parts.length - 2; index >= 0; index--) {
    if (OUTPUT_FOLDERS.has(parts[index] as string)) {
      yield [...parts.slice(0, index), 'src', ...parts.slice(index + 1)].join(path.sep);
      yield [...parts.slice(0, index), ...parts.slice(index + 1)].join(path.sep);
      return;
    }
  }
}
