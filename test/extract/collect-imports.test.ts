import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { collectImports } from '../../src/extract/collect-imports.js';

function collect(code: string, fileName = 'a.ts') {
  const kind = fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return collectImports(ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, kind));
}

describe('collectImports', () => {
  it('collects every import form with kind, symbols, type-only flag and line', () => {
    const { imports, opaque } = collect(
      [
        "import def, { a, b as c } from './static';", // 1
        "import * as ns from './namespace';", // 2
        "import type { T } from './types';", // 3
        "import { type U, v } from './mixed';", // 4
        "import { type W, type X } from './inline-types';", // 5
        "import './side-effect';", // 6
        "export * from './star';", // 7
        "export { e, type f as g } from './named-reexport';", // 8
        "export * as space from './namespace-reexport';", // 9
        "export type { Z } from './type-reexport';", // 10
        "import legacy = require('./legacy');", // 11
        'async function load() {', // 12
        "  const lazy = await import('./lazy');", // 13
        "  const plain = require('./required');", // 14
        '  const tpl = await import(`./template`);', // 15
        '  const dyn = await import(someVariable);', // 16
        '}',
        'export const local = 1;',
      ].join('\n'),
    );
    expect(imports).toEqual([
      {
        specifier: './static',
        kind: 'static',
        typeOnly: false,
        symbols: ['a', 'b', 'default'],
        line: 1,
        syntax: 'import',
      },
      { specifier: './namespace', kind: 'static', typeOnly: false, symbols: ['*'], line: 2, syntax: 'import' },
      { specifier: './types', kind: 'type', typeOnly: true, symbols: ['T'], line: 3, syntax: 'import' },
      {
        specifier: './mixed',
        kind: 'static',
        typeOnly: false,
        symbols: ['U', 'v'],
        typeSymbols: ['U'],
        line: 4,
        syntax: 'import',
      },
      { specifier: './inline-types', kind: 'type', typeOnly: true, symbols: ['W', 'X'], line: 5, syntax: 'import' },
      { specifier: './side-effect', kind: 'side-effect', typeOnly: false, symbols: [], line: 6, syntax: 'import' },
      { specifier: './star', kind: 'reexport', typeOnly: false, symbols: ['*'], line: 7, syntax: 'export-from' },
      {
        specifier: './named-reexport',
        kind: 'reexport',
        typeOnly: false,
        symbols: ['e', 'f'],
        typeSymbols: ['f'],
        line: 8,
        syntax: 'export-from',
      },
      {
        specifier: './namespace-reexport',
        kind: 'reexport',
        typeOnly: false,
        symbols: ['*'],
        line: 9,
        syntax: 'export-from',
      },
      {
        specifier: './type-reexport',
        kind: 'reexport',
        typeOnly: true,
        symbols: ['Z'],
        line: 10,
        syntax: 'export-from',
      },
      { specifier: './legacy', kind: 'require', typeOnly: false, symbols: ['*'], line: 11, syntax: 'import-equals' },
      { specifier: './lazy', kind: 'dynamic', typeOnly: false, symbols: ['*'], line: 13, syntax: 'import-call' },
      { specifier: './required', kind: 'require', typeOnly: false, symbols: ['*'], line: 14, syntax: 'require-call' },
      { specifier: './template', kind: 'dynamic', typeOnly: false, symbols: ['*'], line: 15, syntax: 'import-call' },
    ]);
    expect(opaque).toEqual([{ form: 'import()', line: 16 }]);
  });

  it('ignores exports without a module specifier and calls that only look like imports', () => {
    const { imports } = collect(
      ['export { local };', 'const local = 1;', "obj.require('./not-an-import');", "myImport('./nope');"].join('\n'),
    );
    expect(imports).toEqual([]);
  });

  it('keeps a default-plus-type import as a value import', () => {
    const { imports } = collect("import React, { type FC } from 'react';");
    expect(imports).toEqual([
      {
        specifier: 'react',
        kind: 'static',
        typeOnly: false,
        symbols: ['FC', 'default'],
        typeSymbols: ['FC'],
        line: 1,
        syntax: 'import',
      },
    ]);
  });
});

describe('collectImports: type positions, JSDoc and reference paths', () => {
  it('collects import types, typeof import and /// <reference path>', () => {
    const { imports } = collect(
      [
        '/// <reference path="./globals.ts" />',
        "let config: import('./config').Config;",
        "type Api = typeof import('./api');",
        "let deep: import('./ns').Outer.Inner;",
      ].join('\n'),
    );
    expect(imports).toEqual([
      { specifier: './globals.ts', kind: 'static', typeOnly: false, symbols: [], line: 1, syntax: 'reference-path' },
      { specifier: './config', kind: 'type', typeOnly: true, symbols: ['Config'], line: 2, syntax: 'import-type' },
      { specifier: './api', kind: 'type', typeOnly: true, symbols: ['*'], line: 3, syntax: 'import-type' },
      { specifier: './ns', kind: 'type', typeOnly: true, symbols: ['Outer'], line: 4, syntax: 'import-type' },
    ]);
  });

  it('collects JSDoc import types in JavaScript files', () => {
    const { imports } = collect(
      ["/** @type {import('./types').Settings} */", 'const settings = {};', "const helper = require('./helper');"].join(
        '\n',
      ),
      'a.js',
    );
    expect(imports).toEqual([
      {
        specifier: './types',
        kind: 'type',
        typeOnly: true,
        symbols: ['Settings'],
        line: 1,
        syntax: 'jsdoc-import-type',
      },
      { specifier: './helper', kind: 'require', typeOnly: false, symbols: ['*'], line: 3, syntax: 'require-call' },
    ]);
  });
});
