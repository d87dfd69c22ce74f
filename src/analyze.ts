/**
 * The pipeline in order: settings → load → extract → graph (the front half, shared with `check`)
 * → clustering signals → cluster → service dependencies → metrics (of the partition, and of the
 * modules alone: coupling, cycles) → plan. Each stage is a
 * function of plain data; this file only runs them, times them and assembles the analysis.
 */
import type { Analysis } from './analysis.js';
import { writeCachedAnalysis } from './analysis-cache.js';
import { compareDiagnostics, type Diagnostic, relativizeDiagnostics } from './base/diagnostics.js';
import type { PipelineHooks } from './base/progress.js';
import { VERSION } from './base/version.js';
import { cluster } from './cluster/cluster.js';
import { editPartition } from './cluster/edit-partition.js';
import { clusteringSignals } from './cluster/signals.js';
import { type AnalyzeOptions, resolveSettings } from './config/resolve-settings.js';
import type { Settings } from './config/settings.js';
import { type History, readHistory } from './extract/read-history.js';
import { serviceDependencies } from './graph/service-dependencies.js';
import type { ModuleGraph } from './graph/types.js';
import { toModuleId } from './load/project.js';
import { measure } from './metrics/measure.js';
import { moduleCoupling } from './metrics/module-coupling.js';
import { moduleCycles } from './graph/module-cycles.js';
import { planExtraction } from './plan/plan-extraction.js';
import { frontHalf, type StageClock, stageClock } from './front-half.js';
import { collectGarbage } from './base/collect-garbage.js';

/** Modules from which a run collects its garbage between the last stages (collect-garbage.ts). */
const LARGE_RUN = 10_000;

/** Runs the whole pipeline on one project and returns the analysis; prints nothing (the hooks may, they are the caller's). */
export async function analyze(options: AnalyzeOptions & PipelineHooks = {}): Promise<Analysis> {
  const clock = stageClock(options);
  const settings = resolveSettings(options);
  const front = await frontHalf(settings, clock);
  if ('cached' in front) return front.cached;
  const { project, extraction, graph, key } = front;
  const history = await readHistoryIfAsked(settings, graph, clock);
  // Per-file facts have served the graph; the signals read only their terms. On large projects they
  // are the largest structure left, so only their diagnostics are kept from here on.
  const terms = new Map(extraction.modules.map((module) => [module.id, module.terms]));
  const extractionDiagnostics = extraction.diagnostics;
  extraction.modules.length = 0;
  const { stems, clustering } = clock.time('signals', () =>
    clusteringSignals(graph, { terms, history: history.history }, settings.cluster),
  );
  terms.clear();
  const partition = clock.time('cluster', () =>
    editPartition(cluster(graph, clustering, settings.cluster, stems), settings.cluster.edits),
  );
  const dependencies = serviceDependencies(graph, partition.assignment);
  const { metrics, moduleFacts } = clock.time('metrics', () => ({
    metrics: measure(graph, clustering.edges, partition, dependencies, settings.expected),
    moduleFacts: { coupling: moduleCoupling(graph), cycles: moduleCycles(graph) },
  }));
  // On a large project most of the heap is by now garbage of the stages before: collected here, it
  // does not pile up under the report and the caches (peak RSS, base/collect-garbage.ts).
  if (graph.modules.length >= LARGE_RUN) collectGarbage();
  const plan = clock.time('plan', () => planExtraction(graph, partition, dependencies));
  if (graph.modules.length >= LARGE_RUN) collectGarbage();
  const analysis: Analysis = {
    schemaVersion: 1,
    tool: { name: 'seams', version: VERSION },
    settings: {
      tsconfig: settings.tsconfig === null ? null : toModuleId(settings.root, settings.tsconfig),
      seed: settings.cluster.seed,
      resolution: partition.resolution,
      expected: settings.expectedSource,
    },
    graph,
    moduleFacts,
    clustering: {
      signals: clustering.summary,
      history: historySummary(history.history, settings.cluster.git),
      sweep: partition.sweep,
      edges: clustering.edges,
    },
    partition,
    metrics,
    plan,
    diagnostics: relativizeDiagnostics(
      [
        ...project.diagnostics,
        ...extractionDiagnostics,
        ...historyDiagnostics(history.history, settings.cluster.git, history.problem),
        ...graph.diagnostics,
        ...shapeDiagnostics(graph),
      ],
      settings.root,
    ).sort(compareDiagnostics),
  };
  // A run that had to discard a corrupt cache says so once; its diagnostics are not stored for later runs.
  if (
    key !== null &&
    !settings.cluster.git &&
    !analysis.diagnostics.some((diagnostic) => diagnostic.code === 'CACHE_DISCARDED')
  )
    writeCachedAnalysis(settings.cacheDir, key, analysis);
  return analysis;
}

/** Git history for change coupling when `--git` asks for it (null when unavailable), and why it is missing. */
async function readHistoryIfAsked(
  settings: Settings,
  graph: ModuleGraph,
  clock: StageClock,
): Promise<{ history: History | null; problem: string | null }> {
  if (!settings.cluster.git) return { history: null, problem: null };
  const started = performance.now();
  clock.progress({ stage: 'history' });
  let problem: string | null = null;
  const history = await readHistory(
    settings.root,
    new Set(graph.modules.map((module) => module.id)),
    settings.cluster,
    (message) => (problem = message),
  );
  clock.observe('history', performance.now() - started);
  return { history, problem };
}

/** A graph with several modules and no internal import at all cannot be decomposed: say so. */
function shapeDiagnostics(graph: ModuleGraph): Diagnostic[] {
  if (graph.modules.length < 2 || graph.edges.length > 0) return [];
  return [
    {
      code: 'NO_INTERNAL_IMPORTS',
      message:
        'no analysed file imports another: there is nothing to decompose, and every file is listed as unattached',
    },
  ];
}

function historySummary(history: History | null, requested: boolean): Analysis['clustering']['history'] {
  if (!requested || history === null) return null;
  return { commits: history.commits, skippedCommits: history.skippedCommits, pairs: history.pairs.length };
}

function historyDiagnostics(history: History | null, requested: boolean, problem: string | null): Diagnostic[] {
  if (!requested || history !== null) return [];
  if (problem !== null) return [{ code: 'GIT_TIMEOUT', message: problem }];
  return [
    {
      code: 'GIT_UNAVAILABLE',
      message:
        '--git: the analysed folder is not in a git repository (or git is not installed); change coupling is off',
    },
  ];
}
