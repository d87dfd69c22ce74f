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
 * Per cluster, the most general globs that reproduce the partition exactly, so that a new file is
 * claimed by the service a human would expect:
 * - `folder/**` for every topmost folder of two or more modules that all belong to the cluster;
 * - else a domain stem, for layer-first folders: the modules whose file names start with the same
 *   word (`payment-service.ts`, `payment-gateway.ts` and `payment.ts` under `src/`) become
 *   `src/**‌/payment-*` and `src/**‌/payment.*`, from the topmost folder down to the module's own
 *   (`src/services/payment-*`), the first where the glob matches modules of the cluster only and
 *   the cluster has two or more modules of the stem;
 * - else a folder of that one module (`src/middleware/**`), else the module's path.
 * Every glob matches modules of its own cluster only, so the first-match assignment (assignServices)
 * gives back exactly the partition whatever the order; this is checked, and should it ever fail
 * (a path that reads as a glob), the globs are folders and paths only.
 */
export function moduleGlobs(assignment: Readonly<Record<ModuleId, string>>): Map<string, string[]> {
  const general = generalGlobs(assignment, true);
  return reproduces(general, assignment) ? general : generalGlobs(assignment, false);
}

/** Word, then `-` or `.`: the domain stem of a file name (`payment-service.ts` -> `payment`, `-`). */
const STEM = /^([A-Za-z0-9_]{2,})([-.])/;
/** Folders written into a glob as they are (no character picomatch reads as syntax). */
const PLAIN_FOLDER = /^[\w.@/-]+$/;

function generalGlobs(assignment: Readonly<Record<ModuleId, string>>, stems: boolean): Map<string, string[]> {
  const clustersUnder = new Map<string, Set<string>>();
  const modulesUnder = new Map<string, number>();
  const byStem = new Map<string, ModuleId[]>();
  for (const [id, cluster] of Object.entries(assignment)) {
    for (const folder of ancestors(id)) {
      getOrCreate(clustersUnder, folder, () => new Set()).add(cluster);
      modulesUnder.set(folder, (modulesUnder.get(folder) ?? 0) + 1);
    }
    const stem = STEM.exec(path.posix.basename(id));
    if (stem) getOrCreate(byStem, stem[1] as string, () => []).push(id);
  }
  // `folder/**/word<separator>*` (`folder/word<separator>*` when `direct`) fits a cluster when every
  // module it matches is of the cluster and the cluster has two or more modules of the stem there.
  const fits = (folder: string, direct: boolean, word: string, separator: string, cluster: string) => {
    const members = (byStem.get(word) ?? []).filter((id) =>
      direct ? path.posix.dirname(id) === folder : id.startsWith(`${folder}/`),
    );
    return (
      members.filter((id) => assignment[id] === cluster).length >= 2 &&
      members.every((id) => assignment[id] === cluster || !path.posix.basename(id).startsWith(`${word}${separator}`))
    );
  };
  const topFolder = (id: ModuleId, least: number) =>
    ancestors(id)
      .reverse()
      .find((folder) => clustersUnder.get(folder)?.size === 1 && (modulesUnder.get(folder) ?? 0) >= least);
  const result = new Map<string, Set<string>>();
  for (const [id, cluster] of Object.entries(assignment)) {
    const folder = topFolder(id, 2);
    let glob = folder === undefined ? null : `${folder}/**`;
    const stem = STEM.exec(path.posix.basename(id));
    const folders = ancestors(id).reverse();
    if (glob === null && stems && stem !== null && folders.length > 0) {
      const [, word = '', separator = ''] = stem;
      const own = path.posix.dirname(id);
      for (const [where, direct] of [...folders.map((item) => [item, false] as const), [own, true] as const]) {
        if (!PLAIN_FOLDER.test(where) || !fits(where, direct, word, separator, cluster)) continue;
        glob = `${where}/${direct ? '' : '**/'}${word}${separator}*`;
        break;
      }
    }
    const single = glob === null ? topFolder(id, 1) : undefined;
    getOrCreate(result, cluster, () => new Set()).add(glob ?? (single === undefined ? id : `${single}/**`));
  }
  return new Map([...result.entries()].map(([cluster, set]) => [cluster, [...set].sort(compareStrings)]));
}

/** The folders above a module id, innermost first (`a/b/c.ts` -> `a/b`, `a`). */
function ancestors(id: ModuleId): string[] {
  const folders: string[] = [];
  for (let folder = path.posix.dirname(id); folder !== '.'; folder = path.posix.dirname(folder)) folders.push(folder);
  return folders;
}

/** Whether the globs, applied as `seams check` applies them, give every module its cluster. */
function reproduces(globs: ReadonlyMap<string, string[]>, assignment: Readonly<Record<ModuleId, string>>): boolean {
  const services = Object.fromEntries([...globs].map(([cluster, modules]) => [cluster, { modules }]));
  const { serviceOf, unassigned } = assignServices(Object.keys(assignment), { version: 1, services });
  return unassigned.length === 0 && Object.entries(assignment).every(([id, cluster]) => serviceOf.get(id) === cluster);
}
