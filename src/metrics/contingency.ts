import { pairKey } from '../base/collections.js';
/**
 * The contingency table of two partitions over the objects both contain: the size of each
 * cluster on either side and the overlap of every pair of clusters that share an object. The
 * common input of the agreement metrics (ARI, c2c coverage).
 */
export interface Contingency {
  /** Objects present in both partitions. */
  n: number;
  /** Cluster of A -> its size (over shared objects). */
  sizesA: Map<string, number>;
  /** Cluster of B -> its size (over shared objects). */
  sizesB: Map<string, number>;
  /** Every non-empty overlap. */
  cells: { clusterA: string; clusterB: string; count: number }[];
}

export function contingency(
  actual: Readonly<Record<string, string>>,
  expected: Readonly<Record<string, string>>,
): Contingency {
  const sizesA = new Map<string, number>();
  const sizesB = new Map<string, number>();
  const cells = new Map<string, { clusterA: string; clusterB: string; count: number }>();
  let n = 0;
  for (const id of Object.keys(actual)) {
    if (!Object.hasOwn(expected, id)) continue;
    const clusterA = actual[id] as string;
    const clusterB = expected[id] as string;
    sizesA.set(clusterA, (sizesA.get(clusterA) ?? 0) + 1);
    sizesB.set(clusterB, (sizesB.get(clusterB) ?? 0) + 1);
    const key = pairKey(clusterA, clusterB);
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { clusterA, clusterB, count: 1 });
    n++;
  }
  return { n, sizesA, sizesB, cells: [...cells.values()] };
}
