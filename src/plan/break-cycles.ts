/**
 * Breaking cycles between services: for each strongly connected component of the service
 * dependency graph, a small set of service dependencies whose removal makes it acyclic, found
 * with the greedy feedback-arc-set heuristic of Eades, Lin & Smyth ("A fast and effective
 * heuristic for the feedback arc set problem", IPL 1993), weighted by import count: repeatedly
 * move sinks to the end and sources to the front of an order; when neither exists, move to the
 * front the service with the largest (outgoing − incoming) import weight (ties by name). The
 * dependencies that point backwards in the order are the ones to cut, with the module imports
 * behind them ("cut these imports"). Deterministic; linear in the number of dependencies per step.
 */
import type { ClusterId } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ServiceDependency } from '../graph/types.js';
import type { CrossingImport, ServiceCycle } from './types.js';
import { pairKey } from '../base/collections.js';

export function breakCycles(
  components: readonly ClusterId[][],
  dependencies: readonly ServiceDependency[],
  crossing: ReadonlyMap<string, CrossingImport[]>,
): ServiceCycle[] {
  return components
    .filter((component) => component.length > 1)
    .map((component) => {
      const members = new Set(component);
      const inside = dependencies.filter((dependency) => members.has(dependency.from) && members.has(dependency.to));
      const order = eadesOrder(component, inside);
      const position = new Map(order.map((id, index) => [id, index]));
      const cut = inside
        .filter((dependency) => (position.get(dependency.to) as number) < (position.get(dependency.from) as number))
        .map((dependency) => ({ from: dependency.from, to: dependency.to, imports: dependency.imports }))
        .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
      const imports = cut.flatMap((dependency) => crossing.get(pairKey(dependency.from, dependency.to)) ?? []);
      return { services: [...component].sort(compareStrings), cut, imports };
    })
    .sort((a, b) => compareStrings(a.services[0] ?? '', b.services[0] ?? ''));
}

/**
 * Every pair of services that import each other directly (a two-service cycle), with the lighter
 * direction to cut (fewer module imports; on a tie, the direction the cycle breaks cut, so the two
 * pieces of advice agree, else the direction from the later name) and the imports behind it.
 * Sorted by the pair.
 */
export function mutualDependencies(
  dependencies: readonly ServiceDependency[],
  crossing: ReadonlyMap<string, CrossingImport[]>,
  cycleBreaks: readonly ServiceCycle[] = [],
): ServiceCycle[] {
  const cutByCycles = new Set(cycleBreaks.flatMap((cycle) => cycle.cut.map((item) => pairKey(item.from, item.to))));
  const byPair = new Map(dependencies.map((dependency) => [pairKey(dependency.from, dependency.to), dependency]));
  return dependencies
    .filter(
      (dependency) =>
        compareStrings(dependency.from, dependency.to) < 0 && byPair.has(pairKey(dependency.to, dependency.from)),
    )
    .map((forward) => {
      const backward = byPair.get(pairKey(forward.to, forward.from)) as ServiceDependency;
      const tie = backward.imports === forward.imports;
      const cut = tie
        ? cutByCycles.has(pairKey(forward.from, forward.to)) && !cutByCycles.has(pairKey(backward.from, backward.to))
          ? forward
          : backward
        : backward.imports < forward.imports
          ? backward
          : forward;
      return {
        services: [forward.from, forward.to],
        cut: [{ from: cut.from, to: cut.to, imports: cut.imports }],
        imports: crossing.get(pairKey(cut.from, cut.to)) ?? [],
      };
    });
}

/** The Eades-Lin-Smyth vertex order of one component; in and out weights are kept up to date as services leave, so each step costs their own edges only. */
export function eadesOrder(nodes: readonly ClusterId[], edges: readonly ServiceDependency[]): ClusterId[] {
  const remaining = new Set(nodes);
  const front: ClusterId[] = [];
  const back: ClusterId[] = [];
  const outWeight = new Map<ClusterId, number>(nodes.map((id) => [id, 0]));
  const inWeight = new Map<ClusterId, number>(nodes.map((id) => [id, 0]));
  const outEdges = new Map<ClusterId, ServiceDependency[]>();
  const inEdges = new Map<ClusterId, ServiceDependency[]>();
  for (const edge of edges) {
    if (edge.from === edge.to || !remaining.has(edge.from) || !remaining.has(edge.to)) continue;
    outWeight.set(edge.from, (outWeight.get(edge.from) ?? 0) + edge.imports);
    inWeight.set(edge.to, (inWeight.get(edge.to) ?? 0) + edge.imports);
    (outEdges.get(edge.from) ?? outEdges.set(edge.from, []).get(edge.from))?.push(edge);
    (inEdges.get(edge.to) ?? inEdges.set(edge.to, []).get(edge.to))?.push(edge);
  }
  const remove = (id: ClusterId) => {
    remaining.delete(id);
    for (const edge of outEdges.get(id) ?? [])
      if (remaining.has(edge.to)) inWeight.set(edge.to, (inWeight.get(edge.to) as number) - edge.imports);
    for (const edge of inEdges.get(id) ?? [])
      if (remaining.has(edge.from)) outWeight.set(edge.from, (outWeight.get(edge.from) as number) - edge.imports);
  };
  const sorted = () => [...remaining].sort(compareStrings);
  while (remaining.size > 0) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const id of sorted()) {
        if (outWeight.get(id) === 0) {
          back.unshift(id);
          remove(id);
          changed = true;
        } else if (inWeight.get(id) === 0) {
          front.push(id);
          remove(id);
          changed = true;
        }
      }
    }
    if (remaining.size === 0) break;
    let best = sorted()[0] as ClusterId;
    let bestDelta = -Infinity;
    for (const id of sorted()) {
      const delta = (outWeight.get(id) as number) - (inWeight.get(id) as number);
      if (delta > bestDelta) [best, bestDelta] = [id, delta];
    }
    front.push(best);
    remove(best);
  }
  return [...front, ...back];
}
