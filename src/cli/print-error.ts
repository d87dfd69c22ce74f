import { isSeamsError } from '../base/errors.js';

/** The lines printed for a failed run: `error [CODE] message` and `hint: ...`; a stack only with --debug. */
export function formatError(error: unknown, debug: boolean): string {
  if (isSeamsError(error)) {
    const stack = debug && error.stack ? `${error.stack}\n` : '';
    return `error [${error.code}] ${oneLine(error.message)}\nhint: ${error.hint}\n${stack}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return `error [INTERNAL] ${oneLine(message)}\nhint: this is a bug in seams; rerun with --debug and report the stack trace\n${stack}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
