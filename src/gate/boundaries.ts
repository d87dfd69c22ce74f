import type { ErrorObject } from 'ajv/dist/2020.js';
import { SeamsError } from '../base/errors.js';
import type { Validator } from '../config/validate-input.js';
import * as validators from '../config/validators.generated.js';
import { MAX_CONFIG_SIZE, readRequiredText } from '../base/read-file-safely.js';

/** The boundaries a team agreed on (seams.boundaries.json, schema/boundaries.schema.json). */
export interface Boundaries {
  /** Format version: 1. */
  version: 1;
  /** Service name -> definition. */
  services: Record<string, ServiceBoundary>;
  /** A module no service claims: an `unclaimed-module` violation (`error`, the default) or a warning that passes (`warn`). */
  unclaimed?: 'error' | 'warn';
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

const validate = validators.validateBoundaries as Validator;

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
    throw new SeamsError(
      'BOUNDARIES_INVALID',
      `${display}: ${first === undefined ? 'is invalid' : describeSchemaError(first, parsed)}`,
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

/**
 * One schema error as a sentence naming the key (`services.billing.modules`, or `services["a.b"]`
 * for a name with a dot) and the value found there, e.g. `"unclaimed" is "fail"; expected one of
 * "error", "warn"`.
 */
export function describeSchemaError(error: ErrorObject, document: unknown): string {
  let key = '';
  let value: unknown = document;
  for (const raw of error.instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) key += `[${segment}]`;
    else
      key += /^[A-Za-z_$][\w$-]*$/.test(segment)
        ? `${key === '' ? '' : '.'}${segment}`
        : `[${JSON.stringify(segment)}]`;
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  const where = key === '' ? 'the top level' : `"${key}"`;
  const params = error.params as Record<string, unknown>;
  const child = (name: string) => (key === '' ? name : `${key}.${name}`);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return `unknown key "${child(name)}" (value ${shown((value as Record<string, unknown>)[name])}): ${where} takes no such key`;
    }
    case 'required':
      return `${where} lacks the required key "${child(String(params.missingProperty))}"`;
    case 'propertyNames':
    case 'pattern':
      if (error.propertyName !== undefined)
        return `the name ${JSON.stringify(error.propertyName)} in ${where} is not allowed (${error.message ?? 'invalid'})`;
      break;
    case 'enum':
      return `${where} is ${shown(value)}; expected one of ${(params.allowedValues as unknown[]).map(shown).join(', ')}`;
    case 'const':
      return `${where} is ${shown(value)}; expected ${shown(params.allowedValue)}`;
  }
  return `${where} ${error.message ?? 'is invalid'}, got ${shown(value)}`;
}

/** A value as JSON, cut to 60 characters. */
function shown(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
