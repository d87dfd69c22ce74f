/**
 * Whether the cache folder can be trusted. A cache is trusted as seams wrote it: its facts,
 * resolutions, tsconfig readings and re-check snapshot stand in for reading the code. The default
 * folder (`node_modules/.cache/seams`) lies inside the analysed checkout, and a pull request can
 * commit files there (`git add -f`) that claim, say, that a file has no import crossing a
 * boundary: `seams check` would then pass where a cold run fails. So when the cache folder lies
 * inside a git work tree, git is asked (through the hardened runner, extract/run-git.ts, which
 * runs nothing the repository names) whether it tracks anything in the folder, or a link or file
 * on the way to it; if it does, or git cannot answer, the run goes without the cache (neither read
 * nor written) and says so with CACHE_UNTRUSTED. The same when another user owns the folder (or the
 * folder holding it) or others may write in it: on a shared machine they could have planted it. A
 * cache folder outside any work tree, written only by this user, is trusted.
 */
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './base/diagnostics.js';
import type { Settings } from './config/settings.js';
import { repositoryPlace } from './extract/repo-root.js';
import { firstLine, gitIn, gitTimeout, setGitTimeout } from './extract/run-git.js';

/** How long git may take to answer (a hostile `.git` can block it): then the cache is not used. */
const TRUST_TIMEOUT_MS = 10_000;

/** The settings to run with (without the cache when it cannot be trusted), and why not. */
export function trustCache(settings: Settings): { settings: Settings; diagnostic?: Diagnostic } {
  const cacheDir = settings.cacheDir;
  if (cacheDir === null) return { settings };
  const folder = path.resolve(cacheDir);
  const top = workTreeAbove(path.resolve(settings.root));
  const refused = othersCanWrite(folder) ?? (top === null || !isInside(top, folder) ? null : untracked(top, folder));
  if (refused === null) return { settings };
  const shown = path.relative(settings.root, folder).split(path.sep).join('/') || '.';
  return {
    settings: { ...settings, cacheDir: null },
    diagnostic: {
      code: 'CACHE_UNTRUSTED',
      message: `the cache folder ${shown} is not used (${refused}); this run reads every file. A cache is trusted only as seams wrote it: keep it outside the checkout, e.g. --cache-dir "$RUNNER_TEMP/seams-cache" in CI`,
    },
  };
}

/**
 * Why the cache is not used when another user could have written it (a shared machine, the
 * temporary folder): the folder or the folder holding it belongs to another user (root aside), or
 * every user may write in it (a folder with the sticky bit, as /tmp, lets them write only their
 * own entries, so it may hold the cache folder). Null otherwise, and where the system has no user
 * ids.
 */
function othersCanWrite(folder: string): string | null {
  if (typeof process.getuid !== 'function') return null;
  const me = process.getuid();
  for (const at of [folder, path.dirname(folder)]) {
    // The folder a link leads to is what others could write in (a link's own mode means nothing).
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(at);
    } catch {
      continue;
    }
    const shown = at === folder ? 'it' : 'the folder holding it';
    if (stats.uid !== me && stats.uid !== 0) return `${shown} belongs to another user`;
    // World-writable only: a group-writable folder is the norm where each user has a group of their own.
    const sticky = (stats.mode & 0o1000) !== 0;
    if ((stats.mode & 0o002) !== 0 && !(sticky && at !== folder))
      return `${shown} can be written by every user (mode ${(stats.mode & 0o7777).toString(8)})`;
  }
  return null;
}

/** Null when git tracks nothing in the folder or on the way to it; else why the cache is not used. */
function untracked(top: string, folder: string): string | null {
  const relative = path.relative(top, folder).split(path.sep).join('/');
  // Git tracks files and links, never folders: of the folder's ancestors, only one that is not a
  // real folder on disk can be a tracked entry (a committed link that sends the cache elsewhere).
  const ancestors: string[] = [];
  for (let at = path.dirname(folder); isInside(top, at) && at !== top; at = path.dirname(at)) {
    let stats: ReturnType<typeof lstatSync> | undefined;
    try {
      stats = lstatSync(at);
    } catch {
      stats = undefined;
    }
    if (stats !== undefined && !stats.isDirectory()) ancestors.push(path.relative(top, at).split(path.sep).join('/'));
  }
  // Nothing there and nothing on the way but folders: nothing can have been planted (the first run).
  if (ancestors.length === 0 && !exists(folder)) return null;
  const restore = setGitTimeout(Math.min(gitTimeout(), TRUST_TIMEOUT_MS));
  try {
    const git = gitIn(top);
    const listed = git.run([
      'ls-files',
      '-z',
      '--cached',
      '--full-name',
      '--',
      ...[relative, ...ancestors].map((item) => `:(literal,top)${item}`),
    ]);
    if (listed.timedOut) return 'git did not answer in time whether it tracks files there';
    if (listed.status !== 0) return `git cannot tell whether it tracks files there: ${firstLine(listed.stderr)}`;
    const tracked = listed.stdout.split('\u0000').filter((entry) => entry !== '');
    const planted = tracked.find(
      (entry) => entry === relative || entry.startsWith(`${relative}/`) || ancestors.includes(entry),
    );
    return planted === undefined ? null : `git tracks ${planted}`;
  } catch (error) {
    return `git cannot tell whether it tracks files there: ${(error as Error).message}`;
  } finally {
    restore();
  }
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The top of the git work tree that holds `folder` (extract/repo-root.ts: the nearest folder with `.git`), or null. */
function workTreeAbove(folder: string): string | null {
  const { root } = repositoryPlace(folder);
  return exists(path.join(root, '.git')) ? root : null;
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
