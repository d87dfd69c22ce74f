import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { relativizeMessage } from '../../src/base/diagnostics.js';
import { looksMinified } from '../../src/extract/looks-minified.js';
import { check } from '../../src/check.js';
import { globMatcher } from '../../src/base/glob.js';
import { toModuleId } from '../../src/load/project.js';
import { renderCheck } from '../../src/report/check/render-check.js';
import { codeSpan } from '../../src/report/markdown-text.js';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { renderJson } from '../../src/report/json.js';
import { tempProject } from '../helpers.js';

const configError = (config: string) => {
  const root = tempProject({ 'a.ts': '', 'seams.config.json': config });
  try {
    resolveSettings({ path: root });
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return `${code} ${message}`;
  }
  return 'accepted';
};

describe('truth: seams.config.json values are type-checked', () => {
  it.each([
    ['{"git": {"enabled": "no"}}', 'CONFIG_INVALID seams.config.json: "git.enabled" must be true or false, got "no"'],
    [
      '{"git": {"since": 2020}}',
      'CONFIG_INVALID seams.config.json: "git.since" must be a non-empty date string such as "2 years ago", got 2020',
    ],
    [
      '{"git": {"maxFilesPerCommit": 0}}',
      'CONFIG_INVALID seams.config.json: "git.maxFilesPerCommit" must be a positive integer, got 0',
    ],
    [
      '{"git": {"maxFilesPerCommit": 2.5}}',
      'CONFIG_INVALID seams.config.json: "git.maxFilesPerCommit" must be a positive integer, got 2.5',
    ],
    [
      '{"git": {"enable": true}}',
      'CONFIG_INVALID seams.config.json: unknown field "git.enable" (git has enabled, since, maxFilesPerCommit)',
    ],
    [
      '{"weights": {"runtime": 1e308}}',
      'CONFIG_INVALID seams.config.json: "weights.runtime" must be a number from 0 to 1000, got 1e+308',
    ],
    [
      '{"weights": {"type": 1e400}}',
      'CONFIG_INVALID seams.config.json: "weights.type" must be a number from 0 to 1000, got Infinity',
    ],
    [
      '{"weights": {"change": "1"}}',
      'CONFIG_INVALID seams.config.json: "weights.change" must be a number from 0 to 1000, got "1"',
    ],
    [
      '{"weights": {"runtme": 1}}',
      'CONFIG_INVALID seams.config.json: unknown field "weights.runtme" (the weights are runtime, type, dynamic, semantic, stem, change, data, event, member)',
    ],
    ['{"seed": 1.5}', 'CONFIG_INVALID seams.config.json: "seed" must be an integer, got 1.5'],
    [
      '{"resolution": 0}',
      'CONFIG_INVALID seams.config.json: "resolution" must be "auto" or a number above 0 and at most 1000, got 0',
    ],
    [
      '{"resolution": "high"}',
      'CONFIG_INVALID seams.config.json: "resolution" must be "auto" or a number above 0 and at most 1000, got "high"',
    ],
    [
      '{"granularity": "module"}',
      'CONFIG_INVALID seams.config.json: "granularity" must be "file", "folder" or "folder:<depth>", got "module"',
    ],
    [
      '{"maxFileSize": -1}',
      'CONFIG_INVALID seams.config.json: "maxFileSize" must be a positive number of bytes or a size such as "2MB", got -1',
    ],
    [
      '{"maxFileSize": "lots"}',
      'CONFIG_INVALID seams.config.json: "maxFileSize" must be a positive number of bytes or a size such as "2MB", got "lots"',
    ],
    [
      '{"services": {"billing": "src/billing/**"}}',
      'CONFIG_INVALID seams.config.json: "services.billing" must be an array of globs, got "src/billing/**"',
    ],
    [
      '{"include": ["src/**", 3]}',
      'CONFIG_INVALID seams.config.json: "include" must be an array of globs, got ["src/**",3]',
    ],
    ['{"refine": "yes"}', 'CONFIG_INVALID seams.config.json: "refine" must be true or false, got "yes"'],
  ])('%s is a one-line CONFIG_INVALID naming the field', (config, expected) => {
    expect(configError(config)).toBe(expected);
  });

  it('valid values are accepted, and a UTF-8 byte-order mark is ignored', () => {
    const config =
      '\uFEFF{"git": {"enabled": false, "since": "2 years ago", "maxFilesPerCommit": 30}, "weights": {"runtime": 1000, "data": 0}, "seed": 7, "resolution": 1.5, "maxFileSize": "2MB", "granularity": "folder:2"}';
    expect(configError(config)).toBe('accepted');
    const root = tempProject({ 'a.ts': '', 'seams.config.json': '\uFEFF{"git": {"enabled": false}, "seed": 7}' });
    const settings = resolveSettings({ path: root });
    expect([settings.cluster.git, settings.cluster.seed]).toEqual([false, 7]);
  });
});

describe('truth: no absolute path of this machine in any output', () => {
  it('the same tree at two paths gives byte-identical JSON, TSCONFIG_WARNING messages included', async () => {
    const files = {
      'tsconfig.json': JSON.stringify({
        extends: './missing-base.json',
        compilerOptions: { strict: true, notAnOption: 1 },
        include: ['src'],
        references: [{ path: './packages/gone' }],
      }),
      'src/a.ts': "import { b } from './b';\nimport './nowhere';\nexport const a = b;\n",
      'src/b.ts': 'export const b = 1;\n',
    };
    const first = tempProject(files);
    const second = tempProject(files);
    const [one, two] = await Promise.all(
      [first, second].map(async (root) => renderJson(await analyze({ path: root, cache: false }))),
    );
    expect(one).toContain('TSCONFIG_WARNING');
    expect(one).toContain('missing-base.json');
    for (const root of [first, second]) {
      expect(one).not.toContain(root);
      expect(two).not.toContain(root);
    }
    expect(one).toBe(two);
  });

  it('quoted paths become relative to the root (also outside it), the bare root becomes "."', () => {
    expect(
      relativizeMessage(
        "File '/tmp/r/base.json' not found; in /tmp/r/src/a.ts, /tmp/r and /tmp/rx; '/tmp/other/x.json'",
        '/tmp/r',
      ),
    ).toBe("File 'base.json' not found; in src/a.ts, . and /tmp/rx; '../other/x.json'");
  });
});

describe('truth: file names with a line break, a backslash or backticks', () => {
  const boundaries = JSON.stringify({
    version: 1,
    services: { orders: { modules: ['src/orders/**'] }, reporting: { modules: ['src/reporting/**'] } },
  });
  const orders = { 'src/orders/order.ts': 'export const place = () => 1;\n', 'seams.boundaries.json': boundaries };

  it('a line break in a file name does not let the file slip past the boundary globs', async () => {
    const root = tempProject({
      ...orders,
      'src/reporting/audit\nlog.ts': "import { place } from '../orders/order';\nexport const audit = place;\n",
    });
    const { result } = await check({ path: root, cache: false });
    expect(result.unassignedModules).toEqual([]);
    expect(result.newViolations.map((item) => [item.rule, item.file, item.fromService, item.toService])).toEqual([
      ['dependency-not-allowed', 'src/reporting/audit\nlog.ts', 'reporting', 'orders'],
    ]);
  });

  it('the glob matcher treats a line break like any other character', () => {
    const matches = globMatcher(['src/billing/**', '**/*.spec.ts']);
    expect(
      ['src/billing/a\nb.ts', 'src/billing/x\n/y.ts', 'lib/a\n.spec.ts', 'src/orders/a\nb.ts'].map(matches),
    ).toEqual([true, true, true, false]);
  });

  it('an empty glob matches no module and is no crash (config exclude, kernel, shell, services, include; --exclude)', async () => {
    expect(['src/a.ts', ''].map(globMatcher(['']))).toEqual([false, false]);
    expect(['src/a.ts', 'b.ts'].map(globMatcher(['', 'src/**']))).toEqual([true, false]);
    const config = JSON.stringify({ exclude: [''], kernel: [''], shell: [''], services: { billing: [''] } });
    const root = tempProject({
      'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/b.ts': 'export const b = 1;\n',
      'seams.config.json': config,
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['src/a.ts', 'src/b.ts']);
    const plain = tempProject({ 'src/a.ts': 'export const a = 1;\n' });
    expect(
      (await analyze({ path: plain, cache: false, exclude: [''] })).graph.modules.map((module) => module.id),
    ).toEqual(['src/a.ts']);
    // --include narrows the selection to what it matches: an empty one leaves nothing, a coded error.
    await expect(analyze({ path: plain, cache: false, include: [''] })).rejects.toMatchObject({
      code: 'NO_SOURCE_FILES',
    });
  });

  it('a glob longer than picomatch compiles is a coded error, not INTERNAL', async () => {
    const root = tempProject({
      'src/a.ts': 'export const a = 1;\n',
      'seams.config.json': JSON.stringify({ exclude: ['a'.repeat(70_000)] }),
    });
    await expect(analyze({ path: root, cache: false })).rejects.toMatchObject({
      code: 'OPTION_INVALID',
      message: expect.stringMatching(
        /^the glob 'a{37}\.\.\.' \(70000 characters\) cannot be compiled: Input length: 70000, exceeds maximum allowed length: 65536$/,
      ),
    });
  });

  it('a backslash is part of the name on POSIX: the module id keeps it, it is no folder separator', async () => {
    const root = tempProject({
      'src/a\\b.ts': "import { c } from './c';\nexport const ab = c;\n",
      'src/c.ts': 'export const c = 1;\n',
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['src/a\\b.ts', 'src/c.ts']);
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['src/a\\b.ts->src/c.ts']);
    expect(toModuleId('/r', '/r/\\x.ts')).toBe('\\x.ts');
    expect(toModuleId('/r', '/r2/x.ts')).toBe('/r2/x.ts');
    expect(toModuleId('C:\\r', 'C:\\r\\src\\x.ts', '\\')).toBe('src/x.ts');
  });

  it('an import in a folder whose name holds a backslash resolves from that folder, not from a look-alike path', async () => {
    // TypeScript reads `a\b/` as `a/b/`: `../orders/o` was resolved to `a/orders/o.ts`, a wrong module.
    const root = tempProject({
      'orders/o.ts': 'export const o = 1;\n',
      'a/orders/o.ts': 'export const o = 2;\n',
      'a/b/y.ts': 'export const y = 2;\n',
      'a\\b/x.ts': "import { o } from '../orders/o';\nimport { y } from './y';\nexport const x = o + y;\n",
      'a\\b/y.ts': 'export const y = 1;\n',
    });
    const analysis = await analyze({ path: root, cache: false });
    // './y' lies in the folder TypeScript cannot look into: unresolved, never `a/b/y.ts`.
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['a\\b/x.ts->orders/o.ts']);
  });
  it('backticks, pipes and line breaks cannot break a Markdown code span', async () => {
    expect(codeSpan('src/`x`.ts:1')).toBe('``src/`x`.ts:1``');
    expect(codeSpan('`a``b`')).toBe('``` `a``b` ```');
    expect(codeSpan('a|b\nc')).toBe('`a\\|b\\nc`');
    const root = tempProject({
      ...orders,
      'src/reporting/`audit`.ts': "import { place } from '../orders/order';\nexport const audit = place;\n",
    });
    const markdown = renderCheck(await check({ path: root, cache: false }), 'markdown', '0.0.0');
    expect(markdown).toContain(
      "| ``src/reporting/`audit`.ts:1`` | dependency-not-allowed | reporting may not depend on orders: imports 'place' from src/orders/order.ts |",
    );
  });
});

describe('truth: MINIFIED_FILE is about dense code, not long data', () => {
  const handWritten = (line: string) =>
    `/** The product logo, inlined so the e-mail needs no request. */\nexport const logoAlt = 'Acme';\n\n${line}\n\nexport function logoTag(): string {\n  return \`<img alt="\${logoAlt}" src="\${logo}">\`;\n}\n`;

  it('a short hand-written file with one long data-URI line, or an inline source map, is analysed', async () => {
    const root = tempProject({
      'mail.ts':
        "import { logoTag } from './logo';\nimport { icon } from './icon';\nexport const mail = logoTag() + icon;\n",
      'logo.ts': handWritten(`export const logo = "data:image/png;base64,${'iVBORw0KGgo'.repeat(2000)}";`),
      'icon.ts': `export const icon = 'star';\n//# sourceMappingURL=data:application/json;base64,${'eyJ2ZXJzaW9uIjozfQ'.repeat(500)}\n`,
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.diagnostics.map((item) => item.code)).toEqual([]);
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual([
      'mail.ts->icon.ts',
      'mail.ts->logo.ts',
    ]);
  });

  it('a minified bundle, with a licence banner and a source map comment, is still skipped', async () => {
    const code = Array.from(
      { length: 400 },
      (_, index) => `var a${index}=function(n,t){return n.map(function(e){return e*t+${index}})}`,
    ).join(',');
    const root = tempProject({
      'main.ts': "import './vendor.min';\nexport const main = 1;\n",
      'vendor.min.ts': `/*! vendor v1.2.3 | MIT License\n * (c) Vendor contributors\n * https://example.com/vendor\n */\n${code};export const vendor=a1;\n//# sourceMappingURL=vendor.min.js.map\n`,
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.diagnostics.map((item) => `${item.code} ${item.file}`)).toEqual(['MINIFIED_FILE vendor.min.ts']);
  });

  it('looksMinified counts code characters only', () => {
    const long = 'x'.repeat(5000);
    expect(looksMinified(`const a = "${long}";\nconst b = 1;\n`)).toBe(false);
    expect(looksMinified(`const a = \`${long}\`;`)).toBe(false);
    expect(looksMinified(`/* ${long} */\nconst b = 1;`)).toBe(false);
    expect(looksMinified(`var ${long}=1;`)).toBe(true);
  });
});

describe('truth: packages, @types and baseUrl paths', () => {
  const diagnostics = (analysis: Awaited<ReturnType<typeof analyze>>) =>
    analysis.diagnostics.map((item) => `${item.code} ${item.file}:${item.line} ${item.message.split(':')[0]}`);

  it('a catch-all paths alias does not turn declared npm imports into UNRESOLVED_IMPORT', async () => {
    const root = tempProject({
      'package.json': JSON.stringify({ dependencies: { express: '^4.0.0', '@nestjs/common': '^10.0.0' } }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { baseUrl: '.', paths: { '*': ['node_modules/*', 'src/types/*'] } },
        include: ['src'],
      }),
      'src/a.ts':
        "import express from 'express';\nimport { Injectable } from '@nestjs/common/decorators';\nimport { b } from './b';\nimport { gone } from 'nowhere';\nexport const a = [express, Injectable, b, gone];\n",
      'src/b.ts': 'export const b = 1;\n',
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.externals['src/a.ts']?.packages).toEqual(['@nestjs/common', 'express']);
    expect(diagnostics(analysis)).toEqual(["UNRESOLVED_IMPORT src/a.ts:4 cannot resolve 'nowhere'"]);
  });

  it('a type-only import backed only by an @types package is not UNDECLARED_PACKAGE; a runtime import still is', async () => {
    const root = tempProject({
      'package.json': JSON.stringify({
        devDependencies: { '@types/express': '^4.0.0', '@types/babel__core': '^7.0.0' },
      }),
      'src/types.ts':
        "import type { Request } from 'express';\nimport type { PluginObj } from '@babel/core';\nexport type R = [Request, PluginObj];\n",
      'src/server.ts':
        "import express from 'express';\nimport type { R } from './types';\nexport const app: R | unknown = express();\n",
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(diagnostics(analysis)).toEqual([
      "UNDECLARED_PACKAGE src/server.ts:1 'express' is imported but not installed and no package.json up the tree declares it",
    ]);
  });

  it('a baseUrl import of a file not generated yet is UNRESOLVED_IMPORT, not the npm package src', async () => {
    const root = tempProject({
      'package.json': JSON.stringify({ dependencies: { '@prisma/client': '^5.0.0' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.' }, include: ['src'] }),
      'src/db.ts':
        "import { PrismaClient } from 'src/generated/prisma/client';\nimport { log } from 'src/log';\nexport const db = [PrismaClient, log];\n",
      'src/log.ts': 'export const log = 1;\n',
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.externals['src/db.ts']?.packages ?? []).toEqual([]);
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['src/db.ts->src/log.ts']);
    expect(diagnostics(analysis)).toEqual([
      "UNRESOLVED_IMPORT src/db.ts:1 cannot resolve 'src/generated/prisma/client'",
    ]);
  });
});
