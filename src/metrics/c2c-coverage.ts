/**
 * Cluster-to-cluster coverage c2c_cvg of an expected partition B by a computed partition A
 * (c2c: R. A. Bittencourt and D. D. S. Guerrero, "Comparison of Graph Clustering Algorithms
 * for Recovering Software Architecture Module Views", CSMR 2009; coverage: J. Garcia,
 * I. Ivkovic and N. Medvidovic, "A Comparative Analysis of Software Architecture Recovery
 * Techniques", ASE 2013):
 *   c2c(A_i, B_j) = |A_i ∩ B_j| / max(|A_i|, |B_j|)
 *   c2c_cvg       = |{ B_j : ∃ A_i, c2c(A_i, B_j) ≥ th }| / |B|
 * where A_i ranges over the computed clusters, B_j over the expected ones, and th is the
 * threshold (default 0.5; Garcia et al. report 0.1, 0.33 and 0.5). Only objects present in
 * both partitions are compared, and cluster sizes are counted over them. Reported as a
 * fraction (the caller formats percent).
 * Range [0, 1], higher is better: 1 when every expected cluster is matched (always for
 * identical partitions with th ≤ 1). 0 when no object is in both partitions (no expected
 * cluster to cover).
 */

import { contingency } from './contingency.js';

export function c2cCoverage(
  actual: Readonly<Record<string, string>>,
  expected: Readonly<Record<string, string>>,
  threshold = 0.5,
): number {
  const { sizesA, sizesB, cells } = contingency(actual, expected);
  if (sizesB.size === 0) return 0;
  const covered = new Set<string>();
  for (const { clusterA, clusterB, count } of cells) {
    const c2c = count / Math.max(sizesA.get(clusterA) ?? 0, sizesB.get(clusterB) ?? 0);
    if (c2c >= threshold) covered.add(clusterB);
  }
  return covered.size / sizesB.size;
}
