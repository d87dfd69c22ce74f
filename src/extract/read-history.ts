import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ModuleId } from './types.js';

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
  /** Only commits after this date (anything `git log --since` accepts), or null for all. */
  since: string | null;
  /** Commits touching more analysed files than this are bulk changes (renames, formatting) and skipped. */
  maxFilesPerCommit: number;
}

/**
 * One streaming pass over `git log --name-only` in the analysed folder (paths relative to it).
 * Only git runs; nothing of the project is executed, and git is told not to use a pager or an
 * external diff. Resolves to null when the folder is not inside a git repository.
 */
export async function readHistory(root: string, modules: ReadonlySet<ModuleId>, options: HistoryOptions): Promise<History | null> {
  const args = ['-c', 'core.fsmonitor=false', '-c', 'diff.external=', '--no-pager', 'log', '--no-merges', '--relative', '--name-only', '--no-renames', '--format=%x00commit'];
  if (options.since !== null) args.push(`--since=${options.since}`);
  const child = spawn('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
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
        const key = `${files[i]}\u0000${files[j]}`;
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      }
    }
  };
  const exit = new Promise<number>((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('close', (code) => resolve(code ?? -1));
  });
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === '\u0000commit') {
      flush();
      commits++;
    } else if (line !== '' && modules.has(line)) {
      current.push(line);
    }
  }
  flush();
  if ((await exit) !== 0) return null;
  const pairs = [...pairCounts.entries()]
    .filter(([, count]) => count >= 2)
    .map(([key, count]) => {
      const [a, b] = key.split('\u0000') as [string, string];
      return { a, b, count };
    })
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const sortedChanges = Object.fromEntries([...changes.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  return { commits, skippedCommits, changes: sortedChanges, pairs };
}
