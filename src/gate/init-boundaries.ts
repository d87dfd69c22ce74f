import path from 'node:path';
import type { Partition } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph } from '../graph/types.js';
import { entryOf, renderBaseline } from './baseline.js';
import type { Boundaries } from './boundaries.js';
import { assignServices, findViolations } from './find-violations.js';
import { getOrCreate } from '../base/collections.js';

/** Where `seams init` points "$schema": the schema shipped in the installed package. */
export const SCHEMA_REFERENCE = './node_modules/seams/schema/boundaries.schema.json';

/**
 * Boundaries from an analysis (its graph and partition), ready to edit: one service per proposed service (the shared kernel
 * included), its modules as folder globs where a whole folder belongs to it and as files
 * elsewhere, and `allow` listing the services it imports today. Also the baseline of the
 * violations that exist today (cycles between services), so a first `seams check` passes and
 * only new coupling fails.
 */
export function initBoundaries(analysis: { graph: ModuleGraph; partition: Partition }): {
  boundaries: Boundaries & { $schema: string };
  boundariesText: string;
  baselineText: string;
  baselineEntries: number;
} {
  const globs = moduleGlobs(analysis.partition.assignment);
  // fromEntries, not assignment: a service named `__proto__` must stay an own key.
  const services: Boundaries['services'] = Object.fromEntries(
    analysis.partition.clusters.map((item) => [item.id, { modules: globs.get(item.id) ?? [], allow: [] }]),
  );
  const draft: Boundaries = { version: 1, services, allowTypeImports: false, budgets: [] };
  const { serviceOf } = assignServices(
    analysis.graph.modules.map((module) => module.id),
    draft,
  );
  const allowed = new Map<string, Set<string>>();
  for (const edge of analysis.graph.edges) {
    const from = serviceOf.get(edge.from);
    const to = serviceOf.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const set = getOrCreate(allowed, from, () => new Set());
    set.add(to);
  }
  for (const [name, service] of Object.entries(services))
    service.allow = [...(allowed.get(name) ?? [])].sort(compareStrings);
  const boundaries = { $schema: SCHEMA_REFERENCE, ...draft };
  const violations = findViolations(analysis.graph, draft, serviceOf);
  return {
    boundaries,
    boundariesText: `${JSON.stringify(boundaries, null, 2)}\n`,
    baselineText: renderBaseline(violations.map(entryOf)),
    baselineEntries: new Set(violations.map((violation) => violation.identity)).size,
  };
}

/**
 * Per cluster, globs that match exactly its modules: `folder/**` for every topmost folder whose
 * modules all belong to the cluster, the module ids themselves elsewhere.
 */
export function moduleGlobs(assignment: Readonly<Record<ModuleId, string>>): Map<string, string[]> {
  const clustersUnder = new Map<string, Set<string>>();
  for (const [id, cluster] of Object.entries(assignment)) {
    for (let folder = path.posix.dirname(id); folder !== '.'; folder = path.posix.dirname(folder)) {
      const set = getOrCreate(clustersUnder, folder, () => new Set());
      set.add(cluster);
    }
  }
  const result = new Map<string, Set<string>>();
  for (const [id, cluster] of Object.entries(assignment)) {
    let glob = id;
    for (let folder = path.posix.dirname(id); folder !== '.'; folder = path.posix.dirname(folder)) {
      if (clustersUnder.get(folder)?.size === 1) glob = `${folder}/**`;
    }
    const set = getOrCreate(result, cluster, () => new Set());
    set.add(glob);
  }
  return new Map([...result.entries()].map(([cluster, set]) => [cluster, [...set].sort(compareStrings)]));
}
