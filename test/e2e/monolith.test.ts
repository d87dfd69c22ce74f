import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPO, fixture } from '../helpers.js';

const run = promisify(execFile);
const BIN = path.join(REPO, 'bin', 'seams.js');

async function seams(args: string[]) {
  return run(process.execPath, [BIN, ...args], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
}

describe('seams analyze on the fixture monolith (built bin)', () => {
  it('agrees with the ground truth at MoJoFM >= 85 and prints byte-identical JSON on two runs', async () => {
    const args = ['analyze', 'fixtures/monolith', '--format', 'json', '--expected', 'fixtures/monolith/expected.json'];
    const [first, second] = await Promise.all([seams(args), seams(args)]);
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(first.stdout);
    expect(report.metrics.expected.compared).toBe(
      Object.keys(JSON.parse(readFileSync(fixture('monolith', 'expected.json'), 'utf8'))).length,
    );
    expect(report.metrics.mojoFm).toBeGreaterThanOrEqual(85);
  });

  it('keeps the JSON contract: sorted modules with clusters, sorted edges, every cluster in one plan step', async () => {
    const { stdout } = await seams(['analyze', 'fixtures/monolith', '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({
      name: 'seams',
      version: JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version,
    });
    const ids = report.modules.map((module: { id: string }) => module.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.length).toBeGreaterThanOrEqual(120);
    expect(ids.some((id: string) => /test|spec|__mocks__|\.d\.ts$/.test(id))).toBe(false);
    const clusterIds = new Set(report.clusters.map((item: { id: string }) => item.id));
    for (const module of report.modules) expect(clusterIds.has(module.cluster)).toBe(true);
    const edgeKeys = report.edges.map((edge: { from: string; to: string }) => `${edge.from}\u0000${edge.to}`);
    expect(edgeKeys).toEqual([...edgeKeys].sort());
    const planned = report.plan.steps.flatMap((step: { clusters: string[] }) => step.clusters).sort();
    expect(planned).toEqual([...clusterIds].sort());
    expect(stdout).not.toContain(REPO);
    // Endpoints and tables against the fixture's text, read here with plain regular expressions:
    // every `router.<method>('/path'` is an endpoint under `app.use('/api/v1', apiRouter())`, and
    // every `@Entity({ name })` and Prisma `@@map` is a table.
    const sources = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? sources(path.join(folder, entry.name))
          : [readFileSync(path.join(folder, entry.name), 'utf8')],
      );
    const text = sources(path.join(REPO, 'fixtures', 'monolith')).join('\n');
    const routes = [...text.matchAll(/router\.(get|post|put|patch|delete)\(\s*'([^']*)'/g)];
    expect(routes.length).toBe(67);
    expect(
      report.endpoints
        .map((endpoint: { method: string; path: string }) => `${endpoint.method} ${endpoint.path}`)
        .sort(),
    ).toEqual(routes.map((match) => `${(match[1] as string).toUpperCase()} /api/v1${match[2]}`).sort());
    expect(report.endpoints.some((endpoint: { mounted?: boolean }) => endpoint.mounted === false)).toBe(false);
    const tables = [
      ...[...text.matchAll(/@Entity\(\{ name: '([a-z_]+)'/g)].map((match) => match[1]),
      ...[...text.matchAll(/@@map\("([a-z_]+)"\)/g)].map((match) => match[1]),
    ];
    expect(report.tables.map((table: { table: string }) => table.table).sort()).toEqual([...new Set(tables)].sort());
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schema', 'report.schema.json'), 'utf8'));
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('records the fixture features in the graph: alias, barrel, dynamic, require, type-only, cycle', async () => {
    const { stdout } = await seams(['analyze', 'fixtures/monolith', '--format', 'json']);
    const report = JSON.parse(stdout);
    const edge = (from: string, to: string) =>
      report.edges.find((item: { from: string; to: string }) => item.from === from && item.to === to);
    expect(edge('src/services/order-service.ts', 'src/services/notification-service.ts')?.kinds).toContain('dynamic');
    expect(edge('src/services/shipping/carrier-registry.ts', 'src/services/shipping/ups-carrier.ts')?.kinds).toContain(
      'require',
    );
    expect(edge('src/app.ts', 'src/events/register-handlers.ts')?.kinds).toContain('side-effect');
    expect(edge('src/services/order-service.ts', 'src/services/payment-service.ts')).toBeDefined();
    expect(edge('src/services/payment-service.ts', 'src/services/order-service.ts')).toBeDefined();
    expect(report.edges.some((item: { to: string; kinds: string[] }) => item.to === 'src/shared/index.ts')).toBe(true);
    expect(report.edges.some((item: { typeOnly: boolean }) => item.typeOnly)).toBe(true);
    expect(report.modules.find((module: { id: string }) => module.id === 'src/app.ts').packages).toContain('express');
  });

  it('prints the text report for npm start', async () => {
    const { stdout, stderr } = await seams(['analyze', 'fixtures/monolith']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/Candidate services\n┌/);
    expect(stdout).toContain('Extraction plan');
  });
});

describe('an interrupted run', () => {
  it('leaves the previous --output file intact', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'seams-interrupt-'));
    const output = path.join(dir, 'report.json');
    writeFileSync(output, 'previous report\n');
    const child = spawn(
      process.execPath,
      [BIN, 'analyze', 'fixtures/monolith', '--format', 'json', '--output', output],
      { cwd: REPO, stdio: 'ignore' },
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    expect(readFileSync(output, 'utf8')).toBe('previous report\n');
  });
});

describe('the JSON report of a real analysis, written in pieces', () => {
  it('is byte for byte what JSON.stringify gives', async () => {
    const { analyze } = await import('../../src/analyze.js');
    const { renderJson, toJsonReport } = await import('../../src/report/json.js');
    const analysis = await analyze({ path: fixture('monolith'), cache: false });
    expect(renderJson(analysis)).toBe(`${JSON.stringify(toJsonReport(analysis), null, 2)}\n`);
  });
});
