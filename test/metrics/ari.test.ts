import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../src/metrics/ari.js';

describe('adjustedRandIndex (Hubert & Arabie 1985)', () => {
  it('matches a hand computation', () => {
    // A = {o1,o2,o3} {o4,o5,o6}; B = {o1,o2} {o3,o4,o5,o6}.
    // Contingency: n_{A1,X} = 2, n_{A1,Y} = 1, n_{A2,Y} = 3: Σ C(n_ij,2) = 1 + 0 + 3 = 4.
    // a = C(3,2) + C(3,2) = 6; b = C(2,2) + C(4,2) = 1 + 6 = 7; C(6,2) = 15.
    // Expected index = 6·7/15 = 2.8; max index = (6 + 7)/2 = 6.5.
    // ARI = (4 − 2.8) / (6.5 − 2.8) = 1.2 / 3.7 = 12/37.
    const actual = { o1: 'A1', o2: 'A1', o3: 'A1', o4: 'A2', o5: 'A2', o6: 'A2' };
    const expected = { o1: 'X', o2: 'X', o3: 'Y', o4: 'Y', o5: 'Y', o6: 'Y' };
    expect(adjustedRandIndex(actual, expected)).toBeCloseTo(12 / 37, 10);
    expect(adjustedRandIndex(expected, actual)).toBeCloseTo(12 / 37, 10);
  });

  it('is negative when the partitions cross', () => {
    // A = {a,b} {c,d}; B = {a,c} {b,d}: every cell 1, Σ C(n_ij,2) = 0.
    // a = b = 1 + 1 = 2; C(4,2) = 6; expected = 4/6 = 2/3; max = 2.
    // ARI = (0 − 2/3) / (2 − 2/3) = −1/2.
    expect(adjustedRandIndex({ a: '1', b: '1', c: '2', d: '2' }, { a: 'X', b: 'Y', c: 'X', d: 'Y' })).toBeCloseTo(
      -0.5,
      10,
    );
  });

  it('is 1 for identical partitions whatever the labels', () => {
    expect(adjustedRandIndex({ a: '1', b: '1', c: '2' }, { a: 'X', b: 'X', c: 'Y' })).toBe(1);
  });

  it('is 0 for one cluster against all singletons', () => {
    // a = C(4,2) = 6, b = 0, index = 0, C(4,2) = 6: (0 − 0) / (3 − 0) = 0.
    expect(adjustedRandIndex({ a: 'X', b: 'X', c: 'X', d: 'X' }, { a: '1', b: '2', c: '3', d: '4' })).toBe(0);
  });

  it('is 1 in the 0/0 cases, which are identical partitions', () => {
    // Both all singletons: a = b = index = 0.
    expect(adjustedRandIndex({ a: '1', b: '2', c: '3' }, { a: 'X', b: 'Y', c: 'Z' })).toBe(1);
    // Both one cluster: a = b = index = C(n,2).
    expect(adjustedRandIndex({ a: '1', b: '1', c: '1' }, { a: 'X', b: 'X', c: 'X' })).toBe(1);
    // n ≤ 1.
    expect(adjustedRandIndex({ a: '1' }, { a: 'X' })).toBe(1);
    expect(adjustedRandIndex({}, {})).toBe(1);
  });

  it('compares only the objects both partitions know', () => {
    // The extra objects would split A1 and merge X with Y if they counted.
    const actual = { o1: 'A1', o2: 'A1', o3: 'A1', o4: 'A2', o5: 'A2', o6: 'A2', extra: 'A3' };
    const expected = { o1: 'X', o2: 'X', o3: 'Y', o4: 'Y', o5: 'Y', o6: 'Y', gone: 'X' };
    expect(adjustedRandIndex(actual, expected)).toBeCloseTo(12 / 37, 10);
  });
});
