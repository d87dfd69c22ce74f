import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { collectExports } from '../../src/extract/collect-exports.js';

function exportsOf(code: string) {
  return collectExports(ts.createSourceFile('index.ts', code, ts.ScriptTarget.Latest));
}

describe('collectExports', () => {
  it('separates local declarations, re-exports and export *', () => {
    const result = exportsOf(
      [
        "import { helper as help } from './helpers';",
        "import Widget from './widget';",
        "import * as utils from './utils';",
        'export function run() {}',
        'export class Service {}',
        'export interface Options {}',
        'export type Id = string;',
        'export enum Color { Red }',
        'export const a = 1, b = 2;',
        'export const { c, d: renamed } = { c: 1, d: 2 };',
        'const hidden = 1;',
        'export { hidden as shown, help, utils };',
        "export { Product, Price as Cost } from './models';",
        "export * from './more';",
        "export * as ns from './space';",
        'export default Widget;',
      ].join('\n'),
    );
    expect(result).toEqual({
      local: ['Color', 'Id', 'Options', 'Service', 'a', 'b', 'c', 'renamed', 'run', 'shown'],
      reexports: [
        { name: 'help', specifier: './helpers', imported: 'helper' },
        { name: 'utils', specifier: './utils', imported: '*' },
        { name: 'Product', specifier: './models', imported: 'Product' },
        { name: 'Cost', specifier: './models', imported: 'Price' },
        { name: 'ns', specifier: './space', imported: '*' },
        { name: 'default', specifier: './widget', imported: 'default' },
      ],
      stars: ['./more'],
      abstract: ['Id', 'Options'],
    });
  });

  it('records default exports declared in place', () => {
    expect(exportsOf('export default class Thing {}').local).toEqual(['default']);
    expect(exportsOf('export default 42;').local).toEqual(['default']);
    expect(exportsOf('export = 42;').local).toEqual([]);
    expect(exportsOf('export abstract class Base {}\nexport class Concrete {}').abstract).toEqual(['Base']);
  });
});
