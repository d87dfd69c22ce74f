import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { configSchema, optionsSchema } from '../../src/config/config-schema.js';
import { OPTIONS, type OptionSpec } from '../../src/config/options.js';
import { resolveSettings, type AnalyzeOptions } from '../../src/config/resolve-settings.js';
import { tempProject } from '../helpers.js';

const optionError = (options: AnalyzeOptions): string => {
  try {
    resolveSettings({ path: tempProject({ 'a.ts': '' }), ...options });
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return `${code} ${message}`;
  }
  return 'accepted';
};

describe('one check for the config file, the flags and the library options', () => {
  it.each([
    [{ seed: 1.5 }, 'OPTION_INVALID --seed must be an integer, got 1.5'],
    [{ resolution: -1 }, 'OPTION_INVALID --resolution must be a positive number, got -1'],
    [{ resolution: 5000 }, 'OPTION_INVALID --resolution must be a number of at most 1000, got 5000'],
    [{ semanticWeight: -1 }, 'OPTION_INVALID --semantic must be a number of at least 0, got -1'],
    [{ stemWeight: 1e308 }, 'OPTION_INVALID --stem must be a number of at most 1000, got 1e+308'],
    [{ memberWeight: Number.NaN }, 'OPTION_INVALID "memberWeight" must be a number from 0 to 1000, got NaN'],
    [
      { kernel: 'sometimes' as 'auto' },
      `OPTION_INVALID --kernel must be "auto", "none" or an array of globs, got 'sometimes'`,
    ],
    [
      { granularity: 'module' },
      `OPTION_INVALID --granularity must be "file", "folder" or "folder:<depth>", got 'module'`,
    ],
    [
      { granularity: 'folder:1000' },
      `OPTION_INVALID --granularity must be "file", "folder" or "folder:<depth>", got 'folder:1000'`,
    ],
    [
      { maxFileSize: '0MB' },
      `OPTION_INVALID --max-file-size must be a positive number of bytes or a size such as "2MB", got '0MB'`,
    ],
    [{ refine: 'no' as unknown as boolean }, `OPTION_INVALID --refine must be true or false, got 'no'`],
    [{ since: ' ' }, `OPTION_INVALID --since must be a non-empty date string such as "2 years ago", got ' '`],
    [
      { services: { 'shared-kernel': ['src/**'] } },
      'OPTION_INVALID "services" pins a service named "shared-kernel", an id seams reserves for the shared kernel: list its globs under "kernel"',
    ],
    [{ services: { ' ': ['src/**'] } }, 'OPTION_INVALID "services" has an empty service name'],
    [
      { services: { billing: 'src/**' as unknown as string[] } },
      `OPTION_INVALID "services.billing" must be an array of globs, got 'src/**'`,
    ],
  ])('%o is refused with the same rule as the config file', (options, expected) => {
    expect(optionError(options)).toBe(expected);
  });

  it('names the flag and its default in the hint', () => {
    expect(() => resolveSettings({ path: tempProject({ 'a.ts': '' }), resolution: 0 })).toThrowError(
      expect.objectContaining({ hint: expect.stringMatching(/^--resolution: Louvain resolution .*\(default 2\)$/) }),
    );
  });

  it('takes every weight, unset (undefined or null) options, and a size with a unit', () => {
    const settings = resolveSettings({
      path: tempProject({ 'a.ts': '' }),
      runtimeWeight: 2,
      dataWeight: 1,
      maxFilesPerCommit: 10,
      seed: null as unknown as number,
      maxFileSize: '500 KB',
    });
    expect(settings.cluster).toMatchObject({ runtimeWeight: 2, dataWeight: 1, maxFilesPerCommit: 10, seed: 42 });
    expect(settings.maxFileSize).toBe(500 * 1024);
  });

  it('a pinned service may be named __proto__ or constructor, in the file and in the options', () => {
    const root = tempProject({
      'a.ts': '',
      'seams.config.json': '{"services": {"__proto__": ["src/a/**"], "constructor": ["src/b/**"]}}',
    });
    const services = resolveSettings({ path: root, services: { toString: ['src/c/**'] } }).cluster.services;
    expect(Object.entries(services)).toEqual([
      ['__proto__', ['src/a/**']],
      ['constructor', ['src/b/**']],
      ['toString', ['src/c/**']],
    ]);
  });
});

describe('the option table', () => {
  const specs = Object.entries(OPTIONS) as [string, OptionSpec][];

  it('gives every default a value its own schema accepts', () => {
    const ajv = new Ajv2020.default({ strict: false, strictNumbers: true });
    for (const [name, spec] of specs) {
      if (spec.schema === null || spec.default === null) continue;
      expect(ajv.validate(spec.schema, spec.default), name).toBe(true);
    }
  });

  it('is what resolveSettings falls back to', () => {
    const settings = resolveSettings({ path: tempProject({ 'a.ts': '' }) });
    const cluster: Record<string, unknown> = { ...settings.cluster };
    for (const name of ['seed', 'resolution', 'kernel', 'shell', 'refine', 'git', 'since', 'maxFilesPerCommit'])
      expect(cluster[name], name).toEqual(OPTIONS[name as keyof typeof OPTIONS].default);
    for (const [name, spec] of specs)
      if (spec.configKey?.startsWith('weights.')) expect(cluster[name], name).toBe(spec.default);
    expect(settings.maxFileSize).toBe(OPTIONS.maxFileSize.default);
  });

  it('has a flag or a config key on every row, unique flags per command, and one-line descriptions', () => {
    const seen = new Set<string>();
    for (const [name, spec] of specs) {
      expect(spec.flag !== null || spec.configKey !== null, name).toBe(true);
      expect(spec.description, name).not.toMatch(/\n|\.$/);
      for (const command of spec.commands) {
        const key = `${command} ${spec.flag?.split(' ')[0]}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('builds one schema per use from the same value schemas', () => {
    const file = configSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    const options = optionsSchema() as { properties: Record<string, unknown> };
    expect(file.properties.weights?.properties?.semantic).toMatchObject(OPTIONS.semanticWeight.schema as object);
    expect(options.properties.semanticWeight).toEqual(OPTIONS.semanticWeight.schema);
  });
});
