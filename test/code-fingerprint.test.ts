import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFingerprint, fingerprintOf } from '../src/base/code-fingerprint.js';
import { VERSION } from '../src/base/version.js';
import { tempProject } from './helpers.js';

describe('code fingerprint (cache keys)', () => {
  it('changes when a code file changes, and ignores declaration files and other files', () => {
    const root = tempProject({
      'a.js': 'export const a = 1;\n',
      'sub/b.ts': 'export const b = 2;\n',
      'a.d.ts': 'export declare const a: number;\n',
      'notes.md': 'x',
    });
    const before = fingerprintOf(root);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(path.join(root, 'a.d.ts'), 'export declare const a: string;\n');
    writeFileSync(path.join(root, 'notes.md'), 'y');
    expect(fingerprintOf(root)).toBe(before);
    writeFileSync(path.join(root, 'sub/b.ts'), 'export const b = 3;\n');
    expect(fingerprintOf(root)).not.toBe(before);
  });

  it('names the version and the code of this build', () => {
    expect(codeFingerprint()).toMatch(new RegExp(`^${VERSION.replace(/\./g, '\\.')}\\+[0-9a-f]{16}$`));
    expect(codeFingerprint()).toBe(codeFingerprint());
  });
});
