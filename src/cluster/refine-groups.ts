/**
 * Refinement against modularity's resolution limit (Fortunato & Barthélemy, PNAS 2007): on a
 * large graph, Louvain merges groups that are small against the whole graph even when they are
 * clearly separate, so large codebases get fewer, mixed services. Each group of at least
 * 2 · minPart units (minPartFor) is re-clustered on its own subgraph (Louvain, γ = 1, seeded), which finds its
 * finest parts; the parts are then merged back, one at a time, the least self-contained part into
 * the part it shares most weight with, until every part is nearly as self-contained as the group
 * was: its conductance in the whole graph (weight leaving it over its volume) is at most
 * MAX_CONDUCTANCE_RATIO times the group's. Parts of one domain, tied to each other by its
 * services, merge back into one group (each alone leaks far more than the domain does); domains
 * that only noise joins stay apart. A split stands only when at least two parts of MIN_PART units
 * or more remain (minPartFor; smaller parts merge into their best neighbour); parts are refined again, to
 * MAX_DEPTH levels.
 */
import { louvainGroups } from './louvain-groups.js';
import type { WeightedEdge } from './types.js';
import { getOrCreate, unorderedPairKey } from '../base/collections.js';

/** Smallest part a split may leave, on a graph of up to 5,000 units. */
export const MIN_PART = 5;

/**
 * Smallest part a split may leave on a graph of `units` units: MIN_PART, or a thousandth of the
 * graph when that is more, so that a 20,000-file codebase is not cut into hundreds of sub-features.
 */
export function minPartFor(units: number): number {
  return Math.max(MIN_PART, Math.ceil(units / 1000));
}
/** How much leakier than its group a part may be and still stay split off. */
export const MAX_CONDUCTANCE_RATIO = 1.25;
/** Levels of splitting. */
export const MAX_DEPTH = 3;

export function refineGroups(
  groups: readonly string[][],
  edges: readonly WeightedEdge[],
  seed: number,
  minPart = MIN_PART,
): string[][] {
  const adjacency = new Map<string, WeightedEdge[]>();
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + edge.weight);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + edge.weight);
    for (const end of [edge.source, edge.target]) {
      const list = getOrCreate(adjacency, end, () => []);
      list.push(edge);
    }
  }
  const result: string[][] = [];
  const pending = groups.map((group) => ({ group, depth: 0 }));
  while (pending.length > 0) {
    const { group, depth } = pending.pop() as { group: string[]; depth: number };
    if (depth >= MAX_DEPTH || group.length < 2 * minPart) {
      result.push(group);
      continue;
    }
    const members = new Set(group);
    const inner: WeightedEdge[] = [];
    for (const id of group)
      for (const edge of adjacency.get(id) ?? []) if (edge.source === id && members.has(edge.target)) inner.push(edge);
    const found = louvainGroups(group, inner, 1, seed + depth);
    const parts = separatedParts(found, inner, degree, minPart);
    if (parts.length < 2) result.push(group);
    else for (const part of parts) pending.push({ group: part, depth: depth + 1 });
  }
  return result;
}

/** Merges parts back until each is nearly as self-contained as the group and large enough; returns what is left. */
function separatedParts(
  initial: string[][],
  inner: readonly WeightedEdge[],
  degree: ReadonlyMap<string, number>,
  minPart: number,
): string[][] {
  const parts = initial.map((part) => [...part]);
  const partOf = new Map<string, number>();
  parts.forEach((part, index) => {
    for (const id of part) partOf.set(id, index);
  });
  // volume: total weight of a part's units in the whole graph; internal: weight inside the part.
  const volume = parts.map((part) => part.reduce((sum, id) => sum + (degree.get(id) ?? 0), 0));
  const internal: number[] = parts.map(() => 0);
  const weights = new Map<string, number>();
  let groupInternal = 0;
  for (const edge of inner) {
    const a = partOf.get(edge.source) as number;
    const b = partOf.get(edge.target) as number;
    groupInternal += edge.weight;
    if (a === b) internal[a] = (internal[a] as number) + edge.weight;
    else weights.set(unorderedPairKey(a, b), (weights.get(unorderedPairKey(a, b)) ?? 0) + edge.weight);
  }
  const groupVolume = volume.reduce((sum, value) => sum + value, 0);
  const groupConductance = groupVolume === 0 ? 0 : (groupVolume - 2 * groupInternal) / groupVolume;
  const conductance = (index: number) =>
    (volume[index] as number) === 0
      ? 0
      : ((volume[index] as number) - 2 * (internal[index] as number)) / (volume[index] as number);
  const alive = new Set(parts.map((_, index) => index));
  while (alive.size > 1) {
    // The worst part: too small, else the leakiest (ties: the lower index).
    let worst = -1;
    let worstScore = -1;
    for (const index of alive) {
      const score = (parts[index] as string[]).length < minPart ? Infinity : conductance(index);
      if (score > worstScore) [worst, worstScore] = [index, score];
    }
    if (worstScore <= MAX_CONDUCTANCE_RATIO * groupConductance) break;
    let target = -1;
    let targetWeight = -1;
    for (const other of alive) {
      if (other === worst) continue;
      const weight = weights.get(unorderedPairKey(worst, other)) ?? 0;
      if (weight > targetWeight) [target, targetWeight] = [other, weight];
    }
    (parts[target] as string[]).push(...(parts[worst] as string[]));
    volume[target] = (volume[target] as number) + (volume[worst] as number);
    internal[target] = (internal[target] as number) + (internal[worst] as number) + Math.max(0, targetWeight);
    for (const other of alive) {
      if (other === worst || other === target) continue;
      const moved = weights.get(unorderedPairKey(worst, other)) ?? 0;
      if (moved > 0)
        weights.set(unorderedPairKey(target, other), (weights.get(unorderedPairKey(target, other)) ?? 0) + moved);
    }
    alive.delete(worst);
  }
  return [...alive].map((index) => parts[index] as string[]);
}
