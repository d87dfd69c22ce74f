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
      types: ['Id', 'Options'],
    });
  });

  it('lists the names that exist only as types: interfaces, type aliases, ambient and export type declarations', () => {
    const result = exportsOf(
      [
        "import type { Imported } from './a';",
        "import { Mixed, type Inline } from './b';",
        'export interface Shape {}',
        'export type Currency = string;',
        'export declare class Ambient {}',
        'export declare const ambientValue: number;',
        'type Local = { a: 1 };',
        'interface Hidden {}',
        'export { Local, Hidden as Shown };',
        'export const Both = 1;',
        'export type Both = number;',
        'interface Merged {}',
        'class Merged {}',
        'export { Merged };',
        'class Value {}',
        'export type { Value as ValueType };',
        'export { Imported, Mixed, Inline };',
        "export type { Remote } from './c';",
        "export { type Partly, Fully } from './d';",
      ].join('\n'),
    );
    expect(result.types).toEqual(['Ambient', 'Currency', 'Local', 'Shape', 'Shown', 'ValueType', 'ambientValue']);
    expect(result.local).toContain('Both');
    expect(result.reexports).toEqual([
      { name: 'Imported', specifier: './a', imported: 'Imported', typeOnly: true },
      { name: 'Mixed', specifier: './b', imported: 'Mixed' },
      { name: 'Inline', specifier: './b', imported: 'Inline', typeOnly: true },
      { name: 'Remote', specifier: './c', imported: 'Remote', typeOnly: true },
      { name: 'Partly', specifier: './d', imported: 'Partly', typeOnly: true },
      { name: 'Fully', specifier: './d', imported: 'Fully' },
    ]);
    expect(exportsOf('export default interface Props {}').types).toEqual(['default']);
    expect(exportsOf('type P = {}; export default P;').types).toEqual(['default']);
    expect(exportsOf('export default class C {}').types).toBeUndefined();
  });

  it('records default exports declared in place', () => {
    expect(exportsOf('export default class Thing {}').local).toEqual(['default']);
    expect(exportsOf('export default 42;').local).toEqual(['default']);
    expect(exportsOf('export = 42;').local).toEqual([]);
    expect(exportsOf('export abstract class Base {}\nexport class Concrete {}').abstract).toEqual(['Base']);
  });
});
