import type { Command } from 'commander';
import type { AnalyzeOptions } from '../../config/resolve-settings.js';
import type { CheckOptions } from '../../check.js';
import { VERSION } from '../../base/version.js';
import type { CheckFormat } from '../../report/formats.js';
import type { CommandContext } from '../command-context.js';
import { emit } from '../emit.js';
import { EXIT_GATE_FAILED, EXIT_OK } from '../exit-codes.js';
import { type ProjectFlags, projectSettings, tableOptions } from '../options.js';
import { OPTIONS } from '../../config/options.js';

/** The flags of `seams check`: the project flags, the gate's own options, and how to print. */
type CheckFlags = ProjectFlags &
  Omit<CheckOptions, keyof AnalyzeOptions> & {
    quiet?: boolean;
    timings?: boolean;
    format?: CheckFormat;
  };

/** `seams check [path]`: the CI gate; exit 1 on new violations of the agreed boundaries. */
export function checkCommand(program: Command, { io, setExit }: CommandContext): void {
  tableOptions(
    program
      .command('check')
      .description('fail on new imports that cross the agreed service boundaries (exit 1), for CI')
      .argument('[path]', 'folder of the project to check', '.'),
    'check',
  ).action(async (path: string, flags: CheckFlags) => {
    const [{ check }, { renderCheck }, { writeOutput }, { progressDisplay, drawsProgress }, { formatTimings }] =
      await Promise.all([
        import('../../check.js'),
        import('../../report/check/render-check.js'),
        import('../write-output.js'),
        import('../progress.js'),
        import('../run-analysis.js'),
      ]);
    const stages: [string, number][] = [];
    const started = performance.now();
    const progress = progressDisplay(io.stderr, drawsProgress(io, flags.quiet));
    const outcome = await check({
      ...projectSettings(path, flags, io),
      boundaries: flags.boundaries,
      baseline: flags.baseline,
      updateBaseline: flags.updateBaseline,
      allowGrowth: flags.allowGrowth,
      strictBaseline: flags.strictBaseline,
      changedSince: flags.changedSince,
      onStage: (stage, milliseconds) => stages.push([stage, milliseconds]),
      onProgress: progress.listen,
    }).finally(progress.done);
    if (flags.timings === true)
      io.stderr(formatTimings(stages, performance.now() - started, outcome.result.checkedModules));
    if (outcome.baselineUpdate !== null) writeOutput(outcome.baselineUpdate.file, outcome.baselineUpdate.text, io.cwd);
    await emit(renderCheck(outcome, flags.format ?? OPTIONS.checkFormat.default, VERSION), flags.output, io);
    setExit(outcome.result.passed ? EXIT_OK : EXIT_GATE_FAILED);
  });
}
