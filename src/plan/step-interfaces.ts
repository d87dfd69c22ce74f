/**
 * What actually moves at each step of the plan, and each service's interface: the strangler fig's
 * routing table (the endpoints the gateway sends to the new service), the monolith code that still
 * calls the moved code in-process (each call becomes a call to the new service), the tables that
 * move with the service or must be split or shared (a database per service), and the events and
 * queues that cross the new boundary (asynchronous contracts). Read from the graph's endpoints,
 * data entities with their reads and writes, and event channels (graph stage); nothing is guessed
 * beyond them.
 */
import { compareStrings } from '../base/compare.js';
import { getOrCreate } from '../base/collections.js';
import type { ClusterId, Partition } from '../cluster/types.js';
import type { ModuleId } from '../extract/types.js';
import type { Endpoint, ModuleGraph } from '../graph/types.js';
import type { Table } from '../graph/tables.js';
import { SHARED_UP_TO } from './data-ownership.js';
import type {
  CrossingImport,
  EventCrossing,
  PlanStep,
  ServiceInterface,
  StepInterfaces,
  TableAccess,
  TableMove,
  TableSplit,
} from './types.js';

/** How some modules touch a table: written (and maybe read), only read, or used with no read or write call seen. */
function accessOf(table: Table, modules: ReadonlySet<ModuleId>): TableAccess {
  const reads = table.readers.some((module) => modules.has(module));
  const writes = table.writers.some((module) => modules.has(module));
  return writes ? (reads ? 'read-write' : 'write') : reads ? 'read' : 'use';
}

const writes = (access: TableAccess) => access === 'write' || access === 'read-write';

/** The inputs every step and service interface is read from, indexed once. */
export class InterfaceIndex {
  private readonly endpointsOf = new Map<ClusterId, Endpoint[]>();
  /** Per table (index in graph.tables): service -> its modules that use the table. */
  private readonly usersOf: Map<ClusterId, Set<ModuleId>>[];

  constructor(
    private readonly graph: ModuleGraph,
    private readonly partition: Partition,
  ) {
    for (const endpoint of graph.endpoints) {
      const owner = partition.assignment[endpoint.module];
      if (owner !== undefined) getOrCreate(this.endpointsOf, owner, () => []).push(endpoint);
    }
    this.usersOf = graph.tables.map((table) => {
      const byService = new Map<ClusterId, Set<ModuleId>>();
      for (const module of table.users) {
        const owner = partition.assignment[module];
        if (owner !== undefined) getOrCreate(byService, owner, () => new Set()).add(module);
      }
      return byService;
    });
  }

  /** The interface of every service, in partition order. */
  services(): ServiceInterface[] {
    return this.partition.clusters.map((item) => ({
      cluster: item.id,
      endpoints: this.endpointsOf.get(item.id) ?? [],
      tables: this.graph.tables.flatMap((table, index) => {
        const users = this.usersOf[index] as Map<ClusterId, Set<ModuleId>>;
        const mine = users.get(item.id);
        if (mine === undefined) return [];
        const category: 'owned' | 'shared' | 'common' =
          users.size <= 1 ? 'owned' : users.size <= SHARED_UP_TO ? 'shared' : 'common';
        return [{ ...moveOf(table, accessOf(table, mine), mine), category }];
      }),
      events: this.eventsOf(new Set([item.id]), true),
    }));
  }

  /**
   * What moves at one step: its services leave the monolith; `extracted` left before. `callers`
   * are the remaining monolith's runtime imports into the step.
   */
  step(step: PlanStep, extracted: ReadonlySet<ClusterId>, callers: CrossingImport[]): StepInterfaces {
    const inStep = new Set(step.clusters);
    const moves: TableMove[] = [];
    const splits: TableSplit[] = [];
    for (const [index, table] of this.graph.tables.entries()) {
      const users = this.usersOf[index] as Map<ClusterId, Set<ModuleId>>;
      const here = new Set(step.clusters.flatMap((id) => [...(users.get(id) ?? [])]));
      if (here.size === 0) continue;
      const access = accessOf(table, here);
      const others = [...users.keys()].filter((id) => !inStep.has(id)).sort(compareStrings);
      if (others.length === 0) {
        moves.push(moveOf(table, access, here));
        continue;
      }
      const otherAccess = others.map((id) => ({
        cluster: id,
        access: accessOf(table, users.get(id) as Set<ModuleId>),
        extracted: extracted.has(id),
        modules: [...(users.get(id) as Set<ModuleId>)].sort(compareStrings),
      }));
      const othersWrite = otherAccess.some((other) => writes(other.access));
      splits.push({
        ...moveOf(table, access, here),
        others: otherAccess,
        conflict: writes(access)
          ? othersWrite
            ? 'both-write'
            : 'step-writes'
          : othersWrite
            ? 'others-write'
            : 'read-only',
      });
    }
    return {
      routes: step.clusters.flatMap((id) => this.endpointsOf.get(id) ?? []),
      callers,
      tables: { moves, splits },
      events: this.eventsOf(inStep, false),
    };
  }

  /**
   * Events with a side in `inside`, from the inside's view: `publishes` when it emits, `consumes`
   * when it listens, with the services outside on the other side. With `all`, every such event;
   * without, only those that cross (a service outside on the other side, or nobody at all there:
   * a listener or emitter outside the analysed code, or none).
   */
  private eventsOf(inside: ReadonlySet<ClusterId>, all: boolean): EventCrossing[] {
    const crossings: EventCrossing[] = [];
    const ownersOf = (items: readonly { module: ModuleId }[]) =>
      new Set(items.map((item) => this.partition.assignment[item.module]).filter((id) => id !== undefined));
    for (const channel of this.graph.events) {
      const emitters = ownersOf(channel.emitters);
      const listeners = ownersOf(channel.listeners);
      const outside = (set: ReadonlySet<ClusterId>) => [...set].filter((id) => !inside.has(id)).sort(compareStrings);
      const sides = [
        { here: emitters, there: listeners, direction: 'publishes' as const },
        { here: listeners, there: emitters, direction: 'consumes' as const },
      ];
      for (const { here, there, direction } of sides) {
        if (![...here].some((id) => inside.has(id))) continue;
        const counterparts = outside(there);
        const within = [...there].some((id) => inside.has(id));
        if (all || counterparts.length > 0 || there.size === 0)
          crossings.push({
            transport: channel.transport,
            name: channel.name,
            direction,
            counterparts,
            ...(within ? { within: true as const } : {}),
          });
      }
    }
    return crossings.sort(
      (a, b) =>
        compareStrings(a.transport, b.transport) ||
        compareStrings(a.name, b.name) ||
        compareStrings(a.direction, b.direction),
    );
  }
}

/** A table as a step or service lists it. */
function moveOf(table: Table, access: TableAccess, modules: ReadonlySet<ModuleId>): TableMove {
  return {
    table: table.table,
    entity: table.entity,
    orm: table.orm,
    declaredIn: table.declaredIn,
    access,
    modules: [...modules].sort(compareStrings),
  };
}
