/**
 * Cycles between modules: the strongly connected components of two or more modules of the
 * see-through dependency graph (graphology-components), each with a feedback arc set to cut
 * (feedback-arc-set.ts). A dependency's weight is the number of import statements behind it, the
 * names of a statement split by the module that declares them as crossingImports does for
 * services, so the cut's weight is the import statements to remove or redirect. Type-only imports
 * count, as in the service plan and the coupling metrics: they still tie the files' compilation
 * and refactoring together. The graph has no self-loops (a module's imports of itself are dropped).
 */
import { compareStrings } from '../base/compare.js';
import { getOrCreate, pairKey } from '../base/collections.js';
import type { ModuleId } from '../extract/types.js';
import { type Arc, FEEDBACK_ARC_SET_LIMITS, type FeedbackArcSetLimits, feedbackArcSet } from './feedback-arc-set.js';
import { DirectedGraph, nodeId, nodeKey, stronglyConnectedComponents } from './graphology.js';
import type { DependencyEdge, ModuleCycle, ModuleGraph } from './types.js';

/** Every module cycle, sorted by its first module. */
export function moduleCycles(
  graph: ModuleGraph,
  limits: FeedbackArcSetLimits = FEEDBACK_ARC_SET_LIMITS,
): ModuleCycle[] {
  const directed = new DirectedGraph();
  for (const edge of graph.dependencies) {
    if (edge.from === edge.to) continue;
    directed.mergeNode(nodeKey(edge.from));
    directed.mergeNode(nodeKey(edge.to));
    directed.mergeEdge(nodeKey(edge.from), nodeKey(edge.to));
  }
  const componentOf = new Map<ModuleId, number>();
  const components = stronglyConnectedComponents(directed)
    .filter((component) => component.length > 1)
    .map((component) => component.map(nodeId).sort(compareStrings));
  components.forEach((members, index) => {
    for (const id of members) componentOf.set(id, index);
  });
  const inside = new Map<number, DependencyEdge[]>();
  for (const edge of graph.dependencies) {
    const component = componentOf.get(edge.from);
    if (component !== undefined && component === componentOf.get(edge.to) && edge.from !== edge.to)
      getOrCreate(inside, component, () => []).push(edge);
  }
  const statements = importStatements(graph, componentOf);
  return components
    .map((members, index) => {
      const position = new Map(members.map((id, at) => [id, at]));
      const edges = inside.get(index) ?? [];
      const arcs: Arc[] = edges.map((edge) => ({
        from: position.get(edge.from) as number,
        to: position.get(edge.to) as number,
        weight: Math.max(1, statements.get(pairKey(edge.from, edge.to)) ?? 0),
      }));
      const result = feedbackArcSet(members.length, arcs, limits);
      const cut = result.cut.map((at) => {
        const edge = edges[at] as DependencyEdge;
        return { from: edge.from, to: edge.to, imports: (arcs[at] as Arc).weight };
      });
      return {
        modules: members,
        dependencies: edges.length,
        cut,
        cutImports: cut.reduce((sum, item) => sum + item.imports, 0),
        exact: result.exact,
        minimal: result.minimal,
      };
    })
    .sort((a, b) => compareStrings(a.modules[0] ?? '', b.modules[0] ?? ''));
}

/** Import statements behind each see-through dependency inside a component, keyed by pairKey(from, to). */
function importStatements(graph: ModuleGraph, componentOf: ReadonlyMap<ModuleId, number>): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (from: ModuleId, to: ModuleId) => {
    if (from === to || componentOf.get(from) === undefined || componentOf.get(from) !== componentOf.get(to)) return;
    const key = pairKey(from, to);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const edge of graph.edges) {
    if (!componentOf.has(edge.from)) continue;
    const declaredIn = new Map(edge.declarations.map((item) => [item.symbol, item.module]));
    for (const detail of edge.details) {
      if (detail.symbols.length === 0) {
        count(edge.from, edge.to);
        continue;
      }
      const targets = new Set(
        detail.symbols.map((symbol) => (symbol === '*' ? edge.to : (declaredIn.get(symbol) ?? edge.to))),
      );
      for (const target of targets) count(edge.from, target);
    }
  }
  return counts;
}
