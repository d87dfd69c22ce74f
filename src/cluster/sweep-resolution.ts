/**
 * `--resolution auto`: Louvain runs at each resolution γ in SWEEP and the partition that beats
 * chance by the widest margin is kept. Its score compares the share of clustering-graph weight
 * kept inside services with the share a random partition with the same service sizes would keep
 * (a null model: for any edge, the chance that both ends land in the same group is
 * Σ s_i (s_i − 1) / (n (n − 1)) for group sizes s_i over n units):
 *   score = intra / total − Σ s_i (s_i − 1) / (n (n − 1))
 * One service keeps all weight but so does chance (score 0); one unit per service keeps none
 * (score 0); the score peaks where services keep much more weight together than their sizes
 * alone explain. Unlike raw intra weight (which always favours fewer services) or modularity
 * (whose degree-based null model cannot resolve small groups in large graphs), it has no bias
 * towards few or many services. Ties go to the lower γ. Every point is reported.
 */
import { type LouvainGraph, louvainGraph, louvainSeries } from './louvain-groups.js';
import { round4 } from '../base/numbers.js';
import type { SweepPoint, WeightedEdge } from './types.js';
import type { Units } from './units.js';

/** Resolutions tried, ascending. */
export const SWEEP: readonly number[] = [0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8];

export function sweepResolution(
  units: Units,
  seed: number,
  runs: number,
  graph: LouvainGraph = louvainGraph(units.ids, units.edges),
): { resolution: number; groups: string[][]; sweep: SweepPoint[] } {
  let best: { resolution: number; groups: string[][]; score: number } | null = null;
  const sweep: SweepPoint[] = [];
  for (const resolution of SWEEP) {
    const groups = louvainSeries(graph, resolution, seed, runs).groups;
    const score = nullModelScore(units.ids.length, units.edges, groups);
    sweep.push({
      resolution,
      services: groups.length,
      intraWeight: round4(score.intra),
      expectedIntraWeight: round4(score.expected),
      score: round4(score.score),
    });
    if (best === null || round4(score.score) > round4(best.score)) best = { resolution, groups, score: score.score };
  }
  const chosen = best as { resolution: number; groups: string[][] };
  return { resolution: chosen.resolution, groups: chosen.groups, sweep };
}

/** Share of the weight inside groups, its expectation under random groups of the same sizes, and their difference. */
export function nullModelScore(
  nodes: number,
  edges: readonly WeightedEdge[],
  groups: readonly (readonly string[])[],
): { intra: number; expected: number; score: number } {
  const groupOf = new Map<string, number>();
  groups.forEach((group, index) => {
    for (const id of group) groupOf.set(id, index);
  });
  let total = 0;
  let inside = 0;
  for (const edge of edges) {
    total += edge.weight;
    if (groupOf.get(edge.source) === groupOf.get(edge.target)) inside += edge.weight;
  }
  const pairs = nodes * (nodes - 1);
  const expected = pairs === 0 ? 0 : groups.reduce((sum, group) => sum + group.length * (group.length - 1), 0) / pairs;
  const intra = total === 0 ? 0 : inside / total;
  return { intra, expected, score: intra - expected };
}
