import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFingerprint, fingerprintOf, storedFingerprint } from '../src/base/code-fingerprint.js';
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

  it('is read back from the cache folder while the code files keep their status, and made again when one changes', () => {
    const root = tempProject({ 'code/a.js': 'export const a = 1;\n', 'code/b.js': 'export const b = 2;\n' });
    const code = path.join(root, 'code');
    const cacheDir = path.join(root, 'cache');
    const old = new Date(Date.now() - 60_000);
    const settle = () => {
      for (const name of ['a.js', 'b.js']) utimesSync(path.join(code, name), old, old);
    };
    // Files changed within two seconds are not trusted: nothing is stored.
    expect(storedFingerprint(code, cacheDir)).toBe(fingerprintOf(code));
    expect(() => readdirSync(cacheDir)).toThrow();
    settle();
    const first = storedFingerprint(code, cacheDir);
    const [stored] = readdirSync(cacheDir);
    expect(stored).toMatch(/^fingerprint-[0-9a-f]{40}$/);
    // What is stored is what is used: a planted value under the same status comes back.
    writeFileSync(path.join(cacheDir, stored as string), '0123456789abcdef');
    expect(storedFingerprint(code, cacheDir)).toBe('0123456789abcdef');
    // An edit moves the status (its change time cannot be set back), so the code is hashed again.
    writeFileSync(path.join(code, 'b.js'), 'export const b = 3;\n');
    settle();
    expect(storedFingerprint(code, cacheDir)).toBe(fingerprintOf(code));
    expect(fingerprintOf(code)).not.toBe(first);
    // The new one replaced the earlier one: the folder does not grow with every build.
    const after = readdirSync(cacheDir);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(stored);
  });
});
