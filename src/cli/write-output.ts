import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { SeamsError } from '../errors.js';
import { batchChunks } from './batch-chunks.js';

/**
 * Writes `text` to `file` atomically: into a temporary file beside it, then renamed into place,
 * so a reader (or an interrupted run) never sees a half-written report.
 */
export function writeOutput(file: string, text: string | Iterable<string>, cwd: string): void {
  const target = path.resolve(cwd, file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.seams-tmp-${process.pid}`);
  try {
    const descriptor = openSync(temporary, 'w');
    try {
      for (const chunk of typeof text === 'string' ? [text] : batchChunks(text)) writeSync(descriptor, chunk);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new SeamsError('OUTPUT_FAILED', `${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'check that the folder exists and is writable');
  }
}
