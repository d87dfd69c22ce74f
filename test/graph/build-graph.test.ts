import { describe, expect, it } from 'vitest';
import type { Extraction, ModuleImport } from '../../src/extract/types.js';
import { buildGraph } from '../../src/graph/build-graph.js';

const internal = (module: string, partial: Partial<ModuleImport>): ModuleImport => ({
  specifier: `./${module}`,
  kind: 'static',
  typeOnly: false,
  symbols: ['x'],
  line: 1,
  target: { type: 'internal', module },
  ...partial,
});

describe('buildGraph', () => {
  const extraction: Extraction = {
    modules: [
      {
        id: 'a.ts',
        lines: 10,
        imports: [
          internal('b.ts', { symbols: ['y', 'x'], line: 1 }),
          internal('b.ts', { kind: 'type', typeOnly: true, symbols: ['T'], line: 2 }),
          internal('c.ts', { kind: 'type', typeOnly: true, symbols: ['U'], line: 3 }),
          internal('c.ts', { kind: 'reexport', typeOnly: true, symbols: ['V'], line: 9 }),
          internal('a.ts', { line: 4 }),
          { specifier: 'lodash/fp', kind: 'static', typeOnly: false, symbols: ['map'], line: 5, target: { type: 'package', name: 'lodash' } },
          { specifier: 'node:fs', kind: 'static', typeOnly: false, symbols: ['readFile'], line: 6, target: { type: 'builtin', name: 'fs' } },
          { specifier: './gone', kind: 'static', typeOnly: false, symbols: ['g'], line: 7, target: { type: 'unresolved' } },
        ],
      },
      { id: 'b.ts', lines: 3, imports: [internal('c.ts', { kind: 'dynamic', symbols: ['*'], line: 2 })] },
      { id: 'c.ts', lines: 1, imports: [] },
    ],
    diagnostics: [],
  };
  const graph = buildGraph(extraction);

  it('merges imports per ordered pair, drops self-imports and non-internal targets', () => {
    expect(graph.edges).toEqual([
      { from: 'a.ts', to: 'b.ts', kinds: ['static', 'type'], typeOnly: false, symbols: ['T', 'x', 'y'], lines: [1, 2] },
      { from: 'a.ts', to: 'c.ts', kinds: ['type', 'reexport'], typeOnly: true, symbols: ['U', 'V'], lines: [3, 9] },
      { from: 'b.ts', to: 'c.ts', kinds: ['dynamic'], typeOnly: false, symbols: ['*'], lines: [2] },
    ]);
  });

  it('keeps every module and its external imports', () => {
    expect(graph.modules).toEqual([
      { id: 'a.ts', lines: 10 },
      { id: 'b.ts', lines: 3 },
      { id: 'c.ts', lines: 1 },
    ]);
    expect(graph.externals).toEqual({ 'a.ts': { packages: ['lodash'], builtins: ['fs'] } });
  });
});
