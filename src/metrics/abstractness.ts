/**
 * Abstractness A and distance from the main sequence D of a candidate service (R. C. Martin,
 * "OO Design Quality Metrics: An Analysis of Dependencies", 1994), with a service's exported
 * declarations in the place of a category's classes:
 *   A = N_a / N_c
 *   D = |A + I − 1|
 * where N_c is the number of declarations the service's modules export, N_a how many of them
 * are abstract (interfaces, type aliases and abstract classes; the caller counts them), and I
 * the service's instability (coupling.ts). A lies in [0, 1] given 0 ≤ N_a ≤ N_c, and is 0 when
 * the service exports nothing (0/0: nothing abstract to depend on). D is Martin's normalised
 * distance D' (his D divides by √2 and lies in [0, ~0.707]); for A and I in [0, 1] it lies in
 * [0, 1], lower is better: 0 on the main sequence A + I = 1, 1 in the zone of pain (A = 0,
 * I = 0: concrete and depended upon) or the zone of uselessness (A = 1, I = 1).
 */

export interface ExportCounts {
  /** Exported declarations of the service's modules. */
  total: number;
  /** Of those, interfaces, type aliases and abstract classes. */
  abstract: number;
}

export function abstractness(exportCounts: ExportCounts): number {
  return exportCounts.total === 0 ? 0 : exportCounts.abstract / exportCounts.total;
}

export function mainSequenceDistance(abstractness: number, instability: number): number {
  return Math.abs(abstractness + instability - 1);
}
