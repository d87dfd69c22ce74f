import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SeamsError } from '../errors.js';

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
  weights?: { runtime?: number; type?: number; dynamic?: number; semantic?: number; stem?: number; change?: number; data?: number; member?: number };
  git?: { enabled?: boolean; since?: string; maxFilesPerCommit?: number };
  maxFileSize?: number | string;
  refine?: boolean;
}

const KEYS = ['$schema', 'include', 'exclude', 'kernel', 'shell', 'services', 'resolution', 'granularity', 'seed', 'weights', 'git', 'maxFileSize', 'refine'];

/** Reads and checks a config file; `given` false means the default location, which may be absent. */
export function readConfig(file: string, display: string, given: boolean): ConfigFile {
  if (!existsSync(file)) {
    if (!given) return {};
    throw new SeamsError('CONFIG_INVALID', `${display}: config file not found`, 'pass an existing seams.config.json with --config, or omit --config');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeamsError('CONFIG_INVALID', `${display}: not valid JSON (${(error as Error).message})`, 'seams.config.json is plain JSON, e.g. {"services": {"billing": ["src/billing/**"]}}');
  }
  const fail = (message: string): never => {
    throw new SeamsError('CONFIG_INVALID', `${display}: ${message}`, 'see "Configuration" in the README for the fields and their types');
  };
  if (!isRecord(parsed)) return fail('the top level must be a JSON object');
  for (const key of Object.keys(parsed)) if (!KEYS.includes(key)) fail(`unknown field "${key}"`);
  for (const key of ['include', 'exclude'] as const) if (parsed[key] !== undefined && !isStringArray(parsed[key])) fail(`"${key}" must be an array of globs`);
  const kernel = parsed.kernel;
  if (kernel !== undefined && kernel !== 'auto' && kernel !== 'none' && !isStringArray(kernel)) fail('"kernel" must be "auto", "none" or an array of globs');
  if (parsed.shell !== undefined && parsed.shell !== 'auto' && parsed.shell !== 'none' && !isStringArray(parsed.shell)) fail('"shell" must be "auto", "none" or an array of globs (the composition root: entry points and app wiring)');
  const services = parsed.services;
  if (services !== undefined && (!isRecord(services) || !Object.values(services).every(isStringArray))) fail('"services" must map service names to arrays of globs');
  if (parsed.granularity !== undefined && typeof parsed.granularity !== 'string') fail('"granularity" must be "file", "folder" or "folder:<depth>"');
  if (parsed.resolution !== undefined && parsed.resolution !== 'auto' && typeof parsed.resolution !== 'number') fail('"resolution" must be a number or "auto"');
  if (parsed.seed !== undefined && typeof parsed.seed !== 'number') fail('"seed" must be a number');
  if (parsed.refine !== undefined && typeof parsed.refine !== 'boolean') fail('"refine" must be true or false');
  const weights = parsed.weights;
  if (weights !== undefined && (!isRecord(weights) || !Object.entries(weights).every(([key, value]) => ['runtime', 'type', 'dynamic', 'semantic', 'stem', 'change', 'data', 'member'].includes(key) && typeof value === 'number' && value >= 0))) {
    fail('"weights" must map runtime, type, dynamic, semantic, stem, change, data, member to non-negative numbers');
  }
  if (parsed.maxFileSize !== undefined && typeof parsed.maxFileSize !== 'number' && typeof parsed.maxFileSize !== 'string') fail('"maxFileSize" must be a number of bytes or a size such as "2MB"');
  const git = parsed.git;
  if (git !== undefined && !isRecord(git)) fail('"git" must be an object {enabled, since, maxFilesPerCommit}');
  return parsed as ConfigFile;
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
