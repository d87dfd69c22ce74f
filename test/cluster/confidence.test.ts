import { describe, expect, it } from 'vitest';
import { confidenceOf } from '../../src/cluster/confidence.js';

describe('confidenceOf', () => {
  it('is the mean share of its service that each run keeps with a module, with its three strongest ties', () => {
    const services = [{ modules: ['a', 'b', 'c', 'late'] }, { modules: ['d'] }];
    const unitOf = new Map(['a', 'b', 'c', 'd'].map((id) => [id, id]));
    const runs = [
      new Map([
        ['a', 0],
        ['b', 0],
        ['c', 0],
        ['d', 1],
      ]),
      new Map([
        ['a', 0],
        ['b', 0],
        ['c', 1],
        ['d', 1],
      ]),
    ];
    const edges = [
      { source: 'a', target: 'b', weight: 2 },
      { source: 'a', target: 'c', weight: 1 },
      { source: 'a', target: 'late', weight: 0.5 },
      { source: 'a', target: 'd', weight: 3 },
      { source: 'b', target: 'c', weight: 1 },
    ];
    const contributions = (x: string, y: string) =>
      x === 'a' && y === 'b' ? { static: 1.5, stem: 0.5 } : { static: 1 };
    const confidence = confidenceOf(services, runs, unitOf, edges, contributions);
    // a: run 1 keeps b and c (2/2), run 2 keeps b (1/2): (1 + 0.5) / 2. c: 1 then 0: 0.5.
    expect(confidence.a?.consensus).toBe(0.75);
    expect(confidence.b?.consensus).toBe(0.75);
    expect(confidence.c?.consensus).toBe(0.5);
    // A one-module service keeps its module; a module placed after clustering has no consensus.
    expect(confidence.d?.consensus).toBe(1);
    expect(confidence.late?.consensus).toBeNull();
    // Ties stay inside the service (d is not one), strongest first, at most three.
    expect(confidence.a?.ties).toEqual([
      { module: 'b', weight: 2, signals: { static: 1.5, stem: 0.5 } },
      { module: 'c', weight: 1, signals: { static: 1 } },
      { module: 'late', weight: 0.5, signals: { static: 1 } },
    ]);
  });
});
