import type { Progress } from '../base/progress.js';
import type { CliIo } from './io.js';

/**
 * Whether a progress display is drawn: on a terminal's standard error only, not with --quiet,
 * and not on a `TERM=dumb` terminal (which cannot erase a line, so the escape codes would show).
 */
export function drawsProgress(io: CliIo, quiet: boolean | undefined): boolean {
  return io.stderrIsTTY === true && quiet !== true && io.term !== 'dumb';
}

/** What each stage is called on the progress line. */
const STAGE_NAMES: Record<Progress['stage'], string> = {
  load: 'loading the project',
  parse: 'parsing',
  resolve: 'resolving imports of',
  graph: 'building the module graph',
  history: 'reading git history',
  signals: 'weighing coupling signals',
  cluster: 'clustering',
  metrics: 'measuring',
  plan: 'planning the extraction',
};

/** Redraws at most this often (ms) while files are parsed. */
const REDRAW_EVERY = 80;

const BAR_WIDTH = 20;

/**
 * A one-line progress display on standard error: the stage, and files parsed (then resolved) of
 * total with a bar.
 * It redraws the line in place (carriage return, erase line) and erases it when done, so nothing
 * of it stays in the terminal or reaches standard output. Only used when standard error is a
 * terminal and --quiet is not given; otherwise `listen` is a no-op.
 */
export function progressDisplay(
  write: (text: string) => void,
  enabled: boolean,
  now: () => number = () => performance.now(),
): { listen: (event: Progress) => void; done: () => void } {
  if (!enabled) return { listen: () => undefined, done: () => undefined };
  let shown = false;
  let lastDraw = -Infinity;
  const draw = (line: string) => {
    write(`\r\u001b[2K${line}`);
    shown = true;
  };
  return {
    listen: (event) => {
      const name = STAGE_NAMES[event.stage];
      if (event.done === undefined || event.total === undefined) {
        draw(`seams: ${name}…`);
        lastDraw = now();
        return;
      }
      const finished = event.done === event.total;
      if (!finished && now() - lastDraw < REDRAW_EVERY) return;
      lastDraw = now();
      const filled = event.total === 0 ? BAR_WIDTH : Math.round((event.done / event.total) * BAR_WIDTH);
      draw(
        `seams: ${name} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${event.done}/${event.total} files`,
      );
    },
    done: () => {
      if (shown) write('\r\u001b[2K');
      shown = false;
    },
  };
}
