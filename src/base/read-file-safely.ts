import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { SeamsError } from './errors.js';

/**
 * The one door through which seams reads a file of the analysed project (sources, package.json,
 * tsconfigs, seams.config.json, boundaries, baseline, Prisma schemas, caches) or a file the user
 * named. A hostile tree can put a FIFO, a device or a link to one (`package.json -> /dev/zero`)
 * where a file is expected: reading it would hang or never end. So every read checks that the
 * path is a regular file (following a symbolic link only when its target stays inside the
 * analysed root), opens it without blocking, checks the opened file again, and reads at most a
 * size cap. Anything else is a refusal with a stable code, never a hang.
 */

/** Size cap of manifests and configuration files (package.json, tsconfig, seams.config.json, boundaries, baseline). */
export const MAX_CONFIG_SIZE = 10 * 1024 * 1024;

/** Size cap of seams's own caches (a cache file is a single JSON string, which V8 caps near 512 MB). */
export const MAX_CACHE_SIZE = 512 * 1024 * 1024;

/** Why a file was not read; the same codes name per-file diagnostics and errors. */
export type RefusalCode = 'NOT_A_REGULAR_FILE' | 'FILE_TOO_LARGE' | 'FILE_UNREADABLE' | 'FILE_SKIPPED';

export type SafeRead =
  | { ok: true; bytes: Buffer }
  /** `missing`: nothing at the path (callers often treat that as "absent", not as a problem). */
  | { ok: false; missing: boolean; code: RefusalCode; message: string };

export interface SafeReadOptions {
  /** Most bytes to read; a larger file is refused (FILE_TOO_LARGE). */
  maxBytes: number;
  /**
   * The analysed root: a symbolic link at a path inside it is followed only when its target
   * stays inside it. null for a path the user named (--config, --baseline, ...).
   */
  root: string | null;
  /** How the size limit is set, for the message (e.g. `--max-file-size`). */
  limitName?: string;
  /**
   * Real paths of folders already resolved in this run (a file that is not itself a link is its
   * folder's real path and its name): one `realpath` per folder instead of one per file. Give a
   * new Map per run; absent, every file is resolved on its own.
   */
  realFolders?: Map<string, string>;
}

/** What is at `file` and whether it may be read, without opening it. */
export type Inspection =
  | { ok: true; real: string; stats: Stats }
  | { ok: false; missing: boolean; code: RefusalCode; message: string };

/** Checks the path: present, inside the root after links (when confined), a regular file, within the cap. */
export function inspectFile(file: string, options: SafeReadOptions): Inspection {
  let link: Stats;
  try {
    link = lstatSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return { ok: false, missing: true, code: 'FILE_UNREADABLE', message: 'not found' };
    return refuse('FILE_UNREADABLE', `cannot be read (${code ?? 'error'})`);
  }
  let real = file;
  if (link.isSymbolicLink() || options.root !== null) {
    try {
      real =
        link.isSymbolicLink() || options.realFolders === undefined
          ? realpathSync(file)
          : realInFolder(file, options.realFolders);
    } catch (error) {
      return refuse(
        'FILE_UNREADABLE',
        link.isSymbolicLink()
          ? 'broken symbolic link'
          : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  if (options.root !== null && isInside(options.root, path.resolve(file))) {
    const realRoot = safeRealpath(options.root);
    if (!isInside(realRoot, real))
      return refuse('FILE_SKIPPED', 'symbolic link to a file outside the analysed folder; not followed');
  }
  let stats: Stats;
  try {
    stats = link.isSymbolicLink() ? statSync(real) : link;
  } catch (error) {
    return refuse('FILE_UNREADABLE', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!stats.isFile()) return refuse('NOT_A_REGULAR_FILE', `${describeKind(stats)}, not a regular file`);
  if (stats.size > options.maxBytes) return tooLarge(stats.size, options);
  return { ok: true, real, stats };
}

/** Reads a file through the checks of `inspectFile`; the bytes, or why not. */
export function readFileSafely(file: string, options: SafeReadOptions): SafeRead {
  const inspection = inspectFile(file, options);
  if (!inspection.ok) return inspection;
  return readInspected(inspection, options);
}

/**
 * Reads a file `inspectFile` passed: opens its real path without blocking and checks the opened
 * file again (the path may have been swapped since the inspection), then reads at most the cap.
 */
export function readInspected(inspection: Extract<Inspection, { ok: true }>, options: SafeReadOptions): SafeRead {
  let descriptor: number;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the check, opening it does not wait for a writer.
    descriptor = openSync(
      inspection.real,
      constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0),
    );
  } catch (error) {
    return refuse('FILE_UNREADABLE', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const opened = fstatSync(descriptor);
    if (!opened.isFile()) return refuse('NOT_A_REGULAR_FILE', `${describeKind(opened)}, not a regular file`);
    if (opened.size > options.maxBytes) return tooLarge(opened.size, options);
    // Read until the end, never more than one byte past the cap (a file may grow after the check;
    // /proc files report size 0). The size the file reported, plus one byte, is read into a buffer
    // of its own; what follows (nothing, for a file that did not grow) through a shared scratch
    // buffer, so that reading thousands of files does not allocate 64 KB for each.
    const first = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, opened.size + 1));
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const into = length === 0 ? first : scratch();
      const read = readSync(descriptor, into, 0, Math.min(into.length, options.maxBytes + 1 - length), null);
      if (read === 0) break;
      chunks.push(length === 0 ? into.subarray(0, read) : Buffer.from(into.subarray(0, read)));
      length += read;
      if (length > options.maxBytes) return tooLarge(length, options);
    }
    if (chunks.length === 0) return { ok: true, bytes: Buffer.alloc(0) };
    return { ok: true, bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length) };
  } catch (error) {
    return refuse('FILE_UNREADABLE', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(descriptor);
  }
}

/** Like `readFileSafely`, decoded as UTF-8. */
export function readTextSafely(
  file: string,
  options: SafeReadOptions,
): { ok: true; text: string } | Exclude<SafeRead, { ok: true }> {
  const read = readFileSafely(file, options);
  return read.ok ? { ok: true, text: read.bytes.toString('utf8') } : read;
}

/**
 * Reads a file the run depends on as a whole (a config, boundaries, baseline, a saved analysis):
 * its text, null when nothing is at the path, or a coded error (exit 2) when it is there but
 * cannot be read: a folder, a FIFO or device, too large, no permission.
 */
export function readRequiredText(
  file: string,
  display: string,
  options: SafeReadOptions & { hint: string },
): string | null {
  const read = readTextSafely(file, options);
  if (read.ok) return read.text;
  if (read.missing) return null;
  throw new SeamsError(read.code, `${display}: ${read.message}`, options.hint);
}

/** "a folder", "a FIFO (named pipe)", "a character device", ... */
export function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}

/** 2097152 -> "2 MB", 1536 -> "1.5 KB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

function tooLarge(
  size: number,
  options: SafeReadOptions,
): { ok: false; missing: false; code: 'FILE_TOO_LARGE'; message: string } {
  const limit = options.limitName === undefined ? '' : ` (${options.limitName})`;
  return refuse('FILE_TOO_LARGE', `${formatBytes(size)} is over the ${formatBytes(options.maxBytes)} limit${limit}`);
}

function refuse<C extends RefusalCode>(
  code: C,
  message: string,
): { ok: false; missing: false; code: C; message: string } {
  return { ok: false, missing: false, code, message };
}

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

const realRoots = new Map<string, string>();

let scratchBuffer: Buffer | null = null;

/** A 64 KB buffer reused by every read past a file's reported size. */
function scratch(): Buffer {
  scratchBuffer ??= Buffer.allocUnsafe(65536);
  return scratchBuffer;
}

/** The real path of a file that is not a link: its folder's real path (resolved once per run) and its name. */
function realInFolder(file: string, realFolders: Map<string, string>): string {
  const folder = path.dirname(file);
  let real = realFolders.get(folder);
  if (real === undefined) {
    real = realpathSync(folder);
    realFolders.set(folder, real);
  }
  return path.join(real, path.basename(file));
}

function safeRealpath(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync(root);
    } catch {
      real = root;
    }
    realRoots.set(root, real);
  }
  return real;
}
