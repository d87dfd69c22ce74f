import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { renderJson } from '../../src/report/json.js';
import { fixture, tempProject } from '../helpers.js';

describe('extraction cache', () => {
  it('never changes a result: cold, warm and uncached runs give byte-identical reports', async () => {
    const cacheDir = path.join(tempProject({}), 'cache');
    const cold = renderJson(await analyze({ path: fixture('monolith'), cacheDir }));
    const stored = JSON.parse(readFileSync(path.join(cacheDir, 'extract.json'), 'utf8'));
    expect(Object.keys(stored.entries)).toHaveLength(164);
    const warm = renderJson(await analyze({ path: fixture('monolith'), cacheDir }));
    const uncached = renderJson(await analyze({ path: fixture('monolith'), cache: false }));
    expect(warm).toBe(cold);
    expect(uncached).toBe(cold);
  });

  it('reads a whole analysis back when nothing changed, and recomputes when a setting changes', async () => {
    const root = tempProject({
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': 'export const b = 1;\n',
    });
    const cacheDir = path.join(root, '.cache');
    const stages: string[] = [];
    const first = await analyze({ path: root, cacheDir, onStage: (stage) => stages.push(stage) });
    expect(stages).toContain('cluster');
    stages.length = 0;
    const second = await analyze({ path: root, cacheDir, onStage: (stage) => stages.push(stage) });
    expect(stages).toEqual(['load', 'cached']);
    expect(renderJson(second)).toBe(renderJson(first));
    stages.length = 0;
    await analyze({ path: root, cacheDir, seed: 7, onStage: (stage) => stages.push(stage) });
    expect(stages).toContain('cluster');
  });

  it('sees a changed file: the entry is keyed by content', async () => {
    const root = tempProject({
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': 'export const b = 1;\n',
      'c.ts': 'export const c = 1;\n',
    });
    const cacheDir = path.join(root, '.cache');
    expect((await analyze({ path: root, cacheDir })).graph.edges.map((edge) => edge.to)).toEqual(['b.ts']);
    writeFileSync(path.join(root, 'a.ts'), "import { c } from './c';\nexport const a = c;\n");
    expect((await analyze({ path: root, cacheDir })).graph.edges.map((edge) => edge.to)).toEqual(['c.ts']);
  });

  it('discards a corrupt cache with a diagnostic and analyses correctly', async () => {
    const root = tempProject({
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': 'export const b = 1;\n',
    });
    const cacheDir = path.join(root, '.cache');
    await analyze({ path: root, cacheDir });
    writeFileSync(path.join(cacheDir, 'extract.json'), '{"format": 1, "entr');
    rmSync(path.join(cacheDir, 'analysis.json'));
    const analysis = await analyze({ path: root, cacheDir });
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['a.ts->b.ts']);
    expect(analysis.diagnostics).toEqual([expect.objectContaining({ code: 'CACHE_DISCARDED' })]);
    expect((await analyze({ path: root, cacheDir })).diagnostics).toEqual([]);
  });
});
