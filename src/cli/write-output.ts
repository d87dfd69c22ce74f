import { closeSync, constants, lstatSync, openSync, rmSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { SeamsError } from '../base/errors.js';
import { describeKind } from '../base/read-file-safely.js';
import { writeAll, writeAtomically } from '../base/atomic-write.js';

/**
 * Writes `text` to `file` (`-o`, `seams init`, `--update-baseline`), by what is at the path:
 * - nothing, a regular file, or a symbolic link to a regular file or to nothing: atomically, into
 *   a temporary file beside it, then renamed into place, so a reader (or an interrupted run) never
 *   sees a half-written file; a link is replaced, its target untouched; an existing file keeps its
 *   permissions;
 * - a character device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe), directly or through a
 *   link: written straight, never replaced;
 * - anything else (a folder, `dir/`, a block device, a socket, a link to one): OUTPUT_NOT_A_FILE.
 * The temporary file is removed when writing fails; SIGINT or SIGTERM during the write takes
 * effect once it is over, so an interrupted run leaves no temporary file.
 */
export function writeOutput(file: string, text: string | Iterable<string>, cwd: string): void {
  const target = path.resolve(cwd, file);
  if (/[\\/]$/.test(file) || file === '.' || file === '..') {
    throw new SeamsError(
      'OUTPUT_NOT_A_FILE',
      `${file}: names a folder, not a file`,
      'give -o a file name, e.g. -o out/report.html',
    );
  }
  const kind = outputKind(target);
  if (kind.type === 'refused') {
    throw new SeamsError(
      'OUTPUT_NOT_A_FILE',
      `${file}: is ${kind.what}, not a file seams may write`,
      'give -o a new path, a regular file, or a character device or FIFO such as /dev/stdout',
    );
  }
  const fail = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error; // not the file system: a bug in the text being written
    throw new SeamsError(
      'OUTPUT_FAILED',
      `${file}: cannot write (${code})`,
      'check that the folder exists and is writable',
    );
  };
  if (kind.type === 'stream') {
    let descriptor: number;
    try {
      descriptor = openSync(target, constants.O_WRONLY | (constants.O_NOCTTY ?? 0));
    } catch (error) {
      throw fail(error);
    }
    try {
      writeAll(descriptor, text);
    } catch (error) {
      throw fail(error);
    } finally {
      closeSync(descriptor);
    }
    return;
  }
  removeOnSignal();
  try {
    writeAtomically(target, text, { mode: kind.type === 'replace' ? kind.mode : null, pending });
  } catch (error) {
    fail(error);
  }
}

type OutputKind = { type: 'replace'; mode: number | null } | { type: 'stream' } | { type: 'refused'; what: string };

function outputKind(target: string): OutputKind {
  let link: Stats;
  try {
    link = lstatSync(target);
  } catch {
    return { type: 'replace', mode: null };
  }
  let stats = link;
  if (link.isSymbolicLink()) {
    try {
      stats = statSync(target);
    } catch {
      return { type: 'replace', mode: null }; // a broken link: replaced
    }
  }
  if (stats.isFile()) return { type: 'replace', mode: link.isSymbolicLink() ? null : stats.mode & 0o7777 };
  if (stats.isCharacterDevice() || stats.isFIFO()) return { type: 'stream' };
  return {
    type: 'refused',
    what: link.isSymbolicLink() ? `a symbolic link to ${describeKind(stats)}` : describeKind(stats),
  };
}

/** Temporary files being written; removed if the process is told to stop. */
const pending = new Set<string>();
let listening = false;

/**
 * Once: SIGINT and SIGTERM no longer kill the process in the middle of a write (which would leave
 * the temporary file behind). Writing is synchronous, so the handler runs as soon as the write in
 * progress is over (renamed into place, or failed and removed); it removes any temporary file
 * still pending, then dies of the same signal (the default action, so the exit status says so).
 */
function removeOnSignal(): void {
  if (listening) return;
  listening = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const handler = (): void => {
      for (const file of pending) rmSync(file, { force: true });
      pending.clear();
      process.removeListener(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}
