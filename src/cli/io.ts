import { once } from 'node:events';
/** Where the CLI reads and writes: the real process by default, buffers in tests. */
export interface CliIo {
  /**
   * Writes to standard output; a promise when the writer asks to wait (the pipe is full), which
   * report writers await so that a report of a hundred megabytes is not queued in memory whole.
   */
  stdout: (text: string) => unknown;
  /** Writes to standard error. */
  stderr: (text: string) => void;
  /** Folder relative paths are resolved against. */
  cwd: string;
  /** True when standard error is a terminal (a progress display is drawn there only then). */
  stderrIsTTY?: boolean;
  /** The TERM environment variable: a `dumb` terminal gets no escape codes (no progress display). */
  term?: string | undefined;
}

export function processIo(): CliIo {
  // A closed pipe (`seams ... | head`) is the reader's choice, not an error: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (text) => (process.stdout.write(text) ? undefined : once(process.stdout, 'drain').then(() => undefined)),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
    term: process.env.TERM,
  };
}
