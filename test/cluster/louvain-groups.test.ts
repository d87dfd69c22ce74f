import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { louvainGroups, louvainRuns } from '../../src/cluster/louvain-groups.js';
import type { WeightedEdge } from '../../src/cluster/types.js';
import { louvain, LouvainRunaway, UndirectedGraph, withMoveBudget } from '../../src/graph/graphology.js';

interface CycleFixture {
  seed: number;
  nodes: string[];
  edges: [string, string, number][];
}

const cycle = JSON.parse(
  readFileSync(new URL('./fixtures/louvain-cycle.json', import.meta.url), 'utf8'),
) as CycleFixture;
const cycleEdges: WeightedEdge[] = cycle.edges.map(([source, target, weight]) => ({ source, target, weight }));

function twoTriangles(): InstanceType<typeof UndirectedGraph> {
  const graph = new UndirectedGraph();
  for (const id of ['a', 'b', 'c', 'x', 'y', 'z']) graph.addNode(id);
  for (const [source, target] of [
    ['a', 'b'],
    ['b', 'c'],
    ['a', 'c'],
    ['x', 'y'],
    ['y', 'z'],
    ['x', 'z'],
    ['c', 'x'],
  ])
    graph.addUndirectedEdge(source, target, { weight: 1 });
  return graph;
}

describe('withMoveBudget', () => {
  it('abandons a Louvain run that makes more moves than its budget, and restores the library after', () => {
    expect(() => withMoveBudget(1, () => louvain.detailed(twoTriangles(), { getEdgeWeight: 'weight' }))).toThrow(
      LouvainRunaway,
    );
    // Disarmed: the same run completes, and finds the two triangles.
    const communities = louvain(twoTriangles(), { getEdgeWeight: 'weight' });
    expect(communities.a).toBe(communities.c);
    expect(communities.x).toBe(communities.z);
    expect(communities.a).not.toBe(communities.x);
  });
});

describe('louvainGroups', () => {
  it('finishes on a graph where graphology cycles forever, with a partition of every node', () => {
    const groups = louvainGroups(cycle.nodes, cycleEdges, 1, cycle.seed);
    expect(groups.flat().sort()).toEqual([...cycle.nodes].sort());
    expect(groups.length).toBeGreaterThan(1);
  });

  it('gives the same groups for the same input and seed, whatever the order of the nodes, and keeps every run', () => {
    const sorted = (groups: string[][]) => groups.map((group) => [...group].sort().join(',')).sort();
    const once = louvainRuns(cycle.nodes, cycleEdges, 1, 7, 3);
    const again = louvainRuns([...cycle.nodes].reverse(), cycleEdges, 1, 7, 3);
    expect(sorted(again.groups)).toEqual(sorted(once.groups));
    expect(once.runs).toHaveLength(3);
    for (const run of once.runs) expect([...run.keys()].sort()).toEqual([...cycle.nodes].sort());
  });
});
