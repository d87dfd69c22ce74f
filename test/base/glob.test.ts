import { describe, expect, it } from 'vitest';
import { compileGlob, firstMatchingGroup, globMatcher } from '../../src/base/glob.js';

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

describe('firstMatchingGroup answers as testing each group in turn', () => {
  const globs = [
    'src/a',
    'src/a/**',
    'src/a.ts',
    'src/a/b/c.ts',
    'src/*/x',
    'src/a/**/x.ts',
    'src/services/**/abandoned-*',
    'src/{a,q}/**',
    '**/b/*.ts',
    '**',
    './src/a.ts',
    'src//a',
    'src/../a',
    '@scope/x/**',
    'src/a/[bq]/*',
    '!src/a/**',
    'src/a/x\\y',
    'src/**/abandoned-*',
    '**/cart.*',
    'src/services/**/ab*',
    'src/**/a*',
    'src/**/.ab*',
    'src/a b/**/x@y*',
  ];
  const ids = [
    'src/a',
    'src/ab',
    'src/a/x',
    'src/a/b/c.ts',
    'src/a/b/x.ts',
    'src/q/x',
    'src/q/b/z.ts',
    'src/services/part-1/abandoned-cart.ts',
    'src/services/abandoned.ts',
    'lib/b/k.ts',
    '@scope/x/y.ts',
    'src/a/x\ny',
    'a',
    'src/abandoned-',
    'src/abaxabandoned-',
    'lib/abandoned-1',
    'src/services/abz/ab1',
    'src/x/abandoned-',
    'src/cart.ts',
    'cart.ts',
    'lib/cart.',
    'src/.abandoned-x',
    'src/.ab',
    'src/abandoned-/x',
    'srcx/abandoned-1',
    'src/a\nb/abandoned-2',
    'src/abandoned-x\ny',
    'src/a b/k/x@y.ts',
    'src/a b/x@',
  ];
  it('on 300 random orderings of random groups', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round++) {
      const groups = Array.from({ length: 1 + Math.floor(random() * 6) }, () => globs.filter(() => random() < 0.2));
      const first = firstMatchingGroup(groups);
      // The reference: picomatch's own expression for every glob (compileGlob), group by group.
      const matchers = groups.map(
        (group) => (id: string) => group.some((glob) => glob !== '' && compileGlob(glob).test(id)),
      );
      for (const id of ids) {
        expect(first(id), `${JSON.stringify(groups)} ${JSON.stringify(id)}`).toBe(
          matchers.findIndex((matches) => matches(id)),
        );
      }
    }
  });
});
