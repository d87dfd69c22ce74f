import { describe, expect, it } from 'vitest';
import { partitionFromGroups } from '../../src/cluster/cluster.js';
import type { DependencyEdge, ModuleGraph } from '../../src/graph/types.js';
import { planExtraction } from '../../src/plan/plan-extraction.js';

const edge = (from: string, to: string, typeOnly = false): DependencyEdge => ({ from, to, kinds: [typeOnly ? 'type' : 'static'], typeOnly, symbols: ['x'] });

function graphOf(modules: string[], edges: DependencyEdge[]): ModuleGraph {
  return { modules: modules.map((id) => ({ id, lines: 10, exports: 0, abstractExports: 0 })), edges: [], dependencies: edges, externals: {} };
}

describe('planExtraction', () => {
  it('extracts leaves first along a chain', () => {
    // alpha -> beta -> gamma (each service one module named after it).
    const graph = graphOf(['alpha.ts', 'beta.ts', 'gamma.ts'], [edge('alpha.ts', 'beta.ts'), edge('beta.ts', 'gamma.ts')]);
    const plan = planExtraction(graph, partitionFromGroups([['alpha.ts'], ['beta.ts'], ['gamma.ts']]));
    expect(plan.steps.map((step) => step.clusters)).toEqual([['gamma'], ['beta'], ['alpha']]);
    expect(plan.steps[0]).toMatchObject({ rank: 1, dependsOn: [], inboundImports: 1, reason: 'imports no other service; 1 import from the monolith to rewire' });
    expect(plan.steps[2]).toMatchObject({ dependsOn: ['beta'], inboundImports: 0 });
    expect(plan.cycles).toEqual([]);
  });

  it('moves services in a cycle together and reports the cycle', () => {
    // alpha <-> beta, both -> gamma; delta -> alpha.
    const graph = graphOf(
      ['alpha.ts', 'beta.ts', 'gamma.ts', 'delta.ts'],
      [edge('alpha.ts', 'beta.ts'), edge('beta.ts', 'alpha.ts'), edge('alpha.ts', 'gamma.ts'), edge('beta.ts', 'gamma.ts'), edge('delta.ts', 'alpha.ts')],
    );
    const plan = planExtraction(graph, partitionFromGroups([['alpha.ts'], ['beta.ts'], ['gamma.ts'], ['delta.ts']]));
    expect(plan.cycles).toEqual([['alpha', 'beta']]);
    expect(plan.steps.map((step) => step.clusters)).toEqual([['gamma'], ['alpha', 'beta'], ['delta']]);
    expect(plan.steps[1]?.reason).toMatch(/^cycle: alpha, beta import each other \(2 imports\), so they move together/);
    expect(plan.dependencies).toEqual([
      { from: 'alpha', to: 'beta', imports: 1, typeOnly: 0 },
      { from: 'alpha', to: 'gamma', imports: 1, typeOnly: 0 },
      { from: 'beta', to: 'alpha', imports: 1, typeOnly: 0 },
      { from: 'beta', to: 'gamma', imports: 1, typeOnly: 0 },
      { from: 'delta', to: 'alpha', imports: 1, typeOnly: 0 },
    ]);
  });

  it('among ready services takes the one with fewest inbound imports first', () => {
    // alpha and beta are both leaves; alpha is imported twice, beta once.
    const graph = graphOf(['alpha.ts', 'beta.ts', 'x1.ts', 'x2.ts'], [edge('x1.ts', 'alpha.ts'), edge('x2.ts', 'alpha.ts'), edge('x1.ts', 'beta.ts')]);
    const plan = planExtraction(graph, partitionFromGroups([['alpha.ts'], ['beta.ts'], ['x1.ts', 'x2.ts']]));
    expect(plan.steps.map((step) => step.clusters[0])).toEqual(['beta', 'alpha', 'x1']);
  });

  it('puts every cluster in exactly one step', () => {
    const graph = graphOf(['a1.ts', 'b1.ts', 'c1.ts'], [edge('a1.ts', 'b1.ts'), edge('b1.ts', 'c1.ts'), edge('c1.ts', 'a1.ts')]);
    const partition = partitionFromGroups([['a1.ts'], ['b1.ts'], ['c1.ts']]);
    const plan = planExtraction(graph, partition);
    expect(plan.steps.flatMap((step) => step.clusters).sort()).toEqual(partition.clusters.map((item) => item.id).sort());
  });
});
