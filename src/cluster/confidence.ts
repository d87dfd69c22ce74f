/**
 * How firmly each module sits in its service, and why. Louvain runs several times with seeds
 * derived from the seed (see louvain-groups.ts); the **consensus** of a module is the mean, over
 * those runs, of the share of its service's other modules that the run puts in the same group as
 * it (1: every run keeps it with its service; near 0: most runs put it elsewhere). This is the
 * co-assignment frequency of consensus clustering (Lancichinetti & Fortunato, Sci. Rep. 2012),
 * read against the partition kept. Modules placed after clustering (see attach-leftovers.ts) have
 * no consensus (null): their placement reason says why they are where they are. The **ties** are
 * the (up to) three modules of the same service it is most strongly joined to on the clustering
 * graph, with each signal's part of that weight.
 */
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import { pushTo, roundTo } from '../base/numbers.js';
import type { SignalName } from './clustering-graph.js';
import type { Confidence, WeightedEdge } from './types.js';

/** Ties reported per module. */
export const TIES = 3;

/** Below this consensus a module is listed for the architect to review. */
export const LOW_CONSENSUS = 0.6;

export function confidenceOf(
  services: readonly { modules: readonly ModuleId[] }[],
  runs: readonly ReadonlyMap<string, number>[],
  unitOf: ReadonlyMap<ModuleId, string>,
  edges: readonly WeightedEdge[],
  contributions: (a: ModuleId, b: ModuleId) => Partial<Record<SignalName, number>>,
): Record<ModuleId, Confidence> {
  const serviceOf = new Map<ModuleId, number>();
  services.forEach((service, index) => {
    for (const id of service.modules) serviceOf.set(id, index);
  });
  const ties = new Map<ModuleId, { module: ModuleId; weight: number }[]>();
  for (const edge of edges) {
    const service = serviceOf.get(edge.source);
    if (service === undefined || serviceOf.get(edge.target) !== service) continue;
    pushTo(ties, edge.source, { module: edge.target, weight: edge.weight });
    pushTo(ties, edge.target, { module: edge.source, weight: edge.weight });
  }
  const result: Record<ModuleId, Confidence> = Object.create(null) as Record<ModuleId, Confidence>;
  for (const service of services) {
    const clustered = service.modules.filter((id) => unitOf.has(id));
    // Per run: how many of the service's clustered modules each group holds.
    const counts = runs.map((run) => {
      const count = new Map<number, number>();
      for (const id of clustered) {
        const group = run.get(unitOf.get(id) as string);
        if (group !== undefined) count.set(group, (count.get(group) ?? 0) + 1);
      }
      return count;
    });
    for (const id of service.modules) {
      const unit = unitOf.get(id);
      let consensus: number | null = null;
      if (unit !== undefined && runs.length > 0) {
        consensus =
          clustered.length <= 1
            ? 1
            : runs.reduce((sum, run, index) => {
                const group = run.get(unit);
                const same = group === undefined ? 0 : ((counts[index] as Map<number, number>).get(group) ?? 1) - 1;
                return sum + same / (clustered.length - 1);
              }, 0) / runs.length;
        consensus = roundTo(consensus, 3);
      }
      const top = (ties.get(id) ?? [])
        .sort((a, b) => b.weight - a.weight || compareStrings(a.module, b.module))
        .slice(0, TIES)
        .map((tie) => ({
          module: tie.module,
          weight: roundTo(tie.weight, 3),
          signals: roundAll(contributions(id, tie.module)),
        }));
      result[id] = { consensus, ties: top };
    }
  }
  return result;
}

function roundAll(parts: Partial<Record<SignalName, number>>): Partial<Record<SignalName, number>> {
  return Object.fromEntries(Object.entries(parts).map(([name, weight]) => [name, roundTo(weight as number, 3)]));
}
