import { execFileSync } from 'node:child_process';
import { SeamsError } from '../errors.js';

/**
 * Files changed since a git ref, relative to the analysed folder: committed and uncommitted
 * changes (`git diff --name-only <ref>`) and untracked files. Only git runs.
 */
export function changedFiles(root: string, ref: string): Set<string> {
  const git = (args: string[]) =>
    execFileSync('git', ['-c', 'core.fsmonitor=false', '--no-pager', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  try {
    const diff = git(['diff', '--name-only', '--relative', '--no-renames', ref, '--']);
    const untracked = git(['ls-files', '--others', '--exclude-standard']);
    return new Set([...diff.split('\n'), ...untracked.split('\n')].filter((line) => line !== ''));
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    throw new SeamsError('GIT_FAILED', `--changed-since ${ref}: git failed (${stderr})`, 'pass a ref that exists (e.g. origin/main) in a git repository, or drop --changed-since');
  }
}
