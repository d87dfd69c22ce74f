/**
 * Extraction order from a cost model, recomputed greedily after each step (an extracted service
 * leaves the monolith). Cycles between services (strongly connected components of the service
 * dependency graph, graphology-components) are reported with the imports to cut
 * (break-cycles.ts); they do not force a whole component to move at once, which on a real
 * monolith is often every service. The candidates of a step are each remaining service alone,
 * and each pair of remaining services that import each other directly (moving such a pair
 * together turns no mutual import into a remote call). The shared kernel comes first, as a
 * library to publish; a configured composition root (`shell`) comes last: it is not extracted, it
 * stays as the shell that starts and wires the services. Then, at each step, every candidate is costed as if extracted now:
 *   cost = 3 · outbound + 1 · contracts + 1 · inbound + 2 · sharedEntities + lines / 1000
 * outbound: runtime module imports from the step into what remains of the monolith (each becomes
 * a remote call or needs a new monolith API, so they weigh most); contracts: type-only module
 * imports from the step into the monolith (the types move to a shared contract package, no call
 * crosses the network); inbound: module imports from the
 * remaining monolith into the step (call sites to rewire); sharedEntities: data entities the step
 * uses that services still in the monolith use too (data to split or expose, data-ownership.ts);
 * lines: the code moved (a tie-breaker of small weight). The cheapest step goes next; ties by fewer lines, then by name. Each step
 * reports its cost terms, the runtime imports that become remote calls and a one-line reason.
 * The migration's cross-boundary imports (the sum of every step's outbound and inbound when it
 * moves) let two orders, or two decompositions, be compared.
 */
import type { ClusterId, Partition } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import { DirectedGraph, nodeId, nodeKey, stronglyConnectedComponents } from '../graph/graphology.js';
import type { ModuleGraph, ServiceDependency } from '../graph/types.js';
import { apiSurfaces } from './api-surface.js';
import { breakCycles, mutualDependencies } from './break-cycles.js';
import { dataOwnership } from './data-ownership.js';
import { compareCrossing, crossingImports } from './crossing-imports.js';
import type { CrossingImport, Plan, PlanStep, StepCost } from './types.js';
import { type Candidate, StepCosts } from './step-costs.js';
import { InterfaceIndex } from './step-interfaces.js';
import { pairKey, getOrCreate, splitPairKey } from '../base/collections.js';

/** The plan of `partition`; `dependencies` are its service dependencies (graph/service-dependencies.ts). */
export function planExtraction(
  graph: ModuleGraph,
  partition: Partition,
  dependencies: readonly ServiceDependency[],
): Plan {
  const components = serviceComponents(partition, dependencies);
  const crossing = crossingImports(graph, partition);
  const lines = new Map(graph.modules.map((module) => [module.id, module.lines]));
  const sizeOf = new Map<ClusterId, number>(
    partition.clusters.map((item) => [item.id, item.modules.reduce((sum, id) => sum + (lines.get(id) ?? 0), 0)]),
  );
  const kernelIds = new Set(partition.clusters.filter((item) => item.kind === 'kernel').map((item) => item.id));
  const shellIds = new Set(partition.clusters.filter((item) => item.kind === 'shell').map((item) => item.id));

  const data = dataOwnership(graph, partition);
  const entityServices = data.entities.map((entity) => entity.services).filter((services) => services.length > 1);
  const costs = new StepCosts(
    partition.clusters.map((item) => item.id),
    dependencies,
    entityServices,
    sizeOf,
  );
  const remaining = new Set<ClusterId>(partition.clusters.map((item) => item.id));
  const dependenciesFrom = new Map<ClusterId, ServiceDependency[]>();
  for (const dependency of dependencies) getOrCreate(dependenciesFrom, dependency.from, () => []).push(dependency);
  const crossingFrom = new Map<ClusterId, Map<ClusterId, CrossingImport[]>>();
  for (const [key, list] of crossing) {
    const [source, target] = splitPairKey(key);
    getOrCreate(crossingFrom, source, () => new Map()).set(target, list);
  }
  // Unattached modules are no service: never a step; they stay in the monolith (until deleted or claimed).
  const unattachedIds = new Set(partition.clusters.filter((item) => item.kind === 'unattached').map((item) => item.id));
  let pending = candidates(partition, dependencies, new Set([...kernelIds, ...shellIds, ...unattachedIds]))
    .filter((component) => !component.some((id) => unattachedIds.has(id)))
    .map((component) =>
      costs.candidate(
        component,
        component.every((id) => kernelIds.has(id)),
        component.some((id) => shellIds.has(id)),
      ),
    );
  const interfaces = new InterfaceIndex(graph, partition);
  const steps: PlanStep[] = [];
  let migrationImports = 0;
  while (pending.length > 0) {
    // The first of the cheapest (kernel first, shell last; then total, lines, name), as a stable sort would put it.
    let next = pending[0] as Candidate;
    let nextTotal = costs.costOf(next).total;
    for (let index = 1; index < pending.length; index++) {
      const candidate = pending[index] as Candidate;
      const total = costs.costOf(candidate).total;
      const order =
        Number(next.kernel) - Number(candidate.kernel) ||
        Number(candidate.shell) - Number(next.shell) ||
        total - nextTotal ||
        candidate.lines - next.lines ||
        compareStrings(candidate.component[0] ?? '', next.component[0] ?? '');
      if (order < 0) [next, nextTotal] = [candidate, total];
    }
    const cost = costs.costOf(next);
    const inStep = new Set(next.component);
    pending = pending.filter((candidate) => !candidate.component.some((id) => inStep.has(id)));
    const dependsOn = [
      ...new Set(
        next.component
          .flatMap((id) => dependenciesFrom.get(id) ?? [])
          .filter((item) => !inStep.has(item.to) && !remaining.has(item.to))
          .map((item) => item.to),
      ),
    ].sort(compareStrings);
    const remoteCalls = next.component
      .flatMap((source) =>
        [...(crossingFrom.get(source) ?? [])].flatMap(([target, list]) =>
          remaining.has(target) && !inStep.has(target) ? list : [],
        ),
      )
      .filter((item) => !item.typeOnly || item.wired === true)
      .sort(compareCrossing);
    migrationImports += cost.outbound + cost.contracts + cost.inbound;
    const extracted = new Set(partition.clusters.map((item) => item.id).filter((id) => !remaining.has(id)));
    const callers = [...remaining]
      .filter((source) => !inStep.has(source))
      .flatMap((source) => next.component.flatMap((target) => crossingFrom.get(source)?.get(target) ?? []))
      .filter((item) => !item.typeOnly || item.wired === true)
      .sort(compareCrossing);
    const step: PlanStep = {
      rank: steps.length + 1,
      clusters: next.component,
      reason: next.kernel
        ? `publish it as a library (or duplicate it) first; ${cost.inbound} imports from the services use it`
        : next.shell
          ? 'the composition root stays: it is the shell that starts and wires the extracted services'
          : describeStep(next.component, cost, dependencies),
      dependsOn,
      inboundImports: cost.inbound,
      cost,
      remoteCalls,
      routes: [],
      callers: [],
      tables: { moves: [], splits: [] },
      events: [],
    };
    // The shared kernel becomes a library linked into every service, and the composition root
    // stays: neither becomes a service with routes, callers, a database or events of its own.
    steps.push(next.shell || next.kernel ? step : { ...step, ...interfaces.step(step, extracted, callers) });
    for (const id of next.component) {
      remaining.delete(id);
      costs.remove(id);
    }
  }
  const cycles = components
    .filter((component) => component.length > 1)
    .sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''));
  const cycleBreaks = breakCycles(components, dependencies, crossing);
  return {
    dependencies: [...dependencies],
    cycles,
    cycleBreaks,
    mutualDependencies: mutualDependencies(dependencies, crossing, cycleBreaks),
    steps,
    migrationImports,
    apis: apiSurfaces(graph, partition),
    data,
    interfaces: interfaces.services(),
  };
}

/** Each service alone, and each pair of services that import each other directly (sorted pairs; never the kernel or the shell). */
function candidates(
  partition: Partition,
  dependencies: readonly ServiceDependency[],
  kernelIds: ReadonlySet<ClusterId>,
): ClusterId[][] {
  const singles = partition.clusters.map((item) => [item.id]);
  const edges = new Set(dependencies.map((dependency) => pairKey(dependency.from, dependency.to)));
  const pairs = dependencies
    .filter(
      (dependency) =>
        compareStrings(dependency.from, dependency.to) < 0 && edges.has(pairKey(dependency.to, dependency.from)),
    )
    .filter((dependency) => !kernelIds.has(dependency.from) && !kernelIds.has(dependency.to))
    .map((dependency) => [dependency.from, dependency.to]);
  return [...singles, ...pairs];
}

/** Strongly connected components of the service graph, each sorted, listed by first member. */
function serviceComponents(partition: Partition, dependencies: readonly ServiceDependency[]): ClusterId[][] {
  const services = new DirectedGraph();
  for (const item of partition.clusters) services.addNode(nodeKey(item.id));
  for (const dependency of dependencies) services.addDirectedEdge(nodeKey(dependency.from), nodeKey(dependency.to));
  return stronglyConnectedComponents(services)
    .map((component) => component.map(nodeId).sort(compareStrings))
    .sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''));
}

function describeStep(component: ClusterId[], cost: StepCost, dependencies: readonly ServiceDependency[]): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const back =
    cost.outbound === 0
      ? 'no calls back into the monolith'
      : cost.outbound === 1
        ? '1 import back into the monolith becomes a remote call'
        : `${cost.outbound} imports back into the monolith become remote calls`;
  const contracts =
    cost.contracts === 0
      ? ''
      : `; ${plural(cost.contracts, 'type-only import')} back into the monolith ${cost.contracts === 1 ? 'goes' : 'go'} to a shared contract`;
  const rewire =
    cost.inbound === 0
      ? 'nothing left in the monolith imports it'
      : `${plural(cost.inbound, 'import')} from the monolith to rewire`;
  const data =
    cost.sharedEntities === 0
      ? ''
      : `; ${plural(cost.sharedEntities, 'data entity')} shared with the monolith`.replace('entitys', 'entities');
  const base = `cheapest next (cost ${cost.total}): ${back}${contracts}; ${rewire}${data}`;
  if (component.length === 1) return base;
  const internal = countImports(
    dependencies,
    (id) => component.includes(id),
    (id) => component.includes(id),
  );
  return `${component.join(' and ')} import each other (${internal} imports): moving them together keeps those local; ${base}`;
}

/** Sum of imports over the given dependencies whose ends satisfy the predicates. */
function countImports(
  dependencies: readonly ServiceDependency[],
  from: (id: ClusterId) => boolean,
  to: (id: ClusterId) => boolean,
): number {
  return dependencies.reduce(
    (sum, dependency) => (from(dependency.from) && to(dependency.to) ? sum + dependency.imports : sum),
    0,
  );
}
