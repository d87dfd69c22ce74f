import type { ClusterId } from '../cluster/types.js';
import type { ModuleId } from '../extract/types.js';
import type { Endpoint, ServiceDependency } from '../graph/types.js';

// Declared with the graph it aggregates (graph/service-dependencies.ts); re-exported for the plan's readers.

/** One module import statement that crosses a service boundary. */
export interface CrossingImport {
  /** Importing module. */
  from: ModuleId;
  /** 1-based line of the import statement. */
  line: number;
  /** Module that declares the imported names (seen through barrels, like the service dependency graph). */
  to: ModuleId;
  /** The barrel the statement names, when the names were imported through one. */
  via?: ModuleId;
  /** Imported names (declared in `to`). */
  symbols: string[];
  /** True when the import is type-only. */
  typeOnly: boolean;
  /** True when a type-only import is framework wiring (constructor injection, `@Module` lists): it couples at run time. */
  wired?: boolean;
}

/** A cycle between services and the imports whose removal breaks it. */
export interface ServiceCycle {
  /** Services on the cycle (a strongly connected component), sorted. */
  services: ClusterId[];
  /** Service dependencies to cut (a feedback arc set found by the Eades-Lin-Smyth heuristic). */
  cut: { from: ClusterId; to: ClusterId; imports: number }[];
  /** The module imports behind those dependencies: "cut these imports". */
  imports: CrossingImport[];
}

/** The cost terms of extracting one step when it is extracted (see plan-extraction.ts). */
export interface StepCost {
  /** Runtime module imports from the step into what remains of the monolith: remote calls or a new monolith API. */
  outbound: number;
  /** Type-only module imports from the step into what remains of the monolith: types for a shared contract package. */
  contracts: number;
  /** Module imports from the remaining monolith into the step: call sites to rewire. */
  inbound: number;
  /** Data entities the step uses that services still in the monolith use too. */
  sharedEntities: number;
  /** Physical lines moved. */
  lines: number;
  /** The weighted total: 3·outbound + 1·contracts + 1·inbound + 2·sharedEntities + lines / 1000. */
  total: number;
}

/** How code touches a table: written (`write`, `read-write`), only read, or used with no read or write call seen (`use`: the entity is imported, declared or injected). */
export type TableAccess = 'read-write' | 'write' | 'read' | 'use';

/** A table the step's services use, with how they use it. */
export interface TableMove {
  /** The table or collection; null when the code does not name it statically. */
  table: string | null;
  /** The entity (or model) behind it. */
  entity: string;
  orm: 'typeorm' | 'prisma' | 'mongoose' | 'sequelize';
  /** The module (or Prisma schema file) that declares the entity. */
  declaredIn: string;
  /** How the step's modules use it. */
  access: TableAccess;
  /** The step's (or service's) modules that use it, sorted. */
  modules: ModuleId[];
}

/** A table the step uses together with services that stay (or left before): a database-per-service conflict. */
export interface TableSplit extends TableMove {
  /** The other services that use it, how, and whether they were extracted before this step; sorted by service. */
  others: { cluster: ClusterId; access: TableAccess; extracted: boolean; modules: ModuleId[] }[];
  /**
   * `both-write`: the step and another service write it (split the table, or give it one owner and
   * route the other's writes through its API); `step-writes`: only the step writes (it becomes the
   * owner; the others read through its API or a replica); `others-write`: the step only reads or
   * uses it (it stays with its writer; the step reads through an API or a replica); `read-only`:
   * nobody writes it in the analysed code (reference data: replicate it).
   */
  conflict: 'both-write' | 'step-writes' | 'others-write' | 'read-only';
}

/** An event, message or queue name with one side in the step (or service) and the other outside it. */
export interface EventCrossing {
  /** How it travels (`nest-event-emitter`, `event-emitter`, `nest-microservices`, `bullmq`, `bus`). */
  transport: string;
  name: string;
  /** `publishes`: emitted, sent or enqueued here; `consumes`: listened to, handled or processed here. */
  direction: 'publishes' | 'consumes';
  /** The services on the other side, sorted. */
  counterparts: ClusterId[];
  /** Present when the other side is (also) inside the step or service itself. Neither this nor counterparts: no analysed code is on the other side. */
  within?: true;
}

/** What moves at one step of the strangler fig. */
export interface StepInterfaces {
  /** The gateway's new routes: endpoints of the step's services, which the facade sends to the new service. Sorted by module, line. */
  routes: Endpoint[];
  /** Runtime imports from services still in the monolith into the step: in-process calls that must become calls to the new service. */
  callers: CrossingImport[];
  /** Tables only the step uses (they move to its database), and tables it shares (to split, or to own and expose); sorted by table. */
  tables: { moves: TableMove[]; splits: TableSplit[] };
  /** Events and queues that cross the new boundary: asynchronous contracts to keep. */
  events: EventCrossing[];
}

/** One service's interface: its endpoints and operations, the tables it uses, the events it publishes and consumes. */
export interface ServiceInterface {
  cluster: ClusterId;
  /** Endpoints and operations its modules declare, sorted by module, line. */
  endpoints: Endpoint[];
  /** Tables it uses, how, and whether it owns them alone (`owned`) or shares them (data-ownership categories); sorted by table. */
  tables: (TableMove & { category: 'owned' | 'shared' | 'common' })[];
  /** Every event it publishes or consumes, with the services on the other side. */
  events: EventCrossing[];
}

/** One step of the extraction order. */
export interface PlanStep extends StepInterfaces {
  /** 1-based position in the order. */
  rank: number;
  /** Services extracted together in this step (several when they form a cycle), sorted. */
  clusters: ClusterId[];
  /** One line saying why this step comes here. */
  reason: string;
  /** Services extracted earlier that this step still imports, sorted. */
  dependsOn: ClusterId[];
  /** Module edges from services still in the monolith into this step's services: call sites to rewire. */
  inboundImports: number;
  /** The cost terms at the time of extraction. */
  cost: StepCost;
  /** Runtime imports from this step into the remaining monolith: they become remote calls. */
  remoteCalls: CrossingImport[];
}

/** One name a service offers to the others. */
export interface ApiSymbol {
  /** The exported name. */
  symbol: string;
  /** The module that declares it (seen through barrels). */
  module: ModuleId;
  /** `operation`: imported as a value somewhere (a remote call); `type`: only as a type (a shared contract). */
  kind: 'operation' | 'type';
  /** Services that import it, sorted. */
  consumers: ClusterId[];
  /** Import statements that import it. */
  importSites: number;
}

/** The API surface of one candidate service. */
export interface ApiSurface {
  /** The service. */
  cluster: ClusterId;
  /** Names other services import from it, sorted by module, then name. */
  symbols: ApiSymbol[];
}

/** Which services use which data entities. */
export interface DataOwnership {
  /** Every entity with its users, sorted by name. */
  entities: {
    name: string;
    orm: 'typeorm' | 'prisma' | 'mongoose' | 'sequelize';
    /** Module (or Prisma schema file) that declares it. */
    declaredIn: string;
    /** Services whose modules use it, sorted. */
    services: ClusterId[];
    /** Modules that use it, sorted. */
    modules: ModuleId[];
    /** owned: one service; shared: two to four; common: five or more. */
    category: 'owned' | 'shared' | 'common';
  }[];
  /** Per service, the entities it owns alone, shares, and uses in common; sorted by service. */
  services: { cluster: ClusterId; owned: string[]; shared: string[]; common: string[] }[];
}

/** The extraction plan. */
export interface Plan {
  /** The service dependency graph, sorted by from, then to. */
  dependencies: ServiceDependency[];
  /** Cycles between services: strongly connected components of two or more, each sorted. */
  cycles: ClusterId[][];
  /** Each cycle with the imports to cut to break it. */
  cycleBreaks: ServiceCycle[];
  /** Pairs of services that import each other directly, with the lighter direction to cut. */
  mutualDependencies: ServiceCycle[];
  /** The recommended order; every cluster appears in exactly one step. */
  steps: PlanStep[];
  /** Cross-boundary module imports summed over the whole migration (each step's inbound + outbound when it moves). */
  migrationImports: number;
  /** The API surface of every service, sorted by service. */
  apis: ApiSurface[];
  /** Data ownership: entities and the services that use them. */
  data: DataOwnership;
  /** Every service's interface (endpoints, tables, events), in partition order. */
  interfaces: ServiceInterface[];
}
