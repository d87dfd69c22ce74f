/**
 * The cost terms of the extraction plan's candidate steps (plan-extraction.ts), kept up to date
 * as services leave the monolith instead of rescanned for every candidate at every step. Per
 * remaining service: its runtime and type-only imports into the other remaining services, the
 * imports the other remaining services make into it, and its data entities that another remaining
 * service uses too. When a service leaves, only its own dependencies and entities are visited, so
 * a whole plan costs O(steps · candidates + dependencies + entity uses) instead of
 * O(steps · candidates · degree). A step of several services is its members' terms less what
 * they import from each other and the entities they alone would share.
 */
import type { ClusterId } from '../cluster/types.js';
import type { ServiceDependency } from '../graph/types.js';
import type { StepCost } from './types.js';
import { getOrCreate } from '../base/collections.js';

/** One candidate step with what is fixed about it, worked out once. */
export interface Candidate {
  /** Its services (one, or two that import each other), sorted. */
  component: ClusterId[];
  /** Every service of it is the shared kernel. */
  kernel: boolean;
  /** A service of it is the composition root. */
  shell: boolean;
  /** Lines of code it moves. */
  lines: number;
  /** Entities two or more of its services use, with how many of them do. */
  common: { users: ClusterId[]; members: number }[];
}

export class StepCosts {
  private readonly remaining: Set<ClusterId>;
  /** from -> to -> module imports. */
  private readonly imports = new Map<ClusterId, Map<ClusterId, number>>();
  /** from -> to -> type-only module imports. */
  private readonly typeImports = new Map<ClusterId, Map<ClusterId, number>>();
  /** to -> from -> module imports. */
  private readonly importedBy = new Map<ClusterId, Map<ClusterId, number>>();
  private readonly runtimeOut = new Map<ClusterId, number>();
  private readonly typeOut = new Map<ClusterId, number>();
  private readonly inbound = new Map<ClusterId, number>();
  private readonly shared = new Map<ClusterId, number>();
  /** Per entity (its list of services), how many of them remain. */
  private readonly users = new Map<readonly ClusterId[], number>();
  private readonly entitiesOf = new Map<ClusterId, ClusterId[][]>();

  /**
   * `services`: every service, all in the monolith at first; `entityServices`: per data entity
   * used by more than one service, those services.
   */
  constructor(
    services: readonly ClusterId[],
    dependencies: readonly ServiceDependency[],
    entityServices: readonly ClusterId[][],
    private readonly sizeOf: ReadonlyMap<ClusterId, number>,
  ) {
    this.remaining = new Set(services);
    for (const dependency of dependencies) {
      getOrCreate(this.imports, dependency.from, () => new Map()).set(dependency.to, dependency.imports);
      getOrCreate(this.typeImports, dependency.from, () => new Map()).set(dependency.to, dependency.typeOnly);
      getOrCreate(this.importedBy, dependency.to, () => new Map()).set(dependency.from, dependency.imports);
    }
    for (const id of this.remaining) {
      let runtime = 0;
      let types = 0;
      let inbound = 0;
      for (const [to, count] of this.imports.get(id) ?? []) {
        if (to === id || !this.remaining.has(to)) continue;
        const typeOnly = this.typeImports.get(id)?.get(to) ?? 0;
        runtime += count - typeOnly;
        types += typeOnly;
      }
      for (const [from, count] of this.importedBy.get(id) ?? [])
        if (from !== id && this.remaining.has(from)) inbound += count;
      this.runtimeOut.set(id, runtime);
      this.typeOut.set(id, types);
      this.inbound.set(id, inbound);
      this.shared.set(id, 0);
    }
    for (const services of entityServices) {
      for (const id of services) getOrCreate(this.entitiesOf, id, () => []).push(services);
      const remaining = services.filter((id) => this.remaining.has(id));
      this.users.set(services, remaining.length);
      if (remaining.length >= 2) for (const id of remaining) this.shared.set(id, (this.shared.get(id) as number) + 1);
    }
  }

  /** The candidate step `component` (its services must all remain). */
  candidate(component: ClusterId[], kernel: boolean, shell: boolean): Candidate {
    const members = new Map<ClusterId[], number>();
    if (component.length > 1)
      for (const id of component)
        for (const services of this.entitiesOf.get(id) ?? []) members.set(services, (members.get(services) ?? 0) + 1);
    return {
      component,
      kernel,
      shell,
      lines: component.reduce((sum, id) => sum + (this.sizeOf.get(id) ?? 0), 0),
      common: [...members].filter(([, count]) => count > 1).map(([users, count]) => ({ users, members: count })),
    };
  }

  /** The weighted total of `candidate` if it were extracted now (see costOf). */
  total(candidate: Candidate): number {
    const { outbound, contracts, inbound, sharedEntities } = this.terms(candidate);
    return weigh(outbound, contracts, inbound, sharedEntities, candidate.lines);
  }

  /** The cost terms of `candidate` if it were extracted now. */
  costOf(candidate: Candidate): StepCost {
    const { outbound, contracts, inbound, sharedEntities } = this.terms(candidate);
    return {
      outbound,
      contracts,
      inbound,
      sharedEntities,
      lines: candidate.lines,
      total: weigh(outbound, contracts, inbound, sharedEntities, candidate.lines),
    };
  }

  /** Takes `id` out of the monolith. */
  remove(id: ClusterId): void {
    if (!this.remaining.delete(id)) return;
    for (const [from, count] of this.importedBy.get(id) ?? []) {
      if (from === id) continue;
      const typeOnly = this.typeImports.get(from)?.get(id) ?? 0;
      this.runtimeOut.set(from, (this.runtimeOut.get(from) ?? 0) - (count - typeOnly));
      this.typeOut.set(from, (this.typeOut.get(from) ?? 0) - typeOnly);
    }
    for (const [to, count] of this.imports.get(id) ?? [])
      if (to !== id) this.inbound.set(to, (this.inbound.get(to) ?? 0) - count);
    for (const services of this.entitiesOf.get(id) ?? []) {
      const left = (this.users.get(services) as number) - 1;
      this.users.set(services, left);
      if (left !== 1) continue;
      const last = services.find((other) => this.remaining.has(other));
      if (last !== undefined) this.shared.set(last, (this.shared.get(last) as number) - 1);
    }
  }

  private terms(candidate: Candidate): {
    outbound: number;
    contracts: number;
    inbound: number;
    sharedEntities: number;
  } {
    const { component } = candidate;
    let outbound = 0;
    let contracts = 0;
    let inbound = 0;
    let sharedEntities = 0;
    for (const id of component) {
      outbound += this.runtimeOut.get(id) as number;
      contracts += this.typeOut.get(id) as number;
      inbound += this.inbound.get(id) as number;
      sharedEntities += this.shared.get(id) as number;
    }
    if (component.length > 1) {
      // Imports between the step's own services stay local.
      for (const from of component) {
        const row = this.imports.get(from);
        if (row === undefined) continue;
        for (const to of component) {
          if (to === from) continue;
          const count = row.get(to) ?? 0;
          const typeOnly = this.typeImports.get(from)?.get(to) ?? 0;
          outbound -= count - typeOnly;
          contracts -= typeOnly;
          inbound -= count;
        }
      }
      // Each member counted an entity the others use too; the step shares it only if a service outside it does.
      for (const { users, members } of candidate.common)
        sharedEntities -= members - ((this.users.get(users) as number) > members ? 1 : 0);
    }
    return { outbound, contracts, inbound, sharedEntities };
  }
}

/** cost = 3 · outbound + 1 · contracts + 1 · inbound + 2 · sharedEntities + lines / 1000, to a thousandth. */
function weigh(outbound: number, contracts: number, inbound: number, sharedEntities: number, lines: number): number {
  return Math.round((3 * outbound + contracts + inbound + 2 * sharedEntities + lines / 1000) * 1000) / 1000;
}
