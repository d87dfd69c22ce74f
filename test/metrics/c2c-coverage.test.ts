import { describe, expect, it } from 'vitest';
import { c2cCoverage } from '../../src/metrics/c2c-coverage.js';

// Expected: B1 = {o1..o4}, B2 = {o5,o6}, B3 = {o7,o8,o9}.
const expected = { o1: 'B1', o2: 'B1', o3: 'B1', o4: 'B1', o5: 'B2', o6: 'B2', o7: 'B3', o8: 'B3', o9: 'B3' };
// Computed: A1 = {o1,o2,o3}, A2 = {o4,o5,o6}, A3 = {o7}, A4 = {o8}, A5 = {o9}.
const actual = { o1: 'A1', o2: 'A1', o3: 'A1', o4: 'A2', o5: 'A2', o6: 'A2', o7: 'A3', o8: 'A4', o9: 'A5' };
// Best c2c per expected cluster:
//   B1: A1 ∩ B1 = 3, max(3, 4) = 4 -> 3/4 (A2 ∩ B1 = 1 -> 1/4).
//   B2: A2 ∩ B2 = 2, max(3, 2) = 3 -> 2/3.
//   B3: A3, A4, A5 ∩ B3 = 1 each, max(1, 3) = 3 -> 1/3.

describe('c2cCoverage (Bittencourt & Guerrero 2009; Garcia et al. 2013)', () => {
  it('counts expected clusters matched at the threshold', () => {
    // th 0.5: B1 (3/4) and B2 (2/3) covered, B3 (1/3) not: 2/3.
    expect(c2cCoverage(actual, expected)).toBeCloseTo(2 / 3, 10);
    // th 0.7: only B1: 1/3.
    expect(c2cCoverage(actual, expected, 0.7)).toBeCloseTo(1 / 3, 10);
    // th 0.8: none: 0.
    expect(c2cCoverage(actual, expected, 0.8)).toBe(0);
    // th 0.1: all three: 1.
    expect(c2cCoverage(actual, expected, 0.1)).toBe(1);
  });

  it('includes the threshold itself', () => {
    // B1 at exactly 3/4 is covered: 1/3. B3 at exactly 1/3 is covered with th 1/3: all three.
    expect(c2cCoverage(actual, expected, 0.75)).toBeCloseTo(1 / 3, 10);
    expect(c2cCoverage(actual, expected, 1 / 3)).toBe(1);
  });

  it('is 1 for identical partitions and 0 with nothing in common', () => {
    expect(c2cCoverage({ a: '1', b: '1', c: '2' }, { a: 'X', b: 'X', c: 'Y' }, 1)).toBe(1);
    expect(c2cCoverage({ a: '1' }, { b: 'X' })).toBe(0);
    expect(c2cCoverage({}, {})).toBe(0);
  });

  it('compares only the objects both partitions know', () => {
    // Without restriction, B2 would have 5 members and A2 ∩ B2 = 2 -> 2/5 < 0.5.
    const withExtras = { ...expected, x1: 'B2', x2: 'B2', x3: 'B2' };
    expect(c2cCoverage(actual, withExtras)).toBeCloseTo(2 / 3, 10);
  });
});
