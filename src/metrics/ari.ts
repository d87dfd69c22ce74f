/**
 * Adjusted Rand index ARI: agreement of a computed partition A with an expected partition B,
 * corrected for chance (L. Hubert and P. Arabie, "Comparing Partitions", Journal of
 * Classification 2(1), 1985):
 *   ARI = (Σ_ij C(n_ij, 2) − a·b / C(n, 2)) / (½ (a + b) − a·b / C(n, 2))
 *   a = Σ_i C(|A_i|, 2),   b = Σ_j C(|B_j|, 2)
 * where n is the number of objects present in both partitions (the only ones compared;
 * clusters are restricted to them), n_ij = |A_i ∩ B_j| the contingency table, and
 * C(x, 2) = x(x − 1)/2 the number of pairs. It is computed as
 *   (2·C(n,2)·Σ_ij C(n_ij,2) − 2ab) / ((a + b)·C(n,2) − 2ab)
 * in integers, exact while the products stay below 2^53 (n up to about 11 500).
 * Range [−1, 1], higher is better: 1 for identical partitions
 * whatever the labels, about 0 for a random one, negative when agreeing less than chance.
 * Zero denominator: since a, b ≤ C(n, 2), it vanishes only when a = b = 0 (both all
 * singletons) or a = b = C(n, 2) (both one cluster), or when n ≤ 1; the two partitions are
 * then identical and ARI is 1 (the code checks identity from the contingency table and would
 * answer 0 otherwise). Symmetric in A and B.
 */

import { contingency } from './contingency.js';

export function adjustedRandIndex(
  actual: Readonly<Record<string, string>>,
  expected: Readonly<Record<string, string>>,
): number {
  const { n, sizesA, sizesB, cells } = contingency(actual, expected);
  const index = sumPairs(cells.map((cell) => cell.count));
  const a = sumPairs(sizesA.values());
  const b = sumPairs(sizesB.values());
  const total = pairs(n);
  const numerator = 2 * total * index - 2 * a * b;
  const denominator = (a + b) * total - 2 * a * b;
  if (denominator === 0) return cells.length === sizesA.size && cells.length === sizesB.size ? 1 : 0;
  return numerator / denominator;
}

function pairs(x: number): number {
  return (x * (x - 1)) / 2;
}

function sumPairs(counts: Iterable<number>): number {
  let sum = 0;
  for (const count of counts) sum += pairs(count);
  return sum;
}
