import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignServices } from '../../src/gate/find-violations.js';
import { moduleGlobs } from '../../src/gate/init-boundaries.js';
import { fixture, tempProject } from '../helpers.js';
import { runCli } from '../run-cli.js';

describe('seams init writes the most general globs that reproduce the partition', () => {
  it('folders where a whole folder is one cluster, domain stems across layer folders, paths elsewhere', () => {
    const assignment = {
      'src/billing/a.ts': 'billing',
      'src/billing/deep/b.ts': 'billing',
      'src/services/payment-service.ts': 'payment',
      'src/models/payment.ts': 'payment',
      'src/controllers/payment-controller.ts': 'payment',
      'src/services/cart-service.ts': 'cart',
      'src/controllers/cart-controller.ts': 'cart',
      'src/services/cart-pricing.ts': 'pricing',
      'src/services/order-service.ts': 'order',
      'src/jobs/order-expiry.ts': 'order',
      'src/models/order.ts': 'orders-model',
      'src/services/lonely.ts': 'cart',
    };
    const globs = moduleGlobs(assignment);
    expect(Object.fromEntries(globs)).toEqual({
      billing: ['src/billing/**'],
      payment: ['src/**/payment-*', 'src/**/payment.*'],
      cart: ['src/controllers/cart-controller.ts', 'src/services/cart-service.ts', 'src/services/lonely.ts'],
      pricing: ['src/services/cart-pricing.ts'],
      order: ['src/**/order-*'],
      'orders-model': ['src/models/order.ts'],
    });
    const services = Object.fromEntries([...globs].map(([name, modules]) => [name, { modules }]));
    const { serviceOf } = assignServices(Object.keys(assignment), { version: 1, services });
    expect(Object.fromEntries(serviceOf)).toEqual(assignment);
  });

  it('on the layer-first monolith: the written globs give back the partition, a new stem file joins its service, a file no rule claims fails as unclaimed', async () => {
    const root = tempProject({});
    cpSync(fixture('monolith'), root, { recursive: true });
    expect((await runCli(['init', '.'], root)).code).toBe(0);
    const boundaries = JSON.parse(readFileSync(path.join(root, 'seams.boundaries.json'), 'utf8')) as {
      services: Record<string, { modules: string[] }>;
    };
    const payment = boundaries.services.payment?.modules ?? [];
    expect(payment.some((glob) => glob.includes('*'))).toBe(true);
    expect(Object.values(boundaries.services).flatMap((service) => service.modules).length).toBeLessThan(140);
    const first = await runCli(['check', '.', '--format', 'json'], root);
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as { unassignedModules: string[] }).unassignedModules).toEqual([]);

    const imports =
      "import { PaymentService } from './payment-service';\nimport { CartService } from './cart-service';\nexport const uses = [PaymentService, CartService];\n";
    writeFileSync(path.join(root, 'src/services/payment-refund-service.ts'), imports);
    const claimed = await runCli(['check', '.', '--format', 'json'], root);
    const verdict = JSON.parse(claimed.stdout) as {
      newViolations: { rule: string; file: string; fromService: string }[];
      unassignedModules: string[];
    };
    expect(verdict.unassignedModules).toEqual([]);
    expect(verdict.newViolations.every((item) => item.fromService === 'payment')).toBe(true);

    writeFileSync(path.join(root, 'src/services/gift-service.ts'), imports);
    const unclaimed = await runCli(['check', '.'], root);
    expect(unclaimed.code).toBe(1);
    expect(unclaimed.stdout).toMatch(/src\/services\/gift-service\.ts:1 {2}unclaimed-module {2}no service claims/);
  });
});

describe('seams init -o', () => {
  it('writes the boundaries to the file -o names (the baseline to its default place), and refuses -o -', async () => {
    const root = tempProject({
      'src/a/one.ts': "import { two } from '../b/two';\nexport const one = two;\n",
      'src/b/two.ts': 'export const two = 2;\n',
      'config/README.md': 'configuration\n',
    });
    const written = await runCli(['init', '.', '-o', 'config/boundaries.json'], root);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('config/boundaries.json');
    expect(existsSync(path.join(root, 'seams.boundaries.json'))).toBe(false);
    expect(existsSync(path.join(root, 'seams.baseline.json'))).toBe(true);
    expect((await runCli(['check', '.', '--boundaries', 'config/boundaries.json'], root)).code).toBe(0);
    const again = await runCli(['init', '.', '-o', 'config/boundaries.json'], root);
    expect(again.stderr).toMatch(/^error \[OUTPUT_EXISTS\] config\/boundaries\.json already exists/);
    const dash = await runCli(['init', '.', '-o', '-'], root);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toMatch(/^error \[OPTION_INVALID\]/);
  });
});
