import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the analysed folder sits in its repository, for reports that name files from the repository root. */
export interface RepositoryPlace {
  /** The repository's top level (the nearest folder up holding `.git`), or the analysed folder outside git. */
  root: string;
  /** The analysed folder relative to `root`, POSIX separators, with a trailing `/`; `''` at the top level. */
  prefix: string;
}

/**
 * The repository an analysed folder belongs to: the nearest folder at or above it holding `.git`
 * (a folder, or the file a worktree or submodule has). Found by looking at the file system only,
 * so nothing in the repository runs; outside git the folder itself is the root.
 */
export function repositoryPlace(folder: string): RepositoryPlace {
  const start = path.resolve(folder);
  for (let current = start; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) {
      const relative = path.relative(current, start).split(path.sep).join('/');
      return { root: current, prefix: relative === '' ? '' : `${relative}/` };
    }
    if (path.dirname(current) === current) return { root: start, prefix: '' };
  }
}
