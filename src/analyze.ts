import type { Analysis } from './analysis.js';
import { changeEdges } from './cluster/change-edges.js';
import { cluster } from './cluster/cluster.js';
import { editPartition } from './cluster/edit-partition.js';
import { combineSignals } from './cluster/clustering-graph.js';
import { domainStems } from './cluster/domain-stems.js';
import { stemEdges } from './cluster/stem-edges.js';
import { entityEdges } from './cluster/entity-edges.js';
import { semanticEdges } from './cluster/semantic-edges.js';
import { weighEdges } from './cluster/weigh-edges.js';
import { resolveSettings, type AnalyzeOptions } from './config/resolve-settings.js';
import { compareDiagnostics, relativizeDiagnostics, type Diagnostic } from './base/diagnostics.js';
import { analysisKey, readCachedAnalysis, writeCachedAnalysis } from './analysis-cache.js';
import { extract, readSources } from './extract/extract.js';
import { readHistory, type History } from './extract/read-history.js';
import { buildGraph } from './graph/build-graph.js';
import { serviceDependencies } from './graph/service-dependencies.js';
import { loadProject } from './load/load-project.js';
import { reachFilter } from './load/select-files.js';
import { toModuleId } from './load/project.js';
import { measure } from './metrics/measure.js';
import { planExtraction } from './plan/plan-extraction.js';
import { VERSION } from './base/version.js';
import type { Progress, StageObserver } from './base/progress.js';

export type { Progress, StageObserver } from './base/progress.js';

/** Runs the whole pipeline on one project and returns the analysis; prints nothing (`progress` may, it is the caller's). */
export async function analyze(
  options: AnalyzeOptions = {},
  observe: StageObserver = () => undefined,
  progress: (event: Progress) => void = () => undefined,
): Promise<Analysis> {
  const time = <T>(stage: Progress['stage'], run: () => T): T => {
    progress({ stage });
    const started = performance.now();
    const result = run();
    observe(stage, performance.now() - started);
    return result;
  };
  const settings = resolveSettings(options);
  const project = time('load', () => loadProject(settings));
  const extractStarted = performance.now();
  const sources = readSources(project);
  const extraction = await extract(
    project,
    {
      cacheDir: settings.cacheDir,
      mayReach: reachFilter(settings),
      onParsed: (done, total) => progress({ stage: 'parse', done, total }),
      onResolved: (done, total) => progress({ stage: 'resolve', done, total }),
    },
    sources,
  );
  const key = analysisKey(settings, project, extraction);
  const cached = readCachedAnalysis(settings.cacheDir, key);
  if (cached !== null) {
    observe('cached', performance.now() - extractStarted);
    return cached;
  }
  observe('extract', performance.now() - extractStarted);
  const graph = time('graph', () => buildGraph(extraction));
  const historyStarted = performance.now();
  if (settings.cluster.git) progress({ stage: 'history' });
  let historyProblem: string | null = null;
  const history = settings.cluster.git
    ? await readHistory(
        settings.root,
        new Set(graph.modules.map((module) => module.id)),
        settings.cluster,
        (message) => (historyProblem = message),
      )
    : null;
  if (settings.cluster.git) observe('history', performance.now() - historyStarted);
  const { stems, signals } = time('signals', () => {
    const stems = domainStems(
      graph.modules.map((module) => module.id),
      graph.dependencies,
    ).stems;
    const signals = {
      static: weighEdges(graph, settings.cluster),
      semantic:
        settings.cluster.semanticWeight > 0
          ? semanticEdges(
              new Map(extraction.modules.map((module) => [module.id, module.terms])),
              settings.cluster.semantic,
            )
          : [],
      stem: settings.cluster.stemWeight > 0 ? stemEdges(stems) : [],
      change: history !== null && settings.cluster.changeWeight > 0 ? changeEdges(history) : [],
      data: settings.cluster.dataWeight > 0 ? entityEdges(graph.data) : [],
    };
    return { stems, signals };
  });
  // Per-file facts have served the graph and the signals; on large projects they are the largest
  // structure left, so only their diagnostics are kept from here on.
  const extractionDiagnostics = extraction.diagnostics;
  extraction.modules.length = 0;
  const clusteringGraph = combineSignals(signals, settings.cluster);
  const clustered = time('cluster', () => cluster(graph, clusteringGraph, settings.cluster, stems));
  const partition =
    settings.cluster.edits.merges.length + settings.cluster.edits.moves.length === 0
      ? clustered
      : editPartition(clustered, settings.cluster.edits);
  const dependencies = serviceDependencies(graph, partition.assignment);
  const metrics = time('metrics', () =>
    measure(graph, clusteringGraph.edges, partition, dependencies, settings.expected),
  );
  const plan = time('plan', () => planExtraction(graph, partition, dependencies));
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
    clustering: {
      signals: clusteringGraph.summary,
      history: historySummary(history, settings.cluster.git),
      sweep: partition.sweep,
      edges: clusteringGraph.edges,
    },
    partition,
    metrics,
    plan,
    diagnostics: relativizeDiagnostics(
      [
        ...project.diagnostics,
        ...extractionDiagnostics,
        ...historyDiagnostics(history, settings.cluster.git, historyProblem),
        ...shapeDiagnostics(graph),
      ],
      settings.root,
    ).sort(compareDiagnostics),
  };
  // A run that had to discard a corrupt cache says so once; its diagnostics are not stored for later runs.
  if (!settings.cluster.git && !analysis.diagnostics.some((diagnostic) => diagnostic.code === 'CACHE_DISCARDED'))
    writeCachedAnalysis(settings.cacheDir, key, analysis);
  return analysis;
}

/** A graph with several modules and no internal import at all cannot be decomposed: say so. */
function shapeDiagnostics(graph: Analysis['graph']): Diagnostic[] {
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
