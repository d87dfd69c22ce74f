import picomatch from 'picomatch';
import type { ClusterSettings } from '../config/settings.js';
import { compareStrings } from '../diagnostics.js';
import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph } from '../graph/types.js';
import { detectKernel } from './detect-kernel.js';
import { labelClusters } from './label-clusters.js';
import { louvainGroups } from './louvain-groups.js';
import { sweepResolution } from './sweep-resolution.js';
import { KERNEL_ID, SHELL_ID, type Cluster, type Partition, type SweepPoint, type WeightedEdge } from './types.js';
import { toUnits, type Units } from './units.js';

/**
 * Candidate services from the clustering graph:
 * 1. the composition root, when configured (`shell` globs: entry points, app wiring), and the
 *    shared kernel (recognised from a first Louvain pass with `kernel: auto`, or given as globs,
 *    see detect-kernel.ts) are set apart: neither is a candidate service, and no other module is
 *    drawn into them;
 * 2. the remaining modules are grouped into units: one per file, or one per folder with
 *    `granularity: folder[:depth]`, and all files pinned to a configured service form one unit;
 * 3. Louvain partitions the units (at the given resolution, or the one `auto` chooses), `runs`
 *    times with seeds derived from the seed, keeping the partition of highest modularity (a
 *    single Louvain run lands in one of many local optima; the best of several is steadier);
 *    above LARGE_GRAPH units it runs once, to bound time and memory;
 * 4. a group holding several pinned services is split: each other unit joins the pinned service
 *    it is most strongly connected to; groups are named after their pinned service or their most
 *    distinctive words.
 */
/** Above this many units, Louvain runs once instead of `runs` times. */
export const LARGE_GRAPH = 10_000;

export function cluster(graph: ModuleGraph, weighted: readonly WeightedEdge[], settings: ClusterSettings): Partition {
  const isShell = picomatch(settings.shell, { dot: true });
  const shell = graph.modules.map((module) => module.id).filter((id) => settings.shell.length > 0 && isShell(id));
  const inShell = new Set(shell);
  const all = graph.modules.map((module) => module.id).filter((id) => !inShell.has(id));
  const pins = pinnedServices(all, settings.services);
  // The shell is set apart first: a module both listed there and recognised as kernel stays in the shell.
  const found = kernelOf(graph, weighted, settings, pins);
  const kernel = { modules: found.modules.filter((id) => !inShell.has(id)), reasons: Object.fromEntries(Object.entries(found.reasons).filter(([id]) => !inShell.has(id))) };
  const inKernel = new Set(kernel.modules);
  const rest = all.filter((id) => !inKernel.has(id));
  const units = toUnits(rest, weighted, settings.granularity, pins);
  let resolution: number;
  let sweep: SweepPoint[] | null = null;
  let groups: string[][];
  if (settings.resolution === 'auto') {
    const chosen = sweepResolution(units, settings.seed);
    ({ resolution, groups } = chosen);
    sweep = chosen.sweep;
  } else {
    resolution = settings.resolution;
    groups = louvainGroups(units.ids, units.edges, resolution, settings.seed, units.ids.length > LARGE_GRAPH ? 1 : settings.runs);
  }
  const services = splitPinnedGroups(groups, units);
  return assemble(services, units, kernel.modules, kernel.reasons, resolution, sweep, shell);
}

function kernelOf(graph: ModuleGraph, weighted: readonly WeightedEdge[], settings: ClusterSettings, pins: ReadonlyMap<ModuleId, string>) {
  if (settings.kernel === 'none') return { modules: [] as ModuleId[], reasons: {} as Record<ModuleId, string> };
  if (Array.isArray(settings.kernel)) {
    const isKernel = picomatch(settings.kernel, { dot: true });
    const modules = graph.modules.map((module) => module.id).filter((id) => isKernel(id) && !pins.has(id));
    return { modules, reasons: Object.fromEntries(modules.map((id) => [id, 'listed as kernel in the configuration'])) };
  }
  const resolution = settings.resolution === 'auto' ? 1 : settings.resolution;
  const firstPass = partitionFromGroups(louvainGroups(graph.modules.map((module) => module.id), weighted, resolution, settings.seed));
  const detected = detectKernel(graph, firstPass);
  const modules = detected.modules.filter((id) => !pins.has(id));
  return { modules, reasons: Object.fromEntries(modules.map((id) => [id, detected.reasons[id] as string])) };
}

/** Module -> pinned service, for modules matching a service's globs (services in name order; first match wins). */
function pinnedServices(modules: readonly ModuleId[], services: Readonly<Record<string, string[]>>): Map<ModuleId, string> {
  const matchers = Object.keys(services)
    .sort(compareStrings)
    .map((name) => ({ name, matches: picomatch(services[name] ?? [], { dot: true }) }));
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

function assemble(groups: string[][], units: Units, kernel: ModuleId[], kernelReasons: Record<ModuleId, string>, resolution: number, sweep: SweepPoint[] | null, shell: ModuleId[]): Partition {
  const expanded = groups.map((group) => ({
    pin: group.map((unit) => units.pinOf.get(unit)).find((pin) => pin !== undefined) ?? null,
    modules: group.flatMap((unit) => units.members.get(unit) ?? []).sort(compareStrings),
  }));
  const partition = partitionFromGroups(
    expanded.filter((group) => group.pin === null).map((group) => group.modules),
    kernel,
    kernelReasons,
    expanded.filter((group) => group.pin !== null).map((group) => ({ name: group.pin as string, modules: group.modules })),
    shell,
  );
  return { ...partition, resolution, sweep };
}

/** Names groups of modules and returns them, with pinned services and the kernel, as a sorted Partition. */
export function partitionFromGroups(
  groups: ModuleId[][],
  kernel: ModuleId[] = [],
  kernelReasons: Record<ModuleId, string> = {},
  pinned: { name: string; modules: ModuleId[] }[] = [],
  shell: ModuleId[] = [],
): Partition {
  const sorted = groups.map((members) => [...members].sort(compareStrings)).sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''));
  const labels = labelClusters(sorted, new Set([...pinned.map((pin) => pin.name), KERNEL_ID, SHELL_ID]));
  const clusters: Cluster[] = sorted.map((members, index) => ({ id: labels[index] as string, label: labels[index] as string, kind: 'service', pinned: false, modules: members }));
  for (const pin of pinned) clusters.push({ id: pin.name, label: pin.name, kind: 'service', pinned: true, modules: [...pin.modules].sort(compareStrings) });
  if (kernel.length > 0) clusters.push({ id: KERNEL_ID, label: 'shared kernel', kind: 'kernel', pinned: false, modules: [...kernel].sort(compareStrings) });
  if (shell.length > 0) clusters.push({ id: SHELL_ID, label: 'composition root', kind: 'shell', pinned: true, modules: [...shell].sort(compareStrings) });
  clusters.sort((a, b) => compareStrings(a.id, b.id));
  const assignment: Record<ModuleId, string> = {};
  for (const item of clusters) for (const id of item.modules) assignment[id] = item.id;
  return { clusters, assignment, kernel: { ...kernelReasons }, resolution: 1, sweep: null };
}
