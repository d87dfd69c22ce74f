/**
 * `--resolution auto`: Louvain runs at each resolution γ in SWEEP and the partition with the best
 * score is kept, where
 *   score = 0.5 · Q + 0.25 · (1 − crossWeight) + 0.25 · balance
 * Q is Newman modularity (γ = 1) of the partition on the clustering graph (structure), crossWeight
 * the share of clustering-graph weight between services (what each service would call remotely),
 * and balance the NED share of modules in services of non-extreme size (a window scaled to the
 * codebase, see metrics/ned.ts). Q alone favours few large services, crossWeight alone one
 * service, balance alone equal sizes; together they reward clear, balanced, loosely coupled
 * services. Ties go to the lower γ. Every point is reported.
 */
import { modularity } from '../metrics/modularity.js';
import { nonExtremeDistribution } from '../metrics/ned.js';
import { round4 } from '../metrics/types.js';
import { louvainGroups } from './louvain-groups.js';
import type { SweepPoint } from './types.js';
import type { Units } from './units.js';

/** Resolutions tried, ascending. */
export const SWEEP: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export function sweepResolution(units: Units, seed: number): { resolution: number; groups: string[][]; sweep: SweepPoint[] } {
  const total = units.edges.reduce((sum, edge) => sum + edge.weight, 0);
  let best: { resolution: number; groups: string[][]; score: number } | null = null;
  const sweep: SweepPoint[] = [];
  for (const resolution of SWEEP) {
    const groups = louvainGroups(units.ids, units.edges, resolution, seed);
    const unitAssignment: Record<string, string> = {};
    const moduleAssignment: Record<string, string> = {};
    groups.forEach((group, index) => {
      for (const unit of group) {
        unitAssignment[unit] = String(index);
        for (const id of units.members.get(unit) ?? []) moduleAssignment[id] = String(index);
      }
    });
    const q = modularity(units.ids, units.edges, unitAssignment);
    const cross = units.edges.reduce((sum, edge) => (unitAssignment[edge.source] === unitAssignment[edge.target] ? sum : sum + edge.weight), 0);
    const crossWeight = total === 0 ? 0 : cross / total;
    const balance = nonExtremeDistribution(moduleAssignment).ned;
    const score = 0.5 * q + 0.25 * (1 - crossWeight) + 0.25 * balance;
    sweep.push({ resolution, services: groups.length, modularity: round4(q), crossWeight: round4(crossWeight), balance: round4(balance), score: round4(score) });
    if (best === null || round4(score) > round4(best.score)) best = { resolution, groups, score };
  }
  const chosen = best as { resolution: number; groups: string[][] };
  return { resolution: chosen.resolution, groups: chosen.groups, sweep };
}
