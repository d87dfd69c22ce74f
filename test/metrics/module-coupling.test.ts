import { describe, expect, it } from 'vitest';
import { moduleCoupling } from '../../src/metrics/module-coupling.js';
import { importEdge, moduleGraph } from '../graph/module-graph-helpers.js';

describe('moduleCoupling (Martin 1994/2002, per module)', () => {
  it('counts distinct other modules on each side, type-only included, I = 0 when isolated', () => {
    // a -> b, a -> c, b -> c, c -> a, d -> c (type-only); e imports nothing and nothing imports it.
    const graph = moduleGraph(
      ['a', 'b', 'c', 'd', 'e'],
      [
        importEdge('a', 'b'),
        importEdge('a', 'c', 3), // three statements are still one module
        importEdge('b', 'c'),
        importEdge('c', 'a'),
        importEdge('d', 'c', 1, 'c', true),
      ],
    );
    expect(moduleCoupling(graph)).toEqual([
      // a: Ca {c} = 1, Ce {b, c} = 2, I = 2/3.
      { module: 'a', ca: 1, ce: 2, instability: 0.6667 },
      // b: Ca {a} = 1, Ce {c} = 1, I = 1/2.
      { module: 'b', ca: 1, ce: 1, instability: 0.5 },
      // c: Ca {a, b, d} = 3, Ce {a} = 1, I = 1/4.
      { module: 'c', ca: 3, ce: 1, instability: 0.25 },
      // d: Ca 0, Ce {c} = 1, I = 1.
      { module: 'd', ca: 0, ce: 1, instability: 1 },
      // e: isolated, I defined as 0.
      { module: 'e', ca: 0, ce: 0, instability: 0 },
    ]);
  });

  it('reads the see-through dependencies: an import through a barrel couples to the declaring module', () => {
    // a imports a name from the barrel index, declared in b; the barrel itself re-exports b.
    const graph = moduleGraph(['a', 'b', 'index'], [importEdge('a', 'index', 1, 'b'), importEdge('index', 'b')]);
    expect(moduleCoupling(graph)).toEqual([
      { module: 'a', ca: 0, ce: 1, instability: 1 },
      { module: 'b', ca: 2, ce: 0, instability: 0 },
      { module: 'index', ca: 0, ce: 1, instability: 1 },
    ]);
  });
});
