import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SeamsError } from '../base/errors.js';
import { MAX_CONFIG_SIZE, inspectFile, readRequiredText } from '../base/read-file-safely.js';
import { FIXED_SETTINGS, OPTIONS } from './options.js';
import { defaultConfigPath, readConfig } from './read-config.js';
import type { ClusterSettings, Settings } from './settings.js';
import { checkOptions } from './validate-input.js';

/**
 * Loose options as a user or the CLI gives them; every field optional. Each setting's default,
 * flag, config key and range are in the option table (options.ts, README "Configuration").
 */
export interface AnalyzeOptions {
  /** Folder to analyse (default: the current directory). */
  path?: string;
  /** tsconfig file that defines the file set (default: <path>/tsconfig.json when present). */
  tsconfig?: string;
  /** Globs of files to analyse: when given, only matching files of the selection are analysed. */
  include?: string[];
  /** Globs of files to leave out, on top of the default exclusions. */
  exclude?: string[];
  /** Analyse test, declaration and tool configuration files too. */
  includeTests?: boolean;
  /** Louvain seed. */
  seed?: number;
  /** Louvain resolution, or `auto` to sweep and choose. */
  resolution?: number | 'auto';
  /** Shared-kernel detection: `auto`, `none`, or globs of the kernel's modules. */
  kernel?: 'auto' | 'none' | string[];
  /** The composition root (entry points, app wiring), kept out of the services and planned last: `auto`, `none`, or globs. */
  shell?: 'auto' | 'none' | string[];
  /** Edge weight of a runtime import. */
  runtimeWeight?: number;
  /** Edge weight of a type-only import. */
  typeWeight?: number;
  /** Edge weight of an import that is only dynamic. */
  dynamicWeight?: number;
  /** Weight of semantic coupling (0 turns it off). */
  semanticWeight?: number;
  /** Weight of domain-stem coupling across layer folders (0 turns it off). */
  stemWeight?: number;
  /** Weight of change coupling from git history (0 turns it off). */
  changeWeight?: number;
  /** Weight of data coupling through shared ORM entities (0 turns it off). */
  dataWeight?: number;
  /** Weight of event coupling between emitters and listeners of one event (0 turns it off). */
  eventWeight?: number;
  /** Edge weight of a NestJS module's import of its own providers or controllers. */
  memberWeight?: number;
  /** Re-cluster large groups against modularity's resolution limit. */
  refine?: boolean;
  /** Read change coupling from git history. */
  git?: boolean;
  /** Only git history after this date. */
  since?: string;
  /** Commits touching more analysed files than this are skipped. */
  maxFilesPerCommit?: number;
  /** `file`, `folder` or `folder:<depth>`. */
  granularity?: string;
  /** Pinned services: name -> globs. */
  services?: Record<string, string[]>;
  /** seams.config.json to read (default: <path>/seams.config.json when present). */
  config?: string;
  /** Skip files larger than this: bytes, or a size such as `2MB`, `500KB`. */
  maxFileSize?: number | string;
  /** What-if: services to merge (the first id of each group is kept). */
  merges?: string[][];
  /** What-if: modules matching a glob moved to a service. */
  moves?: { glob: string; service: string }[];
  /** Use the extraction and analysis caches. */
  cache?: boolean;
  /** Folder of the caches (default <path>/node_modules/.cache/seams, or a temp folder). */
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
  checkOptions(options);
  const weights = config.weights ?? {};
  const git = config.git ?? {};
  const resolution = options.resolution ?? config.resolution ?? OPTIONS.resolution.default;
  const cluster: ClusterSettings = {
    seed: options.seed ?? config.seed ?? OPTIONS.seed.default,
    resolution,
    runs: FIXED_SETTINGS.runs,
    runtimeWeight: options.runtimeWeight ?? weights.runtime ?? OPTIONS.runtimeWeight.default,
    memberWeight: options.memberWeight ?? weights.member ?? OPTIONS.memberWeight.default,
    typeWeight: options.typeWeight ?? weights.type ?? OPTIONS.typeWeight.default,
    dynamicWeight: options.dynamicWeight ?? weights.dynamic ?? OPTIONS.dynamicWeight.default,
    kernel: copyGlobs(options.kernel ?? config.kernel ?? OPTIONS.kernel.default),
    shell: copyGlobs(options.shell ?? config.shell ?? OPTIONS.shell.default),
    semanticWeight: options.semanticWeight ?? weights.semantic ?? OPTIONS.semanticWeight.default,
    semantic: {
      neighbours: FIXED_SETTINGS.semanticNeighbours,
      minSimilarity: FIXED_SETTINGS.semanticMinSimilarity,
      maxDocumentShare: FIXED_SETTINGS.semanticMaxDocumentShare,
    },
    stemWeight: options.stemWeight ?? weights.stem ?? OPTIONS.stemWeight.default,
    refine: options.refine ?? config.refine ?? OPTIONS.refine.default,
    changeWeight: options.changeWeight ?? weights.change ?? OPTIONS.changeWeight.default,
    dataWeight: options.dataWeight ?? weights.data ?? OPTIONS.dataWeight.default,
    eventWeight: options.eventWeight ?? weights.event ?? OPTIONS.eventWeight.default,
    git: options.git ?? git.enabled ?? OPTIONS.git.default,
    since: options.since ?? git.since ?? OPTIONS.since.default,
    maxFilesPerCommit: options.maxFilesPerCommit ?? git.maxFilesPerCommit ?? OPTIONS.maxFilesPerCommit.default,
    granularity: parseGranularity(options.granularity ?? config.granularity ?? OPTIONS.granularity.default),
    services: { ...config.services, ...options.services },
    edits: {
      merges: [...(options.merges ?? OPTIONS.merge.default)],
      moves: [...(options.moves ?? OPTIONS.move.default)],
    },
  };
  return {
    root,
    tsconfig: resolveTsconfig(options.tsconfig, root, cwd),
    include: [...(options.include ?? config.include ?? OPTIONS.include.default)],
    exclude: [...(options.exclude ?? config.exclude ?? OPTIONS.exclude.default)],
    includeTests: options.includeTests ?? OPTIONS.includeTests.default,
    maxFileSize: parseSize(options.maxFileSize ?? config.maxFileSize ?? OPTIONS.maxFileSize.default),
    cacheDir:
      (options.cache ?? OPTIONS.cache.default) === false
        ? null
        : options.cacheDir !== undefined
          ? path.resolve(cwd, options.cacheDir)
          : defaultCacheDir(root),
    cluster,
    expected: expected.map,
    expectedSource: expected.source,
  };
}

/**
 * Where the extraction cache lives by default: the project's node_modules/.cache/seams when the
 * project has node_modules (the convention of babel, eslint, vite), else a per-project folder in
 * the system's temporary folder (under one folder per user), so seams never creates node_modules
 * in a project.
 */
function defaultCacheDir(root: string): string {
  const modules = path.join(root, 'node_modules');
  if (existsSync(modules)) return path.join(modules, '.cache', 'seams');
  // One folder per user (cache-trust.ts refuses a folder another user owns or can write).
  const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
  return path.join(tmpdir(), `seams-cache${user}`, createHash('sha1').update(root).digest('hex').slice(0, 16));
}

/** `auto`, `none`, or a copy of the globs. */
function copyGlobs(value: 'auto' | 'none' | readonly string[]): 'auto' | 'none' | string[] {
  return typeof value === 'string' ? value : [...value];
}

/** `file`, `folder` (each file's own folder) or `folder:<depth>` (folders cut at depth path segments); checked by the schema. */
function parseGranularity(value: string): ClusterSettings['granularity'] {
  if (value === 'folder') return { unit: 'folder', depth: null };
  const depth = /^folder:(\d+)$/.exec(value)?.[1];
  return depth === undefined ? { unit: 'file' } : { unit: 'folder', depth: Number(depth) };
}

/** Bytes from a number or a size such as `2MB`, `500 KB`, `1048576` (checked by the schema). */
function parseSize(value: number | string): number {
  if (typeof value === 'number') return Math.floor(value);
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  const unit = (match?.[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb';
  return Math.floor(Number(match?.[1]) * { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[unit]);
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
