import picomatch from 'picomatch';
import { SeamsError } from './errors.js';

/**
 * Matches module ids against globs (picomatch syntax, `dot: true`). A module id is the file's real
 * path relative to the root, whatever characters it holds: a newline, a tab or a backslash is an
 * ordinary character of the name. picomatch compiles `**` with `.`, which does not match a line
 * break, so a file named `src/billing/a⏎b.ts` would slip past `src/billing/**`; here every glob is
 * compiled with the `s` (dotAll) flag, so a line break is matched like any other character.
 * An empty glob (`"exclude": [""]`) matches no module id, which is never empty, as picomatch's
 * other unmatchable globs (`{a,b`, a lone backslash) do; picomatch itself throws on it. A glob
 * that cannot be compiled (picomatch refuses over 65,536 characters; a very long one can exceed
 * the regular expression engine's stack) is an OPTION_INVALID error.
 */
export function globMatcher(globs: string | readonly string[]): (id: string) => boolean {
  // Plain paths and `<plain path>/**` (most service globs) are matched without a regular
  // expression, by a Set and by prefix: the same answers as picomatch's (test/base/glob.test.ts).
  const literals = new Set<string>();
  const folders: string[] = [];
  const patterns: RegExp[] = [];
  for (const glob of typeof globs === 'string' ? [globs] : globs) {
    if (glob === '') continue;
    if (isPlainPath(glob)) literals.add(glob);
    else if (glob.endsWith('/**') && isPlainPath(glob.slice(0, -3))) folders.push(glob.slice(0, -3));
    else patterns.push(compileGlob(glob));
  }
  const prefixes = folders.map((folder) => `${folder}/`);
  return (id: string) =>
    literals.has(id) ||
    folders.some((folder, index) => id === folder || id.startsWith(prefixes[index] as string)) ||
    patterns.some((pattern) => pattern.test(id));
}

/** Longer globs go to picomatch, which refuses those over 65,536 characters (OPTION_INVALID, as before). */
const MAX_PLAIN_LENGTH = 4096;

/** A glob without any of picomatch's special characters or path forms it rewrites (`./`, `//`, `..`, a trailing `/`). */
function isPlainPath(glob: string): boolean {
  return (
    glob.length <= MAX_PLAIN_LENGTH &&
    /^[A-Za-z0-9_\-.@ /]+$/.test(glob) &&
    !glob.startsWith('./') &&
    !glob.startsWith('/') &&
    !glob.endsWith('/') &&
    !glob.endsWith('/.') &&
    glob !== '.' &&
    !glob.includes('//') &&
    !glob.includes('..') &&
    !glob.includes('/./')
  );
}

/** One glob as a regular expression with the `s` flag (see globMatcher); OPTION_INVALID when it cannot be compiled. */
export function compileGlob(glob: string): RegExp {
  try {
    const regex = picomatch.makeRe(glob, { dot: true });
    return new RegExp(regex.source, regex.flags.includes('s') ? regex.flags : `${regex.flags}s`);
  } catch (error) {
    const shown = glob.length > 40 ? `${glob.slice(0, 37)}...` : glob;
    throw new SeamsError(
      'OPTION_INVALID',
      `the glob '${shown}' (${glob.length} characters) cannot be compiled: ${(error as Error).message.slice(0, 100)}`,
      'shorten the glob (in seams.config.json, --include, --exclude, --move or the boundaries file)',
    );
  }
}
