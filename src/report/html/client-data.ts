/** The data the inline script reads (tooltip, details panel): one plain object per service. */
import type { Analysis } from '../../analysis.js';
import type { ClusterId, ClusterKind } from '../../cluster/types.js';
import { compareStrings } from '../../base/compare.js';
import type { ReportModel } from './report-model.js';
import { COUPLING_COLUMNS, plainValue } from '../view-model.js';

/** API names the tooltip lists. */
const TOOLTIP_API_NAMES = 6;
/** Modules per service the details panel lists (the JSON report has them all). */
const MODULES_IN_DATA = 2000;

/** One service as the script sees it. */
export interface ClientService {
  /** The cluster. */
  id: ClusterId;
  /** Service, shared kernel, composition root or the unattached modules. */
  kind: ClusterKind;
  /** Rank of the plan step that extracts it, or null. */
  step: number | null;
  /** Anchor of its card. */
  card: string;
  /** Modules. */
  files: number;
  /** Physical lines. */
  lines: number;
  /** Ca, Ce, I, A, D, cohesion, IFN, formatted. */
  metrics: [string, string][];
  /** API names other services import, most used first: name, kind, consumers, import sites. */
  api: { operations: number; types: number; top: [string, 'operation' | 'type', string, number][] };
  /** Modules with their lines, sorted by id. */
  modules: [string, number][];
  /** Modules left out of `modules`. */
  moreModules: number;
  /** Services it imports, with import counts, heaviest first. */
  out: [ClusterId, number][];
  /** Services that import it, with import counts, heaviest first. */
  in: [ClusterId, number][];
}

/** The script's data: every service, in plan order (an array, so no id can clash with an object key like `__proto__`). */
export function buildClientData(analysis: Analysis, model: ReportModel): { services: ClientService[] } {
  const apis = new Map(analysis.plan.apis.map((item) => [item.cluster, item.symbols]));
  const byWeight = (a: [ClusterId, number], b: [ClusterId, number]) => b[1] - a[1] || compareStrings(a[0], b[0]);
  const outbound = new Map<ClusterId, [ClusterId, number][]>();
  const inbound = new Map<ClusterId, [ClusterId, number][]>();
  for (const dep of analysis.plan.dependencies) {
    if (dep.from === dep.to) continue;
    if (!outbound.has(dep.from)) outbound.set(dep.from, []);
    if (!inbound.has(dep.to)) inbound.set(dep.to, []);
    outbound.get(dep.from)?.push([dep.to, dep.imports]);
    inbound.get(dep.to)?.push([dep.from, dep.imports]);
  }
  const services = model.order.map((id, index): ClientService => {
    const cluster = model.clusters.get(id);
    const metrics = model.metrics.get(id);
    const symbols = [...(apis.get(id) ?? [])].sort(
      (a, b) =>
        b.importSites - a.importSites || compareStrings(a.symbol, b.symbol) || compareStrings(a.module, b.module),
    );
    const modules = cluster?.modules ?? [];
    return {
      id,
      kind: cluster?.kind ?? 'service',
      step: model.stepOf.get(id) ?? null,
      card: `card-${index + 1}`,
      files: metrics?.files ?? modules.length,
      lines: metrics?.lines ?? 0,
      metrics:
        metrics === undefined
          ? []
          : COUPLING_COLUMNS.map((column): [string, string] => [column.name, plainValue(column, metrics)]),
      api: {
        operations: symbols.filter((item) => item.kind === 'operation').length,
        types: symbols.filter((item) => item.kind === 'type').length,
        top: symbols
          .slice(0, TOOLTIP_API_NAMES)
          .map((item) => [item.symbol, item.kind, item.consumers.join(', '), item.importSites]),
      },
      modules: modules.slice(0, MODULES_IN_DATA).map((module) => [module, model.linesOf.get(module) ?? 0]),
      moreModules: Math.max(0, modules.length - MODULES_IN_DATA),
      out: [...(outbound.get(id) ?? [])].sort(byWeight),
      in: [...(inbound.get(id) ?? [])].sort(byWeight),
    };
  });
  return { services };
}
