/**
 * The two graphs the Mermaid and DOT reporters draw, as plain lists with generated node ids
 * (`s<i>` for services, `m<i>` for modules, by sorted index) so that no name from the analysed code
 * is ever used as an identifier: names only appear in labels, which each format escapes.
 */
import type { Analysis } from '../analysis.js';
import type { Cluster, ClusterId } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';

/** Which graph to draw: candidate services and their dependencies, or modules grouped by service. */
export type GraphLevel = 'service' | 'module';

/** One candidate service as a node. */
export interface ServiceNode {
  /** Generated identifier, `s<index>` in cluster id order. */
  key: string;
  /** The service. */
  cluster: ClusterId;
  /** True for the shared kernel. */
  kernel: boolean;
  /** Number of modules. */
  files: number;
  /** Physical lines of its modules. */
  lines: number;
}

/** One service dependency as an edge. */
export interface ServiceEdge {
  /** Key of the importing service. */
  from: string;
  /** Key of the imported service. */
  to: string;
  /** Module edges behind it. */
  imports: number;
  /** True when every one of them is type-only. */
  typeOnly: boolean;
  /** True when both services lie on the same cycle (strongly connected component) of services. */
  cycle: boolean;
  /** True when one end is the shared kernel. */
  kernel: boolean;
}

/** The service-level graph: nodes in cluster id order, edges in (from, to) id order. */
export interface ServiceView {
  nodes: ServiceNode[];
  edges: ServiceEdge[];
}

/** One module as a node. */
export interface ModuleNodeView {
  /** Generated identifier, `m<index>` in module id order. */
  key: string;
  /** The module. */
  id: ModuleId;
}

/** The modules of one service, drawn as a subgraph. */
export interface ModuleGroup {
  /** Generated identifier of the service, as in the service view. */
  key: string;
  /** Index of the service in cluster id order (DOT names the subgraph `cluster_<index>`). */
  index: number;
  /** The service. */
  cluster: ClusterId;
  /** True for the shared kernel. */
  kernel: boolean;
  /** Its modules, in module id order. */
  modules: ModuleNodeView[];
}

/** One import edge between modules, as written (a barrel is the target when the import names it). */
export interface ModuleEdgeView {
  /** Key of the importing module. */
  from: string;
  /** Key of the imported module. */
  to: string;
  /** True when every import between the pair is type-only and none is framework wiring (which couples at run time). */
  typeOnly: boolean;
  /** True when the two modules are in different services that lie on the same cycle of services. */
  cycle: boolean;
}

/** The module-level graph: modules grouped by service, plus any module no service holds. */
export interface ModuleView {
  groups: ModuleGroup[];
  /** Modules without a service (none in a normal analysis), in module id order. */
  ungrouped: ModuleNodeView[];
  /** Edges in (from, to) module id order. */
  edges: ModuleEdgeView[];
}

/** `2 files, 15 lines`: the size line of a service node. */
export function sizeLabel(node: ServiceNode): string {
  return `${node.files} ${node.files === 1 ? 'file' : 'files'}, ${node.lines} ${node.lines === 1 ? 'line' : 'lines'}`;
}

/** Services sorted by id with their generated keys. */
function keyedClusters(analysis: Analysis): { cluster: Cluster; key: string; index: number }[] {
  return [...analysis.partition.clusters]
    .sort((a, b) => compareStrings(a.id, b.id))
    .map((cluster, index) => ({ cluster, key: `s${index}`, index }));
}

/** Service -> index of the service cycle it lies on; services on no cycle are absent. */
function cycleComponents(analysis: Analysis): Map<ClusterId, number> {
  const component = new Map<ClusterId, number>();
  analysis.plan.cycles.forEach((services, index) => {
    for (const id of services) component.set(id, index);
  });
  return component;
}

function onSameCycle(component: Map<ClusterId, number>, a: ClusterId | undefined, b: ClusterId | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return false;
  const index = component.get(a);
  return index !== undefined && index === component.get(b);
}

/** The service dependency graph of an analysis (`plan.dependencies`). */
export function serviceView(analysis: Analysis): ServiceView {
  const lines = new Map(analysis.graph.modules.map((module) => [module.id, module.lines]));
  const clusters = keyedClusters(analysis);
  const byId = new Map(clusters.map((item) => [item.cluster.id, item]));
  const component = cycleComponents(analysis);
  const nodes = clusters.map(({ cluster, key }) => ({
    key,
    cluster: cluster.id,
    kernel: cluster.kind === 'kernel',
    files: cluster.modules.length,
    lines: cluster.modules.reduce((sum, id) => sum + (lines.get(id) ?? 0), 0),
  }));
  const edges: ServiceEdge[] = [];
  const dependencies = [...analysis.plan.dependencies].sort(
    (a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to),
  );
  for (const dependency of dependencies) {
    const from = byId.get(dependency.from);
    const to = byId.get(dependency.to);
    if (from === undefined || to === undefined) continue;
    edges.push({
      from: from.key,
      to: to.key,
      imports: dependency.imports,
      typeOnly: dependency.imports > 0 && dependency.typeOnly === dependency.imports,
      cycle: onSameCycle(component, dependency.from, dependency.to),
      kernel: from.cluster.kind === 'kernel' || to.cluster.kind === 'kernel',
    });
  }
  return { nodes, edges };
}

/**
 * The module graph of an analysis, grouped by service. It draws `graph.edges`, the imports as
 * written (an import through a barrel goes to the barrel), not the see-through `graph.dependencies`
 * the metrics read: a reader checks this picture against the source.
 */
export function moduleView(analysis: Analysis): ModuleView {
  const ids = analysis.graph.modules.map((module) => module.id).sort(compareStrings);
  const keys = new Map(ids.map((id, index) => [id, `m${index}`]));
  const component = cycleComponents(analysis);
  const groups: ModuleGroup[] = keyedClusters(analysis).map(({ cluster, key, index }) => ({
    key,
    index,
    cluster: cluster.id,
    kernel: cluster.kind === 'kernel',
    modules: cluster.modules
      .filter((id) => keys.has(id))
      .sort(compareStrings)
      .map((id) => ({ key: keys.get(id) ?? '', id })),
  }));
  const serviceOf = new Map(
    groups.flatMap((group) => group.modules.map((module) => [module.id, group.cluster] as const)),
  );
  const ungrouped = ids.filter((id) => !serviceOf.has(id)).map((id) => ({ key: keys.get(id) ?? '', id }));
  const edges: ModuleEdgeView[] = [];
  const sorted = [...analysis.graph.edges].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  for (const edge of sorted) {
    const from = keys.get(edge.from);
    const to = keys.get(edge.to);
    if (from === undefined || to === undefined) continue;
    edges.push({
      from,
      to,
      typeOnly: edge.typeOnly && edge.wired !== true,
      cycle: onSameCycle(component, serviceOf.get(edge.from), serviceOf.get(edge.to)),
    });
  }
  return { groups, ungrouped, edges };
}
