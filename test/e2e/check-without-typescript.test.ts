import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../helpers.js';

const run = promisify(execFile);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(REPO, 'bin', 'seams.js');

/**
 * A `seams check` with nothing to parse (no file changed since the last check, the tsconfigs'
 * reading stored) must not load TypeScript, nor the YAML parser for an unchanged pnpm workspace
 * file: the built CLI is run with a preloaded module that says, as the process exits, whether
 * TypeScript's file was compiled or required and whether the `yaml` package is among the loaded
 * CommonJS modules.
 */
describe('a check with no changed file', () => {
  it('does not load TypeScript or the YAML parser; one with a changed file does, and both give the cold verdict', async () => {
    const root = tempProject({
      'pnpm-workspace.yaml': "packages:\n  - 'libs/*'\n",
      'libs/money/package.json': JSON.stringify({ name: '@acme/money', main: 'index.ts' }),
      'libs/money/index.ts': 'export const cents = 100;\n',
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, baseUrl: '.' }, include: ['src'] }),
      'src/orders/order.ts':
        "import { price } from '../billing/price';\nimport { cents } from '@acme/money';\nexport const order = () => price * cents;\n",
      'src/billing/price.ts':
        "import { order } from '../orders/order';\nexport const price = 1;\nexport const o = order;\n",
      'seams.boundaries.json': JSON.stringify({
        version: 1,
        services: { orders: { modules: ['src/orders/**'] }, billing: { modules: ['src/billing/**'] } },
      }),
    });
    const scratch = mkdtempSync(path.join(tmpdir(), 'seams-no-ts-'));
    const probe = path.join(scratch, 'probe.mjs');
    // TypeScript is compiled through vm.Script (load-typescript.ts, V8's code cache) or, failing
    // that, required: the probe watches both, as the CLI runs from its bundle (scripts/bundle.mjs).
    writeFileSync(
      probe,
      [
        `import { createRequire } from 'node:module';`,
        `import vm from 'node:vm';`,
        'let compiled = false;',
        'const Script = vm.Script;',
        'vm.Script = class extends Script {',
        '  constructor(code, options) {',
        '    super(code, options);',
        `    if (/[\\\\/]typescript\\.js$/.test(String(options?.filename))) compiled = true;`,
        '  }',
        '};',
        'const cache = createRequire(import.meta.url).cache;',
        `const loaded = (part) => Object.keys(cache).some((file) => file.includes(part));`,
        `process.on('exit', () => process.stderr.write('typescript loaded: ' + (compiled || loaded('/@ts-morph/common/dist/typescript.js')) + '\\nyaml loaded: ' + loaded('/node_modules/yaml/dist/') + '\\n'));`,
        '',
      ].join('\n'),
    );
    const check = async (...extra: string[]) => {
      const args = ['--import', pathToFileURL(probe).href, BIN, 'check', root, '--format', 'json', ...extra];
      const result = await run(process.execPath, args, { cwd: REPO }).catch(
        (error: { stdout: string; stderr: string; code: number }) => error,
      );
      return {
        verdict: JSON.parse(result.stdout) as unknown,
        loaded: /typescript loaded: (true|false)/.exec(result.stderr)?.[1],
        yaml: /yaml loaded: (true|false)/.exec(result.stderr)?.[1],
      };
    };
    const cacheDir = path.join(scratch, 'cache');
    const first = await check('--cache-dir', cacheDir);
    expect(first.loaded).toBe('true');
    expect(first.yaml).toBe('true');
    const again = await check('--cache-dir', cacheDir);
    expect(again.loaded).toBe('false');
    expect(again.yaml).toBe('false');
    const cold = await check('--no-cache');
    expect(again.verdict).toEqual(cold.verdict);
    expect(JSON.stringify(cold.verdict)).toContain('src/orders/order.ts');
    appendFileSync(path.join(root, 'src/orders/order.ts'), 'export const more = 2;\n');
    const changed = await check('--cache-dir', cacheDir);
    expect(changed.loaded).toBe('true');
    expect(changed.yaml).toBe('false');
    // The workspace file changed: read with the parser again.
    writeFileSync(path.join(root, 'pnpm-workspace.yaml'), "packages:\n  - 'libs/*'\n  - 'tools/*'\n");
    const workspaceChanged = await check('--cache-dir', cacheDir);
    expect(workspaceChanged.yaml).toBe('true');
    expect(workspaceChanged.verdict).toEqual((await check('--no-cache')).verdict);
    expect(changed.verdict).toEqual((await check('--no-cache')).verdict);
  });
});
