/**
 * The cost terms of the extraction plan's candidate steps (plan-extraction.ts), kept up to date
 * as services leave the monolith instead of rescanned for every candidate at every step. Per
 * remaining service: its runtime and type-only imports into the other remaining services, the
 * imports the other remaining services make into it, and its data entities that another remaining
 * service uses too. When a service leaves, only its own dependencies and entities are visited, so
 * a whole plan costs O(steps · candidates + dependencies + entity uses) instead of
 * O(steps · candidates · degree). A step of several services is its members' terms less what
 * they import from each other (fixed, worked out once per candidate) and the entities they alone
 * would share.
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
  /** Positions of its services in StepCosts' tables. */
  members: number[];
  /** Runtime and type-only module imports among its own services (they stay local). */
  internalRuntime: number;
  internalTypes: number;
  /** Entities two or more of its services use, with how many of them do. */
  common: { entity: number; members: number }[];
}

/** A service dependency between table positions. */
interface Link {
  other: number;
  runtime: number;
  types: number;
}

export class StepCosts {
  private readonly position = new Map<ClusterId, number>();
  private readonly remaining: Uint8Array;
  private readonly outLinks: Link[][];
  private readonly inLinks: Link[][];
  private readonly runtimeOut: Float64Array;
  private readonly typeOut: Float64Array;
  private readonly inbound: Float64Array;
  private readonly shared: Float64Array;
  /** Per entity, its services' positions, and how many of them remain. */
  private readonly entityMembers: number[][] = [];
  private readonly users: number[] = [];
  private readonly entitiesOf: number[][];

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
    for (const id of services) if (!this.position.has(id)) this.position.set(id, this.position.size);
    const count = this.position.size;
    this.remaining = new Uint8Array(count).fill(1);
    this.outLinks = Array.from({ length: count }, () => []);
    this.inLinks = Array.from({ length: count }, () => []);
    this.runtimeOut = new Float64Array(count);
    this.typeOut = new Float64Array(count);
    this.inbound = new Float64Array(count);
    this.shared = new Float64Array(count);
    this.entitiesOf = Array.from({ length: count }, () => []);
    // One link per ordered pair, the last listed winning, as a from -> to -> count table would keep it.
    const byPair = new Map<number, Map<number, ServiceDependency>>();
    for (const dependency of dependencies) {
      const from = this.position.get(dependency.from);
      const to = this.position.get(dependency.to);
      // Imports into a service that is no candidate never cost anything, nor do a service's imports of itself.
      if (from === undefined || to === undefined || from === to) continue;
      getOrCreate(byPair, from, () => new Map()).set(to, dependency);
    }
    for (const [from, row] of byPair) {
      for (const [to, dependency] of row) {
        const link = { runtime: dependency.imports - dependency.typeOnly, types: dependency.typeOnly };
        (this.outLinks[from] as Link[]).push({ other: to, ...link });
        (this.inLinks[to] as Link[]).push({ other: from, ...link });
        this.runtimeOut[from] = (this.runtimeOut[from] as number) + link.runtime;
        this.typeOut[from] = (this.typeOut[from] as number) + link.types;
        this.inbound[to] = (this.inbound[to] as number) + dependency.imports;
      }
    }
    for (const services of entityServices) {
      const members = services.flatMap((id) => {
        const at = this.position.get(id);
        return at === undefined ? [] : [at];
      });
      const entity = this.entityMembers.length;
      this.entityMembers.push(members);
      this.users.push(members.length);
      for (const at of members) {
        (this.entitiesOf[at] as number[]).push(entity);
        if (members.length >= 2) this.shared[at] = (this.shared[at] as number) + 1;
      }
    }
  }

  /** The candidate step `component` (its services must all remain). */
  candidate(component: ClusterId[], kernel: boolean, shell: boolean): Candidate {
    const members = component.map((id) => this.position.get(id) as number);
    let internalRuntime = 0;
    let internalTypes = 0;
    const common = new Map<number, number>();
    if (members.length > 1) {
      for (const from of members) {
        for (const link of this.outLinks[from] as Link[]) {
          if (!members.includes(link.other)) continue;
          internalRuntime += link.runtime;
          internalTypes += link.types;
        }
        for (const entity of this.entitiesOf[from] as number[]) common.set(entity, (common.get(entity) ?? 0) + 1);
      }
    }
    return {
      component,
      kernel,
      shell,
      lines: component.reduce((sum, id) => sum + (this.sizeOf.get(id) ?? 0), 0),
      members,
      internalRuntime,
      internalTypes,
      common: [...common].filter(([, count]) => count > 1).map(([entity, count]) => ({ entity, members: count })),
    };
  }

  /** The cost terms of `candidate` if it were extracted now (a few array reads: called for every candidate at every step). */
  costOf(candidate: Candidate): StepCost {
    let outbound = -candidate.internalRuntime;
    let contracts = -candidate.internalTypes;
    let inbound = -(candidate.internalRuntime + candidate.internalTypes);
    let sharedEntities = 0;
    for (const at of candidate.members) {
      outbound += this.runtimeOut[at] as number;
      contracts += this.typeOut[at] as number;
      inbound += this.inbound[at] as number;
      sharedEntities += this.shared[at] as number;
    }
    // Each member counted an entity the others use too; the step shares it only if a service outside it does.
    for (const { entity, members } of candidate.common)
      sharedEntities -= members - ((this.users[entity] as number) > members ? 1 : 0);
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
    const at = this.position.get(id);
    if (at === undefined || this.remaining[at] === 0) return;
    this.remaining[at] = 0;
    for (const link of this.inLinks[at] as Link[]) {
      this.runtimeOut[link.other] = (this.runtimeOut[link.other] as number) - link.runtime;
      this.typeOut[link.other] = (this.typeOut[link.other] as number) - link.types;
    }
    for (const link of this.outLinks[at] as Link[])
      this.inbound[link.other] = (this.inbound[link.other] as number) - (link.runtime + link.types);
    for (const entity of this.entitiesOf[at] as number[]) {
      const left = (this.users[entity] as number) - 1;
      this.users[entity] = left;
      if (left !== 1) continue;
      const last = (this.entityMembers[entity] as number[]).find((other) => this.remaining[other] === 1);
      if (last !== undefined) this.shared[last] = (this.shared[last] as number) - 1;
    }
  }
}

/** cost = 3 · outbound + 1 · contracts + 1 · inbound + 2 · sharedEntities + lines / 1000, to a thousandth. */
function weigh(outbound: number, contracts: number, inbound: number, sharedEntities: number, lines: number): number {
  return Math.round((3 * outbound + contracts + inbound + 2 * sharedEntities + lines / 1000) * 1000) / 1000;
}
