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
  const patterns = (typeof globs === 'string' ? [globs] : [...globs]).filter((glob) => glob !== '').map(compileGlob);
  return (id: string) => patterns.some((pattern) => pattern.test(id));
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
