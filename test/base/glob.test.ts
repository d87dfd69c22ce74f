import { describe, expect, it } from 'vitest';
import { compileGlob, globMatcher } from '../../src/base/glob.js';

/** Plain paths and `<path>/**` are matched by a Set and by prefix: each answer must be picomatch's own. */
describe('globMatcher fast paths answer as picomatch does', () => {
  const globs = [
    'src/a',
    'src/a/**',
    'src/a.ts',
    'src/a b/c.ts',
    '@scope/x/**',
    'src/a-b_c.d',
    'src/.',
    '.',
    'src/a/',
    './src/a.ts',
    'src//a',
    'src/../a',
    'src/a/./b',
    '/src/a',
    'src/*/x',
    'src/a/**/x.ts',
    '**',
    'src/.hidden/**',
  ];
  const ids = [
    'src/a',
    'src/a/',
    'src/ab',
    'src/a/x',
    'src/a/x\ny',
    'src/a/.hidden',
    'src/a.ts',
    'src/a.tsx',
    'src/a b/c.ts',
    ' src/a',
    'src/a/b/c.ts',
    '@scope/x/y.ts',
    '@scope/xy.ts',
    'src/a-b_c.d',
    'src/.hidden/z.ts',
    'src/q/x',
    'src/a/b',
    'a',
    '.',
  ];
  for (const glob of globs) {
    it(`'${glob}'`, () => {
      const pattern = compileGlob(glob);
      const fast = globMatcher(glob);
      const together = globMatcher([glob, 'zzz/**']);
      for (const id of ids) {
        expect(fast(id), JSON.stringify(id)).toBe(pattern.test(id));
        expect(together(id), JSON.stringify(id)).toBe(pattern.test(id));
      }
    });
  }

  it('an empty glob matches nothing', () => {
    expect(globMatcher(['']).call(null, 'src/a.ts')).toBe(false);
  });
});
