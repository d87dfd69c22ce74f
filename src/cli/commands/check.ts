import { type Command, Option } from 'commander';
import type { AnalyzeOptions } from '../../config/resolve-settings.js';
import type { CheckOptions } from '../../gate/check.js';
import { VERSION } from '../../base/version.js';
import { CHECK_FORMATS, type CheckFormat } from '../../report/formats.js';
import type { CommandContext } from '../command-context.js';
import { emit } from '../emit.js';
import { EXIT_GATE_FAILED, EXIT_OK } from '../exit-codes.js';
import { type ProjectFlags, boundariesOption, projectOptions, projectSettings, quietOption } from '../options.js';

/** The flags of `seams check`: the project flags, the gate's own options, and how to print. */
type CheckFlags = ProjectFlags &
  Omit<CheckOptions, keyof AnalyzeOptions> & {
    quiet?: boolean;
    format: CheckFormat;
  };

/** `seams check [path]`: the CI gate; exit 1 on new violations of the agreed boundaries. */
export function checkCommand(program: Command, { io, setExit }: CommandContext): void {
  projectOptions(
    program
      .command('check')
      .description('fail on new imports that cross the agreed service boundaries (exit 1), for CI')
      .argument('[path]', 'folder of the project to check', '.'),
  )
    .addOption(boundariesOption())
    .option('--baseline <file>', 'baseline of accepted violations (default <path>/seams.baseline.json)')
    .option('--update-baseline', 'rewrite the baseline without the violations that are fixed')
    .option('--allow-growth', 'with --update-baseline: also accept the new violations into the baseline')
    .option('--strict-baseline', 'also fail when the baseline holds violations that are fixed')
    .option('--changed-since <ref>', 'check only files changed since a git ref (the fast path for pull requests)')
    .addOption(quietOption())
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .action(async (path: string, flags: CheckFlags) => {
      const [{ check }, { renderCheck }, { writeOutput }, { progressDisplay }] = await Promise.all([
        import('../../gate/check.js'),
        import('../../report/check/render-check.js'),
        import('../write-output.js'),
        import('../progress.js'),
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
}
