import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCheck } from '../../src/report/check/render-check.js';
import { REPO } from '../helpers.js';

// The JSON contracts are documented in docs/: a field the schema or the renderer gains fails here
// until the page names it (in backticks).

const read = (...parts: string[]) => readFileSync(path.join(REPO, ...parts), 'utf8');

/** Every property name a JSON Schema declares under `properties`, at any depth. */
function schemaProperties(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) schemaProperties(item, names);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value !== null && typeof value === 'object')
        for (const name of Object.keys(value)) names.add(name);
      schemaProperties(value, names);
    }
  }
  return names;
}

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, names);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      names.add(key);
      keysOf(item, names);
    }
  return names;
}

const undocumented = (names: Set<string>, page: string) => [...names].filter((name) => !page.includes(`\`${name}\``));

describe('the JSON contracts are documented in docs/', () => {
  it('docs/report.md names every property of schema/report.schema.json', () => {
    const names = schemaProperties(JSON.parse(read('schema', 'report.schema.json')));
    expect(names.size).toBeGreaterThan(50);
    expect(undocumented(names, read('docs', 'report.md'))).toEqual([]);
  });

  it('docs/check.md names every key of `seams check --format json`', () => {
    const violation = {
      rule: 'dependency-not-allowed' as const,
      file: 'src/a/x.ts',
      line: 1,
      target: 'src/b/y.ts',
      fromService: 'a',
      toService: 'b',
      symbol: 'y',
      message: 'a may not import b',
      identity: 'dependency-not-allowed|src/a/x.ts|src/b/y.ts|y',
    };
    const json = renderCheck(
      {
        result: {
          newViolations: [violation],
          knownViolations: [violation],
          fixed: [{ rule: 'service-cycle', from: 'src/a/x.ts', to: 'src/b/z.ts', symbol: '*' }],
          checkedModules: 3,
          outsideScope: 0,
          unassignedModules: ['src/c.ts'],
          passed: false,
          summary: '+1 new, -1 fixed, 1 known',
        },
        diagnostics: [{ code: 'PARSE_ERROR', message: 'x', file: 'src/c.ts', line: 2 }],
        boundariesFile: 'seams.boundaries.json',
        baselineUpdate: null,
        repository: { root: '/repo', prefix: '' },
        baselineFile: 'seams.baseline.json',
      },
      'json',
      '0.1.0',
    );
    expect(undocumented(keysOf(JSON.parse(json)), read('docs', 'check.md'))).toEqual([]);
  });
});
