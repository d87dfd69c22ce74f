import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SeamsError } from '../base/errors.js';
import { MAX_CONFIG_SIZE, inspectFile, readRequiredText } from '../base/read-file-safely.js';
import { defaultConfigPath, readConfig } from './read-config.js';
import {
  DEFAULT_MAX_FILE_SIZE,
  DEFAULT_RESOLUTION,
  DEFAULT_SEED,
  DEFAULT_STEM_WEIGHT,
  RESERVED_SERVICE_IDS,
  type ClusterSettings,
  type Settings,
} from './settings.js';

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
  /** Louvain resolution (default DEFAULT_RESOLUTION), or `auto` to sweep and choose. */
  resolution?: number | 'auto';
  /** Shared-kernel detection: `auto` (default), `none`, or globs of the kernel's modules. */
  kernel?: 'auto' | 'none' | string[];
  /** The composition root (entry points, app wiring), kept out of the services and planned last: `auto` (default) detects it, `none`, or globs. */
  shell?: 'auto' | 'none' | string[];
  /** Weight of semantic coupling (default 0.3; 0 turns it off). */
  semanticWeight?: number;
  /** Weight of domain-stem coupling across layer folders (default DEFAULT_STEM_WEIGHT; 0 turns it off). */
  stemWeight?: number;
  /** Re-cluster large groups against modularity's resolution limit (default on). */
  refine?: boolean;
  /** Read change coupling from git history (default off). */
  git?: boolean;
  /** Only git history after this date. */
  since?: string;
  /** `file` (default), `folder` or `folder:<depth>`. */
  granularity?: string;
  /** Pinned services: name -> globs. */
  services?: Record<string, string[]>;
  /** seams.config.json to read (default: <path>/seams.config.json when present). */
  config?: string;
  /** Skip files larger than this: bytes, or a size such as `2MB`, `500KB` (default 2 MB). */
  maxFileSize?: number | string;
  /** What-if: services to merge (the first id of each group is kept). */
  merges?: string[][];
  /** What-if: modules matching a glob moved to a service. */
  moves?: { glob: string; service: string }[];
  /** Use the extraction cache (default true). */
  cache?: boolean;
  /** Folder of the extraction cache (default <path>/node_modules/.cache/seams, or a temp folder). */
  cacheDir?: string;
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
    throw new SeamsError(
      'PATH_NOT_FOUND',
      `${given}: no such file or folder`,
      'pass the folder of the project to analyse, e.g. `seams analyze ./my-app`',
    );
  }
  if (!statSync(root).isDirectory()) {
    throw new SeamsError(
      'PATH_NOT_DIRECTORY',
      `${given}: is a file, not a folder`,
      'pass the folder that holds the project (and its tsconfig.json), not a single file',
    );
  }
  const expected = resolveExpected(options.expected, cwd);
  const config =
    options.config === undefined
      ? readConfig(defaultConfigPath(root), 'seams.config.json', false)
      : readConfig(path.resolve(cwd, options.config), options.config, true);
  const weights = config.weights ?? {};
  const resolution = options.resolution ?? config.resolution ?? DEFAULT_RESOLUTION;
  const cluster: ClusterSettings = {
    seed: checkInteger('seed', options.seed ?? config.seed ?? DEFAULT_SEED),
    resolution: resolution === 'auto' ? 'auto' : checkPositive('resolution', resolution),
    runs: 5,
    runtimeWeight: weights.runtime ?? 1,
    memberWeight: weights.member ?? 5,
    typeWeight: weights.type ?? 0.5,
    dynamicWeight: weights.dynamic ?? 0.5,
    kernel: resolveKernel(options.kernel ?? config.kernel ?? 'auto'),
    shell: resolveShell(options.shell ?? config.shell ?? 'auto'),
    semanticWeight: checkNonNegative('semantic', options.semanticWeight ?? weights.semantic ?? 0.3),
    semantic: { neighbours: 5, minSimilarity: 0.2, maxDocumentShare: 0.1 },
    stemWeight: checkNonNegative('stem', options.stemWeight ?? weights.stem ?? DEFAULT_STEM_WEIGHT),
    refine: options.refine ?? config.refine ?? true,
    changeWeight: weights.change ?? 0.5,
    dataWeight: weights.data ?? 0,
    git: options.git ?? config.git?.enabled ?? false,
    since: options.since ?? config.git?.since ?? null,
    maxFilesPerCommit: config.git?.maxFilesPerCommit ?? 30,
    granularity: parseGranularity(options.granularity ?? config.granularity ?? 'file'),
    services: {
      ...checkServiceNames(config.services, options.config ?? 'seams.config.json'),
      ...checkServiceNames(options.services, 'options'),
    },
    edits: { merges: options.merges ?? [], moves: options.moves ?? [] },
  };
  return {
    root,
    tsconfig: resolveTsconfig(options.tsconfig, root, cwd),
    include: [...(options.include ?? config.include ?? [])],
    exclude: [...(options.exclude ?? config.exclude ?? [])],
    includeTests: options.includeTests ?? false,
    maxFileSize: parseSize(options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE),
    cacheDir:
      options.cache === false
        ? null
        : options.cacheDir !== undefined
          ? path.resolve(cwd, options.cacheDir)
          : defaultCacheDir(root),
    cluster,
    expected: expected.map,
    expectedSource: expected.source,
  };
}

/** The ids seams gives its own groups, and the setting that fills each. */
const RESERVED_SERVICES: ReadonlyMap<string, string> = new Map([
  [RESERVED_SERVICE_IDS.kernel, 'the shared kernel: list its globs under "kernel"'],
  [RESERVED_SERVICE_IDS.shell, 'the composition root: list its globs under "shell"'],
  [RESERVED_SERVICE_IDS.unattached, 'modules tied to no service: seams finds them, they cannot be pinned'],
]);

/** Pinned services, checked not to take an id seams reserves (the kernel, the shell, unattached). */
function checkServiceNames(services: Record<string, string[]> | undefined, source: string): Record<string, string[]> {
  if (services === undefined) return {};
  for (const name of Object.keys(services)) {
    const reserved = RESERVED_SERVICES.get(name);
    if (reserved !== undefined) {
      throw new SeamsError(
        'CONFIG_INVALID',
        `${source}: "services" pins a service named "${name}", an id seams reserves for ${reserved}`,
        `rename the pinned service (e.g. "${name}-service"); ${[...RESERVED_SERVICES.keys()].join(', ')} are reserved`,
      );
    }
  }
  return services;
}

/**
 * Where the extraction cache lives by default: the project's node_modules/.cache/seams when the
 * project has node_modules (the convention of babel, eslint, vite), else a per-project folder in
 * the system's temporary folder, so seams never creates node_modules in a project.
 */
function defaultCacheDir(root: string): string {
  const modules = path.join(root, 'node_modules');
  if (existsSync(modules)) return path.join(modules, '.cache', 'seams');
  return path.join(tmpdir(), 'seams-cache', createHash('sha1').update(root).digest('hex').slice(0, 16));
}

function resolveShell(value: 'auto' | 'none' | string[]): 'auto' | 'none' | string[] {
  return Array.isArray(value) ? [...value] : checkChoice('shell', value, ['auto', 'none'] as const);
}

function resolveKernel(value: 'auto' | 'none' | string[] | string): 'auto' | 'none' | string[] {
  if (Array.isArray(value)) return [...value];
  return checkChoice('kernel', value, ['auto', 'none'] as const);
}

/** `file`, `folder` (each file's own folder) or `folder:<depth>` (folders cut at depth path segments). */
function parseGranularity(value: string): ClusterSettings['granularity'] {
  if (value === 'file') return { unit: 'file' };
  if (value === 'folder') return { unit: 'folder', depth: null };
  const match = /^folder:(\d+)$/.exec(value);
  if (match && Number(match[1]) >= 1) return { unit: 'folder', depth: Number(match[1]) };
  throw new SeamsError(
    'OPTION_INVALID',
    `--granularity must be file, folder or folder:<depth>, got '${value}'`,
    'for example --granularity folder:2',
  );
}

/** Bytes from a number or a size such as `2MB`, `500 KB`, `1048576`. */
function parseSize(value: number | string): number {
  const match = typeof value === 'number' ? null : /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  const bytes =
    typeof value === 'number'
      ? value
      : match
        ? Number(match[1]) * { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b']
        : Number.NaN;
  if (!Number.isFinite(bytes) || bytes <= 0) {
    throw new SeamsError(
      'OPTION_INVALID',
      `--max-file-size must be a positive size, got '${String(value)}'`,
      'for example --max-file-size 2MB or --max-file-size 500KB',
    );
  }
  return Math.floor(bytes);
}

function checkNonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new SeamsError(
      'OPTION_INVALID',
      `--${name} must be a number of at least 0, got ${String(value)}`,
      `for example --${name} 0.3`,
    );
  }
  return value;
}

function resolveTsconfig(given: string | undefined, root: string, cwd: string): string | null {
  if (given === undefined) {
    const candidate = path.join(root, 'tsconfig.json');
    return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
  }
  const file = path.resolve(cwd, given);
  const inspection = inspectFile(file, { root: null, maxBytes: MAX_CONFIG_SIZE });
  if (!inspection.ok && !inspection.missing)
    throw new SeamsError(
      inspection.code,
      `${given}: ${inspection.message}`,
      'pass a tsconfig that is a regular JSON file with --tsconfig',
    );
  if (!inspection.ok) {
    throw new SeamsError(
      'TSCONFIG_NOT_FOUND',
      `${given}: tsconfig file not found`,
      'pass an existing tsconfig with --tsconfig, or omit it to use <path>/tsconfig.json',
    );
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
  const hint = 'pass a JSON file mapping module ids to service names with --expected';
  const text = readRequiredText(file, given, { root: null, maxBytes: MAX_CONFIG_SIZE, hint });
  if (text === null)
    throw new SeamsError('EXPECTED_INVALID', `${given}: cannot read the expected partition (not found)`, hint);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SeamsError(
      'EXPECTED_INVALID',
      `${given}: not valid JSON (${(error as Error).message})`,
      'the expected partition is a JSON object such as {"src/a.ts": "orders"}',
    );
  }
  return { map: checkExpected(parsed, given), source: given };
}

function checkExpected(value: unknown, source: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SeamsError(
      'EXPECTED_INVALID',
      `${source}: must be a JSON object mapping module ids to service names`,
      'for example {"src/orders/order-service.ts": "orders"}',
    );
  }
  // Keys are module ids and values service names from the file: `__proto__` or `constructor` is
  // an ordinary key here (a plain object would drop `__proto__`), so the map has no prototype.
  const map = Object.create(null) as Record<string, string>;
  for (const [key, service] of Object.entries(value)) {
    if (typeof service !== 'string' || service === '') {
      throw new SeamsError(
        'EXPECTED_INVALID',
        `${source}: the service of "${key}" must be a non-empty string`,
        'every value of the expected partition names a service',
      );
    }
    map[key.split(path.sep).join('/')] = service;
  }
  return map;
}

function checkInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value)) {
    throw new SeamsError(
      'OPTION_INVALID',
      `--${name} must be an integer, got ${String(value)}`,
      `for example --${name} 42`,
    );
  }
  return value;
}

function checkPositive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new SeamsError(
      'OPTION_INVALID',
      `--${name} must be a positive number, got ${String(value)}`,
      `for example --${name} 1`,
    );
  }
  return value;
}

function checkChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new SeamsError(
      'OPTION_INVALID',
      `--${name} must be one of ${choices.join(', ')}, got '${value}'`,
      `for example --${name} ${choices[0] ?? ''}`,
    );
  }
  return value as T;
}
