import { realpathSync } from 'node:fs';
import path from 'node:path';
import { compareStrings } from './compare.js';

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

/**
 * Rewrites every absolute path in a diagnostic's message relative to the analysed root (POSIX
 * separators), so no path of this machine reaches an output and the same tree at another path
 * gives the same bytes. TypeScript quotes the paths in its messages (`File '/abs/base.json' not
 * found`): each quoted absolute path becomes relative (`../shared/base.json` when outside the
 * root); the root itself, unquoted, is replaced too.
 */
export function relativizeMessage(message: string, root: string, realRoot: string = root): string {
  let text = message.replace(/(['"`])((?:[A-Za-z]:)?[\\/][^'"`\n]*)\1/g, (whole, quote: string, file: string) => {
    if (!path.isAbsolute(file)) return whole;
    const base = isInside(file, realRoot) && !isInside(file, root) ? realRoot : root;
    return `${quote}${toRelative(base, file)}${quote}`;
  });
  for (const base of realRoot === root ? [root] : [root, realRoot]) {
    const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`${escaped}(?:[\\\\/]|(?![\\w.-]))`, 'g'), (match) => (match === base ? '.' : ''));
  }
  return text;
}

/** The diagnostics with every message relativised (see relativizeMessage). */
export function relativizeDiagnostics(diagnostics: Diagnostic[], root: string): Diagnostic[] {
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    // the root was checked to exist; keep it as given if it cannot be resolved now
  }
  return diagnostics.map((diagnostic) => {
    const message = relativizeMessage(diagnostic.message, root, realRoot);
    return message === diagnostic.message ? diagnostic : { ...diagnostic, message };
  });
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function toRelative(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return relative === '' ? '.' : relative;
}
