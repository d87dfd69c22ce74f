import type { Analysis, AnalysisSettings } from '../analysis.js';
import type { Diagnostic } from '../base/diagnostics.js';
import { compareStrings } from '../base/compare.js';
import type { ClusterKind, Confidence } from '../cluster/types.js';
import type { ImportKind } from '../extract/types.js';
import type { EventChannel } from '../graph/events.js';
import type { Table } from '../graph/tables.js';
import type { Endpoint, ExternalImports, ImportDetail, ModuleCycle } from '../graph/types.js';
import { outsideByService, type OutsideFolder } from './explain.js';
import type { PartitionMetrics, ServiceMetrics } from '../metrics/types.js';
import type { Plan } from '../plan/types.js';

/** The JSON report: schema version 1 of the public contract (docs/report.md), plus extras. */
export interface JsonReport {
  schemaVersion: 1;
  tool: { name: 'seams'; version: string };
  settings: AnalysisSettings;
  summary: { modules: number; edges: number; dependencies: number; clusters: number; diagnostics: number };
  modules: {
    id: string;
    lines: number;
    cluster: string | null;
    packages: string[];
    builtins: string[];
    assets: string[];
    outsideFiles: string[];
    /** Afferent coupling: other modules that depend on it (see-through dependencies). */
    ca: number;
    /** Efferent coupling: other modules it depends on. */
    ce: number;
    /** Ce / (Ca + Ce), 0 when both are 0. */
    instability: number;
    reached?: true;
  }[];
  edges: {
    from: string;
    to: string;
    kinds: ImportKind[];
    typeOnly: boolean;
    symbols: string[];
    lines: number[];
    details: ImportDetail[];
    declarations: { symbol: string; module: string }[];
  }[];
  /** Cycles between modules, with the dependencies to cut. */
  moduleCycles: ModuleCycle[];
  /** HTTP endpoints and API operations, with full paths as far as static (graph stage). */
  endpoints: Endpoint[];
  /** The tables behind the entities, with the modules that read, write and use each. */
  tables: Table[];
  /** Events, messages and queues by name, with their emitters and listeners. */
  events: EventChannel[];
  /** Each cluster with its service metrics (zero for a cluster that was not measured). */
  clusters: ({
    id: string;
    label: string;
    kind: ClusterKind;
    pinned: boolean;
    modules: string[];
  } & Omit<ServiceMetrics, 'cluster'> & {
      packages: string[];
      builtins: string[];
      outsideFolders: OutsideFolder[];
    })[];
  clustering: Omit<Analysis['clustering'], 'edges'>;
  kernel: { module: string; reason: string }[];
  /** Modules placed by a rule (composition root, hubs, singletons, unattached), with the reason. */
  placement: { module: string; cluster: string; reason: string }[];
  /** Per module of a service: its consensus over the Louvain runs (null when placed by a rule) and its strongest ties. */
  confidence: ({ module: string; cluster: string } & Confidence)[];
  metrics: PartitionMetrics & { mojoFm: number | null };
  plan: Plan;
  diagnostics: Diagnostic[];
}

/** Maps an analysis onto the report contract. Pure; key order is fixed by construction. */
export function toJsonReport(analysis: Analysis): JsonReport {
  const { graph, partition, metrics, plan } = analysis;
  const serviceMetrics = new Map(metrics.services.map((service) => [service.cluster, service]));
  const externalsOf = (id: string): ExternalImports =>
    graph.externals[id] ?? { packages: [], builtins: [], assets: [] };
  const outside = outsideByService(analysis);
  const coupling = new Map(analysis.moduleFacts.coupling.map((item) => [item.module, item]));
  return {
    schemaVersion: 1,
    tool: analysis.tool,
    settings: analysis.settings,
    summary: {
      modules: graph.modules.length,
      edges: graph.edges.length,
      dependencies: graph.dependencies.length,
      clusters: partition.clusters.length,
      diagnostics: analysis.diagnostics.length,
    },
    modules: graph.modules.map((module) => ({
      id: module.id,
      lines: module.lines,
      cluster: partition.assignment[module.id] ?? null,
      packages: externalsOf(module.id).packages,
      builtins: externalsOf(module.id).builtins,
      assets: externalsOf(module.id).assets,
      outsideFiles: (externalsOf(module.id).outside ?? []).map((file) => file.path),
      ca: coupling.get(module.id)?.ca ?? 0,
      ce: coupling.get(module.id)?.ce ?? 0,
      instability: coupling.get(module.id)?.instability ?? 0,
      ...(module.reached === true ? { reached: true as const } : {}),
    })),
    edges: graph.edges.map((edge) => ({
      from: edge.from,
      to: edge.to,
      kinds: edge.kinds,
      typeOnly: edge.typeOnly,
      symbols: edge.symbols,
      lines: edge.lines,
      details: edge.details,
      declarations: edge.declarations,
    })),
    moduleCycles: analysis.moduleFacts.cycles,
    endpoints: graph.endpoints,
    tables: graph.tables,
    events: graph.events,
    clusters: partition.clusters.map((item) => {
      const service = serviceMetrics.get(item.id);
      return {
        id: item.id,
        label: item.label,
        kind: item.kind,
        pinned: item.pinned,
        modules: item.modules,
        files: service?.files ?? item.modules.length,
        lines: service?.lines ?? 0,
        ca: service?.ca ?? 0,
        ce: service?.ce ?? 0,
        instability: service?.instability ?? 0,
        abstractness: service?.abstractness ?? 0,
        distance: service?.distance ?? 0,
        cohesion: service?.cohesion ?? 0,
        interfaces: service?.interfaces ?? 0,
        packages: unionOf(item.modules.map((id) => externalsOf(id).packages)),
        builtins: unionOf(item.modules.map((id) => externalsOf(id).builtins)),
        outsideFolders: outside.get(item.id) ?? [],
      };
    }),
    clustering: {
      signals: analysis.clustering.signals,
      history: analysis.clustering.history,
      sweep: analysis.clustering.sweep,
    },
    kernel: Object.entries(partition.kernel)
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([module, reason]) => ({ module, reason })),
    placement: Object.entries(partition.placement)
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([module, reason]) => ({ module, cluster: partition.assignment[module] ?? '', reason })),
    confidence: Object.entries(partition.confidence)
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([module, confidence]) => ({
        module,
        cluster: partition.assignment[module] ?? '',
        consensus: confidence.consensus,
        ties: confidence.ties,
      })),
    metrics: {
      modularity: metrics.partition.modularity,
      mojoFm: metrics.partition.expected?.mojoFm ?? null,
      ...withoutModularity(metrics.partition),
    },
    plan: {
      steps: plan.steps,
      migrationImports: plan.migrationImports,
      dependencies: plan.dependencies,
      cycles: plan.cycles,
      cycleBreaks: plan.cycleBreaks,
      mutualDependencies: plan.mutualDependencies,
      apis: plan.apis,
      data: plan.data,
      interfaces: plan.interfaces,
    },
    diagnostics: analysis.diagnostics,
  };
}

/** The JSON report as text: two-space indentation, trailing newline, byte-identical across runs. */
export function renderJson(analysis: Analysis): string {
  return [...renderJsonChunks(analysis)].join('');
}

/**
 * The same text as renderJson, produced piece by piece, so a report of 20,000 modules is written
 * without building one string of a hundred megabytes and its copies. The concatenation equals
 * `JSON.stringify(report, null, 2) + '\n'` byte for byte: the report's values, and the values of
 * its objects (the plan, the metrics), are written one by one, and a long array in runs of
 * ARRAY_RUN elements, each run one native JSON.stringify of the run nested as deep as it stands
 * in the report (so the engine writes the indentation, see indentedRun).
 */
export function* renderJsonChunks(analysis: Analysis): Generator<string> {
  yield* valueChunks(toJsonReport(analysis), 0);
  yield '\n';
}

/** Elements of an array stringified together: few, so that a piece dies young (see base/json-chunks.ts RUN). */
const ARRAY_RUN = 32;

/** Objects and arrays this deep in the report or shallower are written part by part. */
const SPLIT_DEPTH = 3;

/** `value` as `JSON.stringify(value, null, 2)` writes it at `depth` levels of nesting, from its first character. */
function* valueChunks(value: unknown, depth: number): Generator<string> {
  const indent = '  '.repeat(depth);
  if (depth < SPLIT_DEPTH && Array.isArray(value) && value.length > 0) {
    yield '[\n';
    for (let start = 0; start < value.length; start += ARRAY_RUN) {
      const end = Math.min(start + ARRAY_RUN, value.length);
      yield `${indentedRun(value.slice(start, end), depth + 1)}${end < value.length ? ',' : ''}\n`;
    }
    yield `${indent}]`;
  } else if (depth < SPLIT_DEPTH && isPlainObject(value)) {
    const keys = Object.keys(value).filter((key) => writable(value[key]));
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (const [index, key] of keys.entries()) {
      yield `${indent}  ${JSON.stringify(key)}: `;
      yield* valueChunks(value[key], depth + 1);
      yield index < keys.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}}`;
  } else {
    yield depth === 0 ? JSON.stringify(value, null, 2) : indentedRun([value], depth).slice(2 * depth);
  }
}

/**
 * Array elements as JSON.stringify(…, null, 2) writes them as elements of an array `depth` levels
 * deep (depth >= 1), separated by `,\n`: the elements nested in `depth` arrays are stringified at once and the
 * enclosing brackets, `depth·(depth + 1)` characters on each side, are cut off.
 */
function indentedRun(items: unknown[], depth: number): string {
  let nested: unknown = items;
  for (let level = 1; level < depth; level++) nested = [nested];
  const cut = depth * (depth + 1);
  return JSON.stringify(nested, null, 2).slice(cut, -cut);
}

/** A value JSON.stringify writes as an object member (it leaves out undefined, functions and symbols). */
function writable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

function withoutModularity(metrics: PartitionMetrics): Omit<PartitionMetrics, 'modularity'> {
  const { modularity: _modularity, ...rest } = metrics;
  return rest;
}

function unionOf(lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())].sort(compareStrings);
}
