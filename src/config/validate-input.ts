import type { ErrorObject } from 'ajv/dist/2020.js';
import { SeamsError } from '../base/errors.js';
import * as validators from './validators.generated.js';
import { GIT_KEYS, OPTIONS, WEIGHT_KEYS, type OptionSpec } from './options.js';
import { RESERVED_SERVICE_IDS } from './settings.js';

/**
 * The one check of user values: seams.config.json against the published schema
 * (schema/config.schema.json, generated from the option table), and the library's options (which
 * the CLI's flags become) against the same value schemas. The first problem is a one-line
 * CONFIG_INVALID or OPTION_INVALID naming the field or the flag.
 */

const validateConfigFile = validators.validateConfigFile as Validator;
const validateOptions = validators.validateOptions as Validator;

/**
 * A validator compiled ahead of time from the schema (scripts/validators.mjs, `npm run docs`): Ajv's
 * interface, `errors` set after a failed call.
 */
export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Readers of the config file learn its fields from here. */
const CONFIG_HINT = 'see "Configuration" in the README for the fields and their types';

/** The ids seams gives its own groups, and the setting that fills each. */
const RESERVED_SERVICES: ReadonlyMap<string, string> = new Map([
  [RESERVED_SERVICE_IDS.kernel, 'the shared kernel: list its globs under "kernel"'],
  [RESERVED_SERVICE_IDS.shell, 'the composition root: list its globs under "shell"'],
  [RESERVED_SERVICE_IDS.unattached, 'modules tied to no service: seams finds them, they cannot be pinned'],
]);

/** How an object of nested fields is described, and the fields it has. */
const GROUPS: Readonly<Record<string, { expects: string; has: string }>> = {
  weights: {
    expects: `must be an object mapping ${WEIGHT_KEYS.join(', ')} to numbers`,
    has: `the weights are ${WEIGHT_KEYS.join(', ')}`,
  },
  git: { expects: `must be an object {${GIT_KEYS.join(', ')}}`, has: `git has ${GIT_KEYS.join(', ')}` },
};

const specsByConfigKey = new Map<string, OptionSpec>(
  (Object.values(OPTIONS) as OptionSpec[]).flatMap((spec) => (spec.configKey === null ? [] : [[spec.configKey, spec]])),
);

/** Checks a parsed seams.config.json; `display` names the file in the message. */
export function checkConfigFile(parsed: unknown, display: string): void {
  if (validateConfigFile(parsed)) return;
  const problem = describeProblem(validateConfigFile.errors ?? [], parsed, configField);
  throw new SeamsError('CONFIG_INVALID', `${display}: ${problem.message}`, problem.hint ?? CONFIG_HINT);
}

/**
 * Checks the options given to the library (or the CLI's flags, parsed): every key of the option
 * table that is set (neither undefined nor null) against the same value schema as the config file.
 */
export function checkOptions(options: object): void {
  const given = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined && value !== null),
  );
  if (validateOptions(given)) return;
  const problem = describeProblem(validateOptions.errors ?? [], given, optionField);
  throw new SeamsError('OPTION_INVALID', problem.message, problem.hint ?? 'see `seams <command> --help`');
}

interface Problem {
  /** One line naming the field and what is wrong with it. */
  message: string;
  /** A hint of its own, where the generic one does not fit. */
  hint?: string;
}

interface Field {
  /** How the message names the field: `"git.enabled"`, `--seed`. */
  label: string;
  /** The option behind the field, or null for a group of fields. */
  spec: OptionSpec | null;
  /** Path segments of the field in the validated object. */
  path: string[];
  /** How the message shows a wrong value. */
  show: (value: unknown) => string;
  /** Whether a number names the bound it broke (a flag) rather than the whole rule (a config field). */
  namesBound: boolean;
}

/** The config-file field an error path falls in: the longest prefix that is an option or a group. */
function configField(segments: string[]): Field | null {
  for (let length = segments.length; length >= 1; length--) {
    const key = segments.slice(0, length).join('.');
    const spec = specsByConfigKey.get(key) ?? null;
    if (spec !== null || GROUPS[key] !== undefined || key === '$schema')
      return { label: `"${key}"`, spec, path: segments.slice(0, length), show: describe, namesBound: false };
  }
  return null;
}

/** The library option an error path falls in, named by its flag when it has one. */
function optionField(segments: string[]): Field | null {
  const name = segments[0];
  if (name === undefined || !Object.hasOwn(OPTIONS, name)) return null;
  const spec: OptionSpec = OPTIONS[name as keyof typeof OPTIONS];
  const flag = spec.flag?.split(' ')[0]?.replace(/^--no-/, '--');
  return { label: flag ?? `"${name}"`, spec, path: [name], show: describeFlagValue, namesBound: true };
}

/** The message (and a hint where the generic one does not fit) of the first problem Ajv found. */
function describeProblem(
  errors: readonly ErrorObject[],
  value: unknown,
  fieldOf: (segments: string[]) => Field | null,
): Problem {
  const unknown = errors.find((error) => error.keyword === 'additionalProperties');
  if (unknown !== undefined) {
    const group = segmentsOf(unknown.instancePath).join('.');
    const key = String(unknown.params.additionalProperty);
    const has = GROUPS[group]?.has;
    return {
      message: `unknown field ${JSON.stringify(group === '' ? key : `${group}.${key}`)}${has ? ` (${has})` : ''}`,
    };
  }
  const named = errors.find((error) => error.keyword === 'propertyNames');
  if (named !== undefined) {
    const label = fieldOf(segmentsOf(named.instancePath))?.label ?? '"services"';
    const name = String(named.params.propertyName);
    const reserved = RESERVED_SERVICES.get(name);
    if (reserved === undefined) return { message: `${label} has an empty service name` };
    return {
      message: `${label} pins a service named "${name}", an id seams reserves for ${reserved}`,
      hint: `rename the pinned service (e.g. "${name}-service"); ${[...RESERVED_SERVICES.keys()].join(', ')} are reserved`,
    };
  }
  const first = errors[0];
  const segments = segmentsOf(first?.instancePath ?? '');
  const field = fieldOf(segments);
  if (field === null) return { message: 'the top level must be a JSON object' };
  const wrong = valueAt(value, field.path);
  if (field.spec === null) {
    const expects = GROUPS[field.path.join('.')]?.expects ?? 'must be a string';
    return { message: `${field.label} ${expects}, ${`got ${field.show(wrong)}`}` };
  }
  // A map's entry (`services.billing`) is named itself, with the rule of one entry.
  if (field.spec.configKey === 'services' && segments.length > field.path.length) {
    const entry = [...field.path, segments[field.path.length] as string];
    const label = field.label.replace(/"$/, `.${entry[entry.length - 1]}"`);
    return { message: `${label} must be an array of globs, got ${field.show(valueAt(value, entry))}` };
  }
  const message = `${field.label} ${expectsOf(field, errors, wrong)}, got ${field.show(wrong)}`;
  if (!field.namesBound) return { message };
  const spec = field.spec;
  return { message, hint: `${field.label}: ${plain(spec.description)} (default ${plain(spec.defaultText)})` };
}

/**
 * A flag's number names the bound it broke (`--resolution must be a positive number, got -1`);
 * otherwise, and in the config file, the whole rule of the option is given.
 */
function expectsOf(field: Field, errors: readonly ErrorObject[], wrong: unknown): string {
  const spec = field.spec as OptionSpec;
  if (!field.namesBound || typeof wrong !== 'number' || !Number.isFinite(wrong)) return spec.expects;
  const here = `/${field.path.join('/')}`;
  const bound = errors.find(
    (error) => error.instancePath === here && ['exclusiveMinimum', 'minimum', 'maximum'].includes(error.keyword),
  );
  if (bound === undefined) return spec.expects;
  const limit = Number(bound.params.limit);
  if (bound.keyword === 'exclusiveMinimum') return limit === 0 ? 'must be a positive number' : `must be above ${limit}`;
  if (bound.keyword === 'minimum') return `must be a number of at least ${limit}`;
  return `must be a number of at most ${limit}`;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Documentation text without its Markdown code marks. */
function plain(text: string): string {
  return text.replaceAll('`', '');
}

/** JSON Pointer segments (`/services/a~1b` -> services, a/b). */
function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** A short, one-line rendering of a wrong value in a config file (JSON). */
function describe(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A wrong value as it was typed on the command line: `'sometimes'`, `-1`. */
function describeFlagValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 37)}...` : value}'`;
  return describe(value);
}
