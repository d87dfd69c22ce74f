import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { emitReport } from '../emit.js';
import { EXIT_OK } from '../exit-codes.js';
import { type AnalysisFlags, tableOptions } from '../options.js';
import { runAnalysis } from '../run-analysis.js';

/** `seams analyze [path]`: analyse a project and print or write its report. */
export function analyzeCommand(program: Command, { io, setExit }: CommandContext): void {
  tableOptions(
    program
      .command('analyze')
      .alias('analyse')
      .description('analyse a project: module graph, candidate services, metrics and extraction plan')
      .argument('[path]', 'folder of the project to analyse', '.'),
    'analyze',
  ).action(async (path: string, flags: AnalysisFlags) => {
    await emitReport(await runAnalysis(path, flags, io), flags, io);
    setExit(EXIT_OK);
  });
}
