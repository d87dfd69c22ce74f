import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatePaths } from '../../src/config/gate-paths.js';

describe('gatePaths', () => {
  const cwd = path.resolve('/work/here');
  const root = path.join(cwd, 'app');

  it('puts both files at the root by default, named relative to cwd, confined to the root', () => {
    expect(gatePaths(root, { cwd })).toEqual({
      boundaries: { path: path.join(root, 'seams.boundaries.json'), display: 'app/seams.boundaries.json', root },
      baseline: { path: path.join(root, 'seams.baseline.json'), display: 'app/seams.baseline.json', root },
    });
  });

  it('takes a named file as given, resolved against cwd, with no root to stay in', () => {
    expect(gatePaths(root, { cwd, boundaries: 'gate/b.json', baseline: '../base.json' })).toEqual({
      boundaries: { path: path.join(cwd, 'gate', 'b.json'), display: 'gate/b.json', root: null },
      baseline: { path: path.resolve(cwd, '../base.json'), display: '../base.json', root: null },
    });
  });

  it('names a default file by its bare name when cwd is the root', () => {
    expect(gatePaths(root, { cwd: root }).baseline.display).toBe('seams.baseline.json');
  });
});
