import { statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as safeRead from '../../src/base/read-file-safely.js';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { RACY_MS, statusOf } from '../../src/extract/cache.js';
import { extract } from '../../src/extract/extract.js';
import { loadProject } from '../../src/load/load-project.js';
import { tempProject } from '../helpers.js';

// Count the source reads extract makes (the cache file and manifests are read inside read-file-safely itself).
vi.mock('../../src/base/read-file-safely.js', async (original) => {
  const actual = await original<typeof import('../../src/base/read-file-safely.js')>();
  return { ...actual, readInspected: vi.fn(actual.readInspected) };
});
const reads = vi.mocked(safeRead.readInspected);

/** Reads of files under `root` during one extract run, by module id. */
async function run(root: string, cacheDir: string, now?: number) {
  reads.mockClear();
  const extraction = await extract(loadProject(resolveSettings({ path: root })), { cacheDir, now });
  const read = reads.mock.calls.map(([inspection]) => path.relative(root, inspection.real)).sort();
  return { extraction, read };
}

const importsOf = (extraction: Awaited<ReturnType<typeof run>>['extraction'], id: string) =>
  extraction.modules.find((module) => module.id === id)?.imports.map((item) => item.specifier);

describe('file status: an unchanged file is not read again', () => {
  it('statusOf: null while the last change is within RACY_MS of the read, else size, times, inode and device', () => {
    const root = tempProject({ 'a.ts': 'export const a = 1;\n' });
    const stats = statSync(path.join(root, 'a.ts'));
    expect(statusOf(stats, stats.mtimeMs + RACY_MS - 1)).toBeNull();
    expect(statusOf(stats, Math.max(stats.mtimeMs, stats.ctimeMs) + RACY_MS + 1)).toBe(
      `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}:${stats.dev}`,
    );
  });

  it('skips reading files whose status is stored, and still sees an edit that keeps size and modification time', async () => {
    const root = tempProject({
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': 'export const b = 1;\n',
      'c.ts': 'export const c = 1;\n',
    });
    const cacheDir = path.join(root, '.cache');
    const file = path.join(root, 'a.ts');
    const past = new Date('2020-01-01T00:00:00Z'); // whole seconds: restored exactly below
    utimesSync(file, past, past);
    const later = Date.now() + 60_000; // the change times look older than RACY_MS to these runs
    expect((await run(root, cacheDir, later)).read).toEqual(['a.ts', 'b.ts', 'c.ts']);
    const warm = await run(root, cacheDir, later);
    expect(warm.read).toEqual([]);
    expect(importsOf(warm.extraction, 'a.ts')).toEqual(['./b']);
    // Same size, modification time put back: only the change time (which no user can set) moved.
    const before = statSync(file);
    writeFileSync(file, "import { c } from './c';\nexport const a = c;\n");
    utimesSync(file, past, past);
    expect([statSync(file).size, statSync(file).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const edited = await run(root, cacheDir, Date.now() + 120_000);
    expect(edited.read).toEqual(['a.ts']);
    expect(importsOf(edited.extraction, 'a.ts')).toEqual(['./c']);
  });

  it('does not trust a status taken within RACY_MS of the change: the next run reads the file again', async () => {
    const root = tempProject({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 2;\n' });
    const cacheDir = path.join(root, '.cache');
    await run(root, cacheDir);
    // Written just now: a status taken now could miss a second change in the same clock tick.
    expect((await run(root, cacheDir)).read).toEqual(['a.ts', 'b.ts']);
  });
});
