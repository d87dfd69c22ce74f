import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { countLines } from '../../src/extract/count-lines.js';
import { extract } from '../../src/extract/extract.js';
import { loadProject } from '../../src/load/load-project.js';
import { fixture, tempProject } from '../helpers.js';

async function extractFrom(options: Parameters<typeof resolveSettings>[0]) {
  return extract(loadProject(resolveSettings(options)));
}

describe('extract on fixtures/basic', () => {
  let extraction: Awaited<ReturnType<typeof extractFrom>>;
  beforeAll(async () => {
    extraction = await extractFrom({ path: fixture('basic') });
  });
  const targetsOf = (id: string) =>
    extraction.modules.find((module) => module.id === id)?.imports.map((item) => [item.specifier, item.target]);

  it('resolves with TypeScript under the tsconfig: aliases, folder index, .js naming .ts', async () => {
    expect(targetsOf('src/index.ts')).toEqual([
      ['node:fs', { type: 'builtin', name: 'fs' }],
      ['path', { type: 'builtin', name: 'path' }],
      ['lodash', { type: 'package', name: 'lodash', installed: false }],
      ['./app', { type: 'internal', module: 'src/app.ts' }],
      ['@lib/math', { type: 'internal', module: 'src/lib/math.ts' }],
      ['./settings', { type: 'excluded', path: 'src/settings.d.ts' }],
      ['./missing', { type: 'unresolved' }],
      ['@lib/ghost', { type: 'unresolved' }],
    ]);
    expect(targetsOf('src/app.ts')).toEqual([
      ['./app.css', { type: 'asset', path: 'src/app.css' }],
      ['./lib', { type: 'internal', module: 'src/lib/index.ts' }],
      ['./util.js', { type: 'internal', module: 'src/util.ts' }],
    ]);
  });

  it('reports unresolved relative and aliased imports with file and line', async () => {
    expect(extraction.diagnostics).toEqual([
      { code: 'UNRESOLVED_IMPORT', message: "cannot resolve './missing'", file: 'src/index.ts', line: 7 },
      { code: 'UNRESOLVED_IMPORT', message: "cannot resolve '@lib/ghost'", file: 'src/index.ts', line: 8 },
    ]);
  });

  it('counts physical lines', async () => {
    expect(extraction.modules.find((module) => module.id === 'src/util.ts')?.lines).toBe(3);
  });
});

describe('extract: assets', () => {
  it('classifies imports of non-code files as assets, and a missing one as unresolved', async () => {
    const root = tempProject({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@styles/*": ["styles/*"] } } }',
      'a.ts':
        "import './a.scss';\nimport logo from './logo.svg?url';\nimport '@styles/theme.css';\nimport './gone.css';\n",
      'a.scss': '',
      'logo.svg': '<svg/>',
      'styles/theme.css': '',
    });
    const extraction = await extractFrom({ path: root });
    expect(extraction.modules[0]?.imports.map((item) => item.target)).toEqual([
      { type: 'asset', path: 'a.scss' },
      { type: 'asset', path: 'logo.svg' },
      { type: 'asset', path: 'styles/theme.css' },
      { type: 'unresolved' },
    ]);
    expect(extraction.diagnostics).toEqual([
      { code: 'UNRESOLVED_IMPORT', message: "cannot resolve './gone.css'", file: 'a.ts', line: 4 },
    ]);
  });
});

describe('extract on broken input', () => {
  it('reports a syntax error with its line and still collects the imports before it', async () => {
    const root = tempProject({
      'a.ts': "import { b } from './b';\n\nexport const broken = ;\nexport const fine = b;\n",
      'b.ts': 'export const b = 1;\n',
    });
    const extraction = await extractFrom({ path: root });
    expect(extraction.modules[0]?.imports.map((item) => item.target)).toEqual([{ type: 'internal', module: 'b.ts' }]);
    expect(extraction.diagnostics).toEqual([expect.objectContaining({ code: 'PARSE_ERROR', file: 'a.ts', line: 3 })]);
  });

  it('reports an import() with a computed specifier', async () => {
    const root = tempProject({ 'a.ts': 'export const load = (name: string) => import(name);\n' });
    expect((await extractFrom({ path: root })).diagnostics).toEqual([
      {
        code: 'NON_LITERAL_IMPORT',
        message: 'import() with a computed specifier cannot be followed',
        file: 'a.ts',
        line: 1,
      },
    ]);
  });
});

describe('countLines', () => {
  it('counts newline-terminated and unterminated last lines alike', async () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a')).toBe(1);
    expect(countLines('a\n')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('a\r\nb\r\n')).toBe(2);
    expect(countLines('\n\n')).toBe(2);
  });
});

describe('extract: folder scan with nested tsconfigs', () => {
  it('resolves each file under its nearest tsconfig, or the root tsconfig.base.json', async () => {
    const root = tempProject({
      'tsconfig.base.json':
        '{ "compilerOptions": { "baseUrl": ".", "paths": { "@acme/core/*": ["libs/core/src/*"] } } }',
      'apps/api/tsconfig.json': '{ "extends": "../../tsconfig.base.json", "files": [], "references": [] }',
      'apps/api/src/main.ts': "import { util } from '@acme/core/util';\n",
      'tools/script.ts': "import { util } from '@acme/core/util';\n",
      'libs/core/src/util.ts': 'export const util = 1;\n',
    });
    const extraction = await extractFrom({ path: root });
    const targets = Object.fromEntries(
      extraction.modules.map((module) => [module.id, module.imports.map((item) => item.target)]),
    );
    expect(targets['apps/api/src/main.ts']).toEqual([{ type: 'internal', module: 'libs/core/src/util.ts' }]);
    expect(targets['tools/script.ts']).toEqual([{ type: 'internal', module: 'libs/core/src/util.ts' }]);
  });
});

describe('extract: undeclared packages', () => {
  it('reports a bare import that is neither installed nor declared in any package.json up the tree', async () => {
    const root = tempProject({
      'package.json': '{ "dependencies": { "lodash": "^4" } }',
      'a.ts': "import { chunk } from 'lodash';\nimport { thing } from '@acme/typo';\nimport { readFile } from 'fs';\n",
    });
    expect((await extractFrom({ path: root })).diagnostics).toEqual([
      {
        code: 'UNDECLARED_PACKAGE',
        message:
          "'@acme/typo' is imported but not installed and no package.json up the tree declares it: a phantom dependency, or a path alias no tsconfig defines",
        file: 'a.ts',
        line: 2,
      },
    ]);
  });

  it('says nothing when there is no package.json to judge by', async () => {
    const root = tempProject({ 'a.ts': "import { thing } from 'anything';\n" });
    expect((await extractFrom({ path: root })).diagnostics).toEqual([]);
  });
});
