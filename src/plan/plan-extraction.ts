/**
 * Extraction order, leaves first. Services that import each other (a strongly connected
 * component of the service dependency graph, found with graphology-components) cannot be
 * separated and move as one step. Among the steps whose services import nothing that is still
 * in the monolith, the next one is the step with the fewest imports from the remaining monolith
 * into it (fewest call sites to rewire), then the fewest lines, then the smallest id.
 */
import type { ClusterId, Partition } from '../cluster/types.js';
import { compareStrings } from '../diagnostics.js';
import { DirectedGraph, stronglyConnectedComponents } from '../graph/graphology.js';
import type { ModuleGraph } from '../graph/types.js';
import { countImports, serviceDependencies } from './service-dependencies.js';
import type { Plan, PlanStep, ServiceDependency } from './types.js';

export function planExtraction(graph: ModuleGraph, partition: Partition): Plan {
  const dependencies = serviceDependencies(graph, partition);
  const components = serviceComponents(partition, dependencies);
  const lines = new Map(graph.modules.map((module) => [module.id, module.lines]));
  const sizeOf = new Map<ClusterId, number>(partition.clusters.map((item) => [item.id, item.modules.reduce((sum, id) => sum + (lines.get(id) ?? 0), 0)]));

  const kernelIds = new Set(partition.clusters.filter((item) => item.kind === 'kernel').map((item) => item.id));
  const remaining = new Set<ClusterId>(partition.clusters.map((item) => item.id));
  const pending = [...components];
  const steps: PlanStep[] = [];
  while (pending.length > 0) {
    const ready = pending
      .filter((component) => countImports(dependencies, (id) => component.includes(id), (id) => remaining.has(id) && !component.includes(id)) === 0)
      .map((component) => ({
        component,
        inbound: countImports(dependencies, (id) => remaining.has(id) && !component.includes(id), (id) => component.includes(id)),
        lines: component.reduce((sum, id) => sum + (sizeOf.get(id) ?? 0), 0),
      }))
      .sort((a, b) => a.inbound - b.inbound || a.lines - b.lines || compareStrings(a.component[0] ?? '', b.component[0] ?? ''));
    const next = ready[0];
    if (next === undefined) throw new Error('service graph condensation is not acyclic');
    pending.splice(pending.indexOf(next.component), 1);
    const dependsOn = dependencies
      .filter((dependency) => next.component.includes(dependency.from) && !next.component.includes(dependency.to))
      .map((dependency) => dependency.to);
    steps.push({
      rank: steps.length + 1,
      clusters: next.component,
      reason: kernelIds.has(next.component[0] ?? '') && next.component.length === 1
        ? `publish it as a library (or duplicate it) first; ${next.inbound} imports from the services use it`
        : describeStep(next.component, next.inbound, [...new Set(dependsOn)], dependencies),
      dependsOn: [...new Set(dependsOn)].sort(compareStrings),
      inboundImports: next.inbound,
    });
    for (const id of next.component) remaining.delete(id);
  }
  const cycles = components.filter((component) => component.length > 1).sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''));
  return { dependencies, cycles, steps };
}

/** Strongly connected components of the service graph, each sorted, listed by first member. */
function serviceComponents(partition: Partition, dependencies: readonly ServiceDependency[]): ClusterId[][] {
  const services = new DirectedGraph();
  for (const item of partition.clusters) services.addNode(item.id);
  for (const dependency of dependencies) services.addDirectedEdge(dependency.from, dependency.to);
  return stronglyConnectedComponents(services)
    .map((component) => [...component].sort(compareStrings))
    .sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''));
}

function describeStep(component: ClusterId[], inbound: number, dependsOn: ClusterId[], dependencies: readonly ServiceDependency[]): string {
  const rewire = inbound === 0 ? 'nothing left in the monolith imports it' : `${inbound} import${inbound === 1 ? '' : 's'} from the monolith to rewire`;
  const base = dependsOn.length === 0 ? 'imports no other service' : `imports only services already extracted (${dependsOn.sort(compareStrings).join(', ')})`;
  if (component.length === 1) return `${base}; ${rewire}`;
  const internal = countImports(dependencies, (id) => component.includes(id), (id) => component.includes(id));
  return `cycle: ${component.join(', ')} import each other (${internal} imports), so they move together; ${base.replace('imports', 'together they import')}; ${rewire}`;
}
