/**
 * Groups of services on a large map (a cluster of clusters): seeded Louvain (Blondel et al. 2008;
 * cluster/louvain-groups.ts, graphology-communities-louvain's algorithm) on the services' coupling,
 * so the map can lay out groups first and services within each, each group in a labelled box.
 * Services with no coupling at all share one group. A group is named after the folder all its
 * modules share, when that says more than the folder every service shares, else after its largest
 * member.
 */
import { compareStrings } from '../../base/compare.js';
import { splitPairKey } from '../../base/collections.js';
import { louvainGroups } from '../../cluster/louvain-groups.js';
import type { Cluster, ClusterId } from '../../cluster/types.js';

/** Services from which the map groups them. */
export const GROUP_FROM = 40;

/** One group of services on the map. */
export interface ServiceGroup {
  /** Stable id: the group's first member in sorted order. */
  id: string;
  /** Title drawn on the group's box. */
  title: string;
  /** Member services, sorted. */
  members: ClusterId[];
}

/**
 * The groups of `services` (coupling `weights` keyed by unorderedPairKey), largest first; one
 * untitled group for fewer than GROUP_FROM services, or when Louvain finds a single community.
 */
export function groupServices(
  services: readonly ClusterId[],
  weights: ReadonlyMap<string, number>,
  clusters: ReadonlyMap<ClusterId, Cluster>,
  seed: number,
): ServiceGroup[] {
  const sorted = [...services].sort(compareStrings);
  const whole = [{ id: sorted[0] ?? '', title: '', members: sorted }];
  if (sorted.length < GROUP_FROM) return whole;
  const edges = [...weights.entries()]
    .sort((a, b) => compareStrings(a[0], b[0]))
    .map(([key, weight]) => {
      const [source, target] = splitPairKey(key);
      return { source, target, weight };
    });
  const communities = louvainGroups(sorted, edges, 1, seed).map((members) => members.sort(compareStrings));
  const alone = communities.filter((members) => members.length === 1).flat();
  const groups = communities.filter((members) => members.length > 1);
  if (alone.length > 0) groups.push(alone.sort(compareStrings));
  if (groups.length <= 1) return whole;
  const common = commonFolder(sorted.flatMap((id) => clusters.get(id)?.modules ?? []));
  return groups
    .sort((a, b) => b.length - a.length || compareStrings(a[0] as string, b[0] as string))
    .map((members) => ({
      id: members[0] as string,
      title: `${groupName(members, clusters, common)} · ${members.length} services`,
      members,
    }));
}

function groupName(members: readonly ClusterId[], clusters: ReadonlyMap<ClusterId, Cluster>, common: string): string {
  const folder = commonFolder(members.flatMap((id) => clusters.get(id)?.modules ?? []));
  if (folder.length > common.length) return folder;
  const size = (id: ClusterId) => clusters.get(id)?.modules.length ?? 0;
  const largest = [...members].sort((a, b) => size(b) - size(a) || compareStrings(a, b))[0] as string;
  return `${largest} and others`;
}

/** The longest folder (ending in `/`) that contains every path, or '' when there is none. */
export function commonFolder(paths: readonly string[]): string {
  const [first, ...rest] = paths;
  if (first === undefined) return '';
  let length = first.lastIndexOf('/') + 1;
  for (const path of rest) {
    let same = 0;
    while (same < length && path.charCodeAt(same) === first.charCodeAt(same)) same++;
    length = first.lastIndexOf('/', same - 1) + 1;
    if (length === 0) return '';
  }
  return first.slice(0, length);
}
