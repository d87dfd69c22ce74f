/**
 * Every option seams takes, in one table: its default, its command-line flag, its key in
 * seams.config.json, the JSON Schema of its value and a one-line description. resolveSettings
 * reads its defaults from here, schema/config.schema.json is generated from here (configSchema),
 * the CLI help and the README option tables are rendered from here (option-docs.ts), and one
 * validator checks config files and library options against it (validate-input.ts).
 */

import { RESERVED_SERVICE_IDS } from './settings.js';

/** JSON Schema (draft 2020-12) of one value, as Ajv and editors read it. */
export type ValueSchema = Readonly<Record<string, unknown>>;

/** The commands that take command-line flags. */
export type CommandName = 'analyze' | 'report' | 'check' | 'init' | 'export';

/** One row of the option table. */
export interface OptionSpec {
  /** Command-line flag as commander declares it (`--seed <n>`), or null when no flag sets it. */
  flag: string | null;
  /** Dotted key in seams.config.json (`weights.semantic`), or null when the file cannot set it. */
  configKey: string | null;
  /** Commands whose command line takes the flag (empty when there is no flag). */
  commands: readonly CommandName[];
  /** The value used when neither a flag, the library options nor the config file give one; null: none. */
  default: unknown;
  /** The default as the help and the README show it. */
  defaultText: string;
  /** One line: what the option does. */
  description: string;
  /** JSON Schema of a value, shared by the config file and the library options; null: a CLI-only flag. */
  schema: ValueSchema | null;
  /** The rule a value breaks, for messages: `"git.enabled" must be true or false, got "no"`. */
  expects: string;
  /** Values commander accepts for the flag (when it is a choice), in help order. */
  choices?: readonly string[];
  /** Whether the flag may be given several times, each adding a value. */
  repeatable?: boolean;
  /** Whether the flag applies when `seams report --from` re-renders a saved analysis (else it is refused there). */
  rerenders?: boolean;
  /** What a negated flag (`--no-refine`) does, where `description` says what the setting does. */
  flagDescription?: string;
}

/** The largest weight accepted: far above any useful value, far below where sums overflow. */
export const MAX_WEIGHT = 1000;
/** The largest resolution accepted (γ far above 1 already makes every module its own service). */
export const MAX_RESOLUTION = 1000;
/** 2 MiB: files larger than this are skipped by default (generated or minified code). */
const TWO_MIB = 2 * 1024 * 1024;

/** Default weight of event coupling (see README, Signals: measured on the quality benchmark). */
const EVENT_WEIGHT = 0.5;

/** File names of the gate, at the analysed root unless a flag names another file. */
export const GATE_FILES = { boundaries: 'seams.boundaries.json', baseline: 'seams.baseline.json' } as const;

const ANALYSIS: readonly CommandName[] = ['analyze', 'report'];
const PROJECT: readonly CommandName[] = ['analyze', 'report', 'check', 'init'];
const GLOBS: ValueSchema = { type: 'array', items: { type: 'string' } };
const AUTO_NONE_OR_GLOBS: ValueSchema = { anyOf: [{ enum: ['auto', 'none'] }, GLOBS] };
/** `2MB`, `500 KB`, `1048576`: a positive number with an optional unit (see parseSize). */
const SIZE_PATTERN = '^\\s*(?=[\\d.]*[1-9])\\d+(?:\\.\\d+)?\\s*(?:[bB]|[kKmMgG][bB])?\\s*$';

function weight(
  key: string,
  defaultValue: number,
  description: string,
  flag: string | null = null,
): OptionSpec & { default: number } {
  return {
    flag,
    configKey: `weights.${key}`,
    commands: flag === null ? [] : ANALYSIS,
    default: defaultValue,
    defaultText: String(defaultValue),
    description,
    schema: { type: 'number', minimum: 0, maximum: MAX_WEIGHT },
    expects: `must be a number from 0 to ${MAX_WEIGHT}`,
  };
}

/**
 * The option table, keyed by the option's name in the library's AnalyzeOptions and CheckOptions
 * (or, for a flag of the CLI alone, the name commander gives it). Row order is the order of the
 * README's options table.
 */
export const OPTIONS = {
  tsconfig: {
    flag: '--tsconfig <file>',
    configKey: null,
    commands: PROJECT,
    default: null,
    defaultText: '`<path>/tsconfig.json` when present',
    description: 'tsconfig that defines the file set and compiler options',
    schema: { type: 'string' },
    expects: 'must be a path',
  },
  include: {
    flag: '--include <glob>',
    configKey: 'include',
    commands: PROJECT,
    default: [],
    defaultText: 'all files of the file set',
    description: 'analyse only files matching these globs, relative to `path`',
    repeatable: true,
    schema: GLOBS,
    expects: 'must be an array of globs',
  },
  exclude: {
    flag: '--exclude <glob>',
    configKey: 'exclude',
    commands: PROJECT,
    default: [],
    defaultText: 'none beyond the defaults',
    description: 'leave out files matching these globs, relative to `path`, on top of the default exclusions',
    repeatable: true,
    schema: GLOBS,
    expects: 'must be an array of globs',
  },
  includeTests: {
    flag: '--include-tests',
    configKey: null,
    commands: PROJECT,
    default: false,
    defaultText: 'off',
    description:
      'also analyse test files, declaration files and tool configs at a package root (`*.config.*`, `jest.*`)',
    schema: { type: 'boolean' },
    expects: 'must be true or false',
  },
  seed: {
    flag: '--seed <n>',
    configKey: 'seed',
    commands: ANALYSIS,
    default: 42,
    defaultText: '42',
    description: 'seed of the clustering random source',
    schema: { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
    expects: 'must be an integer',
  },
  resolution: {
    flag: '--resolution <n|auto>',
    configKey: 'resolution',
    commands: ANALYSIS,
    // Chosen on the real-code benchmark (bench/quality, README "Quality on real code"): one
    // setting for every codebase, changed only when it raises the mean MoJoFM and lowers no
    // codebase by more than 2 points.
    default: 2,
    defaultText: '2',
    description: 'Louvain resolution γ: higher gives more, smaller services; `auto` sweeps and chooses',
    schema: { anyOf: [{ const: 'auto' }, { type: 'number', exclusiveMinimum: 0, maximum: MAX_RESOLUTION }] },
    expects: `must be "auto" or a number above 0 and at most ${MAX_RESOLUTION}`,
  },
  granularity: {
    flag: '--granularity <unit>',
    configKey: 'granularity',
    commands: ANALYSIS,
    default: 'file',
    defaultText: '`file`',
    description: '`file`, `folder` or `folder:<depth>`: what Louvain clusters',
    schema: { type: 'string', pattern: '^(?:file|folder|folder:[1-9]\\d{0,2})$' },
    expects: 'must be "file", "folder" or "folder:<depth>"',
  },
  kernel: {
    flag: '--kernel <mode>',
    configKey: 'kernel',
    commands: ANALYSIS,
    default: 'auto',
    defaultText: '`auto`',
    description:
      'shared-kernel detection: `auto` keeps widely used utility modules out of the services, `none` does not',
    schema: AUTO_NONE_OR_GLOBS,
    expects: 'must be "auto", "none" or an array of globs',
    choices: ['auto', 'none'],
  },
  shell: {
    flag: null,
    configKey: 'shell',
    commands: [],
    default: 'auto',
    defaultText: '`auto`',
    description: 'the composition root (entry points, app wiring), planned last: `auto` detects it, `none`, or globs',
    schema: AUTO_NONE_OR_GLOBS,
    expects: 'must be "auto", "none" or an array of globs (the composition root: entry points and app wiring)',
  },
  services: {
    flag: null,
    configKey: 'services',
    commands: [],
    default: {},
    defaultText: 'none',
    description: 'pinned services: service name -> globs of the modules that must stay in it',
    schema: {
      type: 'object',
      propertyNames: {
        pattern: '\\S',
        not: { enum: Object.values(RESERVED_SERVICE_IDS) },
      },
      additionalProperties: GLOBS,
    },
    expects: 'must map service names to arrays of globs',
  },
  runtimeWeight: weight(
    'runtime',
    1,
    'edge weight of a runtime import (value import, require, re-export, side effect, NestJS wiring)',
  ),
  typeWeight: weight('type', 0.5, 'edge weight of a type-only import: types couple less than calls'),
  dynamicWeight: weight('dynamic', 0.5, 'edge weight of an import that is only dynamic (`import()`)'),
  semanticWeight: weight('semantic', 0.3, 'weight of semantic (vocabulary) coupling; 0 turns it off', '--semantic <w>'),
  stemWeight: weight(
    'stem',
    4,
    'weight of domain-stem coupling (the same domain name across layer folders); 0 turns it off',
    '--stem <w>',
  ),
  changeWeight: weight('change', 0.5, 'weight of change coupling from git history (with `--git`); 0 turns it off'),
  dataWeight: weight('data', 0, 'weight of data coupling (modules using the same ORM entities); 0 turns it off'),
  eventWeight: weight(
    'event',
    EVENT_WEIGHT,
    'weight of event coupling (an emitter and a listener of the same event, message or queue name); 0 turns it off',
  ),
  memberWeight: weight(
    'member',
    5,
    "edge weight of a NestJS `@Module`'s import of one of its own providers or controllers",
  ),
  refine: {
    flag: '--no-refine',
    configKey: 'refine',
    commands: ANALYSIS,
    default: true,
    defaultText: 'on',
    description: "re-cluster large groups against modularity's resolution limit",
    flagDescription: "do not re-cluster large groups against modularity's resolution limit",
    schema: { type: 'boolean' },
    expects: 'must be true or false',
  },
  git: {
    flag: '--git',
    configKey: 'git.enabled',
    commands: ANALYSIS,
    default: false,
    defaultText: 'off',
    description: 'add change coupling from the git history of the analysed folder',
    schema: { type: 'boolean' },
    expects: 'must be true or false',
  },
  since: {
    flag: '--since <date>',
    configKey: 'git.since',
    commands: ANALYSIS,
    default: null,
    defaultText: 'all history',
    description:
      'with `--git`: only history after this date: `YYYY-MM-DD` (midnight, local time), `YYYY-MM-DD HH:MM[:SS]`, ISO 8601 with `Z`/`±HH:MM`, or `<n> <unit>[s] ago` (second … year)',
    schema: { type: 'string', pattern: '\\S' },
    expects: 'must be a non-empty date string such as "2 years ago"',
  },
  maxFilesPerCommit: {
    flag: null,
    configKey: 'git.maxFilesPerCommit',
    commands: [],
    default: 30,
    defaultText: '30',
    description: 'commits touching more analysed files than this are skipped (mass renames, formatting)',
    schema: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    expects: 'must be a positive integer',
  },
  config: {
    flag: '--config <file>',
    configKey: null,
    commands: PROJECT,
    default: null,
    defaultText: '`<path>/seams.config.json` when present',
    description: '`seams.config.json` to read',
    schema: { type: 'string' },
    expects: 'must be a path',
  },
  expected: {
    flag: '--expected <file>',
    configKey: null,
    commands: ANALYSIS,
    default: null,
    defaultText: 'none',
    description: 'JSON map `{ "module id": "service" }` to score the partition against (MoJoFM)',
    schema: null,
    expects: 'must be a file or a map of module ids to service names',
  },
  format: {
    flag: '--format <format>',
    configKey: null,
    commands: ANALYSIS,
    default: null,
    defaultText: 'from the `--output` extension (`.html`, `.md`, `.json`, `.dot`, `.mmd`), else `text`',
    description: 'output format (`analysis`: the whole analysis, for `seams report --from`)',
    schema: null,
    expects: 'must be a report format',
    choices: ['text', 'json', 'analysis', 'html', 'markdown', 'dot', 'mermaid'],
    rerenders: true,
  },
  level: {
    flag: '--level <level>',
    configKey: null,
    commands: ANALYSIS,
    default: 'service',
    defaultText: '`service`',
    description: 'with `--format dot|mermaid`: draw the services, or the modules grouped by service',
    schema: null,
    expects: 'must be service or module',
    choices: ['service', 'module'],
    rerenders: true,
  },
  merge: {
    flag: '--merge <a,b>',
    configKey: null,
    commands: ANALYSIS,
    default: [],
    defaultText: 'none',
    description: 'what-if: merge services, then measure and plan again',
    repeatable: true,
    schema: null,
    expects: 'must name services to merge',
    rerenders: true,
  },
  move: {
    flag: '--move <glob=service>',
    configKey: null,
    commands: ANALYSIS,
    default: [],
    defaultText: 'none',
    description: 'what-if: move the modules matching the glob to a service, then measure and plan again',
    repeatable: true,
    schema: null,
    expects: 'must be glob=service',
    rerenders: true,
  },
  maxFileSize: {
    flag: '--max-file-size <size>',
    configKey: 'maxFileSize',
    commands: PROJECT,
    default: TWO_MIB,
    defaultText: '`2MB`',
    description: 'skip larger source files with a diagnostic: bytes, or a size such as `2MB`, `500KB`',
    schema: {
      anyOf: [
        { type: 'number', minimum: 1 },
        { type: 'string', pattern: SIZE_PATTERN },
      ],
    },
    expects: 'must be a positive number of bytes or a size such as "2MB"',
  },
  cacheDir: {
    flag: '--cache-dir <dir>',
    configKey: null,
    commands: PROJECT,
    default: null,
    defaultText: '`<path>/node_modules/.cache/seams`, else a folder in the system temporary folder',
    description: 'folder of the extraction and analysis caches',
    schema: { type: 'string' },
    expects: 'must be a path',
  },
  cache: {
    flag: '--no-cache',
    configKey: null,
    commands: PROJECT,
    default: true,
    defaultText: 'cache on',
    description: 'read and write the extraction and analysis caches',
    flagDescription: 'do not read or write the extraction and analysis caches',
    schema: { type: 'boolean' },
    expects: 'must be true or false',
  },
  timings: {
    flag: '--timings',
    configKey: null,
    commands: [...ANALYSIS, 'check'],
    default: false,
    defaultText: 'off',
    description: 'print the wall time of every stage and the peak memory on standard error',
    schema: null,
    expects: 'takes no value',
  },
  quiet: {
    flag: '--quiet',
    configKey: null,
    commands: ['analyze', 'report', 'check', 'init'],
    default: false,
    defaultText: 'off',
    description: 'no progress display (drawn on standard error only when it is a terminal, never on standard output)',
    schema: null,
    expects: 'takes no value',
    rerenders: true,
  },
  output: {
    flag: '-o, --output <file>',
    configKey: null,
    commands: ['analyze', 'report', 'check', 'init', 'export'],
    default: null,
    defaultText: 'standard output',
    description:
      'write the report to a file (atomically: a temporary file, then a rename); `init`: where to write the boundaries file (then pass it to `check --boundaries`)',
    schema: null,
    expects: 'must be a path',
    rerenders: true,
  },
  debug: {
    flag: '--debug',
    configKey: null,
    commands: ['analyze', 'report', 'check', 'init', 'export'],
    default: false,
    defaultText: 'off',
    description: 'print stack traces on errors',
    schema: null,
    expects: 'takes no value',
    rerenders: true,
  },
  boundaries: {
    flag: '--boundaries <file>',
    configKey: null,
    commands: ['check', 'export'],
    default: null,
    defaultText: `\`<path>/${GATE_FILES.boundaries}\``,
    description: 'boundaries file',
    schema: { type: 'string' },
    expects: 'must be a path',
  },
  baseline: {
    flag: '--baseline <file>',
    configKey: null,
    commands: ['check', 'export'],
    default: null,
    defaultText: `\`<path>/${GATE_FILES.baseline}\``,
    description:
      'baseline of accepted violations (export: for dependency-cruiser-known-violations and eslint-suppressions)',
    schema: { type: 'string' },
    expects: 'must be a path',
  },
  updateBaseline: {
    flag: '--update-baseline',
    configKey: null,
    commands: ['check'],
    default: false,
    defaultText: 'off',
    description: 'rewrite the baseline without the violations that are fixed',
    schema: { type: 'boolean' },
    expects: 'must be true or false',
  },
  allowGrowth: {
    flag: '--allow-growth',
    configKey: null,
    commands: ['check'],
    default: false,
    defaultText: 'off',
    description: 'with `--update-baseline`: also accept the new violations into the baseline',
    schema: { type: 'boolean' },
    expects: 'must be true or false',
  },
  strictBaseline: {
    flag: '--strict-baseline',
    configKey: null,
    commands: ['check'],
    default: false,
    defaultText: 'off',
    description: 'also fail when the baseline holds violations that are fixed',
    schema: { type: 'boolean' },
    expects: 'must be true or false',
  },
  changedSince: {
    flag: '--changed-since <ref>',
    configKey: null,
    commands: ['check'],
    default: null,
    defaultText: 'none: every file',
    description: 'check only files changed since a git ref (the fast path for pull requests)',
    schema: { type: 'string' },
    expects: 'must be a git revision',
  },
  checkFormat: {
    flag: '--format <format>',
    configKey: null,
    commands: ['check'],
    default: 'text',
    defaultText: '`text`',
    description: 'output format of the verdict',
    schema: null,
    expects: 'must be a check format',
    choices: ['text', 'json', 'sarif', 'github', 'gitlab', 'markdown'],
  },
  force: {
    flag: '--force',
    configKey: null,
    commands: ['init'],
    default: false,
    defaultText: 'off',
    description: 'overwrite existing files',
    schema: null,
    expects: 'takes no value',
  },
  from: {
    flag: '--from <file>',
    configKey: null,
    commands: ['report'],
    default: null,
    defaultText: 'none: analyse the project',
    description: 'analysis saved with `seams analyze --format analysis`: re-render it without analysing again',
    schema: null,
    expects: 'must be a path',
    rerenders: true,
  },
} as const satisfies Record<string, OptionSpec>;

/** Name of an option of the table. */
export type OptionName = keyof typeof OPTIONS;

/** Config-file keys of the weights, in table order (`weights.<key>`). */
export const WEIGHT_KEYS: readonly string[] = configKeysUnder('weights');
/** Config-file keys of git history, in table order (`git.<key>`). */
export const GIT_KEYS: readonly string[] = configKeysUnder('git');

/**
 * Settings no flag or config field sets: fixed by measurement, kept here with the other defaults
 * so that resolveSettings holds no literal.
 */
export const FIXED_SETTINGS = {
  /** Louvain runs per clustering (seeds derived from `seed`); the partition of highest modularity is kept. */
  runs: 5,
  /** Semantic coupling: nearest neighbours kept per module. */
  semanticNeighbours: 5,
  /** Semantic coupling: least cosine similarity of two modules' vocabularies that couples them. */
  semanticMinSimilarity: 0.2,
  /** Semantic coupling: terms used by more than this share of the modules carry no signal. */
  semanticMaxDocumentShare: 0.1,
} as const;

function configKeysUnder(group: string): string[] {
  const specs: readonly OptionSpec[] = Object.values(OPTIONS);
  return specs.flatMap((spec) =>
    spec.configKey?.startsWith(`${group}.`) ? [spec.configKey.slice(group.length + 1)] : [],
  );
}
