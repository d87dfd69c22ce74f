import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempProjects, tempProject } from './helpers.js';

describe('tempProject folders are removed', () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'seams-helpers-outside-'));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('with a FIFO, locked folders and files, and links out of the folder, whose targets stay', () => {
    writeFileSync(path.join(outside, 'keep.txt'), 'keep\n');
    const root = tempProject({ 'src/a.ts': 'export const a = 1;\n', 'locked/deep/b.ts': 'export const b = 1;\n' });
    execFileSync('mkfifo', [path.join(root, 'src', 'pipe')]);
    symlinkSync(outside, path.join(root, 'src', 'out-folder'));
    symlinkSync(path.join(outside, 'keep.txt'), path.join(root, 'out-file'));
    mkdirSync(path.join(root, 'empty'));
    chmodSync(path.join(root, 'locked', 'deep', 'b.ts'), 0o000);
    chmodSync(path.join(root, 'locked', 'deep'), 0o000);
    chmodSync(path.join(root, 'locked'), 0o000);
    removeTempProjects();
    expect(existsSync(root)).toBe(false);
    expect(readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('keep\n');
  });
});
