/**
 * Shared-kernel detection. Utility modules (logger, config, errors, base classes, common types)
 * are imported from everywhere; left in the graph they glue unrelated domains together. The rule:
 *   1. Candidates: modules whose importers lie in at least max(3, ⌈C / 3⌉) different clusters of
 *      a first clustering pass, C being the number of first-pass clusters with two or more
 *      modules (the module is used across the system, not by one area).
 *   2. Helpers: a module all of whose importers (at least one) are candidates or helpers joins
 *      them (a kernel's private helper, e.g. the formatter only the logger uses); so does a module
 *      a kernel module imports, that itself imports only kernel modules and is imported from at
 *      least two areas (a shared bottom-layer dependency of the kernel, e.g. the event bus the
 *      base service uses; a module one area uses stays with that area).
 *   3. Bottom layer: a module that imports anything outside the set leaves it, and a helper that
 *      is imported from outside the set leaves it; repeated until nothing changes. A module
 *      that imports domain code is domain code, however popular.
 *   4. Barrels: a module that declares nothing and only re-exports kernel modules (the kernel's
 *      own `index.ts`) joins it, so that no domain claims the kernel's entry point.
 * Compare the "omnipresent module" removal of Bunch (Mancoridis et al. 1999), here measured by
 * spread across areas instead of raw degree.
 */
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph } from '../graph/types.js';
import { importSets } from './import-sets.js';
import type { Partition } from './types.js';

export interface KernelDetection {
  /** Kernel modules, sorted. */
  modules: ModuleId[];
  /** Why each kernel module is in the kernel. */
  reasons: Record<ModuleId, string>;
  /**
   * Hubs: candidates that left the kernel because they import domain code, imported from at
   * least max(4, ⌈C / 2⌉) areas (half the system: a base class importing every repository, a DTO
   * module every controller uses that imports a domain type), with why. Clustering keeps them
   * out, so they cannot glue domains together, and places them afterwards.
   */
  hubs: Record<ModuleId, string>;
}

export function detectKernel(graph: ModuleGraph, firstPass: Partition): KernelDetection {
  const { importers, imported } = importSets(graph);
  const areas = firstPass.clusters.filter((item) => item.modules.length >= 2).length;
  const threshold = Math.max(3, Math.ceil(areas / 3));
  const spread = (id: ModuleId) =>
    new Set([...(importers.get(id) ?? [])].map((from) => firstPass.assignment[from])).size;

  const candidates = new Set(graph.modules.map((module) => module.id).filter((id) => spread(id) >= threshold));
  const kernel = new Set(candidates);
  const importedOnlyFromKernel = (id: ModuleId) => {
    const from = importers.get(id);
    return from !== undefined && from.size > 0 && [...from].every((other) => kernel.has(other));
  };
  const importsOnlyKernel = (id: ModuleId) => [...(imported.get(id) ?? [])].every((to) => kernel.has(to));
  const importedByKernel = (id: ModuleId) => [...(importers.get(id) ?? [])].some((other) => kernel.has(other));
  for (let changed = true; changed; ) {
    changed = false;
    for (const module of graph.modules) {
      const id = module.id;
      if (kernel.has(id)) continue;
      if (importedOnlyFromKernel(id) || (importedByKernel(id) && importsOnlyKernel(id) && spread(id) >= 2)) {
        kernel.add(id);
        changed = true;
      }
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of [...kernel]) {
      const importsOutside = !importsOnlyKernel(id);
      if (
        importsOutside ||
        (!candidates.has(id) && !importedOnlyFromKernel(id) && !(importedByKernel(id) && spread(id) >= 2))
      ) {
        kernel.delete(id);
        changed = true;
      }
    }
  }
  // The kernel's own barrels: modules that declare nothing and only pass kernel modules on.
  const reexportsOnly = new Set(graph.modules.map((module) => module.id));
  for (const edge of graph.dependencies)
    if (edge.kinds.some((kind) => kind !== 'reexport')) reexportsOnly.delete(edge.from);
  const barrels = new Set<ModuleId>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const module of graph.modules) {
      const id = module.id;
      if (
        kernel.has(id) ||
        module.exports !== 0 ||
        !reexportsOnly.has(id) ||
        (imported.get(id)?.size ?? 0) === 0 ||
        !importsOnlyKernel(id)
      )
        continue;
      kernel.add(id);
      barrels.add(id);
      changed = true;
    }
  }
  const reasons: Record<ModuleId, string> = {};
  for (const id of kernel) {
    reasons[id] = barrels.has(id)
      ? "the kernel's own barrel: declares nothing and re-exports only kernel modules"
      : candidates.has(id)
        ? `imported by ${importers.get(id)?.size ?? 0} modules in ${spread(id)} areas (threshold ${threshold}); imports only kernel modules`
        : importedOnlyFromKernel(id)
          ? 'imported only by kernel modules and imports only kernel modules'
          : 'a dependency of the kernel that imports only kernel modules';
  }
  const modules = [...kernel].sort(compareStrings);
  const hubThreshold = Math.max(4, Math.ceil(areas / 2));
  const hubs = [...candidates].filter((id) => !kernel.has(id) && spread(id) >= hubThreshold).sort(compareStrings);
  return {
    modules,
    reasons: Object.fromEntries(modules.map((id) => [id, reasons[id] as string])),
    hubs: Object.fromEntries(
      hubs.map((id) => [
        id,
        `hub: imported by ${importers.get(id)?.size ?? 0} modules in ${spread(id)} areas (threshold ${hubThreshold}) but imports domain code`,
      ]),
    ),
  };
}
