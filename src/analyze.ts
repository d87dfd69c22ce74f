import type { Analysis } from './analysis.js';
import { cluster } from './cluster/cluster.js';
import { weighEdges } from './cluster/weigh-edges.js';
import { resolveSettings, type AnalyzeOptions } from './config/resolve-settings.js';
import { compareDiagnostics } from './diagnostics.js';
import { extract } from './extract/extract.js';
import { buildGraph } from './graph/build-graph.js';
import { loadProject } from './load/load-project.js';
import { toModuleId } from './load/project.js';
import { measure } from './metrics/measure.js';
import { planExtraction } from './plan/plan-extraction.js';
import { VERSION } from './version.js';

/** Runs the whole pipeline on one project and returns the analysis; prints nothing. */
export async function analyze(options: AnalyzeOptions = {}): Promise<Analysis> {
  const settings = resolveSettings(options);
  const project = loadProject(settings);
  const extraction = extract(project);
  const graph = buildGraph(extraction);
  const weighted = weighEdges(graph, settings.cluster);
  const partition = cluster(graph, weighted, settings.cluster);
  const metrics = measure(graph, weighted, partition, settings.expected);
  const plan = planExtraction(graph, partition);
  return {
    schemaVersion: 1,
    tool: { name: 'seams', version: VERSION },
    settings: {
      tsconfig: settings.tsconfig === null ? null : toModuleId(settings.root, settings.tsconfig),
      seed: settings.cluster.seed,
      resolution: settings.cluster.resolution,
      expected: settings.expectedSource,
    },
    graph,
    partition,
    metrics,
    plan,
    diagnostics: [...project.diagnostics, ...extraction.diagnostics].sort(compareDiagnostics),
  };
}
