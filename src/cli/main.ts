import { Command, CommanderError, Option } from 'commander';
import { SeamsError } from '../errors.js';
import { VERSION } from '../version.js';
import { processIo, type CliIo } from './io.js';
import { formatError } from './print-error.js';

/** Exit codes: 0 ok, 1 gate failed (seams check), 2 usage, config or project error. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 2;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface AnalyzeFlags {
  tsconfig?: string;
  include?: string[];
  exclude?: string[];
  includeTests?: boolean;
  seed?: string;
  resolution?: string;
  expected?: string;
  kernel?: 'auto' | 'none';
  semantic?: string;
  git?: boolean;
  since?: string;
  granularity?: string;
  config?: string;
  maxFileSize?: string;
  format: Format;
  output?: string;
  debug?: boolean;
}

/** Runs the CLI on user arguments (without `node seams`) and returns the exit code. */
export async function main(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const debug = args.includes('--debug');
  let exitCode = EXIT_OK;
  const program = buildProgram(io, async (code) => {
    exitCode = code;
  });
  if (args.length === 0) {
    io.stdout(program.helpInformation());
    return EXIT_OK;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK;
      io.stderr(formatError(new SeamsError('USAGE', error.message.replace(/^error: /, ''), 'run `seams --help` for the commands and options'), debug));
      return EXIT_ERROR;
    }
    io.stderr(formatError(error, debug));
    return EXIT_ERROR;
  }
}

function buildProgram(io: CliIo, setExit: (code: number) => Promise<void>): Command {
  const program = new Command('seams')
    .description('Find the seams in a TypeScript monolith: module graph, candidate services, coupling metrics and an extraction plan.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .showHelpAfterError(false);

  program
    .command('analyze')
    .alias('analyse')
    .description('analyse a project: module graph, candidate services, metrics and extraction plan')
    .argument('[path]', 'folder of the project to analyse', '.')
    .option('--tsconfig <file>', 'tsconfig that defines the file set (default: <path>/tsconfig.json when present)')
    .option('--include <glob>', 'analyse only files matching the glob (repeatable; relative to <path>)', collect)
    .option('--exclude <glob>', 'leave out files matching the glob (repeatable; relative to <path>)', collect)
    .option('--include-tests', 'also analyse test files (*.test.*, *.spec.*, __tests__/, __mocks__/) and declaration files')
    .option('--seed <n>', 'seed of the clustering random source (default 42)')
    .option('--resolution <n>', 'Louvain resolution: above 1 gives more, smaller services, or auto to sweep and choose (default 1)')
    .option('--granularity <unit>', 'cluster files, or folders: file, folder, folder:<depth> (default file)')
    .option('--semantic <weight>', 'weight of semantic (vocabulary) coupling, 0 turns it off (default 0.3)')
    .option('--git', 'add change coupling from the git history of the analysed folder')
    .option('--since <date>', 'with --git: only history after this date (e.g. 2024-01-01, "1 year ago")')
    .option('--max-file-size <size>', 'skip source files larger than this, e.g. 2MB, 500KB (default 2MB)')
    .option('--config <file>', 'seams.config.json to read (default: <path>/seams.config.json when present)')
    .addOption(new Option('--kernel <mode>', 'shared-kernel detection: auto keeps widely used utility modules out of the services').choices(['auto', 'none']))
    .option('--expected <file>', 'JSON map of module id -> service name to score the partition against (MoJoFM)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--debug', 'print stack traces on errors')
    .exitOverride()
    .action(async (path: string, flags: AnalyzeFlags) => {
      const [{ analyze }, { renderReport }, { writeOutput }] = await Promise.all([
        import('../analyze.js'),
        import('./render-report.js'),
        import('./write-output.js'),
      ]);
      const analysis = await analyze({
        path,
        cwd: io.cwd,
        tsconfig: flags.tsconfig,
        include: flags.include,
        exclude: flags.exclude,
        includeTests: flags.includeTests,
        seed: flags.seed === undefined ? undefined : parseNumber('seed', flags.seed),
        resolution: flags.resolution === undefined ? undefined : flags.resolution === 'auto' ? 'auto' : parseNumber('resolution', flags.resolution),
        semanticWeight: flags.semantic === undefined ? undefined : parseNumber('semantic', flags.semantic),
        git: flags.git,
        since: flags.since,
        granularity: flags.granularity,
        config: flags.config,
        maxFileSize: flags.maxFileSize,
        expected: flags.expected,
        kernel: flags.kernel,
      });
      const text = renderReport(analysis, flags.format);
      if (flags.output === undefined) io.stdout(text);
      else writeOutput(flags.output, text, io.cwd);
      await setExit(EXIT_OK);
    });
  return program;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseNumber(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) {
    throw new SeamsError('OPTION_INVALID', `--${name} must be a number, got '${text}'`, `for example --${name} ${name === 'seed' ? '42' : '1'}`);
  }
  return value;
}
