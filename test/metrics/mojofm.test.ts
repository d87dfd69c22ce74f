import { describe, expect, it } from 'vitest';
import { maxMno, mno, mojoFm } from '../../src/metrics/mojofm.js';

/** Brute force: every set partition of the objects, its mno computed independently. */
function* setPartitions(items: string[]): Generator<string[][]> {
  if (items.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = items as [string, ...string[]];
  for (const partition of setPartitions(rest)) {
    for (let index = 0; index < partition.length; index++) {
      yield partition.map((block, i) => (i === index ? [first, ...block] : block));
    }
    yield [[first], ...partition];
  }
}

function partitionMap(blocks: string[][]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [index, block] of blocks.entries()) for (const item of block) map[item] = `A${index}`;
  return map;
}

function expectedFromSizes(sizes: number[]): Record<string, string> {
  const map: Record<string, string> = {};
  let next = 0;
  sizes.forEach((size, cluster) => {
    for (let i = 0; i < size; i++) map[`o${next++}`] = `B${cluster}`;
  });
  return map;
}

describe('mno (MoJo distance)', () => {
  it('is 0 for identical partitions, whatever the labels', () => {
    expect(mno({ a: 'x', b: 'x', c: 'y' }, { a: '1', b: '1', c: '2' })).toBe(0);
  });

  it('counts one move for one misplaced object', () => {
    // A = {a,b,c} {d}; B = {a,b} {c,d}: move c to d's cluster.
    expect(mno({ a: 'p', b: 'p', c: 'p', d: 'q' }, { a: 'X', b: 'X', c: 'Y', d: 'Y' })).toBe(1);
  });

  it('counts joins when A splits a B cluster', () => {
    // A = {a} {b} {c}; B = {a,b,c}: two joins.
    expect(mno({ a: '1', b: '2', c: '3' }, { a: 'X', b: 'X', c: 'X' })).toBe(2);
  });

  it('uses the matching to keep as many groups as possible on ties', () => {
    // A1 = {a(X), b(Y)} ties between X and Y; A2 = {c(X)}. Best: A1 -> Y group, A2 -> X group;
    // 1 move (a to X), 0 joins.
    expect(mno({ a: '1', b: '1', c: '2' }, { a: 'X', b: 'Y', c: 'X' })).toBe(1);
  });
});

describe('maxMno', () => {
  it('matches brute force over every partition of up to nine objects', () => {
    const cases = [
      [1, 1, 1],
      [2, 1],
      [3, 1],
      [2, 2],
      [3, 3],
      [4, 1, 1],
      [2, 2, 2],
      [3, 2, 1],
      [5, 1],
      [2, 1, 1, 1],
      [2, 2, 2, 1],
      [3, 2, 2, 1],
      [4, 4],
      [3, 3, 3],
      [1, 2, 3, 3],
    ];
    for (const sizes of cases) {
      const expected = expectedFromSizes(sizes);
      let worst = 0;
      for (const blocks of setPartitions(Object.keys(expected)))
        worst = Math.max(worst, mno(partitionMap(blocks), expected));
      expect({ sizes, max: maxMno(expected) }).toEqual({ sizes, max: worst });
    }
  });
});

describe('mojoFm', () => {
  it('is 100 for the same partition and 0 for the farthest one', () => {
    const expected = expectedFromSizes([3, 3]);
    expect(mojoFm({ ...expected }, expected).mojoFm).toBe(100);
    // Farthest from two clusters of three: all singletons is n - 2 = 4 operations away.
    const singletons = Object.fromEntries(Object.keys(expected).map((id) => [id, id]));
    expect(mojoFm(singletons, expected).mojoFm).toBe(0);
  });

  it('computes a hand-checked intermediate value', () => {
    // B = {o0..o3} {o4..o7}; A = {o0,o1,o2,o4} {o3,o5,o6,o7}: 2 moves; max = 8 - 2 = 6.
    const expected = expectedFromSizes([4, 4]);
    const actual = { o0: 'a', o1: 'a', o2: 'a', o4: 'a', o3: 'b', o5: 'b', o6: 'b', o7: 'b' };
    expect(mojoFm(actual, expected).mojoFm).toBeCloseTo((1 - 2 / 6) * 100, 10);
  });

  it('compares only the objects both partitions know, and counts the rest', () => {
    const result = mojoFm({ a: 'x', b: 'x', extra: 'y' }, { a: 'S', b: 'S', gone: 'T' });
    expect(result).toEqual({ mojoFm: 100, compared: 2, missingFromExpected: 1, missingFromAnalysis: 1 });
  });
});
