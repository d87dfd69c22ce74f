import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { changesSince } from '../../src/extract/changed-files.js';
import { tempProject } from '../helpers.js';

const charge =
  "import { log } from '../shared/log';\n\nexport function charge(amount: number): number {\n  log('charge');\n  return amount;\n}\n";
/** orders/order.ts imports billing/charge.ts past the entry point: one baselined violation. */
function repository(modules: Record<string, string[]>) {
  const root = tempProject({
    'src/shared/log.ts': 'export function log(message: string): void {\n  console.log(message);\n}\n',
    'src/billing/index.ts': "export { charge } from './charge';\n",
    'src/billing/charge.ts': charge,
    'src/orders/order.ts':
      "import { charge } from '../billing/charge';\nimport { log } from '../shared/log';\n\nexport function place(): number {\n  log('place');\n  return charge(1);\n}\n",
    'src/orders/cancel.ts': "import { log } from '../shared/log';\n\nexport const cancel = () => log('cancel');\n",
    'seams.boundaries.json': JSON.stringify({
      version: 1,
      services: {
        billing: { modules: modules.billing, entryPoints: ['src/billing/index.ts'], allow: ['shared'] },
        orders: { modules: modules.orders, allow: ['billing', 'shared'] },
        shared: { modules: ['src/shared/**'] },
      },
    }),
    'seams.baseline.json': JSON.stringify({
      version: 1,
      violations: [
        { rule: 'entry-point-bypassed', from: 'src/orders/order.ts', to: 'src/billing/charge.ts', symbol: 'charge' },
        { rule: 'entry-point-bypassed', from: 'src/orders/cancel.ts', to: 'src/billing/charge.ts', symbol: 'charge' },
      ],
    }),
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'start');
  return root;
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=x', '-c', 'user.email=y', ...args], { cwd: root, encoding: 'utf8' });
}

const folders = { billing: ['src/billing/**'], orders: ['src/orders/**'] };
const files = {
  billing: ['src/billing/charge.ts', 'src/billing/index.ts'],
  orders: ['src/orders/cancel.ts', 'src/orders/order.ts'],
};

/** Renames order.ts to placement.ts (its text edited a little) and charge.ts to payment.ts, fixing the imports. */
function rename(root: string, how: 'commit' | 'stage' | 'move') {
  const move = (from: string, to: string) => {
    if (how === 'move') renameSync(path.join(root, from), path.join(root, to));
    else git(root, 'mv', from, to);
  };
  move('src/orders/order.ts', 'src/orders/placement.ts');
  move('src/billing/charge.ts', 'src/billing/payment.ts');
  const placement = path.join(root, 'src/orders/placement.ts');
  writeFileSync(
    placement,
    `${readFileSync(placement, 'utf8').replace('../billing/charge', '../billing/payment')}// moved\n`,
  );
  writeFileSync(path.join(root, 'src/billing/index.ts'), "export { charge } from './payment';\n");
  if (how === 'commit') {
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'rename');
  }
}

describe('--changed-since and renames', () => {
  for (const how of ['commit', 'stage', 'move'] as const) {
    it(`finds renames (${how}) with git's 50% rule and lists the deleted paths as changed`, () => {
      const root = repository(folders);
      rename(root, how);
      const changes = changesSince(root, how === 'commit' ? 'HEAD~1' : 'HEAD');
      expect(Object.fromEntries(changes.renamedFrom)).toEqual({
        'src/orders/placement.ts': 'src/orders/order.ts',
        'src/billing/payment.ts': 'src/billing/charge.ts',
      });
      expect(changes.files.has('src/orders/order.ts')).toBe(true);
    });
  }

  it('a renamed file keeps its baseline entries (rewritten under the new ids), a deleted file drops its own', async () => {
    const root = repository(folders);
    rename(root, 'commit');
    rmSync(path.join(root, 'src/orders/cancel.ts'));
    const outcome = await check({ path: root, changedSince: 'HEAD~1', updateBaseline: true });
    expect(outcome.result.newViolations).toEqual([]);
    expect(outcome.result.knownViolations.map((item) => item.identity)).toEqual([
      'entry-point-bypassed|src/orders/placement.ts|src/billing/payment.ts|charge',
    ]);
    expect(outcome.result.fixed.map((entry) => entry.from)).toEqual(['src/orders/cancel.ts']);
    expect(outcome.result.passed).toBe(true);
    const written = JSON.parse(outcome.baselineUpdate?.text ?? '{}') as { violations: { from: string; to: string }[] };
    expect(written.violations).toEqual([
      {
        rule: 'entry-point-bypassed',
        from: 'src/orders/placement.ts',
        to: 'src/billing/payment.ts',
        symbol: 'charge',
      },
    ]);
  });

  it('when the boundaries list files, a renamed file keeps its service and fails until its entry is renamed', async () => {
    const root = repository(files);
    rename(root, 'commit');
    const outcome = await check({ path: root, changedSince: 'HEAD~1' });
    expect(outcome.result.knownViolations.map((item) => item.identity)).toEqual([
      'entry-point-bypassed|src/orders/placement.ts|src/billing/payment.ts|charge',
    ]);
    expect(outcome.result.newViolations.map((item) => `${item.rule} ${item.file} ${item.fromService}`)).toEqual([
      'unclaimed-module src/billing/payment.ts billing',
      'unclaimed-module src/orders/placement.ts orders',
    ]);
    expect(outcome.result.newViolations[1]?.message).toContain(
      'replace "src/orders/order.ts" with "src/orders/placement.ts"',
    );
    // Without a ref there is no rename: the new paths are simply unclaimed.
    const full = await check({ path: root });
    expect(full.result.newViolations.filter((item) => item.rule === 'unclaimed-module')).toHaveLength(2);
    expect(full.result.passed).toBe(false);
  });
});
