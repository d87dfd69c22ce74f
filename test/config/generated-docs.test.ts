import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchemaText } from '../../src/config/config-schema.js';
import { main } from '../../src/cli/main.js';
import {
  analysisOnlyOptions,
  commandOptions,
  optionHelp,
  readmeBlocks,
  replaceBlock,
  updateReadme,
} from '../../src/config/option-docs.js';
import type { CommandName } from '../../src/config/options.js';
import { REPO } from '../helpers.js';

const fix = 'npm run build && node scripts/readme-tables.mjs && node scripts/config-schema.mjs';

describe('documents generated from the option table (src/config/options.ts)', () => {
  it(`README's option tables are what the table generates (fix: ${fix})`, () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    for (const name of Object.keys(readmeBlocks())) expect(readme, name).toContain(`<!-- /generated:${name} -->`);
    expect(readme).toBe(updateReadme(readme));
  });

  it(`schema/config.schema.json is what the table generates (fix: ${fix})`, () => {
    expect(readFileSync(path.join(REPO, 'schema', 'config.schema.json'), 'utf8')).toBe(configSchemaText());
  });

  it('src/config/validators.generated.ts is what Ajv compiles from the schemas (fix: npm run docs)', async () => {
    // @ts-expect-error: a build script without type declarations
    const { validatorsSource } = (await import('../../scripts/validators.mjs')) as { validatorsSource: () => string };
    const generated = readFileSync(path.join(REPO, 'src', 'config', 'validators.generated.ts'), 'utf8');
    expect(generated).toContain('export const validateBoundaries');
    expect(generated).toBe(validatorsSource());
  });

  it('a block without its markers is an error, not a silent skip', () => {
    expect(() => replaceBlock('no markers here', 'usage-options', '| x |\n')).toThrow(/markers/);
  });

  it('gives the CLI its flags, help line, choices and default', () => {
    expect(optionHelp('seed')).toEqual({
      flags: '--seed <n>',
      description: 'seed of the clustering random source (default 42)',
      choices: undefined,
      repeatable: false,
      default: 42,
    });
    expect(optionHelp('refine').description).toBe(
      "do not re-cluster large groups against modularity's resolution limit",
    );
    expect(optionHelp('include').description).toMatch(/ \(repeatable\) /);
    expect(optionHelp('level')).toMatchObject({ choices: ['service', 'module'], default: 'service' });
    expect(() => optionHelp('shell')).toThrow(/no command-line flag/);
    // What `report --from` refuses today (src/cli/main.ts), --no-cache and --no-refine included.
    expect(analysisOnlyOptions().map((name) => optionHelp(name).flags.split(' ')[0])).toEqual([
      '--tsconfig',
      '--include',
      '--exclude',
      '--include-tests',
      '--seed',
      '--resolution',
      '--granularity',
      '--kernel',
      '--semantic',
      '--stem',
      '--no-refine',
      '--git',
      '--since',
      '--config',
      '--expected',
      '--max-file-size',
      '--cache-dir',
      '--no-cache',
      '--timings',
    ]);
  });

  it.each(['analyze', 'report', 'check', 'init', 'export'] as CommandName[])(
    'the flags `seams %s --help` lists are the rows of the table for that command',
    async (command) => {
      let help = '';
      await main([command, '--help'], { stdout: (text) => (help += text), stderr: () => undefined, cwd: REPO });
      const declared = [...help.matchAll(/^ {2}((?:-\w, )?--[\w-]+)/gm)].map((match) => match[1]);
      const table = commandOptions(command).map((name) => optionHelp(name).flags.split(' <')[0]);
      expect(declared.filter((flag) => flag !== '-h, --help').sort()).toEqual(table.sort());
    },
  );
});
