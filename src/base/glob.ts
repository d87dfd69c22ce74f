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
  // One group of firstMatchingGroup: plain paths and `<plain path>/**` (most service globs) are
  // matched by a Map and by prefix, the rest by picomatch (test/base/glob.test.ts).
  const first = firstMatchingGroup([typeof globs === 'string' ? [globs] : globs]);
  return (id: string) => first(id) === 0;
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

/**
 * For each module id, the index of the first group of globs (in the order given) that matches it,
 * or -1: the same answer as testing `globMatcher(groups[0])`, `globMatcher(groups[1])`, … in turn,
 * without testing every group. Plain paths are looked up in one Map; every other glob is filed
 * under its fixed leading folders (`src/services/` for `src/services/**\/abandoned-*`), and an id
 * is tested only against the globs filed under its own leading folders (the boundaries of a
 * 20,000-file project: 564 services, 17,599 globs).
 */
export function firstMatchingGroup(groups: readonly (readonly string[])[]): (id: string) => number {
  const literal = new Map<string, number>();
  const byFolder = new Map<string, { group: number; test: (id: string) => boolean }[]>();
  const byStem = new Map<string, { group: number; stem: string }[]>();
  groups.forEach((globs, group) => {
    for (const glob of globs) {
      if (glob === '') continue;
      if (isPlainPath(glob)) {
        if (!literal.has(glob)) literal.set(glob, group);
        continue;
      }
      const stem = stemGlob(glob);
      if (stem !== null) {
        const key = `${stem.folder}\0${stem.stem.slice(0, STEM_KEY)}`;
        const filed = byStem.get(key);
        if (filed === undefined) byStem.set(key, [{ group, stem: stem.stem }]);
        else filed.push({ group, stem: stem.stem });
        continue;
      }
      const folder = glob.endsWith('/**') && isPlainPath(glob.slice(0, -3)) ? glob.slice(0, -3) : null;
      let test: (id: string) => boolean;
      if (folder !== null) {
        const prefix = `${folder}/`;
        test = (id) => id === folder || id.startsWith(prefix);
      } else {
        const pattern = compileGlob(glob);
        test = (id) => pattern.test(id);
      }
      const key = leadingFolders(folder ?? glob);
      const filed = byFolder.get(key);
      if (filed === undefined) byFolder.set(key, [{ group, test }]);
      else filed.push({ group, test });
    }
  });
  return (id) => {
    let best = literal.get(id) ?? Number.POSITIVE_INFINITY;
    const name = id.slice(id.lastIndexOf('/') + 1);
    for (let cut = 0; ; ) {
      const folder = id.slice(0, cut);
      for (const candidate of byFolder.get(folder) ?? []) {
        if (candidate.group < best && candidate.test(id)) best = candidate.group;
      }
      if (byStem.size > 0)
        for (let length = 1; length <= Math.min(STEM_KEY, name.length); length++)
          for (const candidate of byStem.get(`${folder}\0${name.slice(0, length)}`) ?? [])
            if (candidate.group < best && name.startsWith(candidate.stem)) best = candidate.group;
      const next = id.indexOf('/', cut);
      if (next < 0) break;
      cut = next + 1;
    }
    return best === Number.POSITIVE_INFINITY ? -1 : best;
  };
}

/** Stem globs are filed under their folder and this many leading characters of the stem. */
const STEM_KEY = 3;

/**
 * A glob `<folder>/**\/<stem>*` (or `**\/<stem>*`), the form `seams init` writes for a name shared
 * across layers (`src/**\/billing-*`), as its folder (with its `/`, or empty) and stem: it matches
 * an id under that folder, at any depth, whose file name starts with the stem. The stem and folder
 * hold none of picomatch's special characters, so the answer is picomatch's (test/base/glob.test.ts);
 * anything else is null.
 */
function stemGlob(glob: string): { folder: string; stem: string } | null {
  const match = /^(?:(.+)\/)?\*\*\/([A-Za-z0-9_\-.@ ]+)\*$/.exec(glob);
  if (match === null) return null;
  const folder = match[1];
  const stem = match[2] as string;
  if (folder !== undefined && !isPlainPath(folder)) return null;
  if (stem.startsWith('.')) return null;
  return { folder: folder === undefined ? '' : `${folder}/`, stem };
}

/**
 * The folders a glob's every match starts with: its text up to the first special character, cut
 * after the last `/` (`src/services/` for `src/services/**\/x`, `` for `**\/x`). Empty where
 * picomatch rewrites the path (`./`, `//`, `..`) or the text has no folder.
 */
function leadingFolders(glob: string): string {
  const special = glob.search(/[*?[\]{}()!+@\\]/);
  const fixed = special < 0 ? glob : glob.slice(0, special);
  if (fixed.startsWith('./') || fixed.startsWith('/') || fixed.includes('//') || fixed.includes('..')) return '';
  if (fixed.includes('/./')) return '';
  return fixed.slice(0, fixed.lastIndexOf('/') + 1);
}
