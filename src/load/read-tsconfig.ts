import path from 'node:path';
import { type TS, ts } from '../base/typescript.js';
import type { Diagnostic } from '../base/diagnostics.js';
import { SeamsError } from '../base/errors.js';
import { MAX_CONFIG_SIZE, readTextSafely } from '../base/read-file-safely.js';
import { guardedSystem } from './guarded-system.js';
import { relativeToRoot } from './project.js';

export interface TsconfigContents {
  /** Parsed compiler options (extends chains applied). */
  compilerOptions: TS.CompilerOptions;
  /** Absolute paths of the files the tsconfig selects (files/include/exclude applied). */
  fileNames: string[];
  /** Absolute paths of the tsconfig files of the projects it references (`references`). */
  references: string[];
  /** Non-fatal problems, e.g. unknown options or an `extends` that cannot be found. */
  diagnostics: Diagnostic[];
}

/** TypeScript's "No inputs were found in config file": an empty file set, reported by the caller. */
const NO_INPUTS = 18003;

/**
 * Reads a tsconfig with TypeScript's own parser, so JSON-with-comments, `extends` chains,
 * `paths`, `baseUrl` and `${configDir}` mean exactly what they mean to tsc. Invalid JSONC is
 * fatal (TSCONFIG_INVALID); so is a tsconfig that is not a regular file or is over 10 MB (its own
 * code); semantic problems, and an `extends` that cannot be read, are diagnostics and analysis goes on.
 */
export function readTsconfig(file: string, root: string): TsconfigContents {
  const display = relativeToRoot(root, file);
  const text = readTextSafely(file, { root, maxBytes: MAX_CONFIG_SIZE });
  if (!text.ok) {
    if (text.missing)
      throw new SeamsError(
        'TSCONFIG_NOT_FOUND',
        `${display}: tsconfig file not found`,
        'pass an existing tsconfig with --tsconfig, or omit it to use <path>/tsconfig.json',
      );
    throw new SeamsError(
      text.code,
      `${display}: ${text.message}`,
      'a tsconfig is a regular JSON file; replace it, or point --tsconfig at another one',
    );
  }
  const read = ts.parseConfigFileTextToJson(file, text.text);
  if (read.error) {
    throw new SeamsError(
      'TSCONFIG_INVALID',
      `${display}: ${formatTsDiagnostic(read.error)}`,
      'fix the tsconfig (it is JSON with comments), or point --tsconfig at another one',
    );
  }
  if (typeof read.config !== 'object' || read.config === null || Array.isArray(read.config)) {
    throw new SeamsError(
      'TSCONFIG_INVALID',
      `${display}: the top level must be a JSON object`,
      'a tsconfig looks like {"compilerOptions": {...}, "include": ["src"]}',
    );
  }
  const refused: Diagnostic[] = [];
  const parsed = ts.parseJsonConfigFileContent(
    read.config,
    guardedSystem(root, refused),
    path.dirname(file),
    undefined,
    file,
  );
  const diagnostics: Diagnostic[] = [
    ...refused,
    ...parsed.errors
      .filter((error) => error.code !== NO_INPUTS)
      .map((error) => ({
        code: 'TSCONFIG_WARNING',
        message: `TS${error.code}: ${formatTsDiagnostic(error)}`,
        file: display,
      })),
  ];
  const references = (parsed.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference));
  return {
    compilerOptions: parsed.options,
    fileNames: parsed.fileNames.map((name) => path.resolve(name)),
    references: references.map((name) => path.resolve(name)),
    diagnostics,
  };
}

/** One line: TypeScript's message text, with the line number when it has one. */
export function formatTsDiagnostic(diagnostic: TS.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${text} (line ${line + 1})`;
  }
  return text;
}
