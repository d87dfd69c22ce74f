import { describe, expect, it } from 'vitest';
import { MIN_PART, minPartFor, refineGroups } from '../../src/cluster/refine-groups.js';
import { nullModelScore, sweepResolution } from '../../src/cluster/sweep-resolution.js';
import type { WeightedEdge } from '../../src/cluster/types.js';
import { toUnits } from '../../src/cluster/units.js';

/** A clique of `size` nodes named prefix0…, weight 1 per pair. */
function clique(prefix: string, size: number): WeightedEdge[] {
  const edges: WeightedEdge[] = [];
  for (let i = 0; i < size; i++)
    for (let j = i + 1; j < size; j++) edges.push({ source: `${prefix}${i}`, target: `${prefix}${j}`, weight: 1 });
  return edges;
}

describe('nullModelScore', () => {
  it('is the weight kept inside groups minus what random groups of the same sizes keep, by hand', () => {
    // Two triangles joined by one edge: 7 edges, 6 inside. n = 6, sizes 3 and 3:
    // chance keeps (3·2 + 3·2) / (6·5) = 0.4; score = 6/7 − 0.4.
    const edges = [...clique('a', 3), ...clique('b', 3), { source: 'a0', target: 'b0', weight: 1 }];
    const score = nullModelScore(6, edges, [
      ['a0', 'a1', 'a2'],
      ['b0', 'b1', 'b2'],
    ]);
    expect(score.intra).toBeCloseTo(6 / 7, 12);
    expect(score.expected).toBeCloseTo(0.4, 12);
    expect(score.score).toBeCloseTo(6 / 7 - 0.4, 12);
    // One group keeps everything, as chance does; singletons keep nothing, as chance does.
    expect(nullModelScore(6, edges, [['a0', 'a1', 'a2', 'b0', 'b1', 'b2']]).score).toBeCloseTo(0, 12);
    expect(
      nullModelScore(
        6,
        edges,
        ['a0', 'a1', 'a2', 'b0', 'b1', 'b2'].map((id) => [id]),
      ).score,
    ).toBe(0);
  });

  it('lets auto choose the resolution that separates the cliques', () => {
    const edges = [
      ...clique('a', 6),
      ...clique('b', 6),
      ...clique('c', 6),
      { source: 'a0', target: 'b0', weight: 1 },
      { source: 'b1', target: 'c1', weight: 1 },
    ];
    const ids = [...new Set(edges.flatMap((edge) => [edge.source, edge.target]))];
    const chosen = sweepResolution(toUnits(ids, edges, { unit: 'file' }, new Map()), 42, 1);
    expect(chosen.groups.map((group) => [...group].sort().join(',')).sort()).toEqual([
      'a0,a1,a2,a3,a4,a5',
      'b0,b1,b2,b3,b4,b5',
      'c0,c1,c2,c3,c4,c5',
    ]);
    const point = chosen.sweep.find((item) => item.resolution === chosen.resolution);
    expect(point?.score).toBe(Math.max(...chosen.sweep.map((item) => item.score)));
  });
});

describe('refineGroups', () => {
  it('splits a group that hides two dense parts, and keeps a group without inner structure whole', () => {
    const n = 20;
    // Parts of at least n units. Ten units of each part (and of the clique) also import the outside module d0, so neither
    // group is sealed: the two-part group leaks 20 of its volume 782 (conductance 0.026), part a
    // alone 11 of 391 (0.028, within MAX_CONDUCTANCE_RATIO of the group), so the split stands.
    const outside = (prefix: string) =>
      Array.from({ length: 10 }, (_, i) => ({ source: `${prefix}${i}`, target: 'd0', weight: 1 }));
    const twoParts = [
      ...clique('a', n),
      ...clique('b', n),
      { source: 'a0', target: 'b0', weight: 1 },
      ...outside('a'),
      ...outside('b'),
    ];
    const oneClique = [...clique('c', 2 * n), ...outside('c')];
    const names = (prefix: string, size: number) => Array.from({ length: size }, (_, i) => `${prefix}${i}`);
    const groups = [[...names('a', n), ...names('b', n)], names('c', 2 * n)];
    const refined = refineGroups(groups, [...twoParts, ...oneClique], 42, n)
      .map((group) => [...group].sort().join(','))
      .sort();
    expect(refined).toEqual([
      names('a', n).sort().join(','),
      names('b', n).sort().join(','),
      names('c', 2 * n)
        .sort()
        .join(','),
    ]);
  });

  it('merges back a part smaller than MIN_PART', () => {
    const n = MIN_PART;
    const small = n - 1;
    const edges = [...clique('a', n + 1), ...clique('b', small), { source: 'a0', target: 'b0', weight: 1 }];
    const group = [
      ...Array.from({ length: n + 1 }, (_, i) => `a${i}`),
      ...Array.from({ length: small }, (_, i) => `b${i}`),
    ];
    expect(refineGroups([group], edges, 42)).toHaveLength(1);
  });
});

describe('minPartFor', () => {
  it('is MIN_PART up to 5,000 units, then a thousandth of the graph', () => {
    expect(minPartFor(10)).toBe(MIN_PART);
    expect(minPartFor(5000)).toBe(MIN_PART);
    expect(minPartFor(5001)).toBe(6);
    expect(minPartFor(20_000)).toBe(20);
  });
});
