import { getOrCreate } from '../base/collections.js';
/**
 * MoJoFM: agreement of a computed partition A with an expected partition B, in [0, 100]
 * (Z. Wen and V. Tzerpos, "An Effectiveness Measure for Software Clustering Algorithms",
 * IWPC 2004):
 *   MoJoFM(A, B) = (1 − mno(A, B) / max mno(∀A, B)) × 100
 * mno(A, B) is the MoJo distance, the fewest Move and Join operations turning A into B, computed
 * exactly as in Wen & Tzerpos, "An Optimal Algorithm for MoJo Distance" (IWPC 2003): tag every
 * object with its B cluster; each A cluster A_i joins the group of a tag k it holds most of
 * (v_ik maximal); a maximum bipartite matching between A clusters and those best tags gives the
 * largest number g of non-empty groups; then mno = (n − Σ_i max_k v_ik) + (l_A − g).
 * max mno(∀A, B) = n − g_B, where g_B is found by walking B's cluster sizes in ascending order
 * and counting up whenever a size exceeds the running count (checked against brute force over
 * every partition of up to nine objects in test/metrics/mojofm.test.ts).
 * Only objects present in both partitions are compared.
 */
/** MoJoFM with the counts of what was compared. */
export interface MoJoFmResult {
  mojoFm: number;
  compared: number;
  missingFromExpected: number;
  missingFromAnalysis: number;
}

export function mojoFm(
  actual: Readonly<Record<string, string>>,
  expected: Readonly<Record<string, string>>,
): MoJoFmResult {
  const shared = Object.keys(actual).filter((id) => Object.hasOwn(expected, id));
  const compared = shared.length;
  const missingFromExpected = Object.keys(actual).length - compared;
  const missingFromAnalysis = Object.keys(expected).length - compared;
  const a: Record<string, string> = Object.fromEntries(shared.map((id) => [id, actual[id] as string]));
  const b: Record<string, string> = Object.fromEntries(shared.map((id) => [id, expected[id] as string]));
  const worst = maxMno(b);
  const value = worst === 0 ? 100 : (1 - mno(a, b) / worst) * 100;
  return { mojoFm: value, compared, missingFromExpected, missingFromAnalysis };
}

/** MoJo distance from A to B (both over the same objects). */
export function mno(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): number {
  const tagCounts = new Map<string, Map<string, number>>();
  for (const [id, clusterA] of Object.entries(a)) {
    const tag = b[id] as string;
    const counts = getOrCreate(tagCounts, clusterA, () => new Map());
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  let kept = 0;
  const bestTags: string[][] = [];
  for (const counts of tagCounts.values()) {
    const best = Math.max(...counts.values());
    kept += best;
    bestTags.push([...counts.entries()].filter(([, count]) => count === best).map(([tag]) => tag));
  }
  const groups = maximumMatching(bestTags);
  const n = Object.keys(a).length;
  return n - kept + (bestTags.length - groups);
}

/** The largest mno any partition A can have from B: n − g_B (see the header). */
export function maxMno(b: Readonly<Record<string, string>>): number {
  const sizes = new Map<string, number>();
  for (const tag of Object.values(b)) sizes.set(tag, (sizes.get(tag) ?? 0) + 1);
  let groups = 0;
  for (const size of [...sizes.values()].sort((x, y) => x - y)) if (size > groups) groups++;
  return Object.keys(b).length - groups;
}

/** Size of a maximum matching between left vertices and their candidate right vertices (Kuhn's augmenting paths). */
function maximumMatching(candidates: readonly string[][]): number {
  const owner = new Map<string, number>();
  const augment = (left: number, seen: Set<string>): boolean => {
    for (const right of candidates[left] ?? []) {
      if (seen.has(right)) continue;
      seen.add(right);
      const current = owner.get(right);
      if (current === undefined || augment(current, seen)) {
        owner.set(right, left);
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let left = 0; left < candidates.length; left++) if (augment(left, new Set())) size++;
  return size;
}
