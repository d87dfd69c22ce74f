/**
 * User-facing errors: a stable code, a one-line message and a hint. The CLI prints them as
 * `error [CODE] message` + `hint: ...` and exits 2; anything else is a bug and gets a stack trace
 * only with --debug.
 */
export type ErrorCode =
  | 'USAGE'
  | 'PATH_NOT_FOUND'
  | 'PATH_NOT_DIRECTORY'
  | 'NO_SOURCE_FILES'
  | 'TSCONFIG_NOT_FOUND'
  | 'TSCONFIG_INVALID'
  | 'EXPECTED_INVALID'
  | 'CONFIG_INVALID'
  | 'BOUNDARIES_NOT_FOUND'
  | 'BOUNDARIES_INVALID'
  | 'BASELINE_INVALID'
  | 'GIT_FAILED'
  | 'GIT_TIMEOUT'
  | 'OUTPUT_EXISTS'
  | 'REPORT_INVALID'
  | 'OPTION_INVALID'
  | 'OUTPUT_FAILED'
  | 'OUTPUT_NOT_A_FILE'
  | 'NOT_A_REGULAR_FILE'
  | 'FILE_TOO_LARGE'
  | 'FILE_UNREADABLE'
  | 'FILE_SKIPPED';

export class SeamsError extends Error {
  /** Stable machine-readable code, printed in brackets. */
  readonly code: ErrorCode;
  /** One line telling the user what to do about it. */
  readonly hint: string;

  constructor(code: ErrorCode, message: string, hint: string) {
    super(message);
    this.name = 'SeamsError';
    this.code = code;
    this.hint = hint;
  }
}

export function isSeamsError(error: unknown): error is SeamsError {
  return error instanceof SeamsError;
}
