import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { tempProject } from '../helpers.js';
import { runCli } from '../run-cli.js';

const cli = runCli;

/** A small modular monolith: billing (public entry index.ts), orders, shared. */
function project(extra: Record<string, string> = {}) {
  return tempProject({
    'src/shared/log.ts': 'export function log(message: string): void {\n  console.log(message);\n}\n',
    'src/billing/index.ts': "export { charge } from './charge';\nexport type { Invoice } from './invoice';\n",
    'src/billing/charge.ts':
      "import { log } from '../shared/log';\n\nexport function charge(amount: number): number {\n  log('charge');\n  return amount;\n}\n",
    'src/billing/invoice.ts': 'export interface Invoice {\n  id: string;\n}\n',
    'src/orders/order.ts':
      "import { charge } from '../billing';\nimport type { Invoice } from '../billing';\nimport { log } from '../shared/log';\n\nexport function place(): Invoice {\n  log('place');\n  charge(1);\n  return { id: 'x' };\n}\n",
    'seams.boundaries.json': JSON.stringify({
      version: 1,
      services: {
        billing: { modules: ['src/billing/**'], entryPoints: ['src/billing/index.ts'], allow: ['shared'] },
        orders: { modules: ['src/orders/**'], allow: ['billing', 'shared'] },
        reporting: { modules: ['src/reporting/**'], allow: ['shared'] },
        shared: { modules: ['src/shared/**'] },
      },
    }),
    'src/reporting/summary.ts':
      "import { log } from '../shared/log';\n\nexport const summary = () => log('summary');\n",
    ...extra,
  });
}

describe('seams check: rules', () => {
  it('passes a project that keeps its boundaries', async () => {
    const outcome = await check({ path: project() });
    expect(outcome.result).toMatchObject({
      newViolations: [],
      knownViolations: [],
      fixed: [],
      passed: true,
      summary: '+0 new, -0 fixed, 0 known',
    });
  });

  it('reports a dependency that is not allowed, with file, line, symbol and rule', async () => {
    const root = project({
      'src/reporting/audit.ts': "import { place } from '../orders/order';\n\nexport const audit = place;\n",
    });
    const { result } = await check({ path: root });
    expect(result.newViolations).toEqual([
      expect.objectContaining({
        rule: 'dependency-not-allowed',
        file: 'src/reporting/audit.ts',
        line: 1,
        target: 'src/orders/order.ts',
        symbol: 'place',
        fromService: 'reporting',
        toService: 'orders',
        identity: 'dependency-not-allowed|src/reporting/audit.ts|src/orders/order.ts|place',
      }),
    ]);
    expect(result.passed).toBe(false);
  });

  it('reports an import that bypasses a public entry point', async () => {
    const root = project({
      'src/orders/refund.ts':
        "import { charge } from '../billing/charge';\n\nexport const refund = () => charge(-1);\n",
    });
    const { result } = await check({ path: root });
    expect(result.newViolations.map((item) => [item.rule, item.file, item.line, item.symbol])).toEqual([
      ['entry-point-bypassed', 'src/orders/refund.ts', 1, 'charge'],
    ]);
  });

  it('reports every import on a new cycle between services', async () => {
    const root = project({
      'src/billing/status.ts': "import { place } from '../orders/order';\n\nexport const status = place;\n",
    });
    const boundaries = JSON.parse(readFileSync(path.join(root, 'seams.boundaries.json'), 'utf8'));
    boundaries.services.billing.allow.push('orders');
    writeFileSync(path.join(root, 'seams.boundaries.json'), JSON.stringify(boundaries));
    const { result } = await check({ path: root });
    expect(
      result.newViolations
        .filter((item) => item.rule === 'service-cycle')
        .map((item) => `${item.file}->${item.target}:${item.symbol}`),
    ).toEqual([
      'src/billing/status.ts->src/orders/order.ts:place',
      'src/orders/order.ts->src/billing/index.ts:charge',
      'src/orders/order.ts->src/billing/index.ts:Invoice',
    ]);
  });

  it('reports an exceeded budget once per service pair', async () => {
    const root = project();
    const boundaries = JSON.parse(readFileSync(path.join(root, 'seams.boundaries.json'), 'utf8'));
    boundaries.budgets = [{ from: 'billing', to: 'shared', max: 0 }];
    writeFileSync(path.join(root, 'seams.boundaries.json'), JSON.stringify(boundaries));
    const { result } = await check({ path: root });
    expect(result.newViolations).toEqual([
      expect.objectContaining({
        rule: 'budget-exceeded',
        identity: 'budget-exceeded|billing|shared',
        message: 'billing imports shared from 1 module pairs; the budget is 0',
      }),
    ]);
  });

  it('lets type-only imports cross when allowTypeImports is true', async () => {
    const root = project({
      'src/reporting/types.ts': "import type { Invoice } from '../billing';\n\nexport type Maybe = Invoice | null;\n",
    });
    expect((await check({ path: root })).result.newViolations.map((item) => item.rule)).toEqual([
      'dependency-not-allowed',
    ]);
    const boundaries = JSON.parse(readFileSync(path.join(root, 'seams.boundaries.json'), 'utf8'));
    writeFileSync(path.join(root, 'seams.boundaries.json'), JSON.stringify({ ...boundaries, allowTypeImports: true }));
    expect((await check({ path: root })).result.newViolations).toEqual([]);
  });

  it('rejects a boundaries file that breaks its schema with a coded error', async () => {
    const root = project({
      'seams.boundaries.json': JSON.stringify({ version: 1, services: { billing: { modules: [] } } }),
    });
    const result = await cli(['check', '.'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error \[BOUNDARIES_INVALID\] seams\.boundaries\.json: "services\.billing\.modules" must NOT have fewer than 1 items, got \[\]\nhint: /,
    );
    const missing = await cli(['check', '.'], tempProject({ 'a.ts': '' }));
    expect(missing.stderr).toMatch(/^error \[BOUNDARIES_NOT_FOUND\]/);
  });
});

describe('seams check: baseline', () => {
  const violating = {
    'src/reporting/audit.ts':
      "import { place } from '../orders/order';\nimport { log } from '../shared/log';\n\nexport const audit = () => {\n  log('audit');\n  return place;\n};\n",
  };

  it('accepts baselined violations, fails only on new ones, and reports fixed ones', async () => {
    const root = project(violating);
    expect((await cli(['check', '.', '--update-baseline'], root)).code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(root, 'seams.baseline.json'), 'utf8')).violations).toEqual([]);
    const grown = await cli(['check', '.', '--update-baseline', '--allow-growth'], root);
    expect(grown.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'seams.baseline.json'), 'utf8')).violations).toEqual([
      { rule: 'dependency-not-allowed', from: 'src/reporting/audit.ts', to: 'src/orders/order.ts', symbol: 'place' },
    ]);
    expect(await cli(['check', '.'], root)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('+0 new, -0 fixed, 1 known'),
    });

    writeFileSync(
      path.join(root, 'src/reporting/audit.ts'),
      "import { log } from '../shared/log';\n\nexport const audit = () => log('audit');\n",
    );
    const fixed = await cli(['check', '.'], root);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('1 fixed: run --update-baseline to ratchet');
    expect(fixed.stdout).toContain('+0 new, -1 fixed, 0 known');
    expect((await cli(['check', '.', '--strict-baseline'], root)).code).toBe(1);
    expect((await cli(['check', '.', '--update-baseline'], root)).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'seams.baseline.json'), 'utf8')).violations).toEqual([]);
  });

  it('survives a refactor that moves lines, reorders imports and renames an unrelated file', async () => {
    const root = project(violating);
    await cli(['check', '.', '--update-baseline', '--allow-growth'], root);
    const before = readFileSync(path.join(root, 'seams.baseline.json'), 'utf8');
    writeFileSync(
      path.join(root, 'src/reporting/audit.ts'),
      "// audit trail\n\nimport { log } from '../shared/log';\n\n\nimport { place } from '../orders/order';\n\nexport const audit = () => {\n  log('audit');\n  log('again');\n  return place;\n};\n",
    );
    renameSync(path.join(root, 'src/billing/invoice.ts'), path.join(root, 'src/billing/invoice-model.ts'));
    writeFileSync(
      path.join(root, 'src/billing/index.ts'),
      "export type { Invoice } from './invoice-model';\nexport { charge } from './charge';\n",
    );
    const result = await cli(['check', '.'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+0 new, -0 fixed, 1 known');
    await cli(['check', '.', '--update-baseline'], root);
    expect(readFileSync(path.join(root, 'seams.baseline.json'), 'utf8')).toBe(before);
  });

  it('rejects a corrupt baseline with a coded error', async () => {
    const root = project({ 'seams.baseline.json': '{"version": 1, "violations": [{"rule": "nope"}]}' });
    expect((await cli(['check', '.'], root)).stderr).toMatch(
      /^error \[BASELINE_INVALID\] seams\.baseline\.json: violations\[0\]/,
    );
  });

  it('--changed-since checks only the files changed since a git ref', async () => {
    const root = project(violating);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: root,
        stdio: 'ignore',
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'start');
    writeFileSync(
      path.join(root, 'src/orders/refund.ts'),
      "import { charge } from '../billing/charge';\n\nexport const refund = () => charge(-1);\n",
    );
    const outcome = await check({ path: root, changedSince: 'HEAD' });
    expect(outcome.result.checkedModules).toBe(1);
    expect(outcome.result.newViolations.map((item) => item.file)).toEqual(['src/orders/refund.ts']);
    expect((await cli(['check', '.', '--changed-since', 'no-such-ref'], root)).stderr).toMatch(
      /^error \[GIT_FAILED\] --changed-since no-such-ref: git failed/,
    );
  });
});

describe('seams check: formats and exit codes', () => {
  const violating = project({
    'src/orders/refund.ts': "import { charge } from '../billing/charge';\n\nexport const refund = () => charge(-1);\n",
  });

  it('gives the same exit code in every format', async () => {
    for (const format of ['text', 'json', 'sarif', 'github', 'gitlab', 'markdown']) {
      expect((await cli(['check', '.', '--format', format], violating)).code).toBe(1);
      expect((await cli(['check', '.', '--format', format], project())).code).toBe(0);
    }
    expect((await cli(['check', '.', '--format', 'xml'], violating)).code).toBe(2);
  });

  it('writes SARIF 2.1.0 that validates against the official schema, one result per violation', async () => {
    const require = createRequire(import.meta.url);
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // The SARIF schema uses the formats uri, uri-reference and date-time: ajv-formats checks them.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = addFormats.default(ajv).compile(schema);
    const log = JSON.parse((await cli(['check', '.', '--format', 'sarif'], violating)).stdout);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].results).toEqual([
      expect.objectContaining({
        ruleId: 'entry-point-bypassed',
        level: 'error',
        baselineState: 'new',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'src/orders/refund.ts', uriBaseId: '%SRCROOT%' },
              region: { startLine: 1 },
            },
          },
        ],
      }),
    ]);
  });

  it('writes GitHub workflow commands and a Markdown PR comment', async () => {
    const github = (await cli(['check', '.', '--format', 'github'], violating)).stdout;
    expect(github.split('\n')[0]).toBe(
      "::error file=src/orders/refund.ts,line=1,title=seams entry-point-bypassed::src/billing/charge.ts is not a public entry point of billing: imports 'charge' from src/billing/charge.ts",
    );
    expect(github).toContain('::error::seams check: +1 new, -0 fixed, 0 known');
    const markdown = (await cli(['check', '.', '--format', 'markdown'], violating)).stdout;
    expect(markdown).toContain('### seams check: ❌ failed');
    expect(markdown).toContain('| `src/orders/refund.ts:1` | entry-point-bypassed |');
    const json = JSON.parse((await cli(['check', '.', '--format', 'json'], violating)).stdout);
    expect(json).toMatchObject({ schemaVersion: 1, passed: false, summary: '+1 new, -0 fixed, 0 known' });
  });
});

describe('seams init and export', () => {
  it('writes boundaries and a baseline from the analysis, so the first check passes and new coupling fails', async () => {
    const root = tempProject({
      'src/orders/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/orders/b.ts': 'export const b = 1;\n',
      'src/billing/c.ts': "import { d } from './d';\nexport const c = d;\n",
      'src/billing/d.ts': 'export const d = 1;\n',
    });
    const init = await cli(['init', '.'], root);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(
      /^wrote seams\.boundaries\.json \(\d+ services\) and seams\.baseline\.json \(0 accepted violations\)\n$/,
    );
    const boundaries = JSON.parse(readFileSync(path.join(root, 'seams.boundaries.json'), 'utf8'));
    expect(boundaries.$schema).toBe('./node_modules/seams/schema/boundaries.schema.json');
    expect((await cli(['check', '.'], root)).code).toBe(0);
    expect((await cli(['init', '.'], root)).stderr).toMatch(/^error \[OUTPUT_EXISTS\]/);
    writeFileSync(path.join(root, 'src/billing/e.ts'), "import { a } from '../orders/a';\nexport const e = a;\n");
    expect((await cli(['check', '.'], root)).code).toBe(1);
  });

  it('a boundaries glob longer than picomatch compiles: export writes it as a literal path, check refuses it with a code', async () => {
    const root = project();
    const file = path.join(root, 'seams.boundaries.json');
    const boundaries = JSON.parse(readFileSync(file, 'utf8'));
    boundaries.services.billing.modules.push('a'.repeat(70_000));
    writeFileSync(file, JSON.stringify(boundaries));
    const exported = await cli(['export', 'dependency-cruiser', '.'], root);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).forbidden[0].from.path).toContain(`^${'a'.repeat(70_000)}$`);
    const checked = await cli(['check', '.'], root);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(
      /^error \[OPTION_INVALID\] the glob 'a{37}\.\.\.' \(70000 characters\) cannot be compiled/,
    );
  });

  it('export refuses a target it does not know, with the list it knows', async () => {
    const result = await cli(['export', 'madge', '.'], project());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error \[USAGE\] export target must be dependency-cruiser, dependency-cruiser-known-violations, eslint-boundaries, eslint-suppressions, got 'madge'\n/,
    );
  });
});
