/**
 * Flags shared by several commands, declared once: the project flags (what to read), the analysis
 * flags (how to cluster and what to render), and the mapping of flags onto the library's options.
 */
import { type Command, Option } from 'commander';
import { SeamsError } from '../base/errors.js';
import type { AnalyzeOptions } from '../config/resolve-settings.js';
import { GRAPH_LEVELS, REPORT_FORMATS, formatOfFile, type ReportFormat } from '../report/formats.js';
import type { CliIo } from './io.js';

/** Flags every command that reads a project shares. */
export type ProjectFlags = Pick<
  AnalyzeOptions,
  'tsconfig' | 'include' | 'exclude' | 'includeTests' | 'config' | 'cache' | 'cacheDir'
> & {
  /** As typed: the library parses sizes such as `2MB`. */
  maxFileSize?: string;
  output?: string;
  debug?: boolean;
};

/** Flags of an analysis and its report (analyze, report). */
export interface AnalysisFlags extends ProjectFlags {
  seed?: string;
  resolution?: string;
  expected?: string;
  kernel?: 'auto' | 'none';
  semantic?: string;
  stem?: string;
  refine?: boolean;
  git?: boolean;
  since?: string;
  granularity?: string;
  timings?: boolean;
  move?: string[];
  merge?: string[];
  format?: ReportFormat;
  level?: (typeof GRAPH_LEVELS)[number];
  quiet?: boolean;
}

/** `--boundaries <file>` (check, export). */
export function boundariesOption(): Option {
  return new Option('--boundaries <file>', 'boundaries file (default <path>/seams.boundaries.json)');
}

/** `--quiet` (every command with a progress display). */
export function quietOption(): Option {
  return new Option('--quiet', 'no progress display on standard error');
}

/** `--debug` (every command). */
export function debugOption(): Option {
  return new Option('--debug', 'print stack traces on errors');
}

/** `-o, --output <file>`; `what` names what is written. */
export function outputOption(what?: string): Option {
  return new Option(
    '-o, --output <file>',
    `write ${what === undefined ? '' : `${what} `}to a file instead of standard output`,
  );
}

/** Declares the flags every project-reading command shares. */
export function projectOptions(command: Command): Command {
  return command
    .option('--tsconfig <file>', 'tsconfig that defines the file set (default: <path>/tsconfig.json when present)')
    .option('--include <glob>', 'analyse only files matching the glob (repeatable; relative to <path>)', collect)
    .option('--exclude <glob>', 'leave out files matching the glob (repeatable; relative to <path>)', collect)
    .option(
      '--include-tests',
      'also analyse test files (*.test.*, *.spec.*, *.e2e.*, test/, tests/, e2e/, __tests__/, ...), declaration files and tool configs at a package root (*.config.*, jest.*, vitest.*)',
    )
    .option('--max-file-size <size>', 'skip source files larger than this, e.g. 2MB, 500KB (default 2MB)')
    .option('--config <file>', 'seams.config.json to read (default: <path>/seams.config.json when present)')
    .option('--cache-dir <dir>', 'folder of the extraction cache (default <path>/node_modules/.cache/seams)')
    .option('--no-cache', 'do not read or write the extraction cache')
    .addOption(outputOption('the report'))
    .addOption(debugOption())
    .exitOverride();
}

/** Declares the flags of an analysis and its report (analyze, report). */
export function analysisOptions(command: Command): Command {
  return command
    .option('--seed <n>', 'seed of the clustering random source (default 42)')
    .option(
      '--resolution <n>',
      'Louvain resolution: higher gives more, smaller services, or auto to sweep and choose (default 2)',
    )
    .option('--granularity <unit>', 'cluster files, or folders: file, folder, folder:<depth> (default file)')
    .option('--semantic <weight>', 'weight of semantic (vocabulary) coupling, 0 turns it off (default 0.3)')
    .option(
      '--stem <weight>',
      'weight of domain-stem coupling (same domain name across layer folders), 0 turns it off (default 4)',
    )
    .option('--no-refine', 'do not re-cluster large groups against the resolution limit of modularity')
    .option('--git', 'add change coupling from the git history of the analysed folder')
    .option('--since <date>', 'with --git: only history after this date (e.g. 2024-01-01, "1 year ago")')
    .addOption(
      new Option(
        '--kernel <mode>',
        'shared-kernel detection: auto keeps widely used utility modules out of the services',
      ).choices(['auto', 'none']),
    )
    .option('--expected <file>', 'JSON map of module id -> service name to score the partition against (MoJoFM)')
    .option(
      '--move <glob=service>',
      'what-if: move the modules matching the glob to a service, then measure and plan again (repeatable)',
      collect,
    )
    .option('--merge <a,b>', 'what-if: merge services, then measure and plan again (repeatable)', collect)
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: from the --output extension, .html .md .json .dot .mmd, else text; analysis: the whole analysis, for seams report --from)',
      ).choices(REPORT_FORMATS),
    )
    .addOption(
      new Option('--level <level>', 'with --format dot|mermaid: draw services, or modules grouped by service')
        .choices(GRAPH_LEVELS)
        .default('service'),
    )
    .addOption(quietOption())
    .option('--timings', 'print the wall time of every stage and the peak memory on standard error');
}

/** The library options of the project flags. */
export function projectSettings(path: string, flags: ProjectFlags, io: CliIo): AnalyzeOptions {
  return {
    path,
    cwd: io.cwd,
    tsconfig: flags.tsconfig,
    include: flags.include,
    exclude: flags.exclude,
    includeTests: flags.includeTests,
    config: flags.config,
    maxFileSize: flags.maxFileSize,
    cache: flags.cache,
    cacheDir: flags.cacheDir,
  };
}

/** The format to write: the one asked for, else the one the output file's extension names, else text. */
export function chooseFormat(format: ReportFormat | undefined, output: string | undefined): ReportFormat {
  return format ?? (output === undefined ? undefined : formatOfFile(output)) ?? 'text';
}

/** A number flag, or OPTION_INVALID. */
export function parseNumber(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) {
    throw new SeamsError(
      'OPTION_INVALID',
      `--${name} must be a number, got '${text}'`,
      `for example --${name} ${name === 'seed' ? '42' : '1'}`,
    );
  }
  return value;
}

/** Collects a repeatable flag's values. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
