import { describe, expect, it } from 'vitest';
import { interfaceNumber } from '../../src/metrics/ifn.js';
import type { DependencyEdge } from '../../src/graph/types.js';

const edge = (from: string, to: string, symbols: string[]): DependencyEdge => ({
  from,
  to,
  kinds: ['static'],
  typeOnly: false,
  symbols,
});

// Services: A = {a1, a2}, B = {b1, b2}, C = {c1}; keys deliberately not in order.
const assignment = { c1: 'C', b2: 'B', a1: 'A', b1: 'B', a2: 'A' };
const edges = [
  edge('b1', 'a1', ['x', 'y']), // A publishes (a1, x), (a1, y)
  edge('b2', 'a1', ['x']), // (a1, x) again: no new interface
  edge('c1', 'a2', ['*']), // (a2, *)
  edge('b1', 'a2', ['*', 'z']), // (a2, *) again; (a2, z) new
  edge('a1', 'a2', ['w']), // inside A: not published
  edge('a1', 'b1', ['*']), // B publishes (b1, *)
  edge('c1', 'b1', ['*']), // (b1, *) again: `*` counts once per module
  edge('a2', 'b2', []), // side-effect import publishes the module as a whole: (b2, *)
  edge('ghost', 'c1', ['q']), // unassigned importer: ignored
];

describe('interfaceNumber (IFN, Jin et al. 2019)', () => {
  it('counts distinct (module, name) pairs imported from other services', () => {
    // A: {a1 x, a1 y, a2 *, a2 z} = 4; B: {b1 *, b2 *} = 2; C: nothing = 0. IFN = 6/3 = 2.
    const result = interfaceNumber(edges, assignment);
    expect(result.perService).toEqual({ A: 4, B: 2, C: 0 });
    expect(Object.keys(result.perService)).toEqual(['A', 'B', 'C']);
    expect(result.average).toBeCloseTo(2, 10);
  });

  it("does not count a barrel's re-exports as interfaces, only imports", () => {
    // c1 is a barrel re-exporting a1's x: A publishes nothing through it; b1's import of x does count.
    const reexport: DependencyEdge = { from: 'c1', to: 'a1', kinds: ['reexport'], typeOnly: false, symbols: ['x'] };
    expect(interfaceNumber([reexport], assignment).perService).toEqual({ A: 0, B: 0, C: 0 });
    expect(interfaceNumber([reexport, edge('b1', 'a1', ['x'])], assignment).perService).toEqual({ A: 1, B: 0, C: 0 });
  });

  it('is 0 for services nobody else imports, and empty for no services', () => {
    expect(interfaceNumber([edge('a1', 'a2', ['x'])], { a1: 'A', a2: 'A', b1: 'B' })).toEqual({
      average: 0,
      perService: { A: 0, B: 0 },
    });
    expect(interfaceNumber([], {})).toEqual({ average: 0, perService: {} });
  });
});
