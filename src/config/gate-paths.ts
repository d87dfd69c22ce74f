import path from 'node:path';
import { GATE_FILES } from './options.js';

/** Where one file of the gate is, and how messages name it. */
export interface GateFile {
  /** Absolute path. */
  path: string;
  /** The name messages and reports show: the path as given, else relative to cwd (POSIX separators). */
  display: string;
  /**
   * The analysed root when the file is at its default place (a link out of the root is then
   * refused, see readRequiredText), null when the user named the file.
   */
  root: string | null;
}

/** The boundaries and baseline files of `seams check`, `init` and `export`. */
export interface GatePaths {
  /** seams.boundaries.json, or the file `--boundaries` names. */
  boundaries: GateFile;
  /** seams.baseline.json, or the file `--baseline` names. */
  baseline: GateFile;
}

/**
 * The one place the gate's files are worked out: `<root>/seams.boundaries.json` and
 * `<root>/seams.baseline.json` unless `options` names others (resolved against `cwd`).
 */
export function gatePaths(
  root: string,
  options: { boundaries?: string | undefined; baseline?: string | undefined; cwd?: string | undefined } = {},
): GatePaths {
  const cwd = options.cwd ?? process.cwd();
  const locate = (given: string | undefined, name: string): GateFile => {
    if (given !== undefined) return { path: path.resolve(cwd, given), display: given, root: null };
    const file = path.join(root, name);
    return { path: file, display: path.relative(cwd, file).split(path.sep).join('/') || name, root };
  };
  return {
    boundaries: locate(options.boundaries, GATE_FILES.boundaries),
    baseline: locate(options.baseline, GATE_FILES.baseline),
  };
}
