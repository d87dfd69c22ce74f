import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { fixture, tempProject } from '../helpers.js';

describe('resolveSettings', () => {
  it('fills every default in one place', () => {
    const settings = resolveSettings({ path: fixture('basic') });
    expect(settings).toEqual({
      root: fixture('basic'),
      tsconfig: path.join(fixture('basic'), 'tsconfig.json'),
      include: [],
      exclude: [],
      includeTests: false,
      cluster: { seed: 42, resolution: 1, runtimeWeight: 1, typeWeight: 0.5, dynamicWeight: 0.5, kernel: 'auto' },
      expected: null,
      expectedSource: null,
    });
  });

  it('resolves paths against cwd and finds no tsconfig in a folder without one', () => {
    const root = tempProject({ 'src/a.ts': '' });
    const settings = resolveSettings({ path: 'src', cwd: root });
    expect(settings.root).toBe(path.join(root, 'src'));
    expect(settings.tsconfig).toBeNull();
  });

  it('reads an expected partition file and normalises its keys', () => {
    const root = tempProject({ 'a.ts': '', 'truth.json': '{"src\\\\a.ts": "orders", "b.ts": "billing"}' });
    const settings = resolveSettings({ path: root, expected: path.join(root, 'truth.json') });
    expect(settings.expected).toEqual(path.sep === '\\' ? { 'src/a.ts': 'orders', 'b.ts': 'billing' } : { 'src\\a.ts': 'orders', 'b.ts': 'billing' });
  });

  it('rejects bad values with coded errors', () => {
    const root = tempProject({ 'a.ts': '' });
    expect(() => resolveSettings({ path: root, seed: 1.5 })).toThrowError(expect.objectContaining({ code: 'OPTION_INVALID' }));
    expect(() => resolveSettings({ path: root, resolution: 0 })).toThrowError(expect.objectContaining({ code: 'OPTION_INVALID' }));
    expect(() => resolveSettings({ path: root, kernel: 'sometimes' as 'auto' })).toThrowError(expect.objectContaining({ code: 'OPTION_INVALID' }));
    expect(() => resolveSettings({ path: root, tsconfig: 'nope.json', cwd: root })).toThrowError(expect.objectContaining({ code: 'TSCONFIG_NOT_FOUND' }));
    expect(() => resolveSettings({ path: root, expected: { 'a.ts': '' } })).toThrowError(expect.objectContaining({ code: 'EXPECTED_INVALID' }));
    expect(() => resolveSettings({ path: root, expected: '[1]' })).toThrowError(expect.objectContaining({ code: 'EXPECTED_INVALID' }));
  });
});
