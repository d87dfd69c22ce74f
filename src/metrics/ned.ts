/**
 * Non-extreme distribution NED (J. Wu, A. E. Hassan and R. C. Holt, "Comparison of Clustering
 * Algorithms in the Context of Software Evolution", ICSM 2005):
 *   NED = Σ_{i : min ≤ N_i ≤ max} N_i / n
 * where N_i is the number of modules in cluster i, n the number of assigned modules, and
 * [min, max] the window of non-extreme sizes (bounds inclusive); clusters smaller than min or
 * larger than max are extreme. Wu et al. fixed the window for the systems they studied (5 to
 * 20 entities, the window Jin et al. and Mono2Micro reuse). seams's choice, since codebases
 * differ by orders of magnitude: unless a window is given, it scales with n,
 *   min = max(2, round(0.005 · n)),   max = max(20, round(0.2 · n)),
 * rounding halves up (Math.round), so singletons are always extreme and no cluster of at most
 * 20 modules (or a fifth of the codebase) is too big. The window used is returned with the
 * value. A window with min > max holds no cluster (NED = 0).
 * Range [0, 1], higher is better: 1 when every module lies in a non-extreme cluster.
 * 0 for an empty assignment (its default window is { min: 2, max: 20 }).
 */
import type { ClusterId } from '../cluster/types.js';
import type { ModuleId } from '../extract/types.js';

export interface SizeWindow {
  /** Smallest non-extreme cluster size, inclusive. */
  min: number;
  /** Largest non-extreme cluster size, inclusive. */
  max: number;
}

export interface NonExtremeDistribution {
  /** Share of the modules that lie in clusters whose size is within the window. */
  ned: number;
  /** The window used: the one given, or the default scaled to the codebase. */
  window: SizeWindow;
}

export function nonExtremeDistribution(
  assignment: Readonly<Record<ModuleId, ClusterId>>,
  window?: SizeWindow,
): NonExtremeDistribution {
  const sizes = new Map<ClusterId, number>();
  let n = 0;
  for (const cluster of Object.values(assignment)) {
    sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
    n++;
  }
  const used: SizeWindow = window
    ? { min: window.min, max: window.max }
    : { min: Math.max(2, Math.round(0.005 * n)), max: Math.max(20, Math.round(0.2 * n)) };
  if (n === 0) return { ned: 0, window: used };
  let inside = 0;
  for (const size of sizes.values()) if (size >= used.min && size <= used.max) inside += size;
  return { ned: inside / n, window: used };
}
