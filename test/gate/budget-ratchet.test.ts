import { rmSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../helpers.js';
import { runCli } from '../run-cli.js';

// Hole 3 of issue 14: a baselined budget holds at its recorded count.

/** orders may import billing, within a budget of 2 module pairs; `imports` modules of orders do. */
function project(imports: number) {
  const files: Record<string, string> = {
    'src/billing/charge.ts': 'export const charge = (amount: number) => amount;\n',
    'seams.boundaries.json': JSON.stringify({
      version: 1,
      services: {
        billing: { modules: ['src/billing/**'] },
        orders: { modules: ['src/orders/**'], allow: ['billing'] },
      },
      budgets: [{ from: 'orders', to: 'billing', max: 2 }],
    }),
  };
  for (let index = 1; index <= imports; index++) files[`src/orders/o${index}.ts`] = importer(index);
  return tempProject(files);
}

const importer = (index: number) =>
  `import { charge } from '../billing/charge';\n\nexport const o${index} = charge(${index});\n`;
const setImports = (root: string, from: number, to: number) => {
  for (let index = from; index <= to; index++)
    writeFileSync(path.join(root, `src/orders/o${index}.ts`), importer(index));
};
const baseline = (root: string) => JSON.parse(readFileSync(path.join(root, 'seams.baseline.json'), 'utf8'));

describe('a baselined budget holds at its recorded count', () => {
  it('records the count accepted, fails above it, passes at or below it and ratchets it down', async () => {
    const root = project(7);
    expect((await runCli(['check', '.', '--update-baseline', '--allow-growth'], root)).code).toBe(0);
    expect(baseline(root)).toEqual({
      version: 2,
      violations: [{ rule: 'budget-exceeded', from: 'orders', to: 'billing', symbol: '*', count: 7 }],
    });
    expect((await runCli(['check', '.'], root)).code).toBe(0);

    setImports(root, 8, 9);
    const grown = await runCli(['check', '.'], root);
    expect(grown.code).toBe(1);
    expect(grown.stdout).toContain(
      'orders imports billing from 9 module pairs; the budget is 2 and the baseline accepts 7',
    );
    expect(grown.stdout).toMatch(/\+1 new, .0 fixed, 0 known/);
    // Without --allow-growth the recorded count never goes up.
    expect((await runCli(['check', '.', '--update-baseline'], root)).code).toBe(1);
    expect(baseline(root).violations[0].count).toBe(7);

    for (const index of [7, 8, 9]) rmSync(path.join(root, `src/orders/o${index}.ts`));
    expect(await runCli(['check', '.'], root)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/\+0 new, .0 fixed, 1 known/),
    });
    expect((await runCli(['check', '.', '--update-baseline'], root)).code).toBe(0);
    expect(baseline(root).violations).toEqual([
      { rule: 'budget-exceeded', from: 'orders', to: 'billing', symbol: '*', count: 6 },
    ]);

    setImports(root, 7, 7);
    expect((await runCli(['check', '.'], root)).code).toBe(1);
    expect((await runCli(['check', '.', '--update-baseline', '--allow-growth'], root)).code).toBe(0);
    expect(baseline(root).violations[0].count).toBe(7);
  });

  it('reads a version 1 baseline (budgets without a count) and records the count on the next update', async () => {
    const root = project(7);
    writeFileSync(
      path.join(root, 'seams.baseline.json'),
      JSON.stringify({
        version: 1,
        violations: [{ rule: 'budget-exceeded', from: 'orders', to: 'billing', symbol: '*' }],
      }),
    );
    expect((await runCli(['check', '.'], root)).code).toBe(0);
    expect((await runCli(['check', '.', '--update-baseline'], root)).code).toBe(0);
    expect(baseline(root).violations).toEqual([
      { rule: 'budget-exceeded', from: 'orders', to: 'billing', symbol: '*', count: 7 },
    ]);
    setImports(root, 8, 8);
    expect((await runCli(['check', '.'], root)).code).toBe(1);
  });

  it('rejects a count that is not a whole number, or on another rule', async () => {
    for (const entry of [
      { rule: 'budget-exceeded', from: 'orders', to: 'billing', symbol: '*', count: -1 },
      { rule: 'budget-exceeded', from: 'orders', to: 'billing', symbol: '*', count: '7' },
      { rule: 'dependency-not-allowed', from: 'src/a.ts', to: 'src/b.ts', symbol: 'x', count: 1 },
    ]) {
      const root = project(1);
      writeFileSync(path.join(root, 'seams.baseline.json'), JSON.stringify({ version: 2, violations: [entry] }));
      expect((await runCli(['check', '.'], root)).stderr).toMatch(
        /^error \[BASELINE_INVALID\] seams\.baseline\.json: violations\[0\]/,
      );
    }
  });
});
