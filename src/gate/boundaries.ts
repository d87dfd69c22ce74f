import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import { SeamsError } from '../base/errors.js';
import { MAX_CONFIG_SIZE, readRequiredText } from '../base/read-file-safely.js';

/** The boundaries a team agreed on (seams.boundaries.json, schema/boundaries.schema.json). */
export interface Boundaries {
  /** Format version: 1. */
  version: 1;
  /** Service name -> definition. */
  services: Record<string, ServiceBoundary>;
  /** Whether type-only imports may cross any boundary. */
  allowTypeImports?: boolean;
  /** Most module imports allowed from one service into another. */
  budgets?: { from: string; to: string; max: number }[];
}

export interface ServiceBoundary {
  /** Globs of module ids. */
  modules: string[];
  /** Globs of the only modules other services may import, when given. */
  entryPoints?: string[];
  /** Services this one may import. */
  allow?: string[];
}

const require = createRequire(import.meta.url);
const schema = require('../../schema/boundaries.schema.json') as object;
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

/**
 * Reads and validates a boundaries file; every problem is a BOUNDARIES_INVALID error naming the
 * file. Nothing at the path is BOUNDARIES_NOT_FOUND; something that cannot be read (a folder, a
 * FIFO, over 10 MB, a link out of `root`) is an error with its own code. `root`: the analysed root
 * for the default location, null for a path the user passed.
 */
export function readBoundaries(file: string, display: string, root: string | null = null): Boundaries {
  const text = readRequiredText(file, display, {
    root,
    maxBytes: MAX_CONFIG_SIZE,
    hint: 'seams.boundaries.json must be a readable regular file: replace it, or pass another with --boundaries',
  });
  if (text === null) {
    throw new SeamsError(
      'BOUNDARIES_NOT_FOUND',
      `${display}: boundaries file not found`,
      'run `seams init` to write one from the current analysis, or pass --boundaries <file>',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SeamsError(
      'BOUNDARIES_INVALID',
      `${display}: not valid JSON (${(error as Error).message})`,
      'the boundaries file is JSON; see schema/boundaries.schema.json',
    );
  }
  if (!validate(parsed)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath ? first.instancePath : '(top level)';
    throw new SeamsError(
      'BOUNDARIES_INVALID',
      `${display}: ${where} ${first?.message ?? 'is invalid'}`,
      'see schema/boundaries.schema.json (editors complete the file when "$schema" points at it)',
    );
  }
  const boundaries = parsed as Boundaries;
  const names = new Set(Object.keys(boundaries.services));
  for (const [name, service] of Object.entries(boundaries.services)) {
    for (const other of service.allow ?? []) {
      if (!names.has(other))
        throw new SeamsError(
          'BOUNDARIES_INVALID',
          `${display}: service "${name}" allows unknown service "${other}"`,
          'every name in "allow" must be a service of the file',
        );
    }
  }
  for (const budget of boundaries.budgets ?? []) {
    for (const name of [budget.from, budget.to]) {
      if (!names.has(name))
        throw new SeamsError(
          'BOUNDARIES_INVALID',
          `${display}: budget names unknown service "${name}"`,
          'budgets refer to services of the file',
        );
    }
  }
  return boundaries;
}
