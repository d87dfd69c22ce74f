/**
 * What every report format shows, decided once: the columns of the services table with their
 * legend (Martin 1994; IFN, Jin et al. 2019), one row per service, the clustering signals worth
 * naming, the order services are presented in, and capped lists of import sites. The formats only
 * choose the markup.
 */
import type { Analysis } from '../analysis.js';
import { compareStrings } from '../base/compare.js';
import type { SignalSummary } from '../cluster/clustering-graph.js';
import type { ClusterId, ClusterKind } from '../cluster/types.js';
import type { ServiceMetrics } from '../metrics/types.js';
import type { CrossingImport } from '../plan/types.js';

/** One numeric column of the services table. */
export interface ServiceColumn {
  /** Header, and the name the legend uses (`Ca`). */
  name: string;
  /** `count`: a whole number; `ratio`: a share shown with two decimals. */
  kind: 'count' | 'ratio';
  /** Reads the value from a service's metrics. */
  value: (metrics: ServiceMetrics) => number;
  /** Its entry in the one-line legend under the table, or null (self-explanatory). */
  legend: string | null;
  /** A sentence for a tooltip: what it measures and which way is better. */
  title: string;
}

/** The numeric columns of the services table, in the order every format shows them. */
export const SERVICE_COLUMNS: readonly ServiceColumn[] = [
  { name: 'files', kind: 'count', value: (m) => m.files, legend: null, title: 'modules in the service' },
  { name: 'lines', kind: 'count', value: (m) => m.lines, legend: null, title: 'physical lines' },
  {
    name: 'Ca',
    kind: 'count',
    value: (m) => m.ca,
    legend: 'Ca: modules outside importing in',
    title: 'afferent coupling: modules outside that import a module inside',
  },
  {
    name: 'Ce',
    kind: 'count',
    value: (m) => m.ce,
    legend: 'Ce: modules inside importing out',
    title: 'efferent coupling: modules inside that import a module outside',
  },
  {
    name: 'I',
    kind: 'ratio',
    value: (m) => m.instability,
    legend: 'I = Ce/(Ca+Ce)',
    title: 'instability Ce/(Ca+Ce): 0 stable, 1 unstable',
  },
  {
    name: 'A',
    kind: 'ratio',
    value: (m) => m.abstractness,
    legend: 'A: abstract share of exports',
    title: 'abstractness: abstract share of exports',
  },
  {
    name: 'D',
    kind: 'ratio',
    value: (m) => m.distance,
    legend: 'D = |A+I−1|, 0 best',
    title: 'distance from the main sequence |A+I−1|: 0 best',
  },
  {
    name: 'cohesion',
    kind: 'ratio',
    value: (m) => m.cohesion,
    legend: 'cohesion: share of its edges kept inside',
    title: 'share of its import edges that stay inside; higher is better',
  },
  {
    name: 'IFN',
    kind: 'count',
    value: (m) => m.interfaces,
    legend: 'IFN: names other services import from it',
    title: 'names other services import from it; lower is better',
  },
];

/** The coupling columns (Ca to IFN): the table without the size columns. */
export const COUPLING_COLUMNS: readonly ServiceColumn[] = SERVICE_COLUMNS.filter(
  (column) => column.name !== 'files' && column.name !== 'lines',
);

/** Where the definitions of the legend come from. */
export const SERVICE_LEGEND_SOURCES = 'Martin 1994; Jin et al. 2019';

/** The legend entries under the services table, in column order. */
export const SERVICE_LEGEND: readonly string[] = SERVICE_COLUMNS.flatMap((column) =>
  column.legend === null ? [] : [column.legend],
);

/** A value as plain text: counts as they are, ratios with two decimals (locale-independent). */
export function plainValue(column: ServiceColumn, metrics: ServiceMetrics): string {
  const value = column.value(metrics);
  return column.kind === 'ratio' ? value.toFixed(2) : String(value);
}

/** One row of the services table. */
export interface ServiceRow {
  /** The cluster. */
  id: ClusterId;
  /** Service, shared kernel, composition root or the unattached modules. */
  kind: ClusterKind;
  /** Its size and coupling metrics. */
  metrics: ServiceMetrics;
}

/** One row per measured cluster, in partition order. */
export function serviceRows(analysis: Analysis): ServiceRow[] {
  const kinds = new Map(analysis.partition.clusters.map((item) => [item.id, item.kind]));
  return analysis.metrics.services.map((metrics) => ({
    id: metrics.cluster,
    kind: kinds.get(metrics.cluster) ?? 'service',
    metrics,
  }));
}

/** The clustering signals that shaped the partition: switched on and connecting at least one pair. */
export function shownSignals(analysis: Analysis): SignalSummary[] {
  return analysis.clustering.signals.filter((signal) => signal.weight > 0 && signal.pairs > 0);
}

/** Services in extraction order (step rank, then the step's order), then any no step holds, by id. */
export function planOrder(analysis: Analysis): ClusterId[] {
  const steps = [...analysis.plan.steps].sort((a, b) => a.rank - b.rank);
  const ordered = [...new Set(steps.flatMap((step) => step.clusters))];
  const placed = new Set(ordered);
  const rest = analysis.partition.clusters
    .map((item) => item.id)
    .filter((id) => !placed.has(id))
    .sort(compareStrings);
  return [...ordered, ...rest];
}

/** An import statement as the reports list it. */
export interface ImportSiteRow {
  /** Importing module. */
  from: string;
  /** `file:line` of the statement. */
  site: string;
  /** Names imported; empty for the whole module (a side-effect import). */
  names: string[];
  /** Module that declares the names. */
  to: string;
  /** The barrel the statement goes through, if any. */
  via: string | undefined;
  /** A type-only import. */
  typeOnly: boolean;
  /** A type-only import the framework wires at run time. */
  wired: boolean;
}

/** The first `limit` import statements of a list and how many are left out. */
export function importSiteRows(
  sites: readonly CrossingImport[],
  limit: number,
): { rows: ImportSiteRow[]; more: number } {
  return {
    rows: sites.slice(0, limit).map((item) => ({
      from: item.from,
      site: `${item.from}:${item.line}`,
      names: item.symbols,
      to: item.to,
      via: item.via,
      typeOnly: item.typeOnly,
      wired: item.wired === true,
    })),
    more: Math.max(0, sites.length - limit),
  };
}
