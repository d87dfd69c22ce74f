import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { ExtractionCache } from '../../src/extract/cache.js';
import { tempProject } from '../helpers.js';

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'ignore' });
}

/** A repository whose orders service may not import billing; the clean version imports nothing across. */
function repository(): string {
  const root = tempProject({
    'tsconfig.json': JSON.stringify({ include: ['src'] }),
    'src/orders/order.ts': 'export const order = 1;\n',
    'src/billing/price.ts': 'export const price = 1;\n',
    'seams.boundaries.json': JSON.stringify({
      version: 1,
      services: { orders: { modules: ['src/orders/**'] }, billing: { modules: ['src/billing/**'] } },
    }),
  });
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'clean');
  return root;
}

const VIOLATING = "import { price } from '../billing/price';\nexport const order = price;\n";

/**
 * A planted re-check snapshot: the clean version's snapshot (no edge from order.ts), with the
 * content key rewritten to that of the violating order.ts, so that a re-check takes the file as
 * unchanged and its edges from the snapshot.
 */
async function plantSnapshot(root: string, cacheDir: string): Promise<void> {
  // Twice: the first run creates the cache folder, which the second run's tree stamp then holds.
  await check({ path: root, cacheDir });
  await check({ path: root, cacheDir });
  const id = 'src/orders/order.ts';
  const snapshotFile = path.join(cacheDir, 'check.json');
  const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { modules: { id: string; key: string }[] };
  const module = snapshot.modules.find((item) => item.id === id);
  if (module === undefined) throw new Error('no module in the snapshot');
  module.key = ExtractionCache.key(id, Buffer.from(VIOLATING));
  writeFileSync(snapshotFile, JSON.stringify(snapshot));
  writeFileSync(path.join(root, id), VIOLATING);
}

describe('a cache folder that git tracks files in', () => {
  it('is not used: the verdict is the cold one, with CACHE_UNTRUSTED (the same files untracked fool the check)', async () => {
    const root = repository();
    const cacheDir = path.join(root, 'node_modules', '.cache', 'seams');
    await plantSnapshot(root, cacheDir);
    const cold = await check({ path: root, cache: false });
    expect(cold.result.newViolations.length).toBeGreaterThan(0);
    // Untracked, the planted files are trusted, and they hide the new import: the attack is real.
    const fooled = await check({ path: root, cacheDir });
    expect(fooled.result.newViolations).toEqual([]);
    git(root, 'add', '-f', 'node_modules/.cache/seams', 'src/orders/order.ts');
    git(root, 'commit', '-q', '-m', 'a pull request planting a cache');

    const stages: string[] = [];
    const guarded = await check({ path: root, cacheDir, onStage: (stage) => stages.push(stage) });
    expect(guarded.result.newViolations).toEqual(cold.result.newViolations);
    expect(guarded.diagnostics.map((item) => item.code)).toContain('CACHE_UNTRUSTED');
    expect({ ...guarded, diagnostics: [] }).toEqual({ ...cold, diagnostics: [] });
    expect(stages).not.toContain('recheck');
    expect(guarded.diagnostics.find((item) => item.code === 'CACHE_UNTRUSTED')?.message).toContain(
      'git tracks node_modules/.cache/seams/',
    );
  });

  it('is not used when a tracked link on the way leads to it', async () => {
    const root = repository();
    mkdirSync(path.join(root, 'elsewhere'));
    symlinkSync('elsewhere', path.join(root, 'cache-link'));
    git(root, 'add', 'cache-link');
    git(root, 'commit', '-q', '-m', 'a link');
    const outcome = await check({ path: root, cacheDir: path.join(root, 'cache-link', 'seams') });
    expect(outcome.diagnostics.find((item) => item.code === 'CACHE_UNTRUSTED')?.message).toContain(
      'git tracks cache-link',
    );
  });

  it('an untracked cache folder in the checkout is used as before', async () => {
    const root = repository();
    const cacheDir = path.join(root, 'node_modules', '.cache', 'seams');
    await check({ path: root, cacheDir });
    writeFileSync(path.join(root, 'src/orders/order.ts'), VIOLATING);
    const stages: string[] = [];
    const warm = await check({ path: root, cacheDir, onStage: (stage) => stages.push(stage) });
    expect(stages).toContain('recheck');
    expect(warm.diagnostics.map((item) => item.code)).not.toContain('CACHE_UNTRUSTED');
    expect(warm).toEqual(await check({ path: root, cache: false }));
  });

  it('is not used when every user may write in it, and used again once only its owner may', async () => {
    const root = repository();
    const cacheDir = path.join(root, 'node_modules', '.cache', 'seams');
    await check({ path: root, cacheDir });
    chmodSync(cacheDir, 0o777);
    const open = await check({ path: root, cacheDir });
    expect(open.diagnostics.find((item) => item.code === 'CACHE_UNTRUSTED')?.message).toContain(
      'can be written by every user (mode 777)',
    );
    chmodSync(cacheDir, 0o755);
    chmodSync(path.dirname(cacheDir), 0o777);
    const parent = await check({ path: root, cacheDir });
    expect(parent.diagnostics.find((item) => item.code === 'CACHE_UNTRUSTED')?.message).toContain(
      'the folder holding it can be written by every user',
    );
    chmodSync(path.dirname(cacheDir), 0o1777);
    const stages: string[] = [];
    const sticky = await check({ path: root, cacheDir, onStage: (stage) => stages.push(stage) });
    expect(sticky.diagnostics.map((item) => item.code)).not.toContain('CACHE_UNTRUSTED');
    expect(stages).toContain('recheck');
  });
});
