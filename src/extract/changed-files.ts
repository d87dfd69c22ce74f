import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import { compareStrings } from '../base/compare.js';
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
 * filters, and a FIFO there (or a link to one, or to `/dev/zero`) blocks it forever. The git calls
 * here compare commits and the index only, without git's rename detection (which reads
 * attributes), and read blobs, none of which reads attributes; seams compares the
 * working tree with the index itself, hashing each file of `candidates` (the analysed modules,
 * when given; every tracked file otherwise) as git would store it (also with CRLF line ends
 * turned into LF). A file seams cannot compare (not a regular file, a link where the index has a
 * file, larger than 64 MB, unreadable) counts as changed: the gate then checks more, never less.
 * A tracked file that is gone from the working tree is changed too (deleted). Renames: see changesSince.
 * Every git call is bounded by the git timeout (GIT_TIMEOUT, exit 2).
 */
export function changedFiles(root: string, ref: string, candidates?: ReadonlySet<string>): Set<string> {
  return changesSince(root, ref, candidates).files;
}

/** What changed since a ref: the files (see changedFiles), and the renames among them. */
export interface Changes {
  /** Changed files, relative to the analysed folder: modified, added, renamed (new path) and deleted (old path). */
  files: Set<string>;
  /** Renamed files: new path -> path at the ref. */
  renamedFrom: Map<string, string>;
}

/** One side of a possible rename: a blob git holds, or a file of the working tree. */
type Side = { path: string; object: string } | { path: string; file: string };

/**
 * changedFiles, with the renames among the changes, found as `git diff --find-renames` finds them
 * (a deleted and an added file at least 50% alike pair up, the most alike first) but compared by
 * seams: git's own rename detection reads the work tree's attributes to tell binary files (a FIFO
 * `.gitattributes` blocks it), so git only lists the added and deleted files with their blob ids
 * (`--raw --no-renames`) and `git cat-file blob` reads the blobs. Committed and staged renames
 * (`git mv`) pair a deleted with an added file of the diff; a file moved in the working tree only
 * (`mv`) pairs a tracked file that is gone with an untracked one; a file renamed twice maps to
 * its path at the ref.
 */
export function changesSince(root: string, ref: string, candidates?: ReadonlySet<string>): Changes {
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
  // `:<mode> <mode> <object> <object> <status>` then the path, NUL-separated.
  const staged = run([
    'diff',
    '-z',
    '--cached',
    '--raw',
    '--no-abbrev',
    '--relative',
    '--no-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
    '--ignore-submodules=all',
    '--end-of-options',
    commit,
    '--',
  ]).split('\u0000');
  const stagedGone: Side[] = [];
  const stagedNew: Side[] = [];
  for (let at = 0; at + 1 < staged.length; at += 2) {
    const header = /^:\d{6} \d{6} ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([A-Z])/.exec(staged[at] as string);
    const file = staged[at + 1] as string;
    if (header === null || file === '') continue;
    changed.add(file);
    if (header[3] === 'D') stagedGone.push({ path: file, object: header[1] as string });
    if (header[3] === 'A') stagedNew.push({ path: file, object: header[2] as string });
  }
  const worktreeGone: Side[] = [];
  // `<mode> <object> <stage>\t<path>`, paths relative to the analysed folder, only those under it.
  for (const entry of run(['ls-files', '-z', '--stage']).split('\u0000')) {
    const match = /^(\d{6}) ([0-9a-f]{40,64}) (\d)\t([\s\S]*)$/.exec(entry);
    if (match === null) continue;
    const [, mode = '', object = '', stage = '', file = ''] = match;
    if (mode === '160000') continue;
    if (candidates !== undefined && !candidates.has(file)) {
      // Not analysed: changed only when it is gone (a deleted module drops its baseline entries).
      if (stage === '0' && isGone(path.join(root, file))) {
        changed.add(file);
        worktreeGone.push({ path: file, object });
      }
      continue;
    }
    if (stage !== '0' || !sameAsIndex(path.join(root, file), mode, object)) {
      changed.add(file);
      if (stage === '0' && isGone(path.join(root, file))) worktreeGone.push({ path: file, object });
    }
  }
  const untracked: Side[] = [];
  for (const file of run(['ls-files', '-z', '--others', '--exclude-standard']).split('\u0000'))
    if (file !== '') {
      changed.add(file);
      if (candidates === undefined || candidates.has(file)) untracked.push({ path: file, file: path.join(root, file) });
    }
  const read = (side: Side): string | null => {
    if ('file' in side) return readRegularFile(side.file)?.toString('utf8') ?? null;
    const result = git.run(['cat-file', 'blob', side.object]);
    if (result.timedOut) throw timeoutError(`--changed-since ${ref}: git cat-file`);
    return result.status === 0 ? result.stdout : null;
  };
  const renamedFrom = pairRenames(stagedGone, stagedNew, read);
  for (const [now, before] of pairRenames(worktreeGone, untracked, read)) {
    const first = renamedFrom.get(before);
    renamedFrom.delete(before);
    renamedFrom.set(now, first ?? before);
  }
  return { files: changed, renamedFrom };
}

/** Whether nothing is at a path any more (a tracked file deleted or moved away). */
function isGone(file: string): boolean {
  try {
    lstatSync(file);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}

/** Most pairs compared for renames (beyond it, only identical contents pair up). */
const MAX_RENAME_PAIRS = 10_000;
/** Largest file compared for a rename. */
const MAX_RENAME_SIZE = 1024 * 1024;

/**
 * Renames among deleted and added files, new path -> old path, as git's default (`-M50%`): a pair
 * is a rename when the lines they share are at least half of the longer one's; the most alike
 * pairs first, each file in at most one pair.
 */
export function pairRenames(
  gone: readonly Side[],
  added: readonly Side[],
  read: (side: Side) => string | null,
): Map<string, string> {
  const renames = new Map<string, string>();
  if (gone.length === 0 || added.length === 0) return renames;
  const contents = new Map<Side, string[] | null>();
  const linesOf = (side: Side) => {
    if (!contents.has(side)) {
      const text = read(side);
      contents.set(side, text === null || text.length > MAX_RENAME_SIZE ? null : text.split('\n'));
    }
    return contents.get(side) ?? null;
  };
  const exactOnly = gone.length * added.length > MAX_RENAME_PAIRS;
  const scored: { score: number; from: string; to: string }[] = [];
  for (const before of gone) {
    const old = linesOf(before);
    if (old === null) continue;
    const counts = new Map<string, number>();
    for (const line of old) counts.set(line, (counts.get(line) ?? 0) + 1);
    const oldText = old.join('\n');
    for (const after of added) {
      const now = linesOf(after);
      if (now === null) continue;
      if (now.join('\n') === oldText) {
        scored.push({ score: 2, from: before.path, to: after.path });
        continue;
      }
      if (exactOnly) continue;
      const left = new Map(counts);
      let shared = 0;
      for (const line of now) {
        const count = left.get(line) ?? 0;
        if (count > 0) {
          shared++;
          left.set(line, count - 1);
        }
      }
      const score = shared / Math.max(old.length, now.length);
      if (score >= 0.5) scored.push({ score, from: before.path, to: after.path });
    }
  }
  scored.sort((a, b) => b.score - a.score || compareStrings(a.to, b.to) || compareStrings(a.from, b.from));
  const used = new Set<string>();
  for (const { from, to } of scored) {
    if (used.has(`-${from}`) || used.has(`+${to}`)) continue;
    used.add(`-${from}`);
    used.add(`+${to}`);
    renames.set(to, from);
  }
  return renames;
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
