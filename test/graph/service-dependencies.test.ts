import { describe, expect, it } from 'vitest';
import { serviceDependencies } from '../../src/graph/service-dependencies.js';
import type { DependencyEdge, ModuleGraph } from '../../src/graph/types.js';
import { EMPTY_GRAPH_EXTRAS } from '../helpers.js';

const edge = (from: string, to: string, extra: Partial<DependencyEdge> = {}): DependencyEdge => ({
  from,
  to,
  kinds: ['static'],
  typeOnly: false,
  symbols: ['x'],
  ...extra,
});

const graphOf = (dependencies: DependencyEdge[]): ModuleGraph => ({
  modules: [],
  edges: [],
  dependencies,
  externals: {},
  ...EMPTY_GRAPH_EXTRAS,
});

describe('serviceDependencies', () => {
  it('lifts module edges to one edge per ordered pair of groups, counting type-only edges that are not wiring', () => {
    const graph = graphOf([
      edge('b1.ts', 'a1.ts'),
      edge('a1.ts', 'b1.ts', { typeOnly: true, kinds: ['type'] }),
      edge('a2.ts', 'b1.ts', { typeOnly: true, kinds: ['type'], wired: true }),
      edge('a1.ts', 'a2.ts'),
      edge('a1.ts', 'loose.ts'),
    ]);
    const assignment = { 'a1.ts': 'alpha', 'a2.ts': 'alpha', 'b1.ts': 'beta' };
    expect(serviceDependencies(graph, assignment)).toEqual([
      { from: 'alpha', to: 'beta', imports: 2, typeOnly: 1 },
      { from: 'beta', to: 'alpha', imports: 1, typeOnly: 0 },
    ]);
  });
});
