import type { Analysis } from '../analysis.js';
import type { CliIo } from './io.js';
import { type AnalysisFlags, parseNumber, projectSettings } from './options.js';

/** Runs the analysis the flags ask for, with a progress display on a terminal's standard error. */
export async function runAnalysis(path: string, flags: AnalysisFlags, io: CliIo): Promise<Analysis> {
  const [{ analyze }, { parseMove, parseMerge }, { progressDisplay, drawsProgress }] = await Promise.all([
    import('../analyze.js'),
    import('../cluster/edit-partition.js'),
    import('./progress.js'),
  ]);
  const stages: [string, number][] = [];
  const started = performance.now();
  const progress = progressDisplay(io.stderr, drawsProgress(io, flags.quiet));
  let analysis: Analysis;
  try {
    analysis = await analyze({
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
      onStage: (stage, milliseconds) => stages.push([stage, milliseconds]),
      onProgress: progress.listen,
    });
  } finally {
    progress.done();
  }
  if (flags.timings) io.stderr(formatTimings(stages, performance.now() - started, analysis.graph.modules.length));
  return analysis;
}

/** `--timings`: the wall time of every stage, the total and the peak resident memory. */
export function formatTimings(stages: readonly [string, number][], total: number, modules: number): string {
  const row = (name: string, milliseconds: number) => `  ${name.padEnd(9)} ${milliseconds.toFixed(0).padStart(7)} ms`;
  const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(7);
  return `timings (${modules} modules)\n${[...stages.map(([stage, ms]) => row(stage, ms)), row('total', total)].join('\n')}\n  peak RSS  ${peak} MB\n`;
}
