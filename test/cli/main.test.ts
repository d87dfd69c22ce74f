import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixture, tempProject } from '../helpers.js';

async function run(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

describe('seams analyze (in process)', () => {
  it('prints the text report with the services table, metrics and plan', async () => {
    const result = await run(['analyze', fixture('basic')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^seams \d+\.\d+\.\d+: 6 modules, \d+ import edges, \d+ candidate services/);
    expect(result.stdout).toContain('Candidate services');
    expect(result.stdout).toContain('modularity Q');
    expect(result.stdout).toContain('Extraction plan');
    expect(result.stdout).toContain("[UNRESOLVED_IMPORT] cannot resolve './missing'");
  });

  it('accepts the British spelling and prints JSON with --format json', async () => {
    const result = await run(
      ['analyse', 'fixtures/basic', '--format', 'json'],
      path.resolve(fixture('basic'), '../..'),
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.modules.map((module: { id: string }) => module.id)).toContain('src/lib/math.ts');
  });

  it('writes --output atomically and leaves no temporary file behind', async () => {
    const folder = tempProject({});
    const result = await run(['analyze', fixture('basic'), '--format', 'json', '--output', 'report.json'], folder);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(path.join(folder, 'report.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('prints per-stage timings on stderr with --timings, never on stdout', async () => {
    const result = await run(['analyze', fixture('basic'), '--timings', '--format', 'json', '--no-cache']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^timings \(6 modules\)\n {2}load +\d+ ms\n {2}extract +\d+ ms\n {2}graph +\d+ ms\n {2}signals +\d+ ms\n {2}cluster +\d+ ms\n {2}metrics +\d+ ms\n {2}plan +\d+ ms\n {2}total +\d+ ms\n {2}peak RSS +\d+ MB\n$/,
    );
    expect(JSON.parse(result.stdout).schemaVersion).toBe(1);
  });

  it('scores against --expected', async () => {
    const folder = tempProject({
      'expected.json': JSON.stringify({ 'src/lib/math.ts': 'lib', 'src/lib/double.ts': 'lib', 'src/app.ts': 'app' }),
    });
    const result = await run(['analyze', fixture('basic'), '--format', 'json', '--expected', 'expected.json'], folder);
    const report = JSON.parse(result.stdout);
    expect(report.metrics.expected).toMatchObject({ compared: 3, missingFromExpected: 3, missingFromAnalysis: 0 });
    expect(report.metrics.mojoFm).toBeGreaterThanOrEqual(0);
  });
});

describe('seams errors: one coded line and a hint on stderr, exit 2', () => {
  const cases: [string, string[], () => string, RegExp][] = [
    [
      'a missing path',
      ['analyze', 'no/such/folder'],
      () => process.cwd(),
      /^error \[PATH_NOT_FOUND\] no\/such\/folder: no such file or folder\nhint: .+\n$/,
    ],
    [
      'a path that is a file',
      ['analyze', 'a.ts'],
      () => tempProject({ 'a.ts': '' }),
      /^error \[PATH_NOT_DIRECTORY\] a\.ts: is a file, not a folder\nhint: .+\n$/,
    ],
    [
      'a folder without TypeScript',
      ['analyze', '.'],
      () => tempProject({ 'README.md': '# hi', 'index.js': '' }),
      /^error \[NO_SOURCE_FILES\] no TypeScript source files to analyse in the folder\nhint: .+\n$/,
    ],
    [
      'an invalid tsconfig',
      ['analyze', '.'],
      () => tempProject({ 'tsconfig.json': '{ "compilerOptions": { "strict": true, } ', 'a.ts': '' }),
      /^error \[TSCONFIG_INVALID\] tsconfig\.json: .+\nhint: .+\n$/,
    ],
    [
      'an unknown option',
      ['analyze', '--frobnicate'],
      () => process.cwd(),
      /^error \[USAGE\] unknown option '--frobnicate'\nhint: .+\n$/,
    ],
    [
      'a bad format',
      ['analyze', '--format', 'xml'],
      () => process.cwd(),
      /^error \[USAGE\] option '--format <format>' argument 'xml' is invalid\. Allowed choices are text, json, analysis, html, markdown, dot, mermaid\.\nhint: .+\n$/,
    ],
    [
      'a bad seed',
      ['analyze', '.', '--seed', 'abc'],
      () => tempProject({ 'a.ts': '' }),
      /^error \[OPTION_INVALID\] --seed must be a number, got 'abc'\nhint: .+\n$/,
    ],
    [
      'a bad resolution',
      ['analyze', '.', '--resolution', '-1'],
      () => tempProject({ 'a.ts': '' }),
      /^error \[OPTION_INVALID\] --resolution must be a positive number, got -1\nhint: .+\n$/,
    ],
    [
      'an expected file that is not JSON',
      ['analyze', '.', '--expected', 'x.json'],
      () => tempProject({ 'a.ts': '', 'x.json': '{' }),
      /^error \[EXPECTED_INVALID\] x\.json: not valid JSON .+\nhint: .+\n$/,
    ],
    [
      'an unwritable output',
      ['analyze', '.', '--output', 'missing/dir/out.txt'],
      () => tempProject({ 'a.ts': '' }),
      /^error \[OUTPUT_FAILED\] missing\/dir\/out\.txt: cannot write \(ENOENT\)\nhint: .+\n$/,
    ],
  ];
  for (const [name, args, cwd, pattern] of cases) {
    it(`reports ${name}`, async () => {
      const result = await run(args, cwd());
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(pattern);
    });
  }

  it('shows a stack trace only with --debug', async () => {
    const result = await run(['analyze', 'no/such/folder', '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \[PATH_NOT_FOUND\].*\nhint: .*\nSeamsError: .*\n\s+at /);
  });

  it('leaves an existing output file intact when the run fails', async () => {
    const folder = tempProject({ 'report.txt': 'previous report\n' });
    const result = await run(['analyze', 'no/such/folder', '--output', 'report.txt'], folder);
    expect(result.code).toBe(2);
    expect(readFileSync(path.join(folder, 'report.txt'), 'utf8')).toBe('previous report\n');
    expect(existsSync(path.join(folder, `.report.txt.seams-tmp-${process.pid}`))).toBe(false);
  });
});

describe('seams help and version', () => {
  it('prints help with no arguments and exits 0', async () => {
    const result = await run([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: seams');
    expect(result.stdout).toContain('analyze|analyse');
  });

  it('prints the version', async () => {
    const result = await run(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('seams report --from (re-render a saved analysis)', () => {
  it('re-renders byte-identically, applies what-if edits without analysing again, and rejects other JSON', async () => {
    const folder = tempProject({});
    expect(
      (await run(['analyze', fixture('monolith'), '--format', 'analysis', '--output', 'analysis.json'], folder)).code,
    ).toBe(0);
    const direct = await run(['analyze', fixture('monolith'), '--format', 'json']);
    const again = await run(['report', '--from', 'analysis.json', '--format', 'json'], folder);
    expect(again).toEqual({ code: 0, stdout: direct.stdout, stderr: '' });
    const merged = JSON.parse(
      (await run(['report', '--from', 'analysis.json', '--format', 'json', '--merge', 'order,payment'], folder)).stdout,
    );
    expect(merged.clusters.map((item: { id: string }) => item.id)).not.toContain('payment');
    expect(merged.plan.steps.flatMap((step: { clusters: string[] }) => step.clusters).sort()).toEqual(
      merged.clusters.map((item: { id: string }) => item.id).sort(),
    );
    const viaAnalyze = JSON.parse(
      (await run(['analyze', fixture('monolith'), '--format', 'json', '--merge', 'order,payment'])).stdout,
    );
    expect(viaAnalyze.clusters).toEqual(merged.clusters);
    writeFileSync(path.join(folder, 'report.json'), direct.stdout);
    expect((await run(['report', '--from', 'report.json'], folder)).stderr).toMatch(
      /^error \[REPORT_INVALID\] report\.json: not an analysis saved with --format analysis\n/,
    );
  });
});
