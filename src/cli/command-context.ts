import type { CliIo } from './io.js';

/** What a command's action needs from the program that runs it. */
export interface CommandContext {
  /** Where output, errors and progress go. */
  io: CliIo;
  /** Records the exit code of the run (the gate's verdict, or ok). */
  setExit: (code: number) => void;
}
