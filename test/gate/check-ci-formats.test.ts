import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempProject } from '../helpers.js';
import { runCli as cli } from '../run-cli.js';

/** A package of a modular monolith: billing (entry index.ts), orders, shared; `at` prefixes every path. */
function shop(at = '', extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {
    'src/shared/log.ts': 'export function log(message: string): void {\n  console.log(message);\n}\n',
    'src/billing/index.ts': "export { charge } from './charge';\n",
    'src/billing/charge.ts':
      "import { log } from '../shared/log';\n\nexport function charge(amount: number): number {\n  log('charge');\n  return amount;\n}\n",
    'src/orders/order.ts': "import { charge } from '../billing';\n\nexport const place = () => charge(1);\n",
    'src/orders/refund.ts': "import { charge } from '../billing/charge';\n\nexport const refund = () => charge(-1);\n",
    'seams.boundaries.json': JSON.stringify({
      version: 1,
      services: {
        billing: { modules: ['src/billing/**'], entryPoints: ['src/billing/index.ts'], allow: ['shared'] },
        orders: { modules: ['src/orders/**'], allow: ['billing', 'shared'] },
        shared: { modules: ['src/shared/**'] },
      },
    }),
    ...extra,
  };
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [`${at}${name}`, text]));
}

/** A monorepo in a git repository: the shop is packages/shop. */
function monorepo(extra: Record<string, string> = {}): string {
  const root = tempProject({ 'package.json': '{"private": true}', ...shop('packages/shop/', extra) });
  execFileSync('git', ['init', '-q'], { cwd: root, stdio: 'ignore' });
  return root;
}

function sarifValidator() {
  const require = createRequire(import.meta.url);
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  return addFormats.default(ajv).compile(schema);
}

describe('seams check in a monorepo: files named from the repository root', () => {
  it('github annotations name packages/shop/src/..., from the root and from inside the package', async () => {
    const root = monorepo();
    const fromRoot = await cli(['check', 'packages/shop', '--format', 'github'], root);
    expect(fromRoot.code).toBe(1);
    expect(fromRoot.stdout.split('\n')[0]).toMatch(
      /^::error file=packages\/shop\/src\/orders\/refund\.ts,line=1,title=seams entry-point-bypassed::/,
    );
    const fromInside = await cli(['check', '.', '--format', 'github'], path.join(root, 'packages/shop'));
    expect(fromInside.stdout).toBe(fromRoot.stdout);
    // Text and Markdown stay relative to the folder checked, as people read them.
    expect((await cli(['check', 'packages/shop'], root)).stdout).toMatch(/^src\/orders\/refund\.ts:1 /);
  });

  it('SARIF names files from the repository root (relative to %SRCROOT%, left to the consumer: no absolute path of this machine), valid SARIF 2.1.0', async () => {
    const root = monorepo();
    const log = JSON.parse((await cli(['check', 'packages/shop', '--format', 'sarif'], root)).stdout);
    const validate = sarifValidator();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].originalUriBaseIds).toBeUndefined();
    expect(JSON.stringify(log)).not.toContain(root);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'packages/shop/src/orders/refund.ts',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('outside git, the checked folder is the root', async () => {
    const root = tempProject(shop());
    const github = (await cli(['check', '.', '--format', 'github'], root)).stdout;
    expect(github.split('\n')[0]).toMatch(/^::error file=src\/orders\/refund\.ts,line=1,/);
  });
});

describe('seams check --format sarif: baselined findings', () => {
  it('reports known violations as unchanged and suppressed by the baseline, new ones as new', async () => {
    const root = tempProject(
      shop('', {
        'seams.baseline.json': JSON.stringify({
          version: 1,
          violations: [
            {
              rule: 'entry-point-bypassed',
              from: 'src/orders/refund.ts',
              to: 'src/billing/charge.ts',
              symbol: 'charge',
            },
          ],
        }),
        'src/orders/audit.ts': "import { charge } from '../billing/charge';\n\nexport const audit = charge;\n",
      }),
    );
    const run = await cli(['check', '.', '--format', 'sarif'], root);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const validate = sarifValidator();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    type Result = {
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      baselineState: string;
      suppressions?: unknown;
    };
    const results = log.runs[0].results.map((result: Result) => ({
      uri: result.locations[0]?.physicalLocation.artifactLocation.uri,
      baselineState: result.baselineState,
      suppressions: result.suppressions,
    }));
    expect(results).toEqual([
      { uri: 'src/orders/audit.ts', baselineState: 'new', suppressions: undefined },
      {
        uri: 'src/orders/refund.ts',
        baselineState: 'unchanged',
        suppressions: [{ kind: 'external', status: 'accepted', justification: 'accepted in seams.baseline.json' }],
      },
    ]);
  });
});

describe('seams check --format gitlab: GitLab Code Quality', () => {
  it('lists the new violations only, each major, from the repository root, with a stable fingerprint', async () => {
    const root = monorepo({
      'seams.baseline.json': JSON.stringify({
        version: 1,
        violations: [
          { rule: 'entry-point-bypassed', from: 'src/orders/refund.ts', to: 'src/billing/charge.ts', symbol: 'charge' },
        ],
      }),
      'src/orders/audit.ts': "import { charge } from '../billing/charge';\n\nexport const audit = charge;\n",
    });
    const run = await cli(['check', 'packages/shop', '--format', 'gitlab'], root);
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout);
    expect(issues).toEqual([
      {
        description:
          "src/billing/charge.ts is not a public entry point of billing: imports 'charge' from src/billing/charge.ts",
        check_name: 'entry-point-bypassed',
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        severity: 'major',
        location: { path: 'packages/shop/src/orders/audit.ts', lines: { begin: 1 } },
      },
    ]);
    // Moving the import down keeps the fingerprint; the line follows it.
    writeFileSync(
      path.join(root, 'packages/shop/src/orders/audit.ts'),
      "// audit\n\nimport { charge } from '../billing/charge';\n\nexport const audit = charge;\n",
    );
    const moved = JSON.parse((await cli(['check', 'packages/shop', '--format', 'gitlab'], root)).stdout);
    expect(moved[0].fingerprint).toBe(issues[0].fingerprint);
    expect(moved[0].location.lines.begin).toBe(3);
    // A clean check is an empty report.
    writeFileSync(path.join(root, 'packages/shop/src/orders/audit.ts'), 'export const audit = 1;\n');
    const clean = await cli(['check', 'packages/shop', '--format', 'gitlab'], root);
    expect(clean).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});

describe('seams check: wording', () => {
  it('says 1 module, and a plain ASCII minus in the summary', async () => {
    const root = tempProject(shop('', { 'src/main.ts': "import { place } from './orders/order';\n\nplace();\n" }));
    // By default an unclaimed module is a violation of its own; with "warn" it is only counted.
    expect((await cli(['check', '.'], root)).stdout).toContain(
      'seams check: +2 new, -0 fixed, 0 known (6 modules checked)',
    );
    const boundariesFile = path.join(root, 'seams.boundaries.json');
    writeFileSync(
      boundariesFile,
      JSON.stringify({ ...JSON.parse(readFileSync(boundariesFile, 'utf8')), unclaimed: 'warn' }),
    );
    const text = (await cli(['check', '.'], root)).stdout;
    expect(text).toContain('1 module belongs to no service of seams.boundaries.json and is not checked');
    expect(text).toContain('seams check: +1 new, -0 fixed, 0 known (6 modules checked)');
    expect(text).not.toContain('\u2212');
    const json = JSON.parse((await cli(['check', '.', '--format', 'json'], root)).stdout);
    expect(json.summary).toBe('+1 new, -0 fixed, 0 known');
    const github = (await cli(['check', '.', '--format', 'github'], root)).stdout;
    expect(github).toContain('::error::seams check: +1 new, -0 fixed, 0 known');
  });

  it('says 1 accepted violation in Markdown, and drops the hint to ratchet once the baseline is updated', async () => {
    const root = tempProject(
      shop('', {
        'seams.baseline.json': JSON.stringify({
          version: 1,
          violations: [
            { rule: 'entry-point-bypassed', from: 'src/orders/gone.ts', to: 'src/billing/charge.ts', symbol: 'charge' },
          ],
        }),
        'src/orders/refund.ts': "import { charge } from '../billing';\n\nexport const refund = () => charge(-1);\n",
      }),
    );
    const markdown = (await cli(['check', '.', '--format', 'markdown'], root)).stdout;
    expect(markdown).toContain(
      '1 accepted violation is fixed: run `seams check --update-baseline` to ratchet the baseline.',
    );
    expect((await cli(['check', '.'], root)).stdout).toContain('1 fixed: run --update-baseline to ratchet');
    const updated = await cli(['check', '.', '--update-baseline'], root);
    expect(updated.code).toBe(0);
    expect(updated.stdout).not.toContain('run --update-baseline');
    expect(updated.stdout).toContain('1 fixed: removed from the baseline');
    expect(updated.stdout).toContain('baseline updated: 0 accepted violations');
  });
});

describe('seams check: terminal and timings', () => {
  async function run(args: string[], cwd: string, io: { tty?: boolean; term?: string } = {}) {
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd,
      stderrIsTTY: io.tty,
      term: io.term,
    });
    return { code, stdout, stderr };
  }

  it('draws no escape codes on a TERM=dumb terminal', async () => {
    const root = tempProject(shop());
    expect((await run(['check', '.', '--no-cache'], root, { tty: true, term: 'xterm' })).stderr).toContain('\u001b[');
    expect((await run(['check', '.', '--no-cache'], root, { tty: true, term: 'dumb' })).stderr).toBe('');
    expect(
      (await run(['analyze', '.', '--no-cache', '--format', 'json'], root, { tty: true, term: 'dumb' })).stderr,
    ).toBe('');
  });

  it('--timings prints the stage times on standard error, never on standard output', async () => {
    const root = tempProject(shop());
    const result = await run(['check', '.', '--timings', '--no-cache'], root);
    expect(result.stderr).toMatch(
      /^timings \(5 modules\)\n {2}load +\d+ ms\n {2}extract +\d+ ms\n {2}graph +\d+ ms\n {2}total +\d+ ms\n {2}peak RSS +\d+ MB\n$/,
    );
    expect(result.stdout).toMatch(/^src\/orders\/refund\.ts:1 /);
    expect(result.stdout).not.toContain('timings');
  });
});
