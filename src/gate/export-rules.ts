import type { Boundaries } from './boundaries.js';
import { exportDependencyCruiser, exportKnownViolations, type CruiserOptions } from './export-dependency-cruiser.js';
import { exportEslintBoundaries, exportEslintSuppressions } from './export-eslint-boundaries.js';
import type { BaselineEntry } from './types.js';

/** What `seams export` writes: the boundaries as the rules of the gates teams already run. */
export const EXPORT_TARGETS = [
  'dependency-cruiser',
  'dependency-cruiser-known-violations',
  'eslint-boundaries',
  'eslint-suppressions',
] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/**
 * The accepted boundaries (and, for dependency-cruiser's known violations, the baseline) as one
 * file for the target: a `.dependency-cruiser.json` configuration, its known-violations file, an
 * `eslint.config.mjs` module for eslint-plugin-boundaries 7, or ESLint's bulk suppressions file.
 */
export function exportRules(
  boundaries: Boundaries,
  target: ExportTarget,
  context: CruiserOptions & { baseline: readonly BaselineEntry[] },
): string {
  if (target === 'dependency-cruiser') return exportDependencyCruiser(boundaries, context);
  if (target === 'dependency-cruiser-known-violations') return exportKnownViolations(boundaries, context.baseline);
  if (target === 'eslint-suppressions') return exportEslintSuppressions(boundaries, context.baseline);
  return exportEslintBoundaries(boundaries);
}
