/**
 * Cycles between modules: the strongly connected components of two or more modules of the
 * see-through dependency graph (strong-components.ts), each with a feedback arc set to cut
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
import { strongComponents } from './strong-components.js';
import type { DependencyEdge, ModuleCycle, ModuleGraph } from './types.js';

/** Every module cycle, sorted by its first module. */
export function moduleCycles(
  graph: ModuleGraph,
  limits: FeedbackArcSetLimits = FEEDBACK_ARC_SET_LIMITS,
): ModuleCycle[] {
  const ids = graph.modules.map((module) => module.id);
  const indexOf = new Map(ids.map((id, at) => [id, at]));
  const successors: number[][] = ids.map(() => []);
  for (const edge of graph.dependencies) {
    const from = indexOf.get(edge.from);
    const to = indexOf.get(edge.to);
    if (from !== undefined && to !== undefined && from !== to) successors[from]?.push(to);
  }
  const componentOfIndex = strongComponents(ids.length, successors);
  const sizes = new Map<number, number>();
  for (const component of componentOfIndex) sizes.set(component, (sizes.get(component) ?? 0) + 1);
  const componentOf = new Map<ModuleId, number>();
  ids.forEach((id, at) => {
    const component = componentOfIndex[at] as number;
    if ((sizes.get(component) ?? 0) > 1) componentOf.set(id, component);
  });
  const members = new Map<number, ModuleId[]>();
  for (const [id, component] of componentOf) getOrCreate(members, component, () => []).push(id);
  for (const list of members.values()) list.sort(compareStrings);
  const inside = new Map<number, DependencyEdge[]>();
  for (const edge of graph.dependencies) {
    const component = componentOf.get(edge.from);
    if (component !== undefined && component === componentOf.get(edge.to) && edge.from !== edge.to)
      getOrCreate(inside, component, () => []).push(edge);
  }
  const statements = importStatements(graph, componentOf);
  return [...members]
    .map(([component, modules]) => {
      const position = new Map(modules.map((id, at) => [id, at]));
      const edges = inside.get(component) ?? [];
      const arcs: Arc[] = edges.map((edge) => ({
        from: position.get(edge.from) as number,
        to: position.get(edge.to) as number,
        weight: Math.max(1, statements.get(pairKey(edge.from, edge.to)) ?? 0),
      }));
      const result = feedbackArcSet(modules.length, arcs, limits);
      const cut = result.cut.map((at) => {
        const edge = edges[at] as DependencyEdge;
        return { from: edge.from, to: edge.to, imports: (arcs[at] as Arc).weight };
      });
      return {
        modules,
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
  const count = (from: ModuleId, to: ModuleId, statements = 1) => {
    if (from === to || componentOf.get(from) === undefined || componentOf.get(from) !== componentOf.get(to)) return;
    const key = pairKey(from, to);
    counts.set(key, (counts.get(key) ?? 0) + statements);
  };
  for (const edge of graph.edges) {
    if (!componentOf.has(edge.from)) continue;
    // Usually every name is declared in the imported module itself: each statement counts once for that pair.
    if (edge.declarations.every((item) => item.module === edge.to)) {
      count(edge.from, edge.to, edge.details.length);
      continue;
    }
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
