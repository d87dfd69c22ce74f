/**
 * Every report format rendered from saved analyses, compared with files under
 * fixtures/snapshots/ (`npx vitest run test/report/snapshots.test.ts -u` rewrites them after an
 * intended change; review the diff). The analyses were saved once with
 * `seams analyze fixtures/<name> --no-cache --format analysis`: plan-shop has a shared kernel,
 * ORM entities shared between services and two services that import each other; basic has a
 * cycle of three services through a barrel and unresolved imports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import type { CheckOutcome } from '../../src/check.js';
import { renderCheck } from '../../src/report/check/render-check.js';
import { CHECK_FORMATS, REPORT_FORMATS, formatOfFile } from '../../src/report/formats.js';
import { getReporters, render, renderChunks } from '../../src/report/render.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const snapshot = (name: string) => path.join(FIXTURES, 'snapshots', name);

function cannedAnalysis(name: string): Analysis {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.analysis.json`), 'utf8')) as Analysis;
}

describe.each(['plan-shop', 'basic'])('reports of the saved analysis of %s', (name) => {
  const analysis = cannedAnalysis(name);
  const reporters = [...getReporters()].filter(([format]) => format !== 'analysis');

  it.each(reporters)('%s matches its snapshot', async (format, reporter) => {
    await expect(render(analysis, format)).toMatchFileSnapshot(
      snapshot(`${name}.${format}${reporter.extensions[0] ?? '.txt'}`),
    );
  });

  it.each(reporters.filter(([, reporter]) => reporter.levels))(
    '%s --level module matches its snapshot',
    async (format, reporter) => {
      await expect(render(analysis, format, { level: 'module' })).toMatchFileSnapshot(
        snapshot(`${name}.${format}-module${reporter.extensions[0]}`),
      );
    },
  );

  it('the analysis format gives the analysis back', () => {
    expect(JSON.parse(render(analysis, 'analysis'))).toEqual(analysis);
  });

  it('the pieces of a report join to the report', () => {
    for (const [format] of reporters)
      expect([...renderChunks(analysis, format)].join('')).toBe(render(analysis, format));
  });
});

describe('the reporter registry', () => {
  it('has every format once, in the order of REPORT_FORMATS, each with a description', () => {
    const reporters = getReporters();
    expect([...reporters.keys()]).toEqual([...REPORT_FORMATS]);
    for (const reporter of reporters.values()) expect(reporter.description).not.toBe('');
  });

  it('names a format by each of its extensions, in any case', () => {
    for (const [format, reporter] of getReporters())
      for (const extension of reporter.extensions) {
        expect(formatOfFile(`out/report${extension}`)).toBe(format);
        expect(formatOfFile(`REPORT${extension.toUpperCase()}`)).toBe(format);
      }
    expect(formatOfFile('report.out')).toBeUndefined();
  });

  it('refuses --level module for a format that draws no graph, and an unknown format', () => {
    const analysis = cannedAnalysis('basic');
    expect(() => render(analysis, 'text', { level: 'module' })).toThrow(
      /--level module applies to --format dot or mermaid/,
    );
    expect(() => render(analysis, 'pdf' as 'text')).toThrow(/unknown report format 'pdf'/);
  });
});

/** A check outcome with one violation of each rule: two new, one known, one fixed entry. */
const outcome: CheckOutcome = {
  boundariesFile: 'seams.boundaries.json',
  baselineFile: 'seams.baseline.json',
  diagnostics: [],
  baselineUpdate: null,
  repository: { root: '/work/shop', prefix: 'packages/orders/' },
  result: {
    newViolations: [
      {
        rule: 'dependency-not-allowed',
        file: 'src/orders/orders.service.ts',
        line: 3,
        target: 'src/payments/payments.service.ts',
        fromService: 'orders',
        toService: 'payments',
        symbol: 'PaymentsService',
        message: "orders may not depend on payments: imports 'PaymentsService' from src/payments/payments.service.ts",
        identity:
          'dependency-not-allowed|src/orders/orders.service.ts|src/payments/payments.service.ts|PaymentsService',
      },
      {
        rule: 'entry-point-bypassed',
        file: 'src/shipping/ship, now: fast.ts',
        line: 12,
        target: 'src/catalog/internal/price.ts',
        fromService: 'shipping',
        toService: 'catalog',
        symbol: '*',
        message: 'shipping imports src/catalog/internal/price.ts, not an entry point of catalog | *50%*',
        identity: 'entry-point-bypassed|src/shipping/ship, now: fast.ts|src/catalog/internal/price.ts|*',
      },
    ],
    knownViolations: [
      {
        rule: 'service-cycle',
        file: 'src/payments/payments.module.ts',
        line: 2,
        target: 'src/orders/orders.module.ts',
        fromService: 'payments',
        toService: 'orders',
        symbol: 'OrdersModule',
        message:
          "orders and payments depend on each other (a cycle between services): imports 'OrdersModule' from src/orders/orders.module.ts",
        identity: 'service-cycle|src/payments/payments.module.ts|src/orders/orders.module.ts|OrdersModule',
      },
    ],
    fixed: [{ rule: 'service-cycle', from: 'src/gone.ts', to: 'src/orders/orders.module.ts', symbol: 'OrdersModule' }],
    checkedModules: 18,
    outsideScope: 0,
    unassignedModules: ['src/main.ts'],
    passed: false,
    summary: '+2 new, -1 fixed, 1 known',
  },
};

describe('check formats of a canned outcome', () => {
  const extensions: Record<(typeof CHECK_FORMATS)[number], string> = {
    text: '.txt',
    json: '.json',
    sarif: '.sarif',
    github: '.txt',
    gitlab: '.json',
    markdown: '.md',
  };
  it.each(CHECK_FORMATS)('%s matches its snapshot', async (format) => {
    await expect(renderCheck(outcome, format, '9.9.9')).toMatchFileSnapshot(
      snapshot(`check.${format}${extensions[format]}`),
    );
  });
});
