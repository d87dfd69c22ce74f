import { isSeamsError, SeamsError } from '../base/errors.js';
import { gitIn, gitTimeoutText, type Git } from './run-git.js';
import type { ModuleId } from './types.js';
import { pairKey, splitPairKey } from '../base/collections.js';

/** The --format of each commit: a mark no analysed path equals. */
const COMMIT_MARK = '%x01%x01commit';
const MARK_ITEM = '\u0001\u0001commit';

/** Co-change facts from version control, restricted to analysed modules. */
export interface History {
  /** Commits read (merges excluded). */
  commits: number;
  /** Commits skipped because they touched more than `maxFilesPerCommit` analysed files. */
  skippedCommits: number;
  /** Per module, the commits that changed it. */
  changes: Record<ModuleId, number>;
  /** Pairs of modules changed in the same commit at least twice: a < b, sorted. */
  pairs: { a: ModuleId; b: ModuleId; count: number }[];
}

export interface HistoryOptions {
  /** Only commits after this date (one of the forms `sinceForGit` accepts), or null for all. */
  since: string | null;
  /** Commits touching more analysed files than this are bulk changes (renames, formatting) and skipped. */
  maxFilesPerCommit: number;
}

/**
 * One streaming pass over `git log --name-only -z` in the analysed folder (paths relative to it).
 * Only git runs, through `gitIn` (run-git.ts): nothing the repository's config or attributes name
 * is started, and there is no pager, external diff, textconv or signature check. Resolves to null
 * when the folder is not inside a git repository, and also (telling `onProblem` why) when git
 * stays silent longer than the git timeout and is killed (something in `.git` blocks it). A
 * `since` git cannot read is OPTION_INVALID.
 */
export async function readHistory(
  root: string,
  modules: ReadonlySet<ModuleId>,
  options: HistoryOptions,
  onProblem?: (message: string) => void,
): Promise<History | null> {
  const args = [
    'log',
    '-z',
    '--no-merges',
    '--relative',
    '--name-only',
    '--no-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
    '--no-show-signature',
    '--no-mailmap',
    `--format=${COMMIT_MARK}`,
  ];
  if (options.since !== null) args.push(`--since=${sinceForGit(options.since)}`);
  let git: Git;
  try {
    git = gitIn(root);
  } catch (error) {
    if (!(isSeamsError(error) && error.code === 'GIT_TIMEOUT')) throw error;
    onProblem?.(`--git: ${error.message}; change coupling is off`);
    return null;
  }
  const child = git.spawn(args);
  const changes = new Map<ModuleId, number>();
  const pairCounts = new Map<string, number>();
  let commits = 0;
  let skippedCommits = 0;
  let current: ModuleId[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const files = [...new Set(current)].sort();
    current = [];
    if (files.length > options.maxFilesPerCommit) {
      skippedCommits++;
      return;
    }
    for (const file of files) changes.set(file, (changes.get(file) ?? 0) + 1);
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const key = pairKey(files[i] as string, files[j] as string);
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      }
    }
  };
  // -z: each commit is the mark then its paths, every item ending in NUL; the first path after a
  // mark starts with the newline that separates the header from the file list. Paths come unquoted.
  let afterMark = false;
  let pending = '';
  const take = (item: string) => {
    if (item === MARK_ITEM) {
      flush();
      commits++;
      afterMark = true;
      return;
    }
    const file = afterMark && item.startsWith('\n') ? item.slice(1) : item;
    afterMark = false;
    if (file !== '' && modules.has(file)) current.push(file);
  };
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout as AsyncIterable<string>) {
    const items = (pending + chunk).split('\u0000');
    pending = items.pop() ?? '';
    for (const item of items) take(item);
  }
  if (pending !== '') take(pending);
  flush();
  const exit = await child.exit;
  if (exit.timedOut)
    onProblem?.(
      `--git: git log did not finish (silent for ${gitTimeoutText()}) and was killed, so change coupling is off; something in the repository blocks git (e.g. a FIFO in .git)`,
    );
  if (exit.status !== 0) return null;
  const pairs = [...pairCounts.entries()]
    .filter(([, count]) => count >= 2)
    .map(([key, count]) => {
      const [a, b] = splitPairKey(key);
      return { a, b, count };
    })
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const sortedChanges = Object.fromEntries([...changes.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  return { commits, skippedCommits, changes: sortedChanges, pairs };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/;
const AGO = /^(\d{1,6})[ .](second|minute|hour|day|week|month|year)s?[ .]ago$/i;

/**
 * `--since` (or `git.since` in seams.config.json) as passed to `git log --since`. Git reads almost
 * any text as a date and treats what it cannot read as "now" (zero commits, silently), so only
 * these forms are accepted: `YYYY-MM-DD` (midnight, local time; years 1970 to 2099), `YYYY-MM-DD HH:MM[:SS]` or
 * `YYYY-MM-DDTHH:MM[:SS]` with an optional `Z` or `±HH:MM` offset, and `<n> <unit>[s] ago` with
 * unit second, minute, hour, day, week, month or year (`1 year ago`, `6.months.ago`).
 * Anything else is OPTION_INVALID.
 */
export function sinceForGit(since: string): string {
  const text = since.trim();
  if (AGO.test(text)) return text;
  const date = DATE.exec(text) ?? DATE_TIME.exec(text);
  if (date !== null) {
    const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = date
      .slice(1, 7)
      .map((part) => Number(part ?? 0));
    const check = new Date(Date.UTC(year, month - 1, day));
    // git's date arithmetic covers 1970-2099 only; outside it the date is silently dropped.
    const valid =
      year >= 1970 &&
      year <= 2099 &&
      check.getUTCFullYear() === year &&
      check.getUTCMonth() === month - 1 &&
      check.getUTCDate() === day &&
      hour < 24 &&
      minute < 60 &&
      second < 60;
    // A bare date gets midnight: git alone would take the current time of day.
    if (valid) return DATE.test(text) ? `${text} 00:00:00` : text;
  }
  throw new SeamsError(
    'OPTION_INVALID',
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes or refuses
    `--since must be a date git reads unambiguously, got '${since.replace(/[\u0000-\u001f\u007f]/g, '?')}'`,
    'for example --since 2024-01-01, --since "2024-01-01T12:00:00Z" or --since "6 months ago"',
  );
}
