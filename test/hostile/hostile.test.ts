import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { checkFiles } from '../../src/load/check-files.js';
import { tempProject } from '../helpers.js';
import { runCli } from '../run-cli.js';

const codes = (analysis: Awaited<ReturnType<typeof analyze>>) =>
  analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.file ?? ''}`.trim());

const cli = runCli;

describe('hostile input: source files', () => {
  it('syntax errors: analysed as far as the parser recovers, PARSE_ERROR with file and line, run completes', async () => {
    const root = tempProject({
      'a.ts': "import { b } from './b';\nexport const x = {;\nexport const y = b;\n",
      'b.ts': 'export const b = 1;\n',
    });
    const analysis = await analyze({ path: root });
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['a.ts->b.ts']);
    expect(analysis.diagnostics).toEqual([expect.objectContaining({ code: 'PARSE_ERROR', file: 'a.ts', line: 2 })]);
  });

  it('binary content, minified bundles and oversized files are skipped with a diagnostic, and imports of them are not edges', async () => {
    const minified = `${Array.from({ length: 300 }, (_, index) => `function f${index}(a,b){return a+b*${index}}`).join(';')};export const bundle=f1;`;
    const root = tempProject({
      'a.ts':
        "import './binary';\nimport './bundle.min';\nimport './huge';\nimport { c } from './c';\nexport const a = c;\n",
      'binary.ts': 'PK\u0003\u0004\u0000\u0000garbage',
      'bundle.min.ts': minified,
      'huge.ts': `export const huge = 1;\n${'// padding\n'.repeat(2000)}`,
      'c.ts': 'export const c = 1;\n',
    });
    const analysis = await analyze({ path: root, maxFileSize: '16KB' });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['a.ts', 'c.ts']);
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['a.ts->c.ts']);
    expect(codes(analysis)).toEqual(['BINARY_FILE binary.ts', 'MINIFIED_FILE bundle.min.ts', 'FILE_TOO_LARGE huge.ts']);
    expect(analysis.diagnostics.find((item) => item.code === 'FILE_TOO_LARGE')?.message).toBe(
      '21.5 KB is over the 16 KB limit (--max-file-size); skipped',
    );
  });

  it('empty files, byte-order marks, CRLF line endings, non-ASCII names and names with spaces', async () => {
    const root = tempProject({
      'empty.ts': '',
      'bom.ts': "\uFEFFimport { crlf } from './crlf';\nexport const bom = crlf;\n",
      'crlf.ts': "import { crème } from './café/crème brûlée';\r\nexport const crlf = crème;\r\n",
      'café/crème brûlée.ts': 'export const crème = 1;\n',
    });
    const analysis = await analyze({ path: root });
    expect(analysis.graph.modules).toEqual([
      { id: 'bom.ts', lines: 2, exports: 1, abstractExports: 0 },
      { id: 'café/crème brûlée.ts', lines: 1, exports: 1, abstractExports: 0 },
      { id: 'crlf.ts', lines: 2, exports: 1, abstractExports: 0 },
      { id: 'empty.ts', lines: 0, exports: 0, abstractExports: 0 },
    ]);
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual([
      'bom.ts->crlf.ts',
      'crlf.ts->café/crème brûlée.ts',
    ]);
    expect(analysis.diagnostics).toEqual([]);
  });
});

describe('hostile input: the file system', () => {
  it('a symbolic link loop does not hang the scan', async () => {
    const root = tempProject({ 'src/a.ts': 'export const a = 1;\n' });
    symlinkSync('..', path.join(root, 'src', 'loop'));
    const analysis = await analyze({ path: root });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['src/a.ts']);
  });

  it('a symbolic link to a file outside the analysed folder is not followed', async () => {
    const outside = tempProject({ 'secret.ts': 'export const secret = 1;\n' });
    const root = tempProject({ 'a.ts': "import { secret } from './linked';\nexport const a = secret;\n" });
    symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'linked.ts'));
    const analysis = await analyze({ path: root });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['a.ts']);
    expect(codes(analysis)).toEqual(['FILE_SKIPPED linked.ts']);
  });

  it('unreadable entries (a broken link, a folder named like a source file) are diagnostics, not crashes', () => {
    const root = tempProject({ 'ok.ts': '' });
    symlinkSync(path.join(root, 'nowhere.ts'), path.join(root, 'broken.ts'));
    mkdirSync(path.join(root, 'folder.ts'));
    const checked = checkFiles(
      root,
      ['broken.ts', 'folder.ts', 'ok.ts'].map((name) => path.join(root, name)),
      1024,
    );
    expect(checked.files).toEqual([path.join(root, 'ok.ts')]);
    expect(checked.diagnostics.map((item) => `${item.code} ${item.file}`)).toEqual([
      'FILE_UNREADABLE broken.ts',
      'NOT_A_REGULAR_FILE folder.ts',
    ]);
  });
});

describe('hostile input: broken tsconfig', () => {
  it('invalid JSON with comments: one coded line with the tsconfig path and TypeScript message, exit 2', async () => {
    const root = tempProject({ 'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true\n  ', 'a.ts': '' });
    const result = await cli(['analyze', '.'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \[TSCONFIG_INVALID\] tsconfig\.json: '}' expected\. \(line \d+\)\nhint: /);
  });

  it('circular extends and unknown options are diagnostics; analysis goes on with what TypeScript parsed', async () => {
    const root = tempProject({
      'tsconfig.json': '{ "extends": "./base.json", "compilerOptions": { "frobnicate": true }, "include": ["*.ts"] }',
      'base.json': '{ "extends": "./tsconfig.json" }',
      'a.ts': 'export const a = 1;\n',
    });
    const analysis = await analyze({ path: root });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['a.ts']);
    const messages = analysis.diagnostics
      .filter((item) => item.code === 'TSCONFIG_WARNING')
      .map((item) => item.message);
    expect(messages.some((message) => /Circularity/.test(message))).toBe(true);
    expect(messages.some((message) => /frobnicate/.test(message))).toBe(true);
  });
});

describe('hostile input: degenerate projects', () => {
  it('a single file is unattached: no service and no plan step', async () => {
    const analysis = await analyze({ path: tempProject({ 'only.ts': 'export const only = 1;\n' }) });
    expect(analysis.partition.clusters.map((item) => [item.kind, item.modules])).toEqual([['unattached', ['only.ts']]]);
    expect(analysis.plan.steps).toHaveLength(0);
    expect(analysis.metrics.partition.modularity).toBe(0);
  });

  it('no file importing another: every file unattached, no plan step, said in a diagnostic', async () => {
    const analysis = await analyze({
      path: tempProject({
        'a.ts': 'export const a = 1;\n',
        'b.ts': 'export const b = 1;\n',
        'c.ts': 'export const c = 1;\n',
      }),
    });
    expect(analysis.partition.clusters.map((item) => [item.kind, item.modules])).toEqual([
      ['unattached', ['a.ts', 'b.ts', 'c.ts']],
    ]);
    expect(analysis.plan.steps).toHaveLength(0);
    expect(analysis.diagnostics).toEqual([
      {
        code: 'NO_INTERNAL_IMPORTS',
        message:
          'no analysed file imports another: there is nothing to decompose, and every file is listed as unattached',
      },
    ]);
  });

  it('one giant strongly connected component: every module clustered, one cycle step per cycle, no crash', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++)
      files[`m${String(i).padStart(2, '0')}.ts`] =
        `import { v${(i + 1) % 60} } from './m${String((i + 1) % 60).padStart(2, '0')}';\nexport const v${i} = 1;\nexport const use${i} = v${(i + 1) % 60};\n`;
    const analysis = await analyze({ path: tempProject(files) });
    expect(Object.keys(analysis.partition.assignment)).toHaveLength(60);
    expect(analysis.plan.steps.flatMap((step) => step.clusters).sort()).toEqual(
      analysis.partition.clusters.map((item) => item.id).sort(),
    );
  });
});

describe('never executes the analysed project', () => {
  it('reads a project whose code and scripts would leave a marker if run, and no marker appears', async () => {
    const root = tempProject({});
    const marker = path.join(root, 'EXECUTED');
    writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({ name: 'trap', scripts: { preinstall: `touch ${marker}`, postinstall: `touch ${marker}` } }),
    );
    writeFileSync(
      path.join(root, 'index.ts'),
      `import { writeFileSync } from 'fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport {};\n`,
    );
    writeFileSync(path.join(root, 'seams.config.json'), JSON.stringify({ kernel: 'none' }));
    writeFileSync(
      path.join(root, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { plugins: [{ name: './index.ts' }] }, include: ['*.ts'] }),
    );
    const analysis = await analyze({ path: root });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['index.ts']);
    expect(existsSync(marker)).toBe(false);
  });
});
