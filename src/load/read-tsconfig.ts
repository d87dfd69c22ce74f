import path from 'node:path';
import type { TS } from '../base/typescript.js';
import { typescript } from '../base/load-typescript.js';
import type { Diagnostic } from '../base/diagnostics.js';
import { SeamsError } from '../base/errors.js';
import { MAX_CONFIG_SIZE, readTextSafely } from '../base/read-file-safely.js';
import { directoryExists, fileExists, folderEntries, realPath } from './file-probes.js';
import { guardedSystem } from './guarded-system.js';
import { relativeToRoot } from './project.js';
import { listAnswer, type Recorder, readAnswer, TsconfigMemo } from './tsconfig-memo.js';

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
 * With a memo (tsconfig-memo.ts), a reading whose every file system question has the same answer
 * as when it was stored is taken from it, without TypeScript. The result is plain data.
 */
export function readTsconfig(file: string, root: string, memo: TsconfigMemo = TsconfigMemo.none): TsconfigContents {
  return memo.reading(file, root, (recorder) => readWithTypescript(file, root, recorder));
}

function readWithTypescript(file: string, root: string, recorder: Recorder): TsconfigContents {
  const ts = typescript();
  const display = relativeToRoot(root, file);
  const text = readTextSafely(file, { root, maxBytes: MAX_CONFIG_SIZE });
  recorder.probes.push(['text', file, readAnswer(text)]);
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
    recordingSystem(
      guardedSystem(root, refused, (at, read) => recorder.probes.push(['read', at, readAnswer(read)])),
      recorder,
    ),
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
  // Plain data, as a stored reading is (JSON): the same whether read now or taken from the memo.
  return JSON.parse(
    JSON.stringify({
      compilerOptions: parsed.options,
      fileNames: parsed.fileNames.map((name) => path.resolve(name)),
      references: references.map((name) => path.resolve(name)),
      diagnostics,
    }),
  ) as TsconfigContents;
}

/** The members of `ts.sys` that only say something about the machine, never the file system. */
const NOT_FILE_SYSTEM = new Set([
  'write',
  'writeOutputIsTTY',
  'getWidthOfTerminal',
  'exit',
  'createHash',
  'createSHA256Hash',
  'now',
  'getMemoryUsage',
  'clearScreen',
  'setTimeout',
  'clearTimeout',
]);

/**
 * TypeScript's file system for one reading, recording every question with its answer
 * (tsconfig-memo.ts): existence, real paths and folder walks answered as `ts.sys` answers them
 * (file-probes.ts), reads through `system` (the guarded one, which reports them). Any other
 * member TypeScript calls marks the reading as not to be stored.
 */
function recordingSystem(system: TS.System, recorder: Recorder): TS.System {
  const ts = typescript();
  const probes = recorder.probes;
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(system)) {
    wrapped[name] =
      typeof value === 'function' && !NOT_FILE_SYSTEM.has(name) && name !== 'readFile'
        ? (...args: unknown[]) => {
            recorder.unrecordable = true;
            return (value as (...args: unknown[]) => unknown).apply(system, args);
          }
        : value;
  }
  const list = (folder: string) => {
    const entries = folderEntries(folder);
    probes.push(['list', folder, listAnswer(entries)]);
    return entries;
  };
  const real = (at: string) => {
    const answer = realPath(at);
    probes.push(['real', at, answer]);
    return answer;
  };
  return {
    ...(wrapped as unknown as TS.System),
    readFile: (at: string) => system.readFile(at),
    fileExists: (at: string) => {
      const answer = fileExists(at);
      probes.push(['file', at, answer]);
      return answer;
    },
    directoryExists: (at: string) => {
      const answer = directoryExists(at);
      probes.push(['folder', at, answer]);
      return answer;
    },
    realpath: real,
    getDirectories: (folder: string) => list(folder).directories.slice(),
    getCurrentDirectory: () => process.cwd(),
    readDirectory: (folder, extensions, excludes, includes, depth) =>
      // `ts.sys.readDirectory`, over the recorded walk (matchFiles is TypeScript's own, internal).
      (ts as unknown as { matchFiles: MatchFiles }).matchFiles(
        folder,
        extensions,
        excludes,
        includes,
        system.useCaseSensitiveFileNames,
        process.cwd(),
        depth,
        list,
        real,
      ),
  };
}

/** TypeScript's internal `matchFiles` (what `ts.sys.readDirectory` calls). */
type MatchFiles = (
  path: string,
  extensions: readonly string[] | undefined,
  excludes: readonly string[] | undefined,
  includes: readonly string[] | undefined,
  useCaseSensitiveFileNames: boolean,
  currentDirectory: string,
  depth: number | undefined,
  getFileSystemEntries: (path: string) => { files: readonly string[]; directories: readonly string[] },
  realpath: (path: string) => string,
) => string[];

/** One line: TypeScript's message text, with the line number when it has one. */
export function formatTsDiagnostic(diagnostic: TS.Diagnostic): string {
  const text = typescript().flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${text} (line ${line + 1})`;
  }
  return text;
}
