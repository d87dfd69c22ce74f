import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../src/base/glob.js';
import { main } from '../../src/cli/main.js';
import { globToSafeRegex } from '../../src/gate/glob-to-regex.js';
import { REPO, tempProject } from '../helpers.js';

// The exports are proven by the peers themselves: dependency-cruiser and ESLint (with
// eslint-plugin-boundaries 7) run as their own command-line tools on a project with the exported
// files, clean while only baselined violations exist, failing on a new forbidden import.

const require = createRequire(import.meta.url);
const safeRegex = require('safe-regex') as (re: string, options: { limit: number }) => boolean;
const DEPCRUISE = path.join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const ESLINT = path.join(REPO, 'node_modules', 'eslint', 'bin', 'eslint.js');

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A layer-first shop: services listed file by file (as `seams init` writes them for layer folders), one accepted violation. */
function shop(boundaries: Record<string, unknown> = {}) {
  const root = tempProject({
    'tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler' },
      include: ['src'],
    }),
    'src/shared/log.ts': 'export function log(message: string): void {\n  console.log(message);\n}\n',
    'src/services/billing/index.ts': "export { charge } from './charge';\nexport type { Invoice } from './invoice';\n",
    'src/services/billing/charge.ts':
      "import { log } from '../../shared/log';\nexport function charge(amount: number): number {\n  log('charge');\n  return amount;\n}\n",
    'src/services/billing/invoice.ts': 'export interface Invoice {\n  id: string;\n}\n',
    'src/services/order-service.ts':
      "import { charge } from './billing';\nimport type { Invoice } from './billing';\nimport { log } from '../shared/log';\nexport function place(): Invoice {\n  log('place');\n  charge(1);\n  return { id: 'x' };\n}\n",
    'src/controllers/order-controller.ts':
      "import { place } from '../services/order-service';\nexport const post = () => place();\n",
    'src/reports/summary.ts':
      "import { log } from '../shared/log';\nimport { place } from '../services/order-service';\nexport const summary = () => {\n  log('summary');\n  place();\n};\n",
    'seams.boundaries.json': JSON.stringify({
      version: 1,
      services: {
        billing: {
          modules: ['src/services/billing/**'],
          entryPoints: ['src/services/billing/index.ts'],
          allow: ['shared'],
        },
        orders: {
          modules: ['src/services/order-service.ts', 'src/controllers/order-*.ts'],
          allow: ['billing', 'shared'],
        },
        reporting: { modules: ['src/reports/**'], allow: ['shared'] },
        shared: { modules: ['src/shared/**'] },
      },
      ...boundaries,
    }),
  });
  return root;
}

async function baseline(root: string) {
  expect((await cli(['check', '.', '--update-baseline', '--allow-growth'], root)).code).toBe(0);
}

describe('seams export dependency-cruiser, run by dependency-cruiser 17', { timeout: 120_000 }, () => {
  it('is accepted, clean on the baselined tree, and flags a new forbidden import and an entry-point bypass', async () => {
    const root = shop();
    await baseline(root);
    expect((await cli(['export', 'dependency-cruiser', '.', '-o', '.dependency-cruiser.json'], root)).code).toBe(0);
    expect((await cli(['export', 'dependency-cruiser-known-violations', '.', '-o', 'known.json'], root)).code).toBe(0);
    const strict = run(DEPCRUISE, ['src', '--config', '.dependency-cruiser.json', '--output-type', 'err'], root);
    expect(strict.code).toBe(1);
    expect(strict.output).toContain(
      'error seams-reporting-allowed-dependencies: src/reports/summary.ts → src/services/order-service.ts',
    );
    const clean = run(
      DEPCRUISE,
      ['src', '--config', '.dependency-cruiser.json', '--ignore-known', 'known.json', '--output-type', 'err'],
      root,
    );
    expect(clean.output).toContain('no dependency violations found');
    expect(clean.code).toBe(0);
    writeFileSync(
      path.join(root, 'src/reports/refunds.ts'),
      "import { charge } from '../services/billing/charge';\nexport const refund = () => charge(-1);\n",
    );
    const flagged = run(
      DEPCRUISE,
      ['src', '--config', '.dependency-cruiser.json', '--ignore-known', 'known.json', '--output-type', 'err'],
      root,
    );
    expect(flagged.code).toBe(2);
    expect(flagged.output).toContain(
      'error seams-reporting-allowed-dependencies: src/reports/refunds.ts → src/services/billing/charge.ts',
    );
    expect(flagged.output).toContain(
      'error seams-billing-entry-points: src/reports/refunds.ts → src/services/billing/charge.ts',
    );
    // Tests are left out as seams leaves them out; a module no service claims is flagged.
    writeFileSync(
      path.join(root, 'src/reports/summary.test.ts'),
      "import { charge } from '../services/billing/charge';\nexport const t = charge;\n",
    );
    mkdirSync(path.join(root, 'src/misc'));
    writeFileSync(
      path.join(root, 'src/misc/free.ts'),
      "import { log } from '../shared/log';\nexport const free = log;\n",
    );
    const more = run(
      DEPCRUISE,
      ['src', '--config', '.dependency-cruiser.json', '--ignore-known', 'known.json', '--output-type', 'err'],
      root,
    );
    expect(more.output).not.toContain('summary.test.ts');
    expect(more.output).toContain('error seams-unclaimed: src/misc/free.ts → src/shared/log.ts');
    // seams check says the same about the same tree.
    const seams = await cli(['check', '.'], root);
    expect(seams.stdout).toContain('src/reports/refunds.ts:1  dependency-not-allowed');
    expect(seams.stdout).toContain('src/reports/refunds.ts:1  entry-point-bypassed');
    expect(seams.stdout).toContain('src/misc/free.ts:1  unclaimed-module');
    expect(seams.stdout).not.toContain('summary.test.ts');
  });

  it('type-only imports pass when the boundaries allow them, as in seams check', async () => {
    const root = shop({ allowTypeImports: true });
    writeFileSync(
      path.join(root, 'src/reports/invoice-view.ts'),
      "import type { Invoice } from '../services/billing';\nexport const view = (invoice: Invoice) => invoice.id;\n",
    );
    await baseline(root);
    await cli(['export', 'dependency-cruiser', '.', '-o', '.dependency-cruiser.json'], root);
    await cli(['export', 'dependency-cruiser-known-violations', '.', '-o', 'known.json'], root);
    const result = run(
      DEPCRUISE,
      ['src', '--config', '.dependency-cruiser.json', '--ignore-known', 'known.json', '--output-type', 'err'],
      root,
    );
    expect(result.output).toContain('no dependency violations found');
  });

  it('a service listed file by file (hundreds of files) still gives rules dependency-cruiser accepts', async () => {
    const files: Record<string, string> = {};
    const listed: string[] = [];
    for (let index = 0; index < 300; index++) {
      const name = `src/services/item-${String(index).padStart(3, '0')}-service.ts`;
      files[name] = 'export const x = 1;\n';
      listed.push(name);
    }
    files['src/controllers/a.ts'] = "import { x } from '../services/item-000-service';\nexport const a = x;\n";
    files['seams.boundaries.json'] = JSON.stringify({
      version: 1,
      services: { items: { modules: listed }, web: { modules: ['src/controllers/**'] } },
    });
    const root = tempProject(files);
    await cli(['export', 'dependency-cruiser', '.', '-o', '.dependency-cruiser.json'], root);
    const result = run(DEPCRUISE, ['src', '--config', '.dependency-cruiser.json', '--output-type', 'err'], root);
    expect(result.output).not.toContain('unsafe regular expression');
    expect(result.output).toContain(
      'error seams-web-allowed-dependencies: src/controllers/a.ts → src/services/item-000-service.ts',
    );
  });
});

describe('seams export eslint-boundaries, run by ESLint with eslint-plugin-boundaries 7', { timeout: 120_000 }, () => {
  function withNodeModules(root: string) {
    symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
  }

  it('loads as a flat config, is clean with the exported suppressions, and flags a new forbidden import and an entry-point bypass', async () => {
    const root = shop();
    await baseline(root);
    withNodeModules(root);
    expect((await cli(['export', 'eslint-boundaries', '.', '-o', 'eslint.config.mjs'], root)).code).toBe(0);
    const strict = run(ESLINT, ['src'], root);
    expect(strict.code).toBe(1);
    expect(strict.output).toContain(
      'There is no policy allowing dependencies from file of category "reporting" to file of category "orders"',
    );
    expect(strict.output).not.toContain('deprecated');
    expect((await cli(['export', 'eslint-suppressions', '.', '-o', 'eslint-suppressions.json'], root)).code).toBe(0);
    const clean = run(ESLINT, ['src'], root);
    expect(clean.output).toBe('');
    expect(clean.code).toBe(0);
    mkdirSync(path.join(root, 'src/reports/extra'));
    writeFileSync(
      path.join(root, 'src/reports/extra/refunds.ts'),
      "import { charge } from '../../services/billing/charge';\nexport const refund = () => charge(-1);\n",
    );
    writeFileSync(
      path.join(root, 'src/controllers/order-admin.ts'),
      "import { charge } from '../services/billing/charge';\nexport const admin = () => charge(0);\n",
    );
    const flagged = run(ESLINT, ['src'], root);
    expect(flagged.code).toBe(1);
    expect(flagged.output).toMatch(
      /src\/reports\/extra\/refunds\.ts\n\s+1:\d+\s+error\s+Dependencies to file of category "billing" and path "src\/services\/billing\/charge\.ts" are not allowed in file of category "reporting"/,
    );
    expect(flagged.output).toMatch(
      /src\/controllers\/order-admin\.ts\n\s+1:\d+\s+error\s+Dependencies to file of category "billing" and path "src\/services\/billing\/charge\.ts" are not allowed in file of category "orders"/,
    );
  });

  it('type-only imports pass when the boundaries allow them', async () => {
    const root = shop({ allowTypeImports: true });
    writeFileSync(
      path.join(root, 'src/reports/invoice-view.ts'),
      "import type { Invoice } from '../services/billing';\nexport const view = (invoice: Invoice) => invoice.id;\n",
    );
    await baseline(root);
    withNodeModules(root);
    await cli(['export', 'eslint-boundaries', '.', '-o', 'eslint.config.mjs'], root);
    await cli(['export', 'eslint-suppressions', '.', '-o', 'eslint-suppressions.json'], root);
    const result = run(ESLINT, ['src'], root);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('globToSafeRegex', () => {
  const globs = [
    'src/billing/**',
    'src/a.ts',
    'src/**/x.ts',
    'src/services/*-service.ts',
    'src/{a,b}/**',
    '**/*.ts',
    'src/x?.ts',
    'src/[ab]/*.ts',
    'src/a.b/c+d.ts',
  ];
  const ids = [
    'src/billing/a.ts',
    'src/billing/deep/b.ts',
    'src/billingx/a.ts',
    'src/a.ts',
    'src/ab.ts',
    'src/x.ts',
    'src/y/x.ts',
    'src/y/z/x.ts',
    'src/yx.ts',
    'src/services/pay-service.ts',
    'src/services/a/pay-service.ts',
    'src/a/q.ts',
    'src/b/r/s.ts',
    'src/c/q.ts',
    'a.ts',
    'src/x1.ts',
    'src/x12.ts',
    'src/a/k.ts',
    'src/c/k.ts',
    'src/a.b/c+d.ts',
    'src/aXb/c+d.ts',
  ];

  it.each(globs)('%s matches the same module ids as the glob matcher and passes safe-regex', (glob) => {
    const regex = new RegExp(globToSafeRegex(glob));
    const matches = globMatcher([glob]);
    expect(ids.filter((id) => regex.test(id))).toEqual(ids.filter(matches));
    expect(safeRegex(globToSafeRegex(glob), { limit: 10000 })).toBe(true);
  });

  it('a negated glob or an extglob is a coded error', () => {
    expect(() => globToSafeRegex('!src/a.ts')).toThrow(expect.objectContaining({ code: 'OPTION_INVALID' }));
    expect(() => globToSafeRegex('src/+(a|b).ts')).toThrow(expect.objectContaining({ code: 'OPTION_INVALID' }));
  });
});
