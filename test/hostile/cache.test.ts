import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { tempProject } from '../helpers.js';

// The analysis cache is on by default: each case runs twice with it, changing between the runs
// only a file that decides resolution (never a selected source), and compares the warm result
// with a cold run of the changed tree.

const codes = (analysis: Awaited<ReturnType<typeof analyze>>) =>
  analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.file ?? ''}`.trim());
const edges = (analysis: Awaited<ReturnType<typeof analyze>>) =>
  analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`);

async function warmAfter(files: Record<string, string>, change: (root: string) => void) {
  const root = tempProject(files);
  const cacheDir = path.join(root, '.seams-cache');
  const before = await analyze({ path: root, cacheDir });
  change(root);
  const warm = await analyze({ path: root, cacheDir });
  const cold = await analyze({ path: root, cache: false });
  expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));
  return { before, warm };
}

const write = (root: string, name: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), text);
};

describe('truth: the analysis cache key covers what decides resolution', () => {
  it('declaring a missing dependency in package.json clears UNDECLARED_PACKAGE', async () => {
    const { before, warm } = await warmAfter(
      {
        'package.json': '{"name": "app"}',
        'src/a.ts': "import pad from 'left-pad';\nimport { b } from './b';\nexport const a = pad + b;\n",
        'src/b.ts': 'export const b = 1;\n',
      },
      (root) => write(root, 'package.json', '{"name": "app", "dependencies": {"left-pad": "1.3.0"}}'),
    );
    expect(codes(before)).toEqual(['UNDECLARED_PACKAGE src/a.ts']);
    expect(codes(warm)).toEqual([]);
  });

  it('adding the missing file turns UNRESOLVED_IMPORT into an edge', async () => {
    const { before, warm } = await warmAfter(
      {
        'src/a.ts': "import { b } from './b';\nimport { c } from './c';\nexport const a = b + c;\n",
        'src/b.ts': 'export const b = 1;\n',
      },
      (root) => write(root, 'src/c.js', 'export const c = 2;\n'),
    );
    expect(codes(before)).toEqual(['UNRESOLVED_IMPORT src/a.ts']);
    // src/c.js is not a selected source (allowJs is off), so the selection is unchanged: only resolution sees it.
    expect(codes(warm)).toEqual([]);
  });

  it('adding a missing asset clears UNRESOLVED_IMPORT', async () => {
    const { before, warm } = await warmAfter(
      {
        'src/a.ts': "import './a.css';\nimport { b } from './b';\nexport const a = b;\n",
        'src/b.ts': 'export const b = 1;\n',
      },
      (root) => write(root, 'src/a.css', 'body {}\n'),
    );
    expect(codes(before)).toEqual(['UNRESOLVED_IMPORT src/a.ts']);
    expect(codes(warm)).toEqual([]);
  });

  it('a tsconfig paths alias added in a tsconfig it extends resolves the alias', async () => {
    const { before, warm } = await warmAfter(
      {
        'tsconfig.json': '{"extends": "./tsconfig.base.json", "include": ["src"]}',
        'tsconfig.base.json': '{"compilerOptions": {"strict": true}}',
        'src/a.ts': "import { b } from '@lib/b';\nexport const a = b;\n",
        'src/lib/b.ts': 'export const b = 1;\n',
      },
      (root) =>
        write(root, 'tsconfig.base.json', '{"compilerOptions": {"baseUrl": ".", "paths": {"@lib/*": ["src/lib/*"]}}}'),
    );
    expect(edges(before)).toEqual([]);
    expect(edges(warm)).toEqual(['src/a.ts->src/lib/b.ts']);
  });

  it('a workspace package that appears turns a package import into an internal edge', async () => {
    const { before, warm } = await warmAfter(
      {
        'package.json': '{"name": "root", "private": true, "workspaces": ["packages/*"]}',
        'packages/app/package.json': '{"name": "app", "dependencies": {"@acme/lib": "*"}}',
        'packages/app/src/a.ts': "import { b } from '@acme/lib';\nexport const a = b;\n",
        'packages/lib/src/index.ts': 'export const b = 1;\n',
      },
      (root) => write(root, 'packages/lib/package.json', '{"name": "@acme/lib", "main": "src/index.ts"}'),
    );
    expect(edges(before)).toEqual([]);
    expect(edges(warm)).toEqual(['packages/app/src/a.ts->packages/lib/src/index.ts']);
  });

  it('an unchanged tree is read back from the cache', async () => {
    const root = tempProject({
      'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/b.ts': 'export const b = 1;\n',
    });
    const cacheDir = path.join(root, '.seams-cache');
    await analyze({ path: root, cacheDir });
    const stages: string[] = [];
    await analyze({ path: root, cacheDir, onStage: (stage) => stages.push(stage) });
    expect(stages).toContain('cached');
    expect(stages).not.toContain('cluster');
  });
});
