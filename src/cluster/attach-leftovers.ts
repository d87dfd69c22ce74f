/**
 * Modules kept out of Louvain are placed afterwards, so they never glue domains together and never
 * become services of their own:
 *   - **hubs** (imported from many areas but importing domain code, so not kernel) and
 *     **singletons** (a unit Louvain left alone) join the service they are most strongly tied to
 *     on the clustering graph, whatever the strength;
 *   - **unattached** modules (no import joins them to any clustered module: migrations, seed
 *     scripts, standalone tools) join a service only when their other signals point at it
 *     clearly: a tie of at least ATTACH_MIN_WEIGHT that holds at least ATTACH_MIN_SHARE of their
 *     clustering weight towards services and other placed modules (the kernel and the shell not
 *     counted) (a migration named after an entity, a script sharing a domain's
 *     vocabulary); the others stay `unattached`, which is no service and no plan step.
 * Placement runs in rounds (a module may attach through one attached in an earlier round) until
 * nothing moves. Each placed module gets its reason.
 */
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import { pushTo, roundTo } from '../base/numbers.js';
import type { SignalName } from './clustering-graph.js';
import type { WeightedEdge } from './types.js';

/** Smallest tie that attaches a module no import joins to a service. */
export const ATTACH_MIN_WEIGHT = 0.25;
/** Smallest share of such a module's clustering weight that its tie must hold. */
export const ATTACH_MIN_SHARE = 0.5;

export type LeftoverKind = 'hub' | 'singleton' | 'unattached';

export interface Leftover {
  module: ModuleId;
  kind: LeftoverKind;
  /** Why it was kept out of Louvain. */
  why: string;
}

export interface Placement {
  /** Module -> index of the group it joined; modules absent here stay unattached. */
  joined: Map<ModuleId, number>;
  /** Module -> reason, for every leftover. */
  reasons: Map<ModuleId, string>;
}

/**
 * @param groups clustered modules per group (indices are the result's group numbers)
 * @param edges the clustering graph
 * @param signalOf the signal that contributed most to a pair's weight, for reasons
 */
export function attachLeftovers(
  groups: readonly (readonly ModuleId[])[],
  leftovers: readonly Leftover[],
  edges: readonly WeightedEdge[],
  signalOf: (a: ModuleId, b: ModuleId) => SignalName | null,
): Placement {
  const groupOf = new Map<ModuleId, number>();
  groups.forEach((group, index) => {
    for (const id of group) groupOf.set(id, index);
  });
  const adjacency = new Map<ModuleId, { other: ModuleId; weight: number }[]>();
  const pending = new Map(leftovers.map((leftover) => [leftover.module, leftover]));
  for (const edge of edges) {
    if (pending.has(edge.source)) pushTo(adjacency, edge.source, { other: edge.target, weight: edge.weight });
    if (pending.has(edge.target)) pushTo(adjacency, edge.target, { other: edge.source, weight: edge.weight });
  }
  // Ties count only towards modules that are, or may become, part of a service (not the kernel, not the shell).
  const candidates = new Set([...groupOf.keys(), ...pending.keys()]);
  const joined = new Map<ModuleId, number>();
  const reasons = new Map<ModuleId, string>();
  for (let moved = true; moved; ) {
    moved = false;
    for (const id of [...pending.keys()].sort(compareStrings)) {
      const leftover = pending.get(id) as Leftover;
      const ties = new Map<number, number>();
      let total = 0;
      for (const { other, weight } of adjacency.get(id) ?? []) {
        if (!candidates.has(other)) continue;
        total += weight;
        const group = groupOf.get(other);
        if (group !== undefined) ties.set(group, (ties.get(group) ?? 0) + weight);
      }
      const ranked = [...ties.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const [best] = ranked;
      if (best === undefined) continue;
      const strong =
        leftover.kind !== 'unattached' || (best[1] >= ATTACH_MIN_WEIGHT && best[1] >= ATTACH_MIN_SHARE * total);
      if (!strong) continue;
      const strongest = (adjacency.get(id) ?? [])
        .filter(({ other }) => groupOf.get(other) === best[0])
        .sort((a, b) => b.weight - a.weight || compareStrings(a.other, b.other))[0];
      const signal = strongest === undefined ? null : signalOf(id, strongest.other);
      joined.set(id, best[0]);
      groupOf.set(id, best[0]);
      reasons.set(
        id,
        `${leftover.why}; placed after clustering with the service it is most tied to (${roundTo(best[1], 2)} of ${roundTo(total, 2)}${strongest === undefined ? '' : `, strongest: ${signal ?? 'tie'} with ${strongest.other}`})`,
      );
      pending.delete(id);
      moved = true;
    }
  }
  for (const [id, leftover] of pending) {
    reasons.set(
      id,
      `${leftover.why}; ${leftover.kind === 'unattached' ? 'no other signal ties it clearly to one service' : 'tied to no clustered module'}: unattached`,
    );
  }
  return { joined, reasons };
}
