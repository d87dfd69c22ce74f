/**
 * The front half of the pipeline, shared by `analyze` and `check`: resolved settings → load the
 * project → extract every file's facts → the module graph. It reports progress and stage times
 * through the caller's hooks, lets the extraction follow imports out of the file selection where
 * the settings allow (reachFilter), and, for `analyze`, looks the finished analysis up in the
 * analysis cache by the key of everything it is a function of (analysis-cache.ts) before building
 * the graph; for `check`, it takes the graph from the last check's snapshot when only a few files
 * changed (check-snapshot.ts).
 */
import type { Analysis } from './analysis.js';
import { analysisKey, readCachedAnalysis } from './analysis-cache.js';
import type { Diagnostic } from './base/diagnostics.js';
import type { PipelineHooks, Progress } from './base/progress.js';
import { trustCache } from './cache-trust.js';
import { readSnapshot, recheck, snapshotContext, snapshotOf, writeSnapshot } from './check-snapshot.js';
import type { Settings } from './config/settings.js';
import type { ExtractOptions, ModuleRecord } from './extract/extract.js';
import type { Extraction } from './extract/types.js';
import { buildGraph } from './graph/build-graph.js';
import type { GateGraph, ModuleGraph } from './graph/types.js';
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
 * Loads, extracts and builds the graph for `analyze`. With a cache folder the analysis cache is
 * read after extraction: a stored analysis under the same key is returned as `{ cached }` and no
 * graph is built (stage `cached` instead of `extract`).
 */
export async function frontHalf(given: Settings, clock: StageClock): Promise<FrontHalf | { cached: Analysis }> {
  const { settings, project } = loadTrusted(given, clock);
  const extractStarted = performance.now();
  const { extract } = await import('./extract/extract.js');
  const extraction = await extract(project, extractOptions(settings, clock));
  const key = settings.cacheDir !== null ? analysisKey(settings, project, extraction) : null;
  const cached = key === null ? null : readCachedAnalysis(settings.cacheDir, key);
  if (cached !== null) {
    clock.observe('cached', performance.now() - extractStarted);
    return { cached };
  }
  clock.observe('extract', performance.now() - extractStarted);
  const graph = clock.time('graph', () => buildGraph(extraction));
  return { project, extraction, graph, key };
}

/**
 * The settings to run with, the cache folder dropped when it cannot be trusted (cache-trust.ts),
 * and the loaded project, whose diagnostics then say why.
 */
function loadTrusted(given: Settings, clock: StageClock): { settings: Settings; project: LoadedProject } {
  const { settings, diagnostic } = trustCache(given);
  const project = clock.time('load', () => loadProject(settings));
  if (diagnostic !== undefined) project.diagnostics.push(diagnostic);
  return { settings, project };
}

function extractOptions(settings: Settings, clock: StageClock): ExtractOptions {
  return {
    cacheDir: settings.cacheDir,
    mayReach: reachFilter(settings),
    onParsed: (done, total) => clock.progress({ stage: 'parse', done, total }),
    onResolved: (done, total) => clock.progress({ stage: 'resolve', done, total }),
  };
}

/** The front half for the gate: the project, the extraction's diagnostics and the graph `seams check` judges. */
export interface GateFrontHalf {
  project: LoadedProject;
  diagnostics: Diagnostic[];
  graph: GateGraph;
}

/**
 * The front half of `seams check`. With a cache folder, a run after a few edits takes the graph
 * from the last check's snapshot and reads, parses and resolves only the changed files (stage
 * `recheck`, check-snapshot.ts); when that cannot be exact it runs in full (stages `extract`,
 * `graph`) and stores a new snapshot.
 */
export async function gateFrontHalf(given: Settings, clock: StageClock): Promise<GateFrontHalf> {
  const { settings, project } = loadTrusted(given, clock);
  const cacheDir = settings.cacheDir;
  const started = performance.now();
  const context = cacheDir === null ? null : snapshotContext(settings, project, cacheDir);
  if (cacheDir !== null && context !== null) {
    const read = readSnapshot(cacheDir);
    // A snapshot it cannot use (malformed in a way its first reading did not show) means a full run, which fails as a full run would.
    const again = read === null ? null : await recheck(settings, project, cacheDir, read, context).catch(() => null);
    if (again !== null) {
      clock.observe('recheck', performance.now() - started);
      return { project, diagnostics: again.diagnostics, graph: again.graph };
    }
  }
  const made: { records?: ModuleRecord[]; skipped?: Diagnostic[]; separable?: boolean } = {};
  // Loaded here, not with this module: a re-check with no changed file never loads TypeScript.
  const { extract } = await import('./extract/extract.js');
  const extraction = await extract(project, {
    ...extractOptions(settings, clock),
    onRecords: (records, skipped, separable) => Object.assign(made, { records, skipped, separable }),
  });
  clock.observe('extract', performance.now() - started);
  const graph = clock.time('graph', () => buildGraph(extraction, { interfaces: false }));
  if (cacheDir !== null && context !== null && made.records !== undefined) {
    const snapshot = snapshotOf(context, extraction, graph, made.records, made.skipped ?? [], made.separable === true);
    if (snapshot !== null) writeSnapshot(cacheDir, snapshot);
  }
  return { project, diagnostics: extraction.diagnostics, graph };
}
