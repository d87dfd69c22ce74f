import { describe, expect, it } from 'vitest';
import { partitionFromGroups } from '../../src/cluster/cluster.js';
import { detectKernel } from '../../src/cluster/detect-kernel.js';
import type { DependencyEdge, ModuleGraph } from '../../src/graph/types.js';
import { EMPTY_GRAPH_EXTRAS } from '../helpers.js';

const edge = (from: string, to: string): DependencyEdge => ({
  from,
  to,
  kinds: ['static'],
  typeOnly: false,
  symbols: ['x'],
});

function graphOf(edges: [string, string][]): ModuleGraph {
  const ids = [...new Set(edges.flat())].sort();
  return {
    modules: ids.map((id) => ({ id, lines: 1, exports: 0, abstractExports: 0 })),
    edges: [],
    dependencies: edges.map(([from, to]) => edge(from, to)),
    externals: {},
    ...EMPTY_GRAPH_EXTRAS,
  };
}

// Three areas (a, b, c) of two modules each, a logger used by all three, a format helper only the
// logger uses, and a popular "order" model that imports area code.
const graph = graphOf([
  ['a1', 'a2'],
  ['a2', 'a1'],
  ['b1', 'b2'],
  ['c1', 'c2'],
  ['a1', 'logger'],
  ['b1', 'logger'],
  ['c1', 'logger'],
  ['logger', 'format'],
  ['a2', 'order'],
  ['b2', 'order'],
  ['c2', 'order'],
  ['order', 'a1'],
]);
const firstPass = partitionFromGroups([['a1', 'a2'], ['b1', 'b2'], ['c1', 'c2'], ['logger', 'format'], ['order']]);

describe('detectKernel', () => {
  it('takes widely imported bottom-layer modules and their private helpers, not popular domain code', () => {
    const kernel = detectKernel(graph, firstPass);
    expect(kernel.modules).toEqual(['format', 'logger']);
    expect(kernel.reasons).toEqual({
      format: 'imported only by kernel modules and imports only kernel modules',
      logger: 'imported by 3 modules in 3 areas (threshold 3); imports only kernel modules',
    });
  });

  it("takes the kernel's own barrel, and sets apart hubs: modules imported from half the areas that import domain code", () => {
    const withBarrel: ModuleGraph = {
      ...graph,
      modules: [
        ...graph.modules,
        { id: 'shared/index', lines: 2, exports: 0, abstractExports: 0 },
        { id: 'd1', lines: 1, exports: 1, abstractExports: 0 },
      ],
      dependencies: [
        ...graph.dependencies,
        { ...edge('shared/index', 'logger'), kinds: ['reexport'] },
        edge('d1', 'order'),
        edge('d1', 'shared/index'),
      ],
    };
    const pass = partitionFromGroups([
      ['a1', 'a2'],
      ['b1', 'b2'],
      ['c1', 'c2'],
      ['d1'],
      ['logger', 'format', 'shared/index'],
      ['order'],
    ]);
    const kernel = detectKernel(withBarrel, pass);
    expect(kernel.modules).toEqual(['format', 'logger', 'shared/index']);
    expect(kernel.reasons['shared/index']).toBe(
      "the kernel's own barrel: declares nothing and re-exports only kernel modules",
    );
    // order is imported from 4 areas (a, b, c, d: at least max(4, ⌈5 / 2⌉)) but imports a1.
    expect(kernel.hubs).toEqual({
      order: 'hub: imported by 4 modules in 4 areas (threshold 4) but imports domain code',
    });
    // In the three-area graph, order reaches 3 areas: a kernel candidate, but not a hub.
    expect(detectKernel(graph, firstPass).hubs).toEqual({});
  });

  it('finds nothing when no module is used across enough areas', () => {
    const small = graphOf([
      ['a1', 'a2'],
      ['b1', 'b2'],
      ['a1', 'logger'],
      ['b1', 'logger'],
    ]);
    expect(detectKernel(small, partitionFromGroups([['a1', 'a2'], ['b1', 'b2'], ['logger']])).modules).toEqual([]);
  });
});
