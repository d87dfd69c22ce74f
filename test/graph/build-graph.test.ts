import { describe, expect, it } from 'vitest';
import type { Extraction, ModuleExports, ModuleFacts, ModuleImport } from '../../src/extract/types.js';
import { buildGraph } from '../../src/graph/build-graph.js';

const internal = (module: string, partial: Partial<ModuleImport>): ModuleImport => ({
  specifier: `./${module.replace(/\.ts$/, '')}`,
  kind: 'static',
  typeOnly: false,
  symbols: ['x'],
  line: 1,
  syntax: 'import',
  target: { type: 'internal', module },
  ...partial,
});

const noExports: ModuleExports = { local: [], reexports: [], stars: [], abstract: [] };
const facts = (id: string, imports: ModuleImport[], exports: Partial<ModuleExports> = {}): ModuleFacts => ({
  id,
  lines: 1,
  imports,
  exports: { ...noExports, ...exports },
  terms: {},
  entities: { declares: [], uses: [] },
  wiring: [],
  members: [],
  bootstrap: null,
});

describe('buildGraph: edges as written', () => {
  const extraction: Extraction = {
    modules: [
      facts('a.ts', [
        internal('b.ts', { symbols: ['y', 'x'], line: 1 }),
        internal('b.ts', { kind: 'type', typeOnly: true, symbols: ['T'], line: 2 }),
        internal('c.ts', { kind: 'type', typeOnly: true, symbols: ['U'], line: 3 }),
        internal('c.ts', { kind: 'reexport', typeOnly: true, symbols: ['V'], line: 9, syntax: 'export-from' }),
        internal('a.ts', { line: 4 }),
        {
          specifier: 'lodash/fp',
          kind: 'static',
          typeOnly: false,
          symbols: ['map'],
          line: 5,
          syntax: 'import',
          target: { type: 'package', name: 'lodash', installed: false },
        },
        {
          specifier: 'node:fs',
          kind: 'static',
          typeOnly: false,
          symbols: ['readFile'],
          line: 6,
          syntax: 'import',
          target: { type: 'builtin', name: 'fs' },
        },
        {
          specifier: './gone',
          kind: 'static',
          typeOnly: false,
          symbols: ['g'],
          line: 7,
          syntax: 'import',
          target: { type: 'unresolved' },
        },
      ]),
      facts('b.ts', [internal('c.ts', { kind: 'dynamic', symbols: ['*'], line: 2, syntax: 'import-call' })], {
        local: ['T', 'x', 'y'],
      }),
      facts('c.ts', [], { local: ['U', 'V'] }),
    ],
    prismaModels: [],
    diagnostics: [],
  };
  const graph = buildGraph(extraction);

  it('merges imports per ordered pair with details, drops self-imports and non-internal targets', () => {
    expect(
      graph.edges.map(({ from, to, kinds, typeOnly, symbols, lines }) => ({
        from,
        to,
        kinds,
        typeOnly,
        symbols,
        lines,
      })),
    ).toEqual([
      { from: 'a.ts', to: 'b.ts', kinds: ['static', 'type'], typeOnly: false, symbols: ['T', 'x', 'y'], lines: [1, 2] },
      { from: 'a.ts', to: 'c.ts', kinds: ['type', 'reexport'], typeOnly: true, symbols: ['U', 'V'], lines: [3, 9] },
      { from: 'b.ts', to: 'c.ts', kinds: ['dynamic'], typeOnly: false, symbols: ['*'], lines: [2] },
    ]);
    expect(graph.edges[1]?.details).toEqual([
      { line: 3, kind: 'type', syntax: 'import', specifier: './c', typeOnly: true, symbols: ['U'] },
      { line: 9, kind: 'reexport', syntax: 'export-from', specifier: './c', typeOnly: true, symbols: ['V'] },
    ]);
    expect(graph.edges[0]?.declarations).toEqual([
      { symbol: 'T', module: 'b.ts' },
      { symbol: 'x', module: 'b.ts' },
      { symbol: 'y', module: 'b.ts' },
    ]);
  });

  it('keeps every module and its external imports', () => {
    expect(graph.modules).toEqual([
      { id: 'a.ts', lines: 1, exports: 0, abstractExports: 0 },
      { id: 'b.ts', lines: 1, exports: 3, abstractExports: 0 },
      { id: 'c.ts', lines: 1, exports: 2, abstractExports: 0 },
    ]);
    expect(graph.externals).toEqual({ 'a.ts': { packages: ['lodash'], builtins: ['fs'], assets: [] } });
  });
});

describe('buildGraph: barrel see-through', () => {
  // app imports { Product, Price, helper, default, ns } from the barrel index; index re-exports
  // from models (export *), which re-exports Product from product; Price is renamed; helper is
  // an imported binding exported again; `default` is declared in the barrel; barrels a and b
  // `export *` from each other (a cycle) and neither declares Missing.
  const extraction: Extraction = {
    modules: [
      facts('app.ts', [
        internal('index.ts', { symbols: ['Price', 'Product', 'default', 'helper'], line: 1 }),
        internal('index.ts', { symbols: ['*'], line: 2 }),
        internal('a.ts', { symbols: ['Missing'], line: 3 }),
        internal('index.ts', { kind: 'side-effect', symbols: [], line: 4 }),
      ]),
      facts(
        'index.ts',
        [
          internal('models.ts', { kind: 'reexport', symbols: ['*'], syntax: 'export-from' }),
          internal('helpers.ts', { symbols: ['help'], line: 2 }),
        ],
        {
          local: ['default'],
          reexports: [
            { name: 'Price', module: 'price.ts', imported: 'Cost' },
            { name: 'helper', module: 'helpers.ts', imported: 'help' },
          ],
          stars: ['models.ts'],
        },
      ),
      facts('models.ts', [internal('product.ts', { kind: 'reexport', symbols: ['Product'], syntax: 'export-from' })], {
        reexports: [{ name: 'Product', module: 'product.ts', imported: 'Product' }],
      }),
      facts('product.ts', [], { local: ['Product'] }),
      facts('price.ts', [], { local: ['Cost'] }),
      facts('helpers.ts', [], { local: ['help'] }),
      facts('a.ts', [internal('b.ts', { kind: 'reexport', symbols: ['*'], syntax: 'export-from' })], {
        stars: ['b.ts'],
      }),
      facts('b.ts', [internal('a.ts', { kind: 'reexport', symbols: ['*'], syntax: 'export-from' })], {
        stars: ['a.ts'],
      }),
    ],
    prismaModels: [],
    diagnostics: [],
  };
  const graph = buildGraph(extraction);

  it('names the declaring module of every imported symbol', () => {
    const edge = graph.edges.find((item) => item.from === 'app.ts' && item.to === 'index.ts');
    expect(edge?.declarations).toEqual([
      { symbol: 'Price', module: 'price.ts' },
      { symbol: 'Product', module: 'product.ts' },
      { symbol: 'default', module: 'index.ts' },
      { symbol: 'helper', module: 'helpers.ts' },
    ]);
    expect(graph.edges.find((item) => item.from === 'app.ts' && item.to === 'a.ts')?.declarations).toEqual([
      { symbol: 'Missing', module: 'a.ts' },
    ]);
  });

  it('builds the see-through graph from the declarations; namespace and side-effect imports stay on the barrel', () => {
    const fromApp = graph.dependencies
      .filter((edge) => edge.from === 'app.ts')
      .map(({ to, kinds, symbols }) => ({ to, kinds, symbols }));
    expect(fromApp).toEqual([
      { to: 'a.ts', kinds: ['static'], symbols: ['Missing'] },
      { to: 'helpers.ts', kinds: ['static'], symbols: ['helper'] },
      { to: 'index.ts', kinds: ['static', 'side-effect'], symbols: ['*', 'default'] },
      { to: 'price.ts', kinds: ['static'], symbols: ['Price'] },
      { to: 'product.ts', kinds: ['static'], symbols: ['Product'] },
    ]);
    expect(graph.edges.filter((edge) => edge.from === 'app.ts').map((edge) => edge.to)).toEqual(['a.ts', 'index.ts']);
  });
});

describe('buildGraph: a wide barrel', () => {
  // api.ts `export *` from 20 modules m0..m19, each declaring 20 names n<i>_0..n<i>_19 and the
  // shared name Common (the first star, m0, forwards it); m19 also `export *` from loop1, and
  // loop1 and loop2 `export *` from each other, loop2 declaring Deep; api declares its own 20
  // names and re-exports 20 more from others.ts.
  const stars = Array.from({ length: 20 }, (_, index) => `m${index}.ts`);
  const own = Array.from({ length: 20 }, (_, index) => `own${index}`);
  const extraction: Extraction = {
    modules: [
      facts('app.ts', [
        internal('api.ts', { symbols: ['Common', 'Deep', 'Nowhere', 'default', 'n7_3', 'n19_19', 'own5', 'r12'] }),
      ]),
      facts('api.ts', [], {
        local: own,
        reexports: Array.from({ length: 20 }, (_, index) => ({
          name: `r${index}`,
          module: 'others.ts',
          imported: `o${index}`,
        })),
        stars,
      }),
      ...stars.map((id, index) =>
        facts(id, [], {
          local: [...Array.from({ length: 20 }, (_, name) => `n${index}_${name}`), 'Common', 'default'],
          stars: index === 19 ? ['loop1.ts'] : [],
        }),
      ),
      facts('others.ts', [], { local: Array.from({ length: 20 }, (_, index) => `o${index}`) }),
      facts('loop1.ts', [], { stars: ['loop2.ts'] }),
      facts('loop2.ts', [], { local: ['Deep'], stars: ['loop1.ts'] }),
    ],
    prismaModels: [],
    diagnostics: [],
  };
  const graph = buildGraph(extraction);

  it('finds each name in the first `export *` that forwards it, through loops, and never forwards default', () => {
    expect(graph.edges.find((edge) => edge.from === 'app.ts')?.declarations).toEqual([
      { symbol: 'Common', module: 'm0.ts' },
      { symbol: 'Deep', module: 'loop2.ts' },
      { symbol: 'Nowhere', module: 'api.ts' },
      { symbol: 'default', module: 'api.ts' },
      { symbol: 'n19_19', module: 'm19.ts' },
      { symbol: 'n7_3', module: 'm7.ts' },
      { symbol: 'own5', module: 'api.ts' },
      { symbol: 'r12', module: 'others.ts' },
    ]);
  });
});

describe('buildGraph: type-only by declaration', () => {
  // money.ts declares Currency only as a type and Money as a class; shared/index.ts is a barrel
  // re-exporting both and Rate as `export type` of a class.
  const extraction: Extraction = {
    modules: [
      facts('order.ts', [
        internal('money.ts', { symbols: ['Currency'], line: 1 }),
        internal('shared/index.ts', { symbols: ['Currency', 'Money'], line: 2 }),
        internal('shared/index.ts', { symbols: ['Rate'], line: 3 }),
        internal('money.ts', { symbols: ['*'], line: 4 }),
      ]),
      facts('money.ts', [], { local: ['Currency', 'Money', 'Rate'], types: ['Currency'] }),
      facts('shared/index.ts', [], {
        reexports: [
          { name: 'Currency', module: 'money.ts', imported: 'Currency' },
          { name: 'Money', module: 'money.ts', imported: 'Money' },
          { name: 'Rate', module: 'money.ts', imported: 'Rate', typeOnly: true },
        ],
      }),
    ],
    prismaModels: [],
    diagnostics: [],
  };
  const graph = buildGraph(extraction);

  it('makes a statement of declared types type-only, and marks the type names of a mixed statement', () => {
    const toMoney = graph.edges.find((edge) => edge.to === 'money.ts');
    expect(
      toMoney?.details.map(({ line, kind, typeOnly, typeSymbols }) => ({ line, kind, typeOnly, typeSymbols })),
    ).toEqual([
      { line: 1, kind: 'type', typeOnly: true, typeSymbols: undefined },
      { line: 4, kind: 'static', typeOnly: false, typeSymbols: undefined },
    ]);
    const toBarrel = graph.edges.find((edge) => edge.to === 'shared/index.ts');
    expect(toBarrel?.typeOnly).toBe(false);
    expect(toBarrel?.details.map(({ line, typeOnly, typeSymbols }) => ({ line, typeOnly, typeSymbols }))).toEqual([
      { line: 2, typeOnly: false, typeSymbols: ['Currency'] },
      { line: 3, typeOnly: true, typeSymbols: undefined },
    ]);
  });

  it('keeps the see-through edge runtime while one value crosses, type-only when only types do', () => {
    expect(graph.dependencies.map(({ from, to, typeOnly }) => ({ from, to, typeOnly }))).toEqual([
      { from: 'order.ts', to: 'money.ts', typeOnly: false },
    ]);
    const typesOnly = buildGraph({
      ...extraction,
      modules: [
        facts('order.ts', [internal('shared/index.ts', { symbols: ['Currency', 'Rate'] })]),
        ...extraction.modules.slice(1),
      ],
    });
    expect(typesOnly.dependencies).toEqual([
      expect.objectContaining({ from: 'order.ts', to: 'money.ts', typeOnly: true, kinds: ['type'] }),
    ]);
    expect(typesOnly.edges[0]).toEqual(
      expect.objectContaining({ to: 'shared/index.ts', typeOnly: true, kinds: ['type'] }),
    );
  });
});
