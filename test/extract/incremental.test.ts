import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { check } from '../../src/check.js';
import { renderJson } from '../../src/report/json.js';
import { tempProject } from '../helpers.js';

/**
 * The extraction cache keeps each file's facts and resolved imports from run to run: every
 * incremental result must equal the cold one. Each step below changes the tree so that an
 * UNCHANGED file's imports resolve differently (a file, an asset or a package appearing where an
 * import pointed, one disappearing, a rename, a tsconfig alias, a manifest), which a cache keyed
 * on the file's bytes alone would get wrong.
 */
describe('incremental analysis equals the cold analysis', () => {
  it('over a sequence of edits, additions, deletions and renames', async () => {
    const root = tempProject({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, moduleResolution: 'bundler', module: 'esnext', baseUrl: '.', paths: {} },
        include: ['src'],
      }),
      'package.json': JSON.stringify({ name: 'shop', dependencies: {} }),
      'src/orders/order-service.ts':
        "import { price } from '../billing/price';\nimport { ship } from '../shipping/ship';\nexport const order = () => price() + ship();\n",
      'src/orders/order-controller.ts':
        "import { order } from './order-service';\nimport { audit } from '@app/audit';\nimport pad from 'left-pad';\nimport logo from './logo.svg';\nexport const handle = () => [order(), audit(), pad, logo];\n",
      'src/billing/price.ts': 'export const price = () => 1;\n',
      'src/billing/invoice.ts': "import { price } from './price';\nexport const invoice = () => price();\n",
      'src/audit/audit.ts': 'export const audit = () => 0;\n',
      'src/reports/report.ts':
        "import { invoice } from '../billing/invoice';\nexport const report = () => invoice();\n",
    });
    const cacheDir = path.join(root, '.seams-cache');
    const file = (name: string) => path.join(root, name);
    const results: string[] = [];
    const compare = async (step: string) => {
      const warm = renderJson(await analyze({ path: root, cacheDir }));
      const cold = renderJson(await analyze({ path: root, cache: false }));
      expect(warm, step).toBe(cold);
      results.push(warm);
      return JSON.parse(warm) as {
        modules: { id: string; packages: string[]; assets: string[] }[];
        edges: { from: string; to: string }[];
        diagnostics: { code: string; file?: string; message: string }[];
      };
    };
    const edges = (report: Awaited<ReturnType<typeof compare>>) =>
      report.edges.map((edge) => `${edge.from}->${edge.to}`);
    const diagnosticsOf = (report: Awaited<ReturnType<typeof compare>>, code: string) =>
      report.diagnostics.filter((item) => item.code === code).map((item) => `${item.file}: ${item.message}`);

    const first = await compare('cold start');
    expect(edges(first)).not.toContain('src/orders/order-service.ts->src/shipping/ship.ts');
    expect(diagnosticsOf(first, 'UNRESOLVED_IMPORT')).toEqual([
      "src/orders/order-controller.ts: cannot resolve './logo.svg'",
      "src/orders/order-service.ts: cannot resolve '../shipping/ship'",
    ]);
    expect(diagnosticsOf(first, 'UNDECLARED_PACKAGE').map((item) => item.split(':')[1])).toEqual([
      " '@app/audit' is imported but not installed and no package.json up the tree declares it",
      " 'left-pad' is imported but not installed and no package.json up the tree declares it",
    ]);
    const stored = JSON.parse(readFileSync(path.join(cacheDir, 'extract.json'), 'utf8'));
    expect(Object.keys(stored.resolutions).length).toBe(first.modules.length);

    // A file appears where an unchanged file's import pointed.
    mkdirSync(file('src/shipping'));
    writeFileSync(file('src/shipping/ship.ts'), 'export const ship = () => 2;\n');
    expect(edges(await compare('file added'))).toContain('src/orders/order-service.ts->src/shipping/ship.ts');

    // An edit: the only changed file gains an import.
    writeFileSync(
      file('src/audit/audit.ts'),
      "import { price } from '../billing/price';\nexport const audit = price;\n",
    );
    expect(edges(await compare('file edited'))).toContain('src/audit/audit.ts->src/billing/price.ts');

    // A tsconfig alias appears: the unchanged controller's '@app/audit' now resolves.
    writeFileSync(
      file('tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          moduleResolution: 'bundler',
          module: 'esnext',
          baseUrl: '.',
          paths: { '@app/audit': ['src/audit/audit.ts'] },
        },
        include: ['src'],
      }),
    );
    expect(edges(await compare('alias added'))).toContain('src/orders/order-controller.ts->src/audit/audit.ts');

    // An asset appears where the unchanged controller imported it.
    writeFileSync(file('src/orders/logo.svg'), '<svg/>');
    expect(diagnosticsOf(await compare('asset added'), 'UNRESOLVED_IMPORT').join('\n')).not.toContain('logo.svg');

    // The package is declared, then installed.
    writeFileSync(file('package.json'), JSON.stringify({ name: 'shop', dependencies: { 'left-pad': '1.3.0' } }));
    expect(diagnosticsOf(await compare('dependency declared'), 'UNDECLARED_PACKAGE').join('\n')).not.toContain(
      'left-pad',
    );
    mkdirSync(file('node_modules/left-pad'), { recursive: true });
    writeFileSync(
      file('node_modules/left-pad/package.json'),
      JSON.stringify({ name: 'left-pad', types: 'index.d.ts' }),
    );
    writeFileSync(file('node_modules/left-pad/index.d.ts'), 'declare const pad: string;\nexport default pad;\n');
    const installed = await compare('package installed');
    expect(installed.modules.find((module) => module.id === 'src/orders/order-controller.ts')?.packages).toContain(
      'left-pad',
    );

    // A file an unchanged file imports disappears.
    rmSync(file('src/billing/price.ts'));
    expect(edges(await compare('file deleted'))).not.toContain('src/billing/invoice.ts->src/billing/price.ts');

    // A rename: the moved file and its importer change together; another importer is left pointing at the old name.
    writeFileSync(file('src/billing/price.ts'), 'export const price = () => 1;\n');
    await compare('file restored');
    renameSync(file('src/billing/invoice.ts'), file('src/billing/bill.ts'));
    writeFileSync(
      file('src/reports/report.ts'),
      "import { invoice } from '../billing/bill';\nexport const report = () => invoice();\n",
    );
    const renamed = await compare('file renamed');
    expect(edges(renamed)).toContain('src/reports/report.ts->src/billing/bill.ts');
    expect(renamed.modules.map((module) => module.id)).not.toContain('src/billing/invoice.ts');

    // Back to an earlier tree: the result is the earlier result.
    renameSync(file('src/billing/bill.ts'), file('src/billing/invoice.ts'));
    writeFileSync(
      file('src/reports/report.ts'),
      "import { invoice } from '../billing/invoice';\nexport const report = () => invoice();\n",
    );
    await compare('rename undone');
    expect(new Set(results).size).toBeGreaterThanOrEqual(8);
  });

  it('seams check after a one-file change gives the verdict of a cold check', async () => {
    const root = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }),
      'src/orders/order.ts': "import { price } from '../billing/price';\nexport const order = price;\n",
      'src/billing/price.ts': 'export const price = 1;\n',
      'src/billing/tax.ts': 'export const tax = 1;\n',
      'seams.boundaries.json': JSON.stringify({
        version: 1,
        services: { orders: { modules: ['src/orders/**'] }, billing: { modules: ['src/billing/**'] } },
      }),
      'seams.baseline.json': JSON.stringify({ version: 1, violations: [] }),
    });
    const cacheDir = path.join(root, '.seams-cache');
    const verdict = async () => {
      const warm = await check({ path: root, cacheDir });
      const cold = await check({ path: root, cache: false });
      expect(warm).toEqual(cold);
      return warm.result;
    };
    expect((await verdict()).passed).toBe(false);
    writeFileSync(file(root, 'src/orders/order.ts'), 'export const order = 1;\n');
    expect((await verdict()).passed).toBe(true);
  });
});

function file(root: string, name: string): string {
  return path.join(root, name);
}
