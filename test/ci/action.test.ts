import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, tempProject } from '../helpers.js';

// GitHub cannot run here, so the action's own shell steps run as GitHub would run them: bash, the
// action folder as GITHUB_ACTION_PATH, the step's env, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
// The build step is `npm ci && npm run build`, which CI itself runs on every commit.

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  if?: string;
}

const action = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
};

function runStep(
  step: Step,
  cwd: string,
  inputs: Record<string, string>,
  files: { output: string; summary: string },
  outputs: Record<string, string> = {},
) {
  const expand = (text: string) =>
    text
      .replace(
        /\$\{\{ inputs\.([\w-]+) \}\}/g,
        (_all, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '',
      )
      .replace(/\$\{\{ steps\.check\.outputs\.([\w-]+) \}\}/g, (_all, name: string) => outputs[name] ?? '');
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value)]));
  return spawnSync('bash', ['-e', '-c', expand(step.run ?? '')], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      GITHUB_ACTION_PATH: REPO,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
    },
  });
}

function project(extra: Record<string, string> = {}) {
  return tempProject({
    'src/billing/charge.ts': 'export const charge = (amount: number) => amount;\n',
    'src/orders/order.ts': "import { charge } from '../billing/charge';\nexport const place = () => charge(1);\n",
    'seams.boundaries.json': JSON.stringify({
      version: 1,
      services: {
        billing: { modules: ['src/billing/**'] },
        orders: { modules: ['src/orders/**'], allow: ['billing'] },
      },
    }),
    ...extra,
  });
}

describe('action.yml (GitHub Action), its shell steps run as GitHub runs them', () => {
  const steps = action.runs.steps;
  const check = steps.find((step) => step.id === 'check') as Step;
  const verdict = steps.find((step) => step.name === 'Verdict') as Step;

  it('is a composite action that builds seams, checks, uploads SARIF and ends with the verdict', () => {
    expect(action.runs.using).toBe('composite');
    expect(steps.map((step) => step.uses?.split('@')[0] ?? step.name)).toEqual([
      'actions/setup-node',
      'Build seams',
      'seams check',
      'github/codeql-action/upload-sarif',
      'Verdict',
    ]);
    expect(steps.find((step) => step.name === 'Build seams')?.run).toContain('npm run build');
  });

  it('passes on a clean project: SARIF written, Markdown summary appended, exit-code 0', () => {
    const root = project();
    const scratch = mkdtempSync(path.join(tmpdir(), 'seams-action-'));
    const files = { output: path.join(scratch, 'output'), summary: path.join(scratch, 'summary.md') };
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const result = runStep(check, root, { path: '.' }, files);
    expect(result.status).toBe(0);
    expect(readFileSync(files.output, 'utf8')).toBe('exit-code=0\n');
    expect(JSON.parse(readFileSync(path.join(root, 'seams.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(files.summary, 'utf8')).toContain('seams check');
    expect(runStep(verdict, root, {}, files, { 'exit-code': '0' }).status).toBe(0);
  });

  it('fails the job on a new forbidden import, with an annotation on the file', () => {
    const root = project({
      'src/billing/refund.ts': "import { place } from '../orders/order';\nexport const refund = place;\n",
    });
    const scratch = mkdtempSync(path.join(tmpdir(), 'seams-action-'));
    const files = { output: path.join(scratch, 'output'), summary: path.join(scratch, 'summary.md') };
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const result = runStep(check, root, { path: '.' }, files);
    expect(result.status).toBe(0);
    expect(readFileSync(files.output, 'utf8')).toBe('exit-code=1\n');
    expect(result.stdout).toMatch(/::error file=src\/billing\/refund\.ts,line=1,/);
    const sarif = JSON.parse(readFileSync(path.join(root, 'seams.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(runStep(verdict, root, {}, files, { 'exit-code': '1' }).status).toBe(1);
  });
});
