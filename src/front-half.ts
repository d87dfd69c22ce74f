/**
 * The front half of the pipeline, shared by `analyze` and `check`: resolved settings → load the
 * project → extract every file's facts → the module graph. It reports progress and stage times
 * through the caller's hooks, lets the extraction follow imports out of the file selection where
 * the settings allow (reachFilter), and, for `analyze`, looks the finished analysis up in the
 * analysis cache by the key of everything it is a function of (analysis-cache.ts) before building
 * the graph.
 */
import type { Analysis } from './analysis.js';
import { analysisKey, readCachedAnalysis } from './analysis-cache.js';
import type { PipelineHooks, Progress } from './base/progress.js';
import type { Settings } from './config/settings.js';
import { extract } from './extract/extract.js';
import type { Extraction } from './extract/types.js';
import { buildGraph, type GraphOptions } from './graph/build-graph.js';
import type { ModuleGraph } from './graph/types.js';
import { loadProject } from './load/load-project.js';
import type { LoadedProject } from './load/project.js';
import { reachFilter } from './load/select-files.js';

/** Runs one stage: its progress event as it starts, its wall time as it ends. */
export interface StageClock {
  /** Runs `run` as `stage`. */
  time: <T>(stage: Progress['stage'], run: () => T) => T;
  /** Reports a stage's wall time measured by the caller. */
  observe: (stage: string, milliseconds: number) => void;
  /** Reports a progress event. */
  progress: (event: Progress) => void;
}

/** The caller's hooks as a stage clock (absent hooks do nothing). */
export function stageClock(hooks: PipelineHooks): StageClock {
  const observe = hooks.onStage ?? (() => undefined);
  const progress = hooks.onProgress ?? (() => undefined);
  return {
    observe,
    progress,
    time: (stage, run) => {
      progress({ stage });
      const started = performance.now();
      const result = run();
      observe(stage, performance.now() - started);
      return result;
    },
  };
}

/** The project up to its module graph. */
export interface FrontHalf {
  /** The loaded project (its diagnostics are the run's first). */
  project: LoadedProject;
  /** Every module's facts; the back half may empty `modules` once it has read them. */
  extraction: Extraction;
  /** The module graph. */
  graph: ModuleGraph;
  /** The analysis-cache key of this run, or null when the cache was not asked for. */
  key: string | null;
}

/**
 * Loads, extracts and builds the graph. With `reuse: 'analysis'` the analysis cache is read after
 * extraction: a stored analysis under the same key is returned as `{ cached }` and no graph is
 * built (stage `cached` instead of `extract`).
 */
export async function frontHalf(
  settings: Settings,
  clock: StageClock,
  reuse: 'none',
  graphOptions?: GraphOptions,
): Promise<FrontHalf>;
export async function frontHalf(
  settings: Settings,
  clock: StageClock,
  reuse: 'analysis',
  graphOptions?: GraphOptions,
): Promise<FrontHalf | { cached: Analysis }>;
export async function frontHalf(
  settings: Settings,
  clock: StageClock,
  reuse: 'analysis' | 'none',
  graphOptions: GraphOptions = { interfaces: true },
): Promise<FrontHalf | { cached: Analysis }> {
  const project = clock.time('load', () => loadProject(settings));
  const extractStarted = performance.now();
  const extraction = await extract(project, {
    cacheDir: settings.cacheDir,
    mayReach: reachFilter(settings),
    onParsed: (done, total) => clock.progress({ stage: 'parse', done, total }),
    onResolved: (done, total) => clock.progress({ stage: 'resolve', done, total }),
  });
  const key = reuse === 'analysis' && settings.cacheDir !== null ? analysisKey(settings, project, extraction) : null;
  const cached = key === null ? null : readCachedAnalysis(settings.cacheDir, key);
  if (cached !== null) {
    clock.observe('cached', performance.now() - extractStarted);
    return { cached };
  }
  clock.observe('extract', performance.now() - extractStarted);
  const graph = clock.time('graph', () => buildGraph(extraction, graphOptions));
  return { project, extraction, graph, key };
}
