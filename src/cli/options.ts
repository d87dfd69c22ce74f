/**
 * Flags shared by several commands, declared once: the project flags (what to read), the analysis
 * flags (how to cluster and what to render), and the mapping of flags onto the library's options.
 */
import { type Command, Option } from 'commander';
import { SeamsError } from '../base/errors.js';
import type { AnalyzeOptions } from '../config/resolve-settings.js';
import { commandOptions, optionHelp } from '../config/option-docs.js';
import type { CommandName } from '../config/options.js';
import { type GRAPH_LEVELS, formatOfFile, type ReportFormat } from '../report/formats.js';
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

/**
 * Declares a command's flags from the option table (src/config/options.ts), in table order: the
 * flag, its one-line description with its default, its choices, whether it repeats. No commander
 * default is set: each default lives in the table and is applied where the flag is read.
 */
export function tableOptions(command: Command, name: CommandName): Command {
  for (const option of commandOptions(name)) {
    const help = optionHelp(option);
    const declared = new Option(help.flags, help.description);
    if (help.choices !== undefined) declared.choices(help.choices);
    if (help.repeatable) declared.argParser(collect);
    command.addOption(declared);
  }
  return command.exitOverride();
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
