/**
 * What-if edits on a partition, applied without re-clustering: `merge` joins services (the first
 * name keeps the id), then `move` puts every module matching a glob into a service (an existing
 * one, or a new one of that name). The kernel keeps its kind; emptied services disappear.
 */
import { globMatcher } from '../base/glob.js';
import { compareStrings } from '../base/compare.js';
import { SeamsError } from '../base/errors.js';
import type { ModuleId } from '../extract/types.js';
import { KERNEL_ID, SHELL_ID, UNATTACHED_ID, type Cluster, type Partition } from './types.js';

/** Ids of seams' own groups: a move may join one that exists, never create one as a service. */
const RESERVED = new Set<string>([KERNEL_ID, SHELL_ID, UNATTACHED_ID]);

export interface PartitionEdits {
  /** Groups of service ids to merge into the first of each group. */
  merges: string[][];
  /** Modules matching `glob` move to `service`. */
  moves: { glob: string; service: string }[];
}

/** The partition with the edits applied; the partition itself when there are none. */
export function editPartition(partition: Partition, edits: PartitionEdits): Partition {
  if (edits.merges.length === 0 && edits.moves.length === 0) return partition;
  const ids = new Set(partition.clusters.map((item) => item.id));
  const assignment: Record<ModuleId, string> = { ...partition.assignment };
  for (const group of edits.merges) {
    for (const id of group) {
      if (!ids.has(id))
        throw new SeamsError(
          'OPTION_INVALID',
          `--merge: no service named '${id}'`,
          `services are: ${[...ids].sort(compareStrings).join(', ')}`,
        );
    }
    const [target, ...others] = group as [string, ...string[]];
    for (const [module, cluster] of Object.entries(assignment))
      if (others.includes(cluster)) assignment[module] = target;
  }
  for (const move of edits.moves) {
    if (RESERVED.has(move.service) && !ids.has(move.service)) {
      throw new SeamsError(
        'OPTION_INVALID',
        `--move ${move.glob}=${move.service}: '${move.service}' is reserved for seams' own group, and this partition has none`,
        'move modules into a service, or into the shared kernel, composition root or unattached group when the partition has one',
      );
    }
    const matches = globMatcher(move.glob);
    let moved = 0;
    for (const module of Object.keys(assignment)) {
      if (matches(module)) {
        assignment[module] = move.service;
        moved++;
      }
    }
    if (moved === 0)
      throw new SeamsError(
        'OPTION_INVALID',
        `--move ${move.glob}=${move.service}: the glob matches no analysed module`,
        'globs match module ids, e.g. --move "src/billing/**=billing"',
      );
  }
  const byId = new Map(partition.clusters.map((item) => [item.id, item]));
  const members = new Map<string, ModuleId[]>();
  for (const [module, cluster] of Object.entries(assignment)) {
    const list = members.get(cluster);
    if (list) list.push(module);
    else members.set(cluster, [module]);
  }
  const clusters: Cluster[] = [...members.entries()]
    .map(([id, modules]) => {
      const original = byId.get(id);
      return {
        id,
        label: original?.label ?? id,
        kind: original?.kind ?? 'service',
        pinned: original?.pinned ?? false,
        modules: modules.sort(compareStrings),
      };
    })
    .sort((a, b) => compareStrings(a.id, b.id));
  const kernel = Object.fromEntries(
    Object.entries(partition.kernel).filter(([module]) => byId.get(assignment[module] as string)?.kind === 'kernel'),
  );
  return { ...partition, clusters, assignment, kernel };
}

/** Parses `--move <glob>=<service>`. */
export function parseMove(text: string): { glob: string; service: string } {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1)
    throw new SeamsError(
      'OPTION_INVALID',
      `--move must be <glob>=<service>, got '${text}'`,
      'for example --move "src/services/invoice*.ts=billing"',
    );
  return { glob: text.slice(0, at), service: text.slice(at + 1) };
}

/** Parses `--merge a,b[,c]`. */
export function parseMerge(text: string): string[] {
  const ids = text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length < 2)
    throw new SeamsError(
      'OPTION_INVALID',
      `--merge needs at least two services, got '${text}'`,
      'for example --merge orders,payments',
    );
  return ids;
}
