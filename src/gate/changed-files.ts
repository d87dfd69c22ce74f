import { SeamsError } from '../base/errors.js';
import { checkRevision, firstLine, gitIn } from '../extract/run-git.js';

/**
 * Files changed since a git ref, relative to the analysed folder: committed and uncommitted
 * changes (`git diff --name-only <commit>`) and untracked files. Only git runs, through `gitIn`
 * (run-git.ts): the diff reads the working tree, so every filter driver the repository configures
 * is neutralised there, and nothing its config or attributes name is started. A ref that starts
 * with `-` is OPTION_INVALID before git runs; the ref is resolved to a commit with
 * `--end-of-options` before it, and only that commit id reaches `git diff`.
 */
export function changedFiles(root: string, ref: string): Set<string> {
  checkRevision(ref, '--changed-since');
  const git = gitIn(root);
  const run = (args: string[]) => {
    const result = git.run(args);
    if (result.status !== 0) {
      throw new SeamsError('GIT_FAILED', `--changed-since ${ref}: git failed (${firstLine(result.stderr) || 'not a commit'})`, 'pass a ref that exists (e.g. origin/main) in a git repository, or drop --changed-since');
    }
    return result.stdout;
  };
  const commit = run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new SeamsError('GIT_FAILED', `--changed-since ${ref}: git failed (not a commit: '${commit}')`, 'pass a ref that exists (e.g. origin/main) in a git repository, or drop --changed-since');
  const diff = run(['diff', '-z', '--name-only', '--relative', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-color', '--ignore-submodules=all', '--end-of-options', commit, '--']);
  const untracked = run(['ls-files', '-z', '--others', '--exclude-standard']);
  return new Set([...diff.split('\u0000'), ...untracked.split('\u0000')].filter((line) => line !== ''));
}
