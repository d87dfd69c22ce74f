import { Command, CommanderError, Option } from 'commander';
import { SeamsError } from '../base/errors.js';
import { VERSION } from '../base/version.js';
import { processIo, type CliIo } from './io.js';
import { formatError } from './print-error.js';
import { GRAPH_LEVELS, REPORT_FORMATS, chooseFormat, renderReport, type ReportFormat } from './render-report.js';

/** Exit codes: 0 ok, 1 gate failed (seams check), 2 usage, config or project error. */
export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_ERROR = 2;

const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;

/** Flags every command that reads a project shares. */
interface ProjectFlags {
  tsconfig?: string;
  include?: string[];
  exclude?: string[];
  includeTests?: boolean;
  config?: string;
  maxFileSize?: string;
  cache?: boolean;
  cacheDir?: string;
  output?: string;
  debug?: boolean;
}

interface AnalyzeFlags extends ProjectFlags {
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

interface CheckFlags extends ProjectFlags {
  quiet?: boolean;
  boundaries?: string;
  baseline?: string;
  updateBaseline?: boolean;
  allowGrowth?: boolean;
  strictBaseline?: boolean;
  changedSince?: string;
  format: (typeof CHECK_FORMATS)[number];
}

/** Runs the CLI on user arguments (without `node seams`) and returns the exit code. */
export async function main(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const debug = args.includes('--debug');
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
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
      io.stderr(
        formatError(
          new SeamsError(
            'USAGE',
            error.message.replace(/^error: /, ''),
            'run `seams --help` for the commands and options',
          ),
          debug,
        ),
      );
      return EXIT_ERROR;
    }
    io.stderr(formatError(error, debug));
    return EXIT_ERROR;
  }
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('seams')
    .description(
      'Find the seams in a TypeScript monolith: module graph, candidate services, coupling metrics and an extraction plan.',
    )
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .showHelpAfterError(false);

  const analyzeCommand = projectOptions(
    program
      .command('analyze')
      .alias('analyse')
      .description('analyse a project: module graph, candidate services, metrics and extraction plan')
      .argument('[path]', 'folder of the project to analyse', '.'),
  );
  analysisOptions(analyzeCommand).action(async (path: string, flags: AnalyzeFlags) => {
    const analysis = await analyzeWithFlags(path, flags, io);
    await emit(await renderWith(analysis, flags), flags.output, io);
    setExit(EXIT_OK);
  });

  projectOptions(
    program
      .command('check')
      .description('fail on new imports that cross the agreed service boundaries (exit 1), for CI')
      .argument('[path]', 'folder of the project to check', '.'),
  )
    .option('--boundaries <file>', 'boundaries file (default <path>/seams.boundaries.json)')
    .option('--baseline <file>', 'baseline of accepted violations (default <path>/seams.baseline.json)')
    .option('--update-baseline', 'rewrite the baseline without the violations that are fixed')
    .option('--allow-growth', 'with --update-baseline: also accept the new violations into the baseline')
    .option('--strict-baseline', 'also fail when the baseline holds violations that are fixed')
    .option('--changed-since <ref>', 'check only files changed since a git ref (the fast path for pull requests)')
    .option('--quiet', 'no progress display on standard error')
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .action(async (path: string, flags: CheckFlags) => {
      const [{ check }, { renderCheck }, { writeOutput }, { progressDisplay }] = await Promise.all([
        import('../gate/check.js'),
        import('../report/check/render-check.js'),
        import('./write-output.js'),
        import('./progress.js'),
      ]);
      const progress = progressDisplay(io.stderr, io.stderrIsTTY === true && flags.quiet !== true);
      const outcome = await check(
        {
          ...projectSettings(path, flags, io),
          boundaries: flags.boundaries,
          baseline: flags.baseline,
          updateBaseline: flags.updateBaseline,
          allowGrowth: flags.allowGrowth,
          strictBaseline: flags.strictBaseline,
          changedSince: flags.changedSince,
        },
        progress.listen,
      ).finally(progress.done);
      if (outcome.baselineUpdate !== null)
        writeOutput(outcome.baselineUpdate.file, outcome.baselineUpdate.text, io.cwd);
      await emit(renderCheck(outcome, flags.format, VERSION), flags.output, io);
      setExit(outcome.result.passed ? EXIT_OK : EXIT_GATE_FAILED);
    });

  projectOptions(
    program
      .command('init')
      .description(
        'write seams.boundaries.json (and seams.baseline.json) into the project from the current analysis, ready to edit',
      )
      .argument('[path]', 'folder of the project', '.'),
  )
    .option('--force', 'overwrite existing files')
    .action(async (path: string, flags: ProjectFlags & { force?: boolean }) => {
      const [{ analyze }, { initBoundaries }, { writeOutput }, { existsSync }, nodePath] = await Promise.all([
        import('../analyze.js'),
        import('../gate/init-boundaries.js'),
        import('./write-output.js'),
        import('node:fs'),
        import('node:path'),
      ]);
      const settings = projectSettings(path, flags, io);
      const analysis = await analyze(settings);
      const root = nodePath.resolve(io.cwd, path);
      const files = {
        boundaries: nodePath.join(root, 'seams.boundaries.json'),
        baseline: nodePath.join(root, 'seams.baseline.json'),
      };
      if (!flags.force && existsSync(files.boundaries)) {
        throw new SeamsError(
          'OUTPUT_EXISTS',
          `${nodePath.relative(io.cwd, files.boundaries) || 'seams.boundaries.json'} already exists`,
          'edit it, or run `seams init --force` to overwrite it',
        );
      }
      const written = initBoundaries(analysis);
      writeOutput(files.boundaries, written.boundariesText, io.cwd);
      writeOutput(files.baseline, written.baselineText, io.cwd);
      io.stdout(
        `wrote ${nodePath.relative(io.cwd, files.boundaries)} (${Object.keys(written.boundaries.services).length} services) and ${nodePath.relative(io.cwd, files.baseline)} (${written.baselineEntries} accepted violations)\n`,
      );
      setExit(EXIT_OK);
    });

  analysisOptions(
    projectOptions(
      program
        .command('report')
        .description(
          'write the migration report (html, markdown, …): of a project, analysed now, or of an analysis saved with --format analysis (--from), optionally with what-if edits',
        )
        .argument('[path]', 'folder of the project to analyse (not with --from)'),
    ).option(
      '--from <file>',
      'analysis saved with `seams analyze --format analysis`: re-render it without analysing again',
    ),
  ).action(async (path: string | undefined, flags: AnalyzeFlags & { from?: string }) => {
    let analysis: import('../analysis.js').Analysis;
    if (flags.from === undefined) {
      analysis = await analyzeWithFlags(path ?? '.', flags, io);
    } else {
      if (path !== undefined)
        throw new SeamsError(
          'USAGE',
          'give a project path or --from <analysis.json>, not both',
          'for example `seams report --from analysis.json --output report.html`',
        );
      const analysisOnly: [keyof AnalyzeFlags, string][] = [
        ['tsconfig', '--tsconfig'],
        ['include', '--include'],
        ['exclude', '--exclude'],
        ['includeTests', '--include-tests'],
        ['maxFileSize', '--max-file-size'],
        ['config', '--config'],
        ['cacheDir', '--cache-dir'],
        ['seed', '--seed'],
        ['resolution', '--resolution'],
        ['granularity', '--granularity'],
        ['semantic', '--semantic'],
        ['stem', '--stem'],
        ['git', '--git'],
        ['since', '--since'],
        ['kernel', '--kernel'],
        ['expected', '--expected'],
        ['timings', '--timings'],
      ];
      const ignored = analysisOnly.filter(([key]) => flags[key] !== undefined).map(([, name]) => name);
      if (flags.cache === false) ignored.push('--no-cache');
      if (flags.refine === false) ignored.push('--no-refine');
      if (ignored.length > 0) {
        throw new SeamsError(
          'USAGE',
          `${ignored.join(', ')} ${ignored.length === 1 ? 'applies' : 'apply'} to analysing a project, not to re-rendering one with --from`,
          'a saved analysis keeps the settings it was made with; --merge, --move, --format, --level and --output apply',
        );
      }
      const [{ loadAnalysis, reviseAnalysis }, { parseMove, parseMerge }, nodePath] = await Promise.all([
        import('../report/load-analysis.js'),
        import('../cluster/edit-partition.js'),
        import('node:path'),
      ]);
      analysis = reviseAnalysis(loadAnalysis(nodePath.resolve(io.cwd, flags.from), flags.from), {
        moves: (flags.move ?? []).map(parseMove),
        merges: (flags.merge ?? []).map(parseMerge),
      });
    }
    await emit(await renderWith(analysis, flags), flags.output, io);
    setExit(EXIT_OK);
  });

  program
    .command('export')
    .description(
      'write the accepted boundaries as rules for dependency-cruiser (and the baseline as its known violations) or eslint-plugin-boundaries',
    )
    .argument(
      '<target>',
      'dependency-cruiser, dependency-cruiser-known-violations, eslint-boundaries or eslint-suppressions',
    )
    .argument('[path]', 'folder of the project', '.')
    .option('--boundaries <file>', 'boundaries file (default <path>/seams.boundaries.json)')
    .option(
      '--baseline <file>',
      'baseline file, for dependency-cruiser-known-violations and eslint-suppressions (default <path>/seams.baseline.json)',
    )
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--debug', 'print stack traces on errors')
    .action(
      async (target: string, path: string, flags: { boundaries?: string; baseline?: string; output?: string }) => {
        const [{ readBoundaries }, { readBaseline }, { EXPORT_TARGETS, exportRules }, nodePath, { existsSync }] =
          await Promise.all([
            import('../gate/boundaries.js'),
            import('../gate/baseline.js'),
            import('../gate/export-rules.js'),
            import('node:path'),
            import('node:fs'),
          ]);
        const known = EXPORT_TARGETS.find((name) => name === target);
        if (known === undefined) {
          throw new SeamsError(
            'USAGE',
            `export target must be ${EXPORT_TARGETS.join(', ')}, got '${target}'`,
            'for example `seams export dependency-cruiser -o .dependency-cruiser.json`',
          );
        }
        const root = nodePath.resolve(io.cwd, path);
        const file =
          flags.boundaries === undefined
            ? nodePath.join(root, 'seams.boundaries.json')
            : nodePath.resolve(io.cwd, flags.boundaries);
        const boundaries = readBoundaries(
          file,
          flags.boundaries ?? (nodePath.relative(io.cwd, file) || 'seams.boundaries.json'),
        );
        const baselineFile =
          flags.baseline === undefined
            ? nodePath.join(root, 'seams.baseline.json')
            : nodePath.resolve(io.cwd, flags.baseline);
        const baseline =
          known === 'dependency-cruiser-known-violations' || known === 'eslint-suppressions'
            ? (readBaseline(
                baselineFile,
                flags.baseline ?? 'seams.baseline.json',
                flags.baseline === undefined ? root : null,
              ) ?? [])
            : [];
        const tsconfig = existsSync(nodePath.join(root, 'tsconfig.json')) ? 'tsconfig.json' : null;
        await emit(exportRules(boundaries, known, { tsconfig, baseline }), flags.output, io);
        setExit(EXIT_OK);
      },
    );
  return program;
}

/** Declares the flags of an analysis and its report (analyze, report). */
function analysisOptions(command: Command): Command {
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
    .option('--quiet', 'no progress display on standard error')
    .option('--timings', 'print the wall time of every stage and the peak memory on standard error');
}

/** Runs the analysis the flags ask for, with a progress display on a terminal's standard error. */
async function analyzeWithFlags(path: string, flags: AnalyzeFlags, io: CliIo) {
  const [{ analyze }, { parseMove, parseMerge }, { progressDisplay }] = await Promise.all([
    import('../analyze.js'),
    import('../cluster/edit-partition.js'),
    import('./progress.js'),
  ]);
  const stages: [string, number][] = [];
  const started = performance.now();
  const progress = progressDisplay(io.stderr, io.stderrIsTTY === true && flags.quiet !== true);
  let analysis: import('../analysis.js').Analysis;
  try {
    analysis = await analyze(
      {
        ...projectSettings(path, flags, io),
        seed: flags.seed === undefined ? undefined : parseNumber('seed', flags.seed),
        resolution:
          flags.resolution === undefined
            ? undefined
            : flags.resolution === 'auto'
              ? 'auto'
              : parseNumber('resolution', flags.resolution),
        semanticWeight: flags.semantic === undefined ? undefined : parseNumber('semantic', flags.semantic),
        stemWeight: flags.stem === undefined ? undefined : parseNumber('stem', flags.stem),
        refine: flags.refine === false ? false : undefined,
        git: flags.git,
        since: flags.since,
        granularity: flags.granularity,
        expected: flags.expected,
        kernel: flags.kernel,
        moves: (flags.move ?? []).map(parseMove),
        merges: (flags.merge ?? []).map(parseMerge),
      },
      (stage, milliseconds) => stages.push([stage, milliseconds]),
      progress.listen,
    );
  } finally {
    progress.done();
  }
  if (flags.timings) {
    const total = performance.now() - started;
    const rows = stages.map(
      ([stage, milliseconds]) => `  ${stage.padEnd(9)} ${milliseconds.toFixed(0).padStart(7)} ms`,
    );
    io.stderr(
      `timings (${analysis.graph.modules.length} modules)\n${rows.join('\n')}\n  ${'total'.padEnd(9)} ${total.toFixed(0).padStart(7)} ms\n  peak RSS  ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(7)} MB\n`,
    );
  }
  return analysis;
}

/** Renders an analysis in the format the flags ask for (or the --output extension names). */
function renderWith(
  analysis: import('../analysis.js').Analysis,
  flags: { format?: ReportFormat; output?: string; level?: (typeof GRAPH_LEVELS)[number] },
): Promise<Iterable<string>> {
  return renderReport(analysis, chooseFormat(flags.format, flags.output), flags.level ?? 'service');
}

/** Declares the flags every project-reading command shares. */
function projectOptions(command: Command): Command {
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
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--debug', 'print stack traces on errors')
    .exitOverride();
}

function projectSettings(path: string, flags: ProjectFlags, io: CliIo) {
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

async function emit(text: string | Iterable<string>, output: string | undefined, io: CliIo): Promise<void> {
  if (output === undefined) {
    const { batchChunks } = await import('./batch-chunks.js');
    for (const chunk of typeof text === 'string' ? [text] : batchChunks(text)) io.stdout(chunk);
    return;
  }
  const { writeOutput } = await import('./write-output.js');
  writeOutput(output, text, io.cwd);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseNumber(name: string, text: string): number {
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
