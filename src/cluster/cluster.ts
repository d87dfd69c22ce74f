import { globMatcher } from '../base/glob.js';
import type { ClusterSettings } from '../config/settings.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph } from '../graph/types.js';
import { attachLeftovers, type Leftover } from './attach-leftovers.js';
import { strongestSignal, type ClusteringGraph } from './clustering-graph.js';
import { confidenceOf } from './confidence.js';
import { detectKernel } from './detect-kernel.js';
import { detectShell } from './detect-shell.js';
import { labelClusters } from './label-clusters.js';
import { louvainGraph, louvainGroups, louvainSeries } from './louvain-groups.js';
import { minPartFor, refineGroups } from './refine-groups.js';
import { sweepResolution } from './sweep-resolution.js';
import {
  KERNEL_ID,
  SHELL_ID,
  UNATTACHED_ID,
  type Cluster,
  type Confidence,
  type Partition,
  type SweepPoint,
} from './types.js';
import { toUnits, type Units } from './units.js';

/** Above this many units, Louvain runs CONSENSUS_RUNS_LARGE times instead of `runs` times. */
export const LARGE_GRAPH = 10_000;
/** Runs on a large graph: enough for a consensus, few enough to bound time. */
export const CONSENSUS_RUNS_LARGE = 3;

/**
 * Candidate services from the clustering graph:
 * 1. a first Louvain pass over every module finds the areas of the system;
 * 2. the composition root (detected, see detect-shell.ts, or `shell` globs) and the shared kernel
 *    (detected, see detect-kernel.ts, or `kernel` globs) are set apart: neither is a candidate
 *    service, and no other module is drawn into them; hubs (imported from many areas but
 *    importing domain code) and unattached modules (no import joins them to the rest) are kept
 *    out of Louvain, so they cannot glue domains together or stand alone as services;
 * 3. the remaining modules are grouped into units: one per file, or one per folder with
 *    `granularity: folder[:depth]`, and all files pinned to a configured service form one unit;
 * 4. Louvain partitions the units (at the given resolution, or the one `auto` chooses), `runs`
 *    times with seeds derived from the seed, keeping the partition of highest modularity;
 *    groups large enough to hide several domains (modularity's resolution limit) are re-clustered
 *    on their own and split when the split beats chance clearly (refine-groups.ts);
 * 5. a group holding several pinned services is split, each other unit joining the pinned service
 *    it is most strongly connected to;
 * 6. hubs, singletons and unattached modules are placed (attach-leftovers.ts); what no signal
 *    ties to a service stays `unattached`; groups are named after their pinned service or their
 *    most distinctive domain stem, and every module gets its consensus and ties (confidence.ts).
 */
export function cluster(
  graph: ModuleGraph,
  clustering: ClusteringGraph,
  settings: ClusterSettings,
  stems: ReadonlyMap<ModuleId, string>,
): Partition {
  const weighted = clustering.edges;
  const ids = graph.modules.map((module) => module.id);
  const pins = pinnedServices(ids, settings.services);
  // Areas are coarse: the first pass runs at γ = 1 whatever the resolution of the services.
  const firstResolution = 1;
  const firstPass = louvainGroups(ids, weighted, firstResolution, settings.seed);
  const areaOf = new Map<ModuleId, string>();
  firstPass.forEach((group, index) => {
    for (const id of group) areaOf.set(id, String(index));
  });
  const areas = firstPass.filter((group) => group.length >= 2).length;

  const found = kernelOf(graph, settings, firstPass, pins);
  const shell = shellOf(
    graph,
    settings,
    areaOf,
    new Set(found.modules.keys()),
    Math.max(4, Math.ceil(areas / 2)),
    pins,
  );
  const inShell = new Set(Object.keys(shell));
  // The shell is set apart first: a module both in the shell and recognised as kernel stays in the shell.
  const kernel = new Map([...found.modules].filter(([id]) => !inShell.has(id)));
  const hubs = new Map([...found.hubs].filter(([id]) => !inShell.has(id) && !pins.has(id)));
  const rest = ids.filter((id) => !inShell.has(id) && !kernel.has(id));
  const unattached = unattachedModules(graph, rest, pins);
  const clustered = rest.filter((id) => !unattached.has(id) && !hubs.has(id));

  const units = toUnits(clustered, weighted, settings.granularity, pins);
  // One graph of the units for every run and every resolution tried.
  const unitGraph = louvainGraph(units.ids, units.edges);
  const runs = units.ids.length > LARGE_GRAPH ? CONSENSUS_RUNS_LARGE : settings.runs;
  let resolution: number;
  let sweep: SweepPoint[] | null = null;
  if (settings.resolution === 'auto') {
    const chosen = sweepResolution(units, settings.seed, 1, unitGraph);
    resolution = chosen.resolution;
    sweep = chosen.sweep;
  } else {
    resolution = settings.resolution;
  }
  const louvain = louvainSeries(unitGraph, resolution, settings.seed, runs);
  const refined = settings.refine
    ? refineGroups(louvain.groups, units.edges, settings.seed, minPartFor(units.ids.length))
    : louvain.groups;
  const split = splitPinnedGroups(refined, units);

  // Singletons: a unit Louvain left alone (unpinned) is placed like a hub.
  const leftovers: Leftover[] = [
    ...[...hubs].map(([module, why]) => ({ module, kind: 'hub' as const, why })),
    ...[...unattached].map((module) => ({
      module,
      kind: 'unattached' as const,
      why: 'no import joins it to another clustered module',
    })),
  ];
  const groups: { pin: string | null; modules: ModuleId[] }[] = [];
  for (const group of split) {
    const modules = group.flatMap((unit) => units.members.get(unit) ?? []);
    const pin = group.map((unit) => units.pinOf.get(unit)).find((name) => name !== undefined) ?? null;
    if (pin === null && modules.length === 1)
      leftovers.push({ module: modules[0] as ModuleId, kind: 'singleton', why: 'Louvain left it alone' });
    else groups.push({ pin, modules });
  }
  const placement = attachLeftovers(
    groups.map((group) => group.modules),
    leftovers.sort((a, b) => compareStrings(a.module, b.module)),
    weighted,
    (a, b) => strongestSignal(clustering.contributions(a, b)),
  );
  for (const [module, index] of placement.joined) groups[index]?.modules.push(module);
  const stillUnattached = leftovers.map((leftover) => leftover.module).filter((id) => !placement.joined.has(id));

  const reasons: Record<ModuleId, string> = Object.create(null) as Record<ModuleId, string>;
  for (const [id, why] of Object.entries(shell)) reasons[id] = why;
  for (const [id, why] of placement.reasons) reasons[id] = why;
  const partition = partitionFromGroups(
    groups.filter((group) => group.pin === null).map((group) => group.modules),
    [...kernel.keys()],
    Object.fromEntries(kernel),
    groups
      .filter((group) => group.pin !== null)
      .map((group) => ({ name: group.pin as string, modules: group.modules })),
    [...inShell],
    stillUnattached,
    stems,
  );
  const unitOf = new Map<ModuleId, string>();
  for (const [unit, members] of units.members) for (const id of members) unitOf.set(id, unit);
  const services = partition.clusters.filter((item) => item.kind === 'service');
  const confidence = confidenceOf(services, louvain.runs, unitOf, weighted, clustering.contributions);
  return { ...partition, placement: sortedRecord(reasons), confidence: sortedRecord(confidence), resolution, sweep };
}

/** The composition root: `shell` globs when configured, else detected (`auto`), else none. */
function shellOf(
  graph: ModuleGraph,
  settings: ClusterSettings,
  areaOf: ReadonlyMap<ModuleId, string>,
  kernel: ReadonlySet<ModuleId>,
  threshold: number,
  pins: ReadonlyMap<ModuleId, string>,
): Record<ModuleId, string> {
  if (settings.shell === 'none') return {};
  if (Array.isArray(settings.shell)) {
    const isShell = globMatcher(settings.shell);
    return Object.fromEntries(
      graph.modules
        .filter((module) => isShell(module.id))
        .map((module) => [module.id, 'listed as shell in the configuration']),
    );
  }
  const detected = detectShell(graph, areaOf, kernel, threshold);
  return Object.fromEntries(
    detected.modules.filter((id) => !pins.has(id)).map((id) => [id, detected.reasons[id] as string]),
  );
}

function kernelOf(
  graph: ModuleGraph,
  settings: ClusterSettings,
  firstPass: string[][],
  pins: ReadonlyMap<ModuleId, string>,
): { modules: Map<ModuleId, string>; hubs: Map<ModuleId, string> } {
  if (settings.kernel === 'none') return { modules: new Map(), hubs: new Map() };
  if (Array.isArray(settings.kernel)) {
    const isKernel = globMatcher(settings.kernel);
    return {
      modules: new Map(
        graph.modules
          .map((module) => module.id)
          .filter((id) => isKernel(id) && !pins.has(id))
          .map((id) => [id, 'listed as kernel in the configuration']),
      ),
      hubs: new Map(),
    };
  }
  const detected = detectKernel(graph, partitionFromGroups(firstPass));
  return {
    modules: new Map(detected.modules.filter((id) => !pins.has(id)).map((id) => [id, detected.reasons[id] as string])),
    hubs: new Map(Object.entries(detected.hubs)),
  };
}

/** Modules of `candidates` (services' modules and hubs) that no import joins to another candidate (pinned modules always cluster). */
function unattachedModules(
  graph: ModuleGraph,
  candidates: readonly ModuleId[],
  pins: ReadonlyMap<ModuleId, string>,
): Set<ModuleId> {
  const inSet = new Set(candidates);
  const joined = new Set<ModuleId>();
  for (const edge of graph.dependencies) {
    if (edge.from === edge.to || !inSet.has(edge.from) || !inSet.has(edge.to)) continue;
    joined.add(edge.from);
    joined.add(edge.to);
  }
  return new Set(candidates.filter((id) => !joined.has(id) && !pins.has(id)));
}

/** Module -> pinned service, for modules matching a service's globs (services in name order; first match wins). */
function pinnedServices(
  modules: readonly ModuleId[],
  services: Readonly<Record<string, string[]>>,
): Map<ModuleId, string> {
  const matchers = Object.keys(services)
    .sort(compareStrings)
    .map((name) => ({ name, matches: globMatcher(services[name] ?? []) }));
  const pins = new Map<ModuleId, string>();
  if (matchers.length === 0) return pins;
  for (const id of modules) {
    const match = matchers.find((matcher) => matcher.matches(id));
    if (match) pins.set(id, match.name);
  }
  return pins;
}

/** Splits groups that hold several pinned units: every other unit goes to the pinned unit it is most connected to. */
function splitPinnedGroups(groups: string[][], units: Units): string[][] {
  const result: string[][] = [];
  for (const group of groups) {
    const pinned = group.filter((unit) => units.pinOf.has(unit)).sort(compareStrings);
    if (pinned.length <= 1) {
      result.push(group);
      continue;
    }
    const parts = new Map<string, string[]>(pinned.map((unit) => [unit, [unit]]));
    for (const unit of group) {
      if (units.pinOf.has(unit)) continue;
      let best = pinned[0] as string;
      let bestWeight = -1;
      for (const anchor of pinned) {
        const weight = units.weightBetween(unit, anchor);
        if (weight > bestWeight) [best, bestWeight] = [anchor, weight];
      }
      parts.get(best)?.push(unit);
    }
    result.push(...parts.values());
  }
  return result;
}

/** Names groups of modules and returns them, with pinned services, the kernel, the shell and the unattached modules, as a sorted Partition. */
export function partitionFromGroups(
  groups: ModuleId[][],
  kernel: ModuleId[] = [],
  kernelReasons: Record<ModuleId, string> = {},
  pinned: { name: string; modules: ModuleId[] }[] = [],
  shell: ModuleId[] = [],
  unattached: ModuleId[] = [],
  stems: ReadonlyMap<ModuleId, string> = new Map(),
): Partition {
  const sorted = groups
    .map((members) => [...members].sort(compareStrings))
    .sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''));
  const labels = labelClusters(
    sorted,
    new Set([...pinned.map((pin) => pin.name), KERNEL_ID, SHELL_ID, UNATTACHED_ID]),
    stems,
  );
  const clusters: Cluster[] = sorted.map((members, index) => ({
    id: labels[index] as string,
    label: labels[index] as string,
    kind: 'service',
    pinned: false,
    modules: members,
  }));
  for (const pin of pinned)
    clusters.push({
      id: pin.name,
      label: pin.name,
      kind: 'service',
      pinned: true,
      modules: [...pin.modules].sort(compareStrings),
    });
  if (kernel.length > 0)
    clusters.push({
      id: KERNEL_ID,
      label: 'shared kernel',
      kind: 'kernel',
      pinned: false,
      modules: [...kernel].sort(compareStrings),
    });
  if (shell.length > 0)
    clusters.push({
      id: SHELL_ID,
      label: 'composition root',
      kind: 'shell',
      pinned: true,
      modules: [...shell].sort(compareStrings),
    });
  if (unattached.length > 0)
    clusters.push({
      id: UNATTACHED_ID,
      label: 'unattached',
      kind: 'unattached',
      pinned: false,
      modules: [...unattached].sort(compareStrings),
    });
  clusters.sort((a, b) => compareStrings(a.id, b.id));
  const assignment: Record<ModuleId, string> = Object.create(null) as Record<ModuleId, string>;
  for (const item of clusters) for (const id of item.modules) assignment[id] = item.id;
  return {
    clusters,
    assignment: sortedRecord(assignment),
    kernel: sortedRecord(kernelReasons),
    placement: {},
    confidence: {},
    resolution: 1,
    sweep: null,
  };
}

/** A copy with keys in sorted order (so JSON output does not depend on insertion order). */
function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const result = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(record).sort(compareStrings)) result[key] = record[key] as T;
  return result;
}

export type { Confidence };
