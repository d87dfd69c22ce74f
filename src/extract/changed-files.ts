import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import { SeamsError } from '../base/errors.js';
import { checkRevision, firstLine, gitIn, timeoutError } from './run-git.js';

/** A tracked file bigger than this is taken as changed without reading it. */
const MAX_COMPARED_SIZE = 64 * 1024 * 1024;

/**
 * Files changed since a git ref, relative to the analysed folder: what the index changes against
 * the commit (`git diff --cached`), what the working tree changes against the index, and untracked
 * files. Only git runs, through `gitIn` (run-git.ts), and a ref that starts with `-` is
 * OPTION_INVALID before git runs; the ref is resolved to a commit with `--end-of-options` before
 * it, and only that commit id reaches `git diff`.
 *
 * git is never asked to compare the working tree itself: to do so it reads the work tree's
 * `.gitattributes` (every folder's), `.git/info/attributes` and runs the files through their
 * filters, and a FIFO there (or a link to one, or to `/dev/zero`) blocks it forever. The three git
 * calls here compare commits and the index only, which reads no attributes; seams compares the
 * working tree with the index itself, hashing each file of `candidates` (the analysed modules,
 * when given; every tracked file otherwise) as git would store it (also with CRLF line ends
 * turned into LF). A file seams cannot compare (not a regular file, a link where the index has a
 * file, larger than 64 MB, unreadable) counts as changed: the gate then checks more, never less.
 * Every git call is bounded by the git timeout (GIT_TIMEOUT, exit 2).
 */
export function changedFiles(root: string, ref: string, candidates?: ReadonlySet<string>): Set<string> {
  checkRevision(ref, '--changed-since');
  const git = gitIn(root);
  const run = (args: string[]) => {
    const result = git.run(args);
    if (result.timedOut) throw timeoutError(`--changed-since ${ref}: git ${args[0] ?? ''}`);
    if (result.status !== 0) {
      throw new SeamsError(
        'GIT_FAILED',
        `--changed-since ${ref}: git failed (${firstLine(result.stderr) || 'not a commit'})`,
        'pass a ref that exists (e.g. origin/main) in a git repository, or drop --changed-since',
      );
    }
    return result.stdout;
  };
  const commit = run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit))
    throw new SeamsError(
      'GIT_FAILED',
      `--changed-since ${ref}: git failed (not a commit: '${commit}')`,
      'pass a ref that exists (e.g. origin/main) in a git repository, or drop --changed-since',
    );
  const changed = new Set<string>();
  const staged = run([
    'diff',
    '-z',
    '--cached',
    '--name-only',
    '--relative',
    '--no-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
    '--ignore-submodules=all',
    '--end-of-options',
    commit,
    '--',
  ]);
  for (const file of staged.split('\u0000')) if (file !== '') changed.add(file);
  // `<mode> <object> <stage>\t<path>`, paths relative to the analysed folder, only those under it.
  for (const entry of run(['ls-files', '-z', '--stage']).split('\u0000')) {
    const match = /^(\d{6}) ([0-9a-f]{40,64}) (\d)\t([\s\S]*)$/.exec(entry);
    if (match === null) continue;
    const [, mode = '', object = '', stage = '', file = ''] = match;
    if (candidates !== undefined && !candidates.has(file)) continue;
    if (mode === '160000') continue;
    if (stage !== '0' || !sameAsIndex(path.join(root, file), mode, object)) changed.add(file);
  }
  for (const file of run(['ls-files', '-z', '--others', '--exclude-standard']).split('\u0000'))
    if (file !== '') changed.add(file);
  return changed;
}

/** Whether the working-tree file holds what the index has (`object`, a blob id), compared without git. */
function sameAsIndex(file: string, mode: string, object: string): boolean {
  let stats: Stats;
  try {
    stats = lstatSync(file);
  } catch {
    return false;
  }
  if (mode === '120000') {
    if (!stats.isSymbolicLink()) return false;
    try {
      return blobId(readlinkSync(file, { encoding: 'buffer' }), object.length) === object;
    } catch {
      return false;
    }
  }
  if (!stats.isFile() || stats.size > MAX_COMPARED_SIZE) return false;
  const bytes = readRegularFile(file);
  if (bytes === null) return false;
  if (blobId(bytes, object.length) === object) return true;
  // A text file checked in with LF and checked out with CRLF (eol=crlf, autocrlf).
  if (!bytes.includes('\r\n')) return false;
  return blobId(Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'), object.length) === object;
}

/** The git blob id of some content: SHA-1 (40 hex digits) or SHA-256 (64) of `blob <size>\0<content>`. */
export function blobId(content: Buffer, length: number): string {
  return createHash(length === 64 ? 'sha256' : 'sha1')
    .update(`blob ${content.length}\u0000`)
    .update(content)
    .digest('hex');
}

/** A regular file's bytes, opened without following a link or blocking, or null. */
function readRegularFile(file: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_COMPARED_SIZE) return null;
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, null);
      if (count === 0) break;
      read += count;
    }
    // A file that grew while being read is not what the index has either way.
    return read === bytes.length && readSync(fd, Buffer.alloc(1), 0, 1, null) === 0 ? bytes : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
