import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { batchChunks } from './batch-chunks.js';

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

/** Writes all of `text` (or its pieces, batched into large writes) to an open file; writeSync may write less than asked. */
export function writeAll(descriptor: number, text: string | Iterable<string>): void {
  for (const chunk of typeof text === 'string' ? [text] : batchChunks(text)) {
    const bytes = Buffer.from(chunk, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
  }
}
