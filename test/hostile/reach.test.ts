import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { toJsonReport } from '../../src/report/json.js';
import { REPO, tempProject } from '../helpers.js';
import { runCli } from '../run-cli.js';

// Imports that reach files seams did not select used to vanish: no edge, no package, no word.

type Analysis = Awaited<ReturnType<typeof analyze>>;
const edges = (analysis: Analysis) => analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`);
const codes = (analysis: Analysis) =>
  analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.file ?? ''}`.trim());
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(path.join(REPO, 'schema', 'report.schema.json'), 'utf8')),
);

const cli = runCli;

describe('truth: imports that leave the analysed root are listed, per module and per service', () => {
  const tree = {
    'app/src/orders/order.ts':
      "import { x } from '../../../lib/x';\nimport { total } from '../../../packages/billing/src/total';\nimport { line } from './line';\nexport const order = x + total + line;\n",
    'app/src/orders/line.ts': "import { x } from '../../../lib/x';\nexport const line = x;\n",
    'lib/x.ts': 'export const x = 1;\n',
    'lib/y.ts': 'export const y = 1;\n',
    'packages/billing/package.json': '{"name": "@acme/billing"}',
    'packages/billing/src/total.ts': 'export const total = 2;\n',
  };

  it('JSON: outsideFiles per module, outsideFolders per service (the package folder), one summary diagnostic, a valid report', async () => {
    const root = tempProject(tree);
    const analysis = await analyze({ path: path.join(root, 'app'), cache: false });
    expect(edges(analysis)).toEqual(['src/orders/order.ts->src/orders/line.ts']);
    const report = toJsonReport(analysis);
    expect(report.modules.map((module) => [module.id, module.outsideFiles])).toEqual([
      ['src/orders/line.ts', ['../lib/x.ts']],
      ['src/orders/order.ts', ['../lib/x.ts', '../packages/billing/src/total.ts']],
    ]);
    const service = report.clusters.find((cluster) => cluster.modules.includes('src/orders/order.ts'));
    expect(service?.outsideFolders).toEqual([
      { folder: '../lib', files: ['../lib/x.ts'] },
      { folder: '../packages/billing', files: ['../packages/billing/src/total.ts'] },
    ]);
    expect(analysis.diagnostics).toEqual([
      {
        code: 'IMPORTS_OUTSIDE_ROOT',
        message:
          '3 imports in 2 modules reach files outside the analysed folder: ../lib (1 file), ../packages/billing (1 file); listed per module and service as outside files (not analysed, not edges)',
      },
    ]);
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
  });

  it('an Nx library (project.json, no package.json) is one outside folder, whatever the depth of its files', async () => {
    const root = tempProject({
      'apps/api/src/a.ts':
        "import { d } from '../../../libs/common/src/lib/dtos/d';\nimport { e } from '../../../libs/common/src/lib/enums/e';\nimport { b } from './b';\nexport const a = d + e + b;\n",
      'apps/api/src/b.ts': 'export const b = 1;\n',
      'libs/common/project.json': '{"name": "common"}',
      'libs/common/src/lib/dtos/d.ts': 'export const d = 1;\n',
      'libs/common/src/lib/enums/e.ts': 'export const e = 1;\n',
    });
    const report = toJsonReport(await analyze({ path: path.join(root, 'apps', 'api'), cache: false }));
    expect(report.clusters.flatMap((cluster) => cluster.outsideFolders)).toEqual([
      {
        folder: '../../libs/common',
        files: ['../../libs/common/src/lib/dtos/d.ts', '../../libs/common/src/lib/enums/e.ts'],
      },
    ]);
  });

  it('text, Markdown and HTML reports name the outside folders per service', async () => {
    const root = tempProject(tree);
    const app = path.join(root, 'app');
    const text = await cli(['analyze', app, '--no-cache'], root);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /Files outside the analysed folder per service[^\n]*\n {2}\S+: \.\.\/lib \(1 file\), \.\.\/packages\/billing \(1 file\)\n/,
    );
    const markdown = await cli(['analyze', app, '--no-cache', '--format', 'markdown'], root);
    expect(markdown.stdout).toContain(
      '**Files outside the analysed folder**: ../lib (1 file), ../packages/billing (1 file)',
    );
    const html = await cli(['report', app, '--no-cache', '-o', path.join(root, 'report.html')], root);
    expect(html.code).toBe(0);
    expect(readFileSync(path.join(root, 'report.html'), 'utf8')).toContain(
      '<h4>Outside the analysed folder</h4><p class="packages"><code title="../lib/x.ts">../lib</code> 1 file <code title="../packages/billing/src/total.ts">../packages/billing</code> 1 file</p>',
    );
  });
});

describe('truth: files outside the tsconfig files/include that an analysed file imports are analysed, marked', () => {
  it('{"files": ["a.ts"]}: a -> b -> lib/c are edges, b and lib/c are marked reached with the importer named', async () => {
    const root = tempProject({
      'tsconfig.json': '{"files": ["a.ts"]}',
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': "import { c } from './lib/c';\nexport const b = c;\n",
      'lib/c.ts': 'export const c = 1;\n',
      'unrelated.ts': 'export const u = 1;\n',
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(edges(analysis)).toEqual(['a.ts->b.ts', 'b.ts->lib/c.ts']);
    expect(analysis.graph.modules.map((module) => `${module.id}${module.reached === true ? ' reached' : ''}`)).toEqual([
      'a.ts',
      'b.ts reached',
      'lib/c.ts reached',
    ]);
    expect(
      analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.file}: ${diagnostic.message}`),
    ).toEqual([
      'FILE_REACHED_BY_IMPORT b.ts: not in the file selection (tsconfig files/include), but a.ts imports it: analysed, as tsc would include it',
      'FILE_REACHED_BY_IMPORT lib/c.ts: not in the file selection (tsconfig files/include), but b.ts imports it: analysed, as tsc would include it',
    ]);
    const report = toJsonReport(analysis);
    expect(report.modules.map((module) => module.reached ?? false)).toEqual([false, true, true]);
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
  });

  it('names reach through a reached barrel: the see-through dependency goes to the declaring module', async () => {
    const root = tempProject({
      'tsconfig.json': '{"include": ["src/app"]}',
      'src/app/main.ts': "import { price } from '../shared';\nexport const main = price;\n",
      'src/shared/index.ts': "export { price } from './price';\n",
      'src/shared/price.ts': 'export const price = 3;\n',
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(edges(analysis)).toEqual([
      'src/app/main.ts->src/shared/index.ts',
      'src/shared/index.ts->src/shared/price.ts',
    ]);
    expect(analysis.graph.dependencies.map((edge) => `${edge.from}->${edge.to}`)).toContain(
      'src/app/main.ts->src/shared/price.ts',
    );
  });

  it('the selection rules still hold: --exclude, tests and JavaScript without allowJs are not reached', async () => {
    const files = {
      'tsconfig.json': '{"files": ["a.ts"]}',
      'a.ts':
        "import { b } from './b';\nimport { t } from './helper.test';\nimport { j } from './legacy';\nexport const a = b + t + j;\n",
      'b.ts': 'export const b = 1;\n',
      'helper.test.ts': 'export const t = 1;\n',
      'legacy.js': 'export const j = 1;\n',
    };
    const root = tempProject(files);
    expect(edges(await analyze({ path: root, cache: false }))).toEqual(['a.ts->b.ts']);
    expect(edges(await analyze({ path: root, cache: false, exclude: ['b.ts'] }))).toEqual([]);
    const withJs = tempProject({
      ...files,
      'tsconfig.json': '{"compilerOptions": {"allowJs": true}, "files": ["a.ts"]}',
    });
    expect(edges(await analyze({ path: withJs, cache: false }))).toEqual(['a.ts->b.ts', 'a.ts->legacy.js']);
  });
});

describe('truth: the governing tsconfig above the root', () => {
  const server = {
    'server/tsconfig.json': '{"compilerOptions": {"baseUrl": ".", "strict": true}, "include": ["src"]}',
    'server/src/orders/order.ts': "import { User } from 'src/users/user';\nexport const order = User;\n",
    'server/src/users/user.ts': 'export const User = 1;\n',
  };
  const inGit = (files: Record<string, string>) => {
    const root = tempProject(files);
    execFileSync('git', ['init', '-q', root]);
    return root;
  };

  it('seams analyze server/src resolves baseUrl imports under server/tsconfig.json and says so', async () => {
    const root = inGit(server);
    const analysis = await analyze({ path: path.join(root, 'server', 'src'), cache: false });
    expect(edges(analysis)).toEqual(['orders/order.ts->users/user.ts']);
    expect(codes(analysis)).toEqual(['TSCONFIG_ABOVE_ROOT ../tsconfig.json']);
    expect(analysis.diagnostics[0]?.message).toBe(
      'no tsconfig.json in the analysed folder: 2 files resolve their imports under ../tsconfig.json, the nearest tsconfig above it (as an editor does); pass --tsconfig to choose another',
    );
  });

  it('a solution-style tsconfig above stands for the referenced project that holds the files', async () => {
    const root = inGit({
      'web/tsconfig.json':
        '{"files": [], "references": [{"path": "./tsconfig.node.json"}, {"path": "./tsconfig.app.json"}]}',
      'web/tsconfig.node.json': '{"compilerOptions": {"composite": true}, "include": ["vite.config.ts"]}',
      'web/tsconfig.app.json':
        '{"compilerOptions": {"composite": true, "baseUrl": ".", "paths": {"@/*": ["src/*"]}}, "include": ["src"]}',
      'web/src/main.ts': "import { api } from '@/api/client';\nexport const main = api;\n",
      'web/src/api/client.ts': 'export const api = 1;\n',
    });
    const analysis = await analyze({ path: path.join(root, 'web', 'src'), cache: false });
    expect(edges(analysis)).toEqual(['main.ts->api/client.ts']);
    expect(codes(analysis)).toEqual(['TSCONFIG_ABOVE_ROOT ../tsconfig.app.json']);
  });

  it('the search stops at the top of the git work tree: a tsconfig above it does not govern', async () => {
    const outer = tempProject({ 'tsconfig.json': '{"compilerOptions": {"baseUrl": "repo/server"}}' });
    const root = path.join(outer, 'repo');
    for (const [name, text] of Object.entries(server)) {
      if (name === 'server/tsconfig.json') continue;
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    execFileSync('git', ['init', '-q', root]);
    const analysis = await analyze({ path: path.join(root, 'server', 'src'), cache: false });
    expect(edges(analysis)).toEqual([]);
    expect(codes(analysis).some((code) => code.startsWith('TSCONFIG_ABOVE_ROOT'))).toBe(false);
  });

  it('a tsconfig in the analysed folder still wins over one above it', async () => {
    const root = inGit({ ...server, 'server/src/tsconfig.json': '{"compilerOptions": {"strict": true}}' });
    const analysis = await analyze({ path: path.join(root, 'server', 'src'), cache: false });
    expect(edges(analysis)).toEqual([]);
    expect(codes(analysis)).toEqual(['NO_INTERNAL_IMPORTS']);
  });
});
