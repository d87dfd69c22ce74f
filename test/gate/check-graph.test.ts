import { describe, expect, it } from 'vitest';
import type { Boundaries } from '../../src/gate/boundaries.js';
import { checkGraph } from '../../src/gate/check.js';
import { followRenames } from '../../src/gate/renames.js';
import type { BaselineEntry } from '../../src/gate/types.js';
import type { ModuleEdge, ModuleGraph } from '../../src/graph/types.js';
import { EMPTY_GRAPH_EXTRAS } from '../helpers.js';

/** A graph whose every edge is one runtime import of `x` on line 1. */
function graphOf(modules: string[], pairs: [string, string][]): ModuleGraph {
  const edges: ModuleEdge[] = pairs.map(([from, to]) => ({
    from,
    to,
    kinds: ['static'],
    typeOnly: false,
    symbols: ['x'],
    lines: [1],
    details: [{ line: 1, kind: 'static', syntax: 'import', specifier: `./${to}`, typeOnly: false, symbols: ['x'] }],
    declarations: [{ symbol: 'x', module: to }],
  }));
  return {
    modules: modules.map((id) => ({ id, lines: 1, exports: 1, abstractExports: 0 })),
    edges,
    dependencies: edges.map(({ from, to, kinds, typeOnly, symbols }) => ({ from, to, kinds, typeOnly, symbols })),
    externals: {},
    ...EMPTY_GRAPH_EXTRAS,
  };
}

const boundaries: Boundaries = {
  version: 1,
  services: { a: { modules: ['a/**'], allow: ['b'] }, b: { modules: ['b/**'] }, c: { modules: ['c/**'] } },
};
const graph = graphOf(
  ['a/one.ts', 'b/one.ts', 'c/one.ts', 'loose.ts'],
  [
    ['a/one.ts', 'b/one.ts'],
    ['b/one.ts', 'c/one.ts'],
    ['c/one.ts', 'a/one.ts'],
  ],
);
const accepted: BaselineEntry = { rule: 'dependency-not-allowed', from: 'b/one.ts', to: 'c/one.ts', symbol: 'x' };
const fixedEntry: BaselineEntry = { rule: 'dependency-not-allowed', from: 'a/one.ts', to: 'c/one.ts', symbol: 'x' };
const plain = { changed: null, updateBaseline: false, allowGrowth: false, strictBaseline: false };

describe('checkGraph: the gate as a pure function of the graph, the boundaries and the baseline', () => {
  it('splits violations into new and known, lists fixed entries and unassigned modules', () => {
    const { result, baselineUpdate } = checkGraph(graph, boundaries, [accepted, fixedEntry], plain);
    expect(result.newViolations.map((item) => `${item.rule} ${item.file}`)).toContain(
      'dependency-not-allowed c/one.ts',
    );
    expect(result.knownViolations.map((item) => item.identity)).toEqual(['dependency-not-allowed|b/one.ts|c/one.ts|x']);
    expect(result.fixed).toEqual([fixedEntry]);
    expect(result.unassignedModules).toEqual(['loose.ts']);
    expect(result.checkedModules).toBe(4);
    expect(result.passed).toBe(false);
    expect(baselineUpdate).toBeNull();
  });

  it('with updateBaseline and allowGrowth accepts everything found and drops the fixed entries', () => {
    const { result, baselineUpdate } = checkGraph(graph, { ...boundaries, unclaimed: 'warn' }, [accepted, fixedEntry], {
      ...plain,
      updateBaseline: true,
      allowGrowth: true,
    });
    expect(result.passed).toBe(true);
    expect(baselineUpdate?.text).not.toContain('"from": "a/one.ts",\n      "to": "c/one.ts"');
    expect(baselineUpdate?.entries).toBe(result.newViolations.length + result.knownViolations.length);
  });

  it('with changed modules judges only their imports', () => {
    const { result } = checkGraph(graph, boundaries, [], { ...plain, changed: new Set(['a/one.ts']) });
    expect(result.checkedModules).toBe(1);
    expect(new Set(result.newViolations.map((item) => item.file))).toEqual(new Set(['a/one.ts']));
  });
});

describe('checkGraph: unclaimed modules fail closed', () => {
  it('a module no service claims is an unclaimed-module violation that says how to claim it, and is never baselined', () => {
    const { result } = checkGraph(graph, boundaries, [accepted, fixedEntry], plain);
    const unclaimed = result.newViolations.filter((item) => item.rule === 'unclaimed-module');
    expect(unclaimed.map((item) => item.file)).toEqual(['loose.ts']);
    expect(unclaimed[0]?.message).toMatch(/no service claims loose\.ts.*"modules" of a service in the boundaries file/);
    expect(result.summary).toMatch(/^\+\d+ new/);
    const grown = checkGraph(graph, boundaries, [], { ...plain, updateBaseline: true, allowGrowth: true });
    expect(grown.result.passed).toBe(false);
    expect(grown.baselineUpdate?.text).not.toContain('loose.ts');
  });

  it('"unclaimed": "warn" reports the module and passes', () => {
    const clean = graphOf(['a/one.ts', 'b/one.ts', 'loose.ts'], [['a/one.ts', 'b/one.ts']]);
    const strict = checkGraph(clean, boundaries, [], plain).result;
    expect(strict.passed).toBe(false);
    const warned = checkGraph(clean, { ...boundaries, unclaimed: 'warn' }, [], plain).result;
    expect(warned.passed).toBe(true);
    expect(warned.newViolations).toEqual([]);
    expect(warned.unassignedModules).toEqual(['loose.ts']);
  });

  it('a scoped run reports only the changed unclaimed modules', () => {
    const { result } = checkGraph(graph, boundaries, [], { ...plain, changed: new Set(['b/one.ts']) });
    expect(result.newViolations.filter((item) => item.rule === 'unclaimed-module')).toEqual([]);
  });

  it('a renamed module that only its old path claimed keeps its service and names the entry to change', () => {
    const listed: Boundaries = {
      version: 1,
      services: { a: { modules: ['a/one.ts'], allow: ['b'] }, b: { modules: ['b/**'] } },
    };
    const renamed = graphOf(['a/two.ts', 'b/one.ts'], [['a/two.ts', 'b/one.ts']]);
    const { result } = checkGraph(renamed, listed, [], {
      ...plain,
      changed: new Set(['a/two.ts']),
      renamedFrom: new Map([['a/two.ts', 'a/one.ts']]),
    });
    expect(result.newViolations.map((item) => `${item.rule} ${item.file} ${item.fromService}`)).toEqual([
      'unclaimed-module a/two.ts a',
    ]);
    expect(result.newViolations[0]?.message).toContain('replace "a/one.ts" with "a/two.ts"');
    expect(result.unassignedModules).toEqual([]);
  });
});

describe('followRenames: a renamed module keeps its baseline entries', () => {
  it('maps the importer and the imported module to their new ids, and leaves budgets alone', () => {
    const budget: BaselineEntry = { rule: 'budget-exceeded', from: 'a', to: 'b', symbol: '*' };
    expect(followRenames([accepted, budget], new Map([['b/two.ts', 'b/one.ts']]))).toEqual([
      { ...accepted, from: 'b/two.ts' },
      budget,
    ]);
  });
});
