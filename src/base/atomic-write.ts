import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Options of writeAtomically. */
export interface AtomicWriteOptions {
  /** File mode to give the new file (the mode of the file it replaces), or null for the default. */
  mode?: number | null;
  /** Holds the temporary file's path while it exists, so a signal handler can remove it. */
  pending?: Set<string>;
}

/**
 * The one atomic writer (output files and both caches): the text goes to a new temporary file
 * beside the target (`.<name>.seams-tmp-<pid>-<random>`, opened with `wx`, so never through
 * something planted at that name), which is then renamed over the target: a reader sees the old
 * file or the whole new one, never a part. On failure the temporary file is removed and the
 * error is thrown.
 */
export function writeAtomically(
  target: string,
  text: string | Iterable<string>,
  options: AtomicWriteOptions = {},
): void {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.seams-tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  options.pending?.add(temporary);
  try {
    const descriptor = openSync(temporary, 'wx');
    try {
      if (options.mode !== undefined && options.mode !== null) fchmodSync(descriptor, options.mode);
      writeAll(descriptor, text);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    options.pending?.delete(temporary);
  }
}

/** Bytes gathered before one write. */
const WRITE_BUFFER = 1 << 20;

/**
 * Writes all of `text` to an open file; writeSync may write less than asked. Pieces are encoded
 * straight into one reused 1 MB buffer and written when it fills (a piece too large for it is
 * written on its own): joining pieces into megabyte strings first would put each in V8's
 * large-object space, where the ~200 MB of a 20,000-file report and analysis cache pile up until
 * a full collection (peak RSS).
 */
export function writeAll(descriptor: number, text: string | Iterable<string>): void {
  const writeBytes = (bytes: Buffer, length: number) => {
    for (let offset = 0; offset < length; ) offset += writeSync(descriptor, bytes, offset, length - offset);
  };
  if (typeof text === 'string') {
    const bytes = Buffer.from(text, 'utf8');
    writeBytes(bytes, bytes.length);
    return;
  }
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER);
  let used = 0;
  for (const piece of text) {
    // At most 3 bytes of UTF-8 per UTF-16 code unit.
    if (piece.length * 3 > WRITE_BUFFER - used) {
      writeBytes(buffer, used);
      used = 0;
      if (piece.length * 3 > WRITE_BUFFER) {
        const bytes = Buffer.from(piece, 'utf8');
        writeBytes(bytes, bytes.length);
        continue;
      }
    }
    used += buffer.write(piece, used, 'utf8');
  }
  writeBytes(buffer, used);
}
