import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/extract/parse-file.js';

const jsDocImports = (file: string, code: string) =>
  parseFile(file, code, file)
    .imports.filter((item) => item.syntax === 'jsdoc-import-type')
    .map((item) => `${item.specifier}@${item.line}`);

describe('parseFile', () => {
  it('reads JSDoc import types wherever a comment holds one, after comments that hold none', () => {
    const code = [
      '/** A plain comment. */',
      'export const a = 1;',
      "/** one *//** @type {import('./joined').T} */", // a comment right after another
      'export let b;',
      '/**',
      " * @param {import('./param').P} p",
      ' */',
      'export function c(p) {}',
    ].join('\n');
    expect(jsDocImports('a.js', code)).toEqual(['./joined@3', './param@6']);
    expect(jsDocImports('a.ts', code)).toEqual(['./joined@3', './param@6']);
  });

  it('skips JSDoc that holds no import type without changing the other facts', () => {
    const facts = parseFile('a.ts', '/** The order. */\nexport class Order {}\n', 'src/a.ts');
    expect(facts.imports).toEqual([]);
    expect(facts.exports.local).toEqual(['Order']);
    expect(facts.terms).toEqual({ order: 1 });
  });

  it('gives import lines as TypeScript counts them (CRLF, lone CR, U+2028)', () => {
    const code = "import './a';\r\nimport './b';\rimport './c';\u2028import './d';\n\nconst e = require('./e');";
    const lines = parseFile('a.ts', code, 'a.ts').imports.map((item) => `${item.specifier}@${item.line}`);
    expect(lines).toEqual(['./a@1', './b@2', './c@3', './d@4', './e@6']);
  });
});
