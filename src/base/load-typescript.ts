/**
 * The TypeScript compiler seams parses and resolves with: the copy ts-morph bundles
 * (`@ts-morph/common/dist/typescript.js`), loaded as CommonJS without ts-morph's wrappers (about a
 * third of a second per run that seams never uses), once per process, on the first call of
 * `typescript()`.
 *
 * Compiling TypeScript's 9 MB of JavaScript is most of the start-up of a short run (a one-file
 * `seams check`). So it is loaded through V8's code cache: the first run compiles it and, as it
 * exits, stores the code V8 made (including the functions the run compiled on first use) in
 * seams's own installation (`.cache/` beside `dist/`, never in the analysed project); later runs
 * start from it. The cache is named by the compiler's version, size and time and by Node's
 * version and platform, and V8 refuses data made by another V8 or for another source length: a
 * refused or unreadable cache is the same as none, and an installation that cannot be written to
 * runs without one.
 */
import { isAscii } from 'node:buffer';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { ts as TS } from 'ts-morph';
import { keepOnly } from './keep-only.js';

let loaded: typeof TS | undefined;

/**
 * The compiler, loaded on the first call. Modules that need TypeScript only sometimes (reading a
 * tsconfig, which a stored result can spare: load/tsconfig-memo.ts) call this instead of importing
 * `ts` from typescript.ts, so that a run with nothing to parse (a `seams check` after no change)
 * never loads it.
 */
export function typescript(): typeof TS {
  loaded ??= loadTypeScript();
  return loaded;
}

/** Whether this process has loaded TypeScript (for the tests of runs that must not). */
export function typescriptLoaded(): boolean {
  return loaded !== undefined;
}

/** The compiler's file: the copy ts-morph bundles. */
function typescriptFile(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('@ts-morph/common')), 'typescript.js');
}

/**
 * Which compiler this installation has, without loading it: its file's size and modification time
 * (as the code cache is named). Results TypeScript computed and seams keeps are keyed by it.
 */
export function typescriptIdentity(): string {
  const stats = statSync(typescriptFile());
  return `${stats.size}-${Math.trunc(stats.mtimeMs)}`;
}

function loadTypeScript(): typeof TS {
  const require = createRequire(import.meta.url);
  const file = typescriptFile();
  try {
    return loadThroughCodeCache(file) as typeof TS;
  } catch {
    return require(file) as typeof TS;
  }
}

/** Runs a CommonJS file as `require` would, compiled from (and then into) V8's code cache. */
function loadThroughCodeCache(file: string): unknown {
  const stats = statSync(file);
  // Named by the file, Node.js and the text's encoding (so a cached run needs no ASCII check of 9 MB).
  const cacheName = (encoding: string) =>
    path.join(
      fileURLToPath(new URL('../../.cache/', import.meta.url)),
      `typescript-${stats.size}-${Math.trunc(stats.mtimeMs)}-${process.version}-${process.platform}-${process.arch}.${encoding}.v8`,
    );
  const bytes = readFileSync(file);
  let cacheFile = cacheName('latin1');
  let cachedData = readIfThere(cacheFile);
  let text: string;
  if (cachedData !== undefined) text = bytes.toString('latin1');
  else {
    const ascii = isAscii(bytes);
    text = ascii ? bytes.toString('latin1') : bytes.toString('utf8');
    if (!ascii) {
      cacheFile = cacheName('utf8');
      cachedData = readIfThere(cacheFile);
    }
  }
  const script = new vm.Script(Module.wrap(text), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  if (cachedData === undefined || script.cachedDataRejected === true)
    process.once('exit', () => storeCodeCache(cacheFile, script));
  return module.exports;
}

/**
 * The file's text is decoded as Latin-1 when it is ASCII (TypeScript's 9 MB are): the same
 * string, made without UTF-8 decoding (about a tenth of the time); anything else as UTF-8. A code
 * cache stored as `.latin1.v8` was made from a text found to be ASCII, so a run that finds one
 * decodes without checking again.
 */
function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the code V8 compiled (temporary file, then rename); failing only costs the next run its speed. */
function storeCodeCache(cacheFile: string, script: vm.Script): void {
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    // Code caches of another compiler file or Node.js version are of no further use.
    keepOnly(path.dirname(cacheFile), 'typescript-', cacheFile);
  } catch {
    // No cache: the next run compiles TypeScript again.
  }
}
