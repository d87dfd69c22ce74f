/** Something the user should know about the run: unresolved imports, skipped files, config issues. */
export interface Diagnostic {
  /** Stable code, e.g. UNRESOLVED_IMPORT, PARSE_ERROR, TSCONFIG_WARNING. */
  code: string;
  /** One-line human-readable message. */
  message: string;
  /** Module id (POSIX path relative to the analysed root) the diagnostic is about, if any. */
  file?: string;
  /** 1-based line in `file`, if any. */
  line?: number;
}

/** Sort order of diagnostics in every output: file, line, code, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}

/** Code-unit string order: locale-independent, so output is byte-identical on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
