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
      maxFileSize: 2 * 1024 * 1024,
      cacheDir: path.join(fixture('basic'), 'node_modules', '.cache', 'seams'),
      cluster: {
        seed: 42,
        resolution: 2,
        runs: 5,
        memberWeight: 5,
        runtimeWeight: 1,
        typeWeight: 0.5,
        dynamicWeight: 0.5,
        kernel: 'auto',
        shell: 'auto',
        semanticWeight: 0.3,
        semantic: { neighbours: 5, minSimilarity: 0.2, maxDocumentShare: 0.1 },
        stemWeight: 4,
        refine: true,
        changeWeight: 0.5,
        dataWeight: 0,
        eventWeight: 0.5,
        git: false,
        since: null,
        maxFilesPerCommit: 30,
        granularity: { unit: 'file' },
        services: {},
        edits: { merges: [], moves: [] },
      },
      expected: null,
      expectedSource: null,
    });
  });

  it('reads refine and the stem weight from the config, and lets options override them', () => {
    const root = tempProject({
      'a.ts': '',
      'seams.config.json': JSON.stringify({ refine: false, weights: { stem: 2 } }),
    });
    expect(resolveSettings({ path: root }).cluster).toMatchObject({ refine: false, stemWeight: 2 });
    expect(resolveSettings({ path: root, refine: true, stemWeight: 0 }).cluster).toMatchObject({
      refine: true,
      stemWeight: 0,
    });
  });

  it('rejects a refine that is not a boolean', () => {
    const root = tempProject({ 'a.ts': '', 'seams.config.json': JSON.stringify({ refine: 'yes' }) });
    expect(() => resolveSettings({ path: root })).toThrow(/"refine" must be true or false/);
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
    expect(settings.expected).toEqual(
      path.sep === '\\' ? { 'src/a.ts': 'orders', 'b.ts': 'billing' } : { 'src\\a.ts': 'orders', 'b.ts': 'billing' },
    );
  });

  it('reads seams.config.json and lets options override it', () => {
    const root = tempProject({
      'a.ts': '',
      'seams.config.json': JSON.stringify({
        services: { billing: ['src/billing/**'] },
        kernel: ['src/shared/**'],
        resolution: 'auto',
        granularity: 'folder:2',
        weights: { semantic: 0 },
        exclude: ['gen/**'],
      }),
    });
    const settings = resolveSettings({ path: root, granularity: 'file' });
    expect(settings.cluster).toMatchObject({
      services: { billing: ['src/billing/**'] },
      kernel: ['src/shared/**'],
      resolution: 'auto',
      granularity: { unit: 'file' },
      semanticWeight: 0,
    });
    expect(settings.exclude).toEqual(['gen/**']);
  });

  it('rejects a config file with unknown or mistyped fields', () => {
    const root = tempProject({ 'a.ts': '', 'seams.config.json': '{ "servises": {} }', 'bad.json': '{ "kernel": 3 }' });
    expect(() => resolveSettings({ path: root })).toThrowError(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: 'seams.config.json: unknown field "servises"' }),
    );
    expect(() => resolveSettings({ path: root, config: `${root}/bad.json` })).toThrowError(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => resolveSettings({ path: tempProject({ 'a.ts': '' }), granularity: 'module' })).toThrowError(
      expect.objectContaining({ code: 'OPTION_INVALID' }),
    );
  });

  it('rejects bad values with coded errors', () => {
    const root = tempProject({ 'a.ts': '' });
    expect(() => resolveSettings({ path: root, seed: 1.5 })).toThrowError(
      expect.objectContaining({ code: 'OPTION_INVALID' }),
    );
    expect(() => resolveSettings({ path: root, resolution: 0 })).toThrowError(
      expect.objectContaining({ code: 'OPTION_INVALID' }),
    );
    expect(() => resolveSettings({ path: root, kernel: 'sometimes' as 'auto' })).toThrowError(
      expect.objectContaining({ code: 'OPTION_INVALID' }),
    );
    expect(() => resolveSettings({ path: root, tsconfig: 'nope.json', cwd: root })).toThrowError(
      expect.objectContaining({ code: 'TSCONFIG_NOT_FOUND' }),
    );
    expect(() => resolveSettings({ path: root, expected: { 'a.ts': '' } })).toThrowError(
      expect.objectContaining({ code: 'EXPECTED_INVALID' }),
    );
    expect(() => resolveSettings({ path: root, expected: '[1]' })).toThrowError(
      expect.objectContaining({ code: 'EXPECTED_INVALID' }),
    );
  });
});
