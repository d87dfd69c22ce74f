import type { Command } from 'commander';
import type { Analysis } from '../../analysis.js';
import { SeamsError } from '../../base/errors.js';
import type { CommandContext } from '../command-context.js';
import { emitReport } from '../emit.js';
import { EXIT_OK } from '../exit-codes.js';
import { type AnalysisFlags, tableOptions } from '../options.js';
import { runAnalysis } from '../run-analysis.js';

type ReportFlags = AnalysisFlags & { from?: string };

/** The flags that still apply when re-rendering a saved analysis; every other one is refused with --from. */
const RE_RENDER_FLAGS = new Set(['from', 'merge', 'move', 'format', 'level', 'output', 'quiet', 'debug']);

/** `seams report [path] | --from <analysis.json>`: the migration report, of a project or of a saved analysis. */
export function reportCommand(program: Command, { io, setExit }: CommandContext): void {
  const command = tableOptions(
    program
      .command('report')
      .description(
        'write the migration report (html, markdown, …): of a project, analysed now, or of an analysis saved with --format analysis (--from), optionally with what-if edits',
      )
      .argument('[path]', 'folder of the project to analyse (not with --from)'),
    'report',
  );
  command.action(async (path: string | undefined, flags: ReportFlags) => {
    let analysis: Analysis;
    if (flags.from === undefined) {
      analysis = await runAnalysis(path ?? '.', flags, io);
    } else {
      if (path !== undefined)
        throw new SeamsError(
          'USAGE',
          'give a project path or --from <analysis.json>, not both',
          'for example `seams report --from analysis.json --output report.html`',
        );
      const ignored = analysisOnlyFlags(command, flags);
      if (ignored.length > 0) {
        throw new SeamsError(
          'USAGE',
          `${ignored.join(', ')} ${ignored.length === 1 ? 'applies' : 'apply'} to analysing a project, not to re-rendering one with --from`,
          'a saved analysis keeps the settings it was made with; --merge, --move, --format, --level and --output apply',
        );
      }
      const [{ loadAnalysis, reviseAnalysis }, { parseMove, parseMerge }, nodePath] = await Promise.all([
        import('../../load-analysis.js'),
        import('../../cluster/edit-partition.js'),
        import('node:path'),
      ]);
      analysis = reviseAnalysis(loadAnalysis(nodePath.resolve(io.cwd, flags.from), flags.from), {
        moves: (flags.move ?? []).map(parseMove),
        merges: (flags.merge ?? []).map(parseMerge),
      });
    }
    await emitReport(analysis, flags, io);
    setExit(EXIT_OK);
  });
}

/** The analysis flags given (in declaration order, the `--no-` ones last): they cannot change a saved analysis. */
function analysisOnlyFlags(command: Command, flags: ReportFlags): string[] {
  const given = command.options.filter((option) => {
    const key = option.attributeName();
    if (RE_RENDER_FLAGS.has(key)) return false;
    const value = (flags as Record<string, unknown>)[key];
    return option.negate ? value === false : value !== undefined;
  });
  return [
    ...given.filter((option) => !option.negate).map((option) => option.long ?? option.flags),
    ...given.filter((option) => option.negate).map((option) => option.long ?? option.flags),
  ];
}
