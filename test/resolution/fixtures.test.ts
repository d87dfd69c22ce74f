import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { fixture } from '../helpers.js';

/** The exact graph a fixture under fixtures/resolution/<case> must produce (see its README.md). */
interface Expected {
  description: string;
  modules: string[];
  edges: { from: string; to: string; kinds: string[]; typeOnly: boolean; symbols: string[] }[];
  declarations?: { from: string; symbol: string; module: string }[];
  packages?: Record<string, string[]>;
  builtins?: Record<string, string[]>;
  unresolved?: { file: string; line: number; specifier: string }[];
}

const cases = readdirSync(fixture('resolution'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('graph fidelity: one fixture per project shape and import form', () => {
  it('has the fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of cases) {
    const expected = JSON.parse(readFileSync(fixture('resolution', name, 'expected.json'), 'utf8')) as Expected;

    it(`${name}: ${expected.description}`, async () => {
      const analysis = await analyze({ path: fixture('resolution', name) });
      const graph = analysis.graph;
      expect(graph.modules.map((module) => module.id)).toEqual(expected.modules);
      expect(
        graph.edges.map(({ from, to, kinds, typeOnly, symbols }) => ({ from, to, kinds, typeOnly, symbols })),
      ).toEqual(expected.edges);
      if (expected.declarations !== undefined) {
        const declarations = graph.edges
          .flatMap((edge) =>
            edge.declarations.map((item) => ({ from: edge.from, symbol: item.symbol, module: item.module })),
          )
          .filter((item) =>
            expected.declarations?.some((want) => want.from === item.from && want.symbol === item.symbol),
          );
        expect(declarations.sort((a, b) => (a.from + a.symbol < b.from + b.symbol ? -1 : 1))).toEqual(
          expected.declarations,
        );
      }
      const externals = (key: 'packages' | 'builtins') =>
        Object.fromEntries(
          Object.entries(graph.externals)
            .filter(([, value]) => value[key].length > 0)
            .map(([id, value]) => [id, value[key]]),
        );
      expect(externals('packages')).toEqual(expected.packages ?? {});
      expect(externals('builtins')).toEqual(expected.builtins ?? {});
      const unresolved = analysis.diagnostics
        .filter((diagnostic) => diagnostic.code === 'UNRESOLVED_IMPORT')
        .map((diagnostic) => ({
          file: diagnostic.file,
          line: diagnostic.line,
          specifier: /'(.*)'/.exec(diagnostic.message)?.[1],
        }));
      expect(unresolved).toEqual(expected.unresolved ?? []);
    });
  }
});
