import path from 'node:path';
import { SeamsError } from '../base/errors.js';
import { MAX_CONFIG_SIZE, readRequiredText } from '../base/read-file-safely.js';

/** seams.config.json: project settings kept in the repository (JSON only; nothing is executed). */
export interface ConfigFile {
  include?: string[];
  exclude?: string[];
  kernel?: 'auto' | 'none' | string[];
  shell?: 'auto' | 'none' | string[];
  services?: Record<string, string[]>;
  resolution?: number | 'auto';
  granularity?: string;
  seed?: number;
  weights?: {
    runtime?: number;
    type?: number;
    dynamic?: number;
    semantic?: number;
    stem?: number;
    change?: number;
    data?: number;
    member?: number;
  };
  git?: { enabled?: boolean; since?: string; maxFilesPerCommit?: number };
  maxFileSize?: number | string;
  refine?: boolean;
}

/** The largest weight accepted: far above any useful value, far below where sums overflow. */
export const MAX_WEIGHT = 1000;
/** The largest resolution accepted (γ far above 1 already makes every module its own service). */
export const MAX_RESOLUTION = 1000;

const WEIGHT_KEYS = ['runtime', 'type', 'dynamic', 'semantic', 'stem', 'change', 'data', 'member'];
const GIT_KEYS = ['enabled', 'since', 'maxFilesPerCommit'];
const KEYS = [
  '$schema',
  'include',
  'exclude',
  'kernel',
  'shell',
  'services',
  'resolution',
  'granularity',
  'seed',
  'weights',
  'git',
  'maxFileSize',
  'refine',
];

/**
 * Reads and checks a config file; `given` false means the default location, which may be absent.
 * A config that is there but cannot be read (a folder, a FIFO, over 10 MB; at the default location
 * also a link out of the analysed folder) is an error with its own code.
 */
export function readConfig(file: string, display: string, given: boolean): ConfigFile {
  const hint = 'seams.config.json must be a readable regular file: replace it, or pass another with --config';
  const text = readRequiredText(file, display, {
    root: given ? null : path.dirname(file),
    maxBytes: MAX_CONFIG_SIZE,
    hint,
  });
  if (text === null) {
    if (!given) return {};
    throw new SeamsError(
      'CONFIG_INVALID',
      `${display}: config file not found`,
      'pass an existing seams.config.json with --config, or omit --config',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    throw new SeamsError(
      'CONFIG_INVALID',
      `${display}: not valid JSON (${(error as Error).message})`,
      'seams.config.json is plain JSON, e.g. {"services": {"billing": ["src/billing/**"]}}',
    );
  }
  const fail = (message: string): never => {
    throw new SeamsError(
      'CONFIG_INVALID',
      `${display}: ${message}`,
      'see "Configuration" in the README for the fields and their types',
    );
  };
  if (!isRecord(parsed)) return fail('the top level must be a JSON object');
  checkConfig(parsed, fail);
  return parsed as ConfigFile;
}

/**
 * Checks the type and range of every field and nested field; the first wrong one is a
 * CONFIG_INVALID error naming it (`"git.enabled" must be true or false, got "no"`).
 */
function checkConfig(parsed: Record<string, unknown>, fail: (message: string) => never): void {
  const got = (value: unknown): string => `got ${describe(value)}`;
  for (const key of Object.keys(parsed)) if (!KEYS.includes(key)) fail(`unknown field ${JSON.stringify(key)}`);
  if (parsed.$schema !== undefined && typeof parsed.$schema !== 'string')
    fail(`"$schema" must be a string, ${got(parsed.$schema)}`);
  for (const key of ['include', 'exclude'] as const)
    if (parsed[key] !== undefined && !isStringArray(parsed[key]))
      fail(`"${key}" must be an array of globs, ${got(parsed[key])}`);
  const kernel = parsed.kernel;
  if (kernel !== undefined && kernel !== 'auto' && kernel !== 'none' && !isStringArray(kernel))
    fail(`"kernel" must be "auto", "none" or an array of globs, ${got(kernel)}`);
  const shell = parsed.shell;
  if (shell !== undefined && shell !== 'auto' && shell !== 'none' && !isStringArray(shell))
    fail(
      `"shell" must be "auto", "none" or an array of globs (the composition root: entry points and app wiring), ${got(shell)}`,
    );
  const services = parsed.services;
  if (services !== undefined) {
    if (!isRecord(services)) fail(`"services" must map service names to arrays of globs, ${got(services)}`);
    for (const [name, globs] of Object.entries(services as Record<string, unknown>)) {
      if (name.trim() === '') fail('"services" has an empty service name');
      if (!isStringArray(globs)) fail(`"services.${name}" must be an array of globs, ${got(globs)}`);
    }
  }
  const granularity = parsed.granularity;
  if (
    granularity !== undefined &&
    (typeof granularity !== 'string' || !/^(?:file|folder|folder:[1-9]\d{0,2})$/.test(granularity))
  )
    fail(`"granularity" must be "file", "folder" or "folder:<depth>", ${got(granularity)}`);
  const resolution = parsed.resolution;
  if (
    resolution !== undefined &&
    resolution !== 'auto' &&
    !(isFiniteNumber(resolution) && resolution > 0 && resolution <= MAX_RESOLUTION)
  )
    fail(`"resolution" must be "auto" or a number above 0 and at most ${MAX_RESOLUTION}, ${got(resolution)}`);
  if (parsed.seed !== undefined && !Number.isSafeInteger(parsed.seed))
    fail(`"seed" must be an integer, ${got(parsed.seed)}`);
  if (parsed.refine !== undefined && typeof parsed.refine !== 'boolean')
    fail(`"refine" must be true or false, ${got(parsed.refine)}`);
  const weights = parsed.weights;
  if (weights !== undefined) {
    if (!isRecord(weights))
      fail(`"weights" must be an object mapping ${WEIGHT_KEYS.join(', ')} to numbers, ${got(weights)}`);
    for (const [key, value] of Object.entries(weights as Record<string, unknown>)) {
      if (!WEIGHT_KEYS.includes(key))
        fail(`unknown field ${JSON.stringify(`weights.${key}`)} (the weights are ${WEIGHT_KEYS.join(', ')})`);
      if (!(isFiniteNumber(value) && value >= 0 && value <= MAX_WEIGHT))
        fail(`"weights.${key}" must be a number from 0 to ${MAX_WEIGHT}, ${got(value)}`);
    }
  }
  const size = parsed.maxFileSize;
  if (
    size !== undefined &&
    !(isFiniteNumber(size) && size >= 1) &&
    !(typeof size === 'string' && /^\s*\d+(?:\.\d+)?\s*(?:b|kb|mb|gb)?\s*$/i.test(size) && Number.parseFloat(size) > 0)
  ) {
    fail(`"maxFileSize" must be a positive number of bytes or a size such as "2MB", ${got(size)}`);
  }
  const git = parsed.git;
  if (git !== undefined) {
    if (!isRecord(git)) fail(`"git" must be an object {enabled, since, maxFilesPerCommit}, ${got(git)}`);
    const fields = git as Record<string, unknown>;
    for (const key of Object.keys(fields))
      if (!GIT_KEYS.includes(key))
        fail(`unknown field ${JSON.stringify(`git.${key}`)} (git has ${GIT_KEYS.join(', ')})`);
    if (fields.enabled !== undefined && typeof fields.enabled !== 'boolean')
      fail(`"git.enabled" must be true or false, ${got(fields.enabled)}`);
    if (fields.since !== undefined && (typeof fields.since !== 'string' || fields.since.trim() === ''))
      fail(`"git.since" must be a non-empty date string such as "2 years ago", ${got(fields.since)}`);
    const max = fields.maxFilesPerCommit;
    if (max !== undefined && !(Number.isSafeInteger(max) && (max as number) >= 1))
      fail(`"git.maxFilesPerCommit" must be a positive integer, ${got(max)}`);
  }
}

/** A short, one-line rendering of a wrong value for an error message. */
function describe(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** JSON.parse rejects a leading U+FEFF; editors on Windows write one. */
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The default config file of a root. */
export function defaultConfigPath(root: string): string {
  return path.join(root, 'seams.config.json');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
