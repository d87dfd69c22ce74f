import path from 'node:path';
import type { ClusterSettings } from '../config/settings.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { WeightedEdge } from './types.js';
import { PairMap } from './pair-map.js';

/** What Louvain partitions: files, folders, or the files pinned to one service, with the edges between them. */
export interface Units {
  /** Unit ids, sorted. */
  ids: string[];
  /** Summed clustering-graph weight between units (edges inside a unit dropped), sorted. */
  edges: WeightedEdge[];
  /** Unit -> its modules. */
  members: Map<string, ModuleId[]>;
  /** Unit -> the service it is pinned to, for pinned units. */
  pinOf: Map<string, string>;
  /** Weight between two units (0 when none). */
  weightBetween: (a: string, b: string) => number;
}

/**
 * Groups modules into units: a file is its own unit (`granularity: file`); with `folder` every
 * file belongs to its folder, cut after `depth` path segments when given (`folder:2` puts
 * `src/orders/services/a.ts` in `src/orders/`). All files pinned to one service form one unit.
 */
export function toUnits(
  modules: readonly ModuleId[],
  edges: readonly WeightedEdge[],
  granularity: ClusterSettings['granularity'],
  pins: ReadonlyMap<ModuleId, string>,
): Units {
  const unitOf = new Map<ModuleId, string>();
  const members = new Map<string, ModuleId[]>();
  const pinOf = new Map<string, string>();
  for (const id of modules) {
    const pin = pins.get(id);
    const unit =
      pin !== undefined ? `pin:${pin}` : granularity.unit === 'file' ? id : `${folderOf(id, granularity.depth)}/`;
    if (pin !== undefined) pinOf.set(unit, pin);
    unitOf.set(id, unit);
    const list = members.get(unit);
    if (list) list.push(id);
    else members.set(unit, [id]);
  }
  const weights = new PairMap<WeightedEdge>();
  const unitEdges: WeightedEdge[] = [];
  for (const edge of edges) {
    const a = unitOf.get(edge.source);
    const b = unitOf.get(edge.target);
    if (a === undefined || b === undefined || a === b) continue;
    const [source, target] = compareStrings(a, b) < 0 ? [a, b] : [b, a];
    const existing = weights.get(source, target);
    if (existing) existing.weight += edge.weight;
    else {
      const created = { source, target, weight: edge.weight };
      weights.set(source, target, created);
      unitEdges.push(created);
    }
  }
  return {
    ids: [...members.keys()].sort(compareStrings),
    edges: unitEdges.sort((x, y) => compareStrings(x.source, y.source) || compareStrings(x.target, y.target)),
    members,
    pinOf,
    weightBetween: (a, b) => {
      const [source, target] = compareStrings(a, b) < 0 ? [a, b] : [b, a];
      return weights.get(source, target)?.weight ?? 0;
    },
  };
}

function folderOf(id: ModuleId, depth: number | null): string {
  const folder = path.posix.dirname(id);
  if (depth === null || folder === '.') return folder;
  return folder.split('/').slice(0, depth).join('/');
}
