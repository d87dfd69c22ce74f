import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/base/json-chunks.js';

describe('jsonChunks', () => {
  const values: [string, unknown][] = [
    ['scalars', [1, 'a', true, null, 1.5e-7, -0]],
    ['empty containers', { a: [], b: {}, c: [[]], d: [{}] }],
    ['omitted members', { a: undefined, b: () => 1, c: Symbol('s'), d: 1, e: [undefined, () => 1, Symbol('t'), 2] }],
    ['non-finite numbers', { a: Number.NaN, b: [Number.POSITIVE_INFINITY] }],
    [
      'toJSON, Map, class',
      {
        date: new Date(0),
        map: new Map([[1, 2]]),
        set: new Set([1]),
        instance: new (class {
          x = 1;
        })(),
      },
    ],
    ['null prototype', Object.assign(Object.create(null), { z: 1, a: { b: [1, { c: 'é\u2028"' }] } })],
    ['deep nesting', { a: { b: { c: { d: { e: [1, [2, [3, { f: 4 }]]] } } } } }],
    ['keys that need escaping', { 'a"b': 1, '\n': 2, __proto__x: 3 }],
    ['integer-like keys', { b: 1, 10: 2, a: 3, 2: 4, '01': 5 }],
    ['a __proto__ member', JSON.parse('{"__proto__": {"x": 1}, "y": [1]}')],
    [
      'runs with omitted members only',
      { a: Array.from({ length: 600 }, (_, index) => (index % 2 ? undefined : index)) },
    ],
  ];
  for (const [name, value] of values) {
    it(`joins to JSON.stringify's text: ${name}`, () => {
      for (const depth of [0, 1, 2, 3, 8]) expect([...jsonChunks(value, depth)].join('')).toBe(JSON.stringify(value));
    });
  }

  it('writes a large array in pieces, none holding the whole', () => {
    const rows = Array.from({ length: 1000 }, (_, index) => ({ id: `m${index}`, lines: index }));
    const chunks = [...jsonChunks({ rows })];
    expect(chunks.join('')).toBe(JSON.stringify({ rows }));
    // Runs of 256 rows: no piece holds the whole.
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(JSON.stringify({ rows }).length / 3);
    const map = Object.fromEntries(rows.map((row) => [row.id, row]));
    const split = [...jsonChunks({ map, n: 1 }, 2)];
    expect(split.join('')).toBe(JSON.stringify({ map, n: 1 }));
    expect(split.length).toBeGreaterThan(4);
  });
});
