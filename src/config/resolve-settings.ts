import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SeamsError } from '../errors.js';
import { DEFAULT_RESOLUTION, DEFAULT_SEED, type Settings } from './settings.js';

/** Loose options as a user or the CLI gives them; every field optional. */
export interface AnalyzeOptions {
  /** Folder to analyse (default: the current directory). */
  path?: string;
  /** tsconfig file that defines the file set (default: <path>/tsconfig.json when present). */
  tsconfig?: string;
  /** Globs of files to analyse in addition to the default selection. */
  include?: string[];
  /** Globs of files to leave out. */
  exclude?: string[];
  /** Analyse test and declaration files too. */
  includeTests?: boolean;
  /** Louvain seed (default 42). */
  seed?: number;
  /** Louvain resolution (default 1). */
  resolution?: number;
  /** Shared-kernel detection: `auto` (default) or `none`. */
  kernel?: 'auto' | 'none';
  /** Expected partition: a JSON file path, or the map itself (module id -> service). */
  expected?: string | Record<string, string>;
  /** Folder relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
}

/** Turns loose options into the one strict Settings object; every default lives here. */
export function resolveSettings(options: AnalyzeOptions = {}): Settings {
  const cwd = options.cwd ?? process.cwd();
  const given = options.path ?? '.';
  const root = path.resolve(cwd, given);
  if (!existsSync(root)) {
    throw new SeamsError('PATH_NOT_FOUND', `${given}: no such file or folder`, 'pass the folder of the project to analyse, e.g. `seams analyze ./my-app`');
  }
  if (!statSync(root).isDirectory()) {
    throw new SeamsError('PATH_NOT_DIRECTORY', `${given}: is a file, not a folder`, 'pass the folder that holds the project (and its tsconfig.json), not a single file');
  }
  const expected = resolveExpected(options.expected, cwd);
  return {
    root,
    tsconfig: resolveTsconfig(options.tsconfig, root, cwd),
    include: [...(options.include ?? [])],
    exclude: [...(options.exclude ?? [])],
    includeTests: options.includeTests ?? false,
    cluster: {
      seed: checkInteger('seed', options.seed ?? DEFAULT_SEED),
      resolution: checkPositive('resolution', options.resolution ?? DEFAULT_RESOLUTION),
      runtimeWeight: 1,
      typeWeight: 0.5,
      dynamicWeight: 0.5,
      kernel: checkChoice('kernel', options.kernel ?? 'auto', ['auto', 'none'] as const),
    },
    expected: expected.map,
    expectedSource: expected.source,
  };
}

function resolveTsconfig(given: string | undefined, root: string, cwd: string): string | null {
  if (given === undefined) {
    const candidate = path.join(root, 'tsconfig.json');
    return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
  }
  const file = path.resolve(cwd, given);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new SeamsError('TSCONFIG_NOT_FOUND', `${given}: tsconfig file not found`, 'pass an existing tsconfig with --tsconfig, or omit it to use <path>/tsconfig.json');
  }
  return file;
}

function resolveExpected(
  given: string | Record<string, string> | undefined,
  cwd: string,
): { map: Record<string, string> | null; source: string | null } {
  if (given === undefined) return { map: null, source: null };
  if (typeof given !== 'string') return { map: checkExpected(given, 'expected partition'), source: null };
  const file = path.resolve(cwd, given);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SeamsError('EXPECTED_INVALID', `${given}: cannot read the expected partition`, 'pass a JSON file mapping module ids to service names with --expected');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SeamsError('EXPECTED_INVALID', `${given}: not valid JSON (${(error as Error).message})`, 'the expected partition is a JSON object such as {"src/a.ts": "orders"}');
  }
  return { map: checkExpected(parsed, given), source: given };
}

function checkExpected(value: unknown, source: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SeamsError('EXPECTED_INVALID', `${source}: must be a JSON object mapping module ids to service names`, 'for example {"src/orders/order-service.ts": "orders"}');
  }
  const map: Record<string, string> = {};
  for (const [key, service] of Object.entries(value)) {
    if (typeof service !== 'string' || service === '') {
      throw new SeamsError('EXPECTED_INVALID', `${source}: the service of "${key}" must be a non-empty string`, 'every value of the expected partition names a service');
    }
    map[key.split(path.sep).join('/')] = service;
  }
  return map;
}

function checkInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value)) {
    throw new SeamsError('OPTION_INVALID', `--${name} must be an integer, got ${String(value)}`, `for example --${name} 42`);
  }
  return value;
}

function checkPositive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new SeamsError('OPTION_INVALID', `--${name} must be a positive number, got ${String(value)}`, `for example --${name} 1`);
  }
  return value;
}

function checkChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new SeamsError('OPTION_INVALID', `--${name} must be one of ${choices.join(', ')}, got '${value}'`, `for example --${name} ${choices[0] ?? ''}`);
  }
  return value as T;
}
