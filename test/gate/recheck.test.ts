import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { tempProject } from '../helpers.js';

/**
 * `seams check` with a cache folder takes the graph from the last check's snapshot and parses
 * only the changed files (check-snapshot.ts). Every verdict it gives must be the cold verdict,
 * also when an edit changes what other modules' edges are made of (exports behind a barrel), a
 * file appears, disappears or is renamed, or the tsconfig changes: then it must run in full.
 */
describe('the re-check from the snapshot equals a cold check', () => {
  it('over a sequence of edits, additions, deletions and renames, taking the snapshot only where it is exact', async () => {
    const root = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }),
      'src/orders/order.ts': "import { price } from '../billing';\nexport const order = () => price;\n",
      'src/orders/cart.ts': "import { order } from './order';\nexport const cart = () => order();\n",
      'src/billing/index.ts': "export * from './price';\nexport { tax } from './tax';\n",
      'src/billing/price.ts': 'export const price = 1;\n',
      'src/billing/tax.ts': 'export const tax = 1;\n',
      'src/shipping/ship.ts': 'export const ship = 1;\n',
      'seams.boundaries.json': JSON.stringify({
        version: 1,
        services: {
          orders: { modules: ['src/orders/**'], allow: ['billing'] },
          billing: { modules: ['src/billing/**'], entryPoints: ['src/billing/index.ts'] },
          shipping: { modules: ['src/shipping/**'] },
        },
      }),
      'seams.baseline.json': JSON.stringify({ version: 1, violations: [] }),
    });
    const cacheDir = path.join(root, '.seams-cache');
    const file = (name: string) => path.join(root, name);
    const paths: string[] = [];
    const verdict = async (step: string) => {
      const stages: string[] = [];
      const warm = await check({ path: root, cacheDir, onStage: (stage) => stages.push(stage) });
      const cold = await check({ path: root, cache: false });
      expect(warm, step).toEqual(cold);
      paths.push(`${step}: ${stages.includes('recheck') ? 'recheck' : 'full'}`);
      return warm;
    };
    const rules = (outcome: Awaited<ReturnType<typeof verdict>>) =>
      outcome.result.newViolations.map((item) => `${item.rule} ${item.file}:${item.line} ${item.symbol}`);

    expect((await verdict('cold start')).result.passed).toBe(true);
    await verdict('nothing changed');

    // An edit that adds an import across a boundary: the edited file is parsed again.
    writeFileSync(
      file('src/orders/order.ts'),
      "import { price } from '../billing';\nimport { ship } from '../shipping/ship';\nexport const order = () => price + ship;\n",
    );
    expect(rules(await verdict('import added'))).toEqual(['dependency-not-allowed src/orders/order.ts:2 ship']);

    // A body edit behind a barrel: the importer's edges through the barrel are the stored ones.
    writeFileSync(file('src/billing/price.ts'), 'export const price = 2 + 0;\n');
    await verdict('body of a re-exported module edited');
    // A re-check appends the modules it changed to the log instead of writing the snapshot again.
    const log = path.join(cacheDir, 'check.log');
    expect(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line.includes('src/billing/price.ts')),
    ).toHaveLength(1);

    // A run stopped while appending leaves a cut line: it is read past, and the snapshot written whole.
    appendFileSync(log, '{"generation":"');
    writeFileSync(file('src/billing/price.ts'), 'export const price = 3;\n');
    await verdict('log cut off');
    expect(readFileSync(log, 'utf8')).toBe('');

    // The log planted as a link out of the cache folder is never written through.
    const outside = path.join(tempProject({}), 'outside.txt');
    writeFileSync(outside, 'keep\n');
    rmSync(log);
    symlinkSync(outside, log);
    writeFileSync(file('src/billing/price.ts'), 'export const price = 4;\n');
    await verdict('log is a link');
    expect(readFileSync(outside, 'utf8')).toBe('keep\n');

    // An import that bypasses the entry point, and a syntax error elsewhere.
    writeFileSync(
      file('src/orders/cart.ts'),
      "import { tax } from '../billing/tax';\nexport const cart = () => tax(\n",
    );
    const broken = await verdict('entry point bypassed, syntax error');
    expect(rules(broken)).toContain('entry-point-bypassed src/orders/cart.ts:1 tax');
    expect(broken.diagnostics.map((item) => `${item.code} ${item.file}`)).toContain('PARSE_ERROR src/orders/cart.ts');

    // Fixed again, with an import that does not resolve.
    writeFileSync(file('src/orders/cart.ts'), "import { gone } from './gone';\nexport const cart = () => gone;\n");
    const unresolved = await verdict('syntax fixed, import unresolved');
    expect(unresolved.diagnostics.map((item) => item.code)).not.toContain('PARSE_ERROR');
    expect(unresolved.diagnostics.map((item) => `${item.code} ${item.file}`)).toContain(
      'UNRESOLVED_IMPORT src/orders/cart.ts',
    );

    // A changed file exports a new value, named like no type anywhere: no other module's edge changes.
    writeFileSync(file('src/billing/tax.ts'), 'export const tax = 1;\nexport const vat = 2;\n');
    await verdict('export added');

    // A file appears where the unresolved import pointed; then one disappears; then a rename.
    writeFileSync(file('src/orders/gone.ts'), 'export const gone = 1;\n');
    await verdict('file added');
    rmSync(file('src/shipping/ship.ts'));
    await verdict('file deleted');
    mkdirSync(file('src/shipping'), { recursive: true });
    writeFileSync(file('src/shipping/ship.ts'), 'export const ship = 1;\n');
    await verdict('file restored');
    renameSync(file('src/shipping/ship.ts'), file('src/shipping/send.ts'));
    await verdict('file renamed');

    // The tsconfig changes: every resolution may change.
    writeFileSync(
      file('tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, baseUrl: '.', paths: { '@b': ['src/billing'] } },
        include: ['src'],
      }),
    );
    await verdict('tsconfig changed');
    writeFileSync(file('src/orders/order.ts'), "import { price } from '@b';\nexport const order = () => price;\n");
    expect(rules(await verdict('alias used'))).toEqual([]);

    // A file's times move but its bytes do not: nothing is parsed, and the verdict stands.
    utimesSync(file('src/orders/order.ts'), new Date(), new Date(Date.now() - 60_000));
    await verdict('times moved');

    // A corrupt snapshot is ignored and rewritten.
    writeFileSync(path.join(cacheDir, 'check.json'), '{"format":2,');
    await verdict('corrupt snapshot');
    expect(() => JSON.parse(readFileSync(path.join(cacheDir, 'check.json'), 'utf8'))).not.toThrow();
    await verdict('after the rewrite');

    expect(paths).toEqual([
      'cold start: full',
      'nothing changed: recheck',
      'import added: recheck',
      'body of a re-exported module edited: recheck',
      'log cut off: recheck',
      'log is a link: recheck',
      'entry point bypassed, syntax error: recheck',
      'syntax fixed, import unresolved: recheck',
      'export added: recheck',
      'file added: full',
      'file deleted: full',
      'file restored: full',
      'file renamed: full',
      'tsconfig changed: full',
      'alias used: recheck',
      'times moved: recheck',
      'corrupt snapshot: full',
      'after the rewrite: recheck',
    ]);
  });

  it('runs in full when a changed file exports a name differently, which changes an unchanged importer’s edge', async () => {
    const { root, warmThenCold } = typeImportsProject('shipping', {
      'src/orders/order.ts': "import { Ship } from '../shipping';\nexport const order = (s: Ship) => s;\n",
      'src/shipping/index.ts': "export * from './ship';\n",
      'src/shipping/ship.ts': 'export class Ship {}\n',
    });
    expect(await warmThenCold()).toEqual({ passed: false, recheck: false });
    // Ship becomes a type only: the order module's import through the barrel is now type-only.
    writeFileSync(path.join(root, 'src/shipping/ship.ts'), 'export interface Ship { id: string }\n');
    expect(await warmThenCold()).toEqual({ passed: true, recheck: false });
    writeFileSync(path.join(root, 'src/shipping/ship.ts'), 'export interface Ship { id: number }\n');
    expect(await warmThenCold()).toEqual({ passed: true, recheck: true });
  });

  it('runs in full when a new value export takes a name another module exports as a type (through export *)', async () => {
    const { root, warmThenCold } = typeImportsProject('shared', {
      'src/orders/order.ts': "import { Note } from '../shared';\nexport const order = (n: Note) => n;\n",
      'src/shared/index.ts': "export * from './a';\nexport * from './b';\n",
      'src/shared/a.ts': 'export const x = 1;\n',
      'src/shared/b.ts': 'export interface Note { text: string }\n',
    });
    expect(await warmThenCold()).toEqual({ passed: true, recheck: false });
    // The first `export *` now declares Note as a value: the order module's import is no longer type-only.
    writeFileSync(path.join(root, 'src/shared/a.ts'), 'export const x = 1;\nexport const Note = 2;\n');
    expect(await warmThenCold()).toEqual({ passed: false, recheck: false });
    // Another value, named like no type: taken from the snapshot.
    writeFileSync(
      path.join(root, 'src/shared/a.ts'),
      'export const x = 1;\nexport const Note = 2;\nexport const y = 3;\n',
    );
    expect(await warmThenCold()).toEqual({ passed: false, recheck: true });
  });
});

/**
 * Services `orders` and `other` (folder src/<other>), type-only imports allowed, and a check that
 * compares the warm verdict with the cold one and says whether it was a re-check.
 */
function typeImportsProject(other: string, sources: Record<string, string>) {
  const root = tempProject({
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }),
    ...sources,
    'seams.boundaries.json': JSON.stringify({
      version: 1,
      allowTypeImports: true,
      services: { orders: { modules: ['src/orders/**'] }, [other]: { modules: [`src/${other}/**`] } },
    }),
    'seams.baseline.json': JSON.stringify({ version: 1, violations: [] }),
  });
  const cacheDir = path.join(root, '.seams-cache');
  const warmThenCold = async () => {
    const stages: string[] = [];
    const warm = await check({ path: root, cacheDir, onStage: (stage) => stages.push(stage) });
    expect(warm).toEqual(await check({ path: root, cache: false }));
    return { passed: warm.result.passed, recheck: stages.includes('recheck') };
  };
  return { root, warmThenCold };
}
