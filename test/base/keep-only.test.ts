import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepOnly } from '../../src/base/keep-only.js';
import { tempProject } from '../helpers.js';

describe('keepOnly', () => {
  it('removes the other files of the prefix, keeps the named one, other prefixes and writes in progress', () => {
    const folder = tempProject({
      'typescript-1-2-v20.v8': '',
      'typescript-3-4-v20.v8': '',
      'typescript-3-4-v20.v8.123.tmp': '',
      'fingerprint-abc': '',
    });
    keepOnly(folder, 'typescript-', path.join(folder, 'typescript-3-4-v20.v8'));
    expect(readdirSync(folder).sort()).toEqual([
      'fingerprint-abc',
      'typescript-3-4-v20.v8',
      'typescript-3-4-v20.v8.123.tmp',
    ]);
    writeFileSync(path.join(folder, 'fingerprint-def'), '');
    keepOnly(folder, 'fingerprint-', 'fingerprint-def');
    expect(readdirSync(folder).sort()).toEqual([
      'fingerprint-def',
      'typescript-3-4-v20.v8',
      'typescript-3-4-v20.v8.123.tmp',
    ]);
  });

  it('does nothing for a folder that is not there', () => {
    expect(() => keepOnly(path.join(tempProject({}), 'missing'), 'x', 'x')).not.toThrow();
  });
});
