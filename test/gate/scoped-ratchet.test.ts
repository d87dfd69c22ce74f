import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../helpers.js';
import { runCli } from '../run-cli.js';

// Hole 2 of issue 14: a scoped run (--include, --changed-since) never touches the baseline entries
// that lie outside its scope: it neither reports them fixed nor drops them.

/** Two folders, each with two services that may not import each other, and a budget in src/b. */
function project() {
  return tempProject({
    'src/a/two/t.ts': 'export const t = 1;\nexport const u = 2;\n',
    'src/a/one/x.ts': "import { t } from '../two/t';\nimport { u } from '../two/t';\n\nexport const x = t + u;\n",
    'src/a/one/w.ts': "import { t } from '../two/t';\n\nexport const w = t;\n",
    'src/a/one/cross.ts': "import { s } from '../../b/two/s';\n\nexport const cross = s;\n",
    'src/b/two/s.ts': 'export const s = 1;\nexport const r = 2;\n',
    'src/b/one/y.ts': "import { s } from '../two/s';\nimport { r } from '../two/s';\n\nexport const y = s + r;\n",
    'src/b/one/z.ts': "import { s } from '../two/s';\n\nexport const z = s;\n",
    'seams.boundaries.json': JSON.stringify({
      version: 1,
      services: {
        a1: { modules: ['src/a/one/**'] },
        a2: { modules: ['src/a/two/**'] },
        b1: { modules: ['src/b/one/**'] },
        b2: { modules: ['src/b/two/**'] },
      },
      budgets: [{ from: 'b1', to: 'b2', max: 0 }],
    }),
  });
}

type Entry = { rule: string; from: string; to: string; symbol: string };
const entries = (root: string): Entry[] =>
  JSON.parse(readFileSync(path.join(root, 'seams.baseline.json'), 'utf8')).violations;
/** The entries that do not come from the module src/a/one/w.ts (the one the tests fix). */
const withoutW = (list: Entry[]) => list.filter((entry) => entry.from !== 'src/a/one/w.ts');

/** Baselines the project, then fixes the violation of src/a/one/w.ts. */
async function baselinedThenFixed(root: string): Promise<Entry[]> {
  expect((await runCli(['check', '.', '--update-baseline', '--allow-growth'], root)).code).toBe(0);
  const before = entries(root);
  expect(before).toHaveLength(8);
  expect(before.filter((entry) => entry.from.startsWith('src/b/') || entry.from === 'b1')).toHaveLength(4);
  writeFileSync(path.join(root, 'src/a/one/w.ts'), 'export const w = 1;\n');
  return before;
}

describe('a scoped ratchet never touches what lies outside its scope', () => {
  it('--include: entries outside the included files are kept, not fixed, and counted in the summary', async () => {
    const root = project();
    const before = await baselinedThenFixed(root);

    const strict = await runCli(['check', '.', '--include', 'src/a/**', '--strict-baseline', '--format', 'json'], root);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).fixed).toEqual([
      { rule: 'dependency-not-allowed', from: 'src/a/one/w.ts', to: 'src/a/two/t.ts', symbol: 't' },
    ]);

    const update = await runCli(['check', '.', '--include', 'src/a/**', '--update-baseline'], root);
    expect(update.code).toBe(0);
    // cross.ts imports src/b: its import is outside the scope too (the target is not analysed).
    expect(update.stdout).toMatch(/1 fixed, 2 known, 5 outside the scope/);
    expect(entries(root)).toEqual(withoutW(before));

    expect((await runCli(['check', '.', '--include', 'src/a/**', '--strict-baseline'], root)).code).toBe(0);
    const full = await runCli(['check', '.', '--strict-baseline'], root);
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/\+0 new, .0 fixed, 7 known \(/);
  });

  it('--exclude: entries of excluded files are kept, not fixed, and counted in the summary', async () => {
    const root = project();
    const before = await baselinedThenFixed(root);
    const update = await runCli(['check', '.', '--exclude', 'src/b/**', '--update-baseline'], root);
    expect(update.code).toBe(0);
    expect(update.stdout).toMatch(/1 fixed, 2 known, 5 outside the scope/);
    expect(entries(root)).toEqual(withoutW(before));
    const full = await runCli(['check', '.', '--strict-baseline'], root);
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/\+0 new, .0 fixed, 7 known \(/);
  });

  it('--changed-since: entries of unchanged modules are kept, not fixed, and counted in the summary', async () => {
    const root = project();
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=x', '-c', 'user.email=y@example.com', '-c', 'commit.gpgSign=false', ...args],
        {
          cwd: root,
          stdio: 'ignore',
          env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
        },
      );
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'start');
    const before = await baselinedThenFixed(root);

    const update = await runCli(
      ['check', '.', '--changed-since', 'HEAD', '--update-baseline', '--strict-baseline'],
      root,
    );
    expect(update.code).toBe(0);
    expect(update.stdout).toMatch(/1 fixed, 0 known, 7 outside the scope/);
    expect(entries(root)).toEqual(withoutW(before));

    expect((await runCli(['check', '.', '--changed-since', 'HEAD', '--strict-baseline'], root)).code).toBe(0);
    const full = await runCli(['check', '.', '--strict-baseline'], root);
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/\+0 new, .0 fixed, 7 known \(/);
  });
});
