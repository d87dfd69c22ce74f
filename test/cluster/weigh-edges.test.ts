import { describe, expect, it } from 'vitest';
import { percentile, weighEdges } from '../../src/cluster/weigh-edges.js';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import type { DependencyEdge, ModuleGraph } from '../../src/graph/types.js';
import { tempProject, EMPTY_GRAPH_EXTRAS } from '../helpers.js';

const settings = resolveSettings({ path: tempProject({}) }).cluster;
const edge = (from: string, to: string, kind: 'static' | 'type' | 'dynamic' = 'static'): DependencyEdge => ({
  from,
  to,
  kinds: [kind],
  typeOnly: kind === 'type',
  symbols: ['x'],
});

function graphOf(edges: DependencyEdge[]): ModuleGraph {
  const ids = [...new Set(edges.flatMap((item) => [item.from, item.to]))].sort();
  return {
    modules: ids.map((id) => ({ id, lines: 1, exports: 0, abstractExports: 0 })),
    edges: [],
    dependencies: edges,
    externals: {},
    ...EMPTY_GRAPH_EXTRAS,
  };
}

describe('weighEdges (static coupling with hub damping)', () => {
  it('weighs runtime 1, type-only 0.5, dynamic 0.5, and adds both directions', () => {
    // Every fan-in and fan-out is at most 1 = P95, so nothing is damped.
    const weights = weighEdges(graphOf([edge('a', 'b'), edge('b', 'a', 'type'), edge('c', 'd', 'dynamic')]), settings);
    expect(weights).toEqual([
      { source: 'a', target: 'b', weight: 1.5 },
      { source: 'c', target: 'd', weight: 0.5 },
    ]);
  });

  it('divides imports of a hub by fanIn / P95(fanIn)', () => {
    // 20 modules m00..m19 each import hub; m00 also imports x. Fan-ins over the 22 modules:
    // hub 20, x 1, everyone else 0; P95 (nearest rank, lower) of 22 values is the 20th sorted
    // value = 1. So each import of hub weighs 1 / (20 / 1) = 0.05, the import of x keeps 1.
    // Fan-outs: m00 2, others 1, hub and x 0: P95 = 1; m00's imports are divided by 2.
    const edges = Array.from({ length: 20 }, (_, index) => edge(`m${String(index).padStart(2, '0')}`, 'hub'));
    edges.push(edge('m00', 'x'));
    const weights = new Map(
      weighEdges(graphOf(edges), settings).map((item) => [`${item.source}-${item.target}`, item.weight]),
    );
    expect(weights.get('hub-m01')).toBeCloseTo(0.05, 12);
    expect(weights.get('hub-m00')).toBeCloseTo(0.05 / 2, 12);
    expect(weights.get('m00-x')).toBeCloseTo(1 / 2, 12);
  });

  it('takes the lower nearest-rank percentile, at least 1', () => {
    expect(percentile([0, 0, 0], 0.95)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(9);
  });
});
