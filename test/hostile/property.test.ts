import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RESERVED_SERVICE_IDS } from '../../src/config/settings.js';
import { REPO } from '../helpers.js';
import { runCli } from '../run-cli.js';

// Property-based hostile input: random small project trees with hostile file and folder names,
// random imports and exports, and random (valid or invalid) seams.config.json and tsconfig.json,
// run through the real CLI entry. Every generated tree must give a report (exit 0) or a coded error
// (exit 2, only a code the tree can explain), the same bytes on a rerun, with a cold and a warm
// cache and in every format, a schema-valid JSON report whose clusters partition the clustered
// modules and which has an edge for every import that names an analysed module correctly, and no
// file written in or next to the tree.

const SEED = 20_240_611;
const NUM_RUNS = 40;

/** Ordinary file and folder names. */
const ORDINARY = [
  'orders',
  'billing',
  'users',
  'shared',
  'index',
  'api',
  'core',
  'db',
  'util',
  'order-service',
  'src',
  'lib',
  'app',
  'payments',
];

/** Hostile pieces of file and folder names: reserved, prototype keys, unicode, control characters, markup. */
const HOSTILE = [
  // JS reserved words
  'class',
  'function',
  'default',
  'import',
  'export',
  'new',
  'delete',
  'enum',
  'await',
  'in',
  // Object.prototype names
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
  'isPrototypeOf',
  // seams's reserved service ids
  RESERVED_SERVICE_IDS.kernel,
  RESERVED_SERVICE_IDS.shell,
  RESERVED_SERVICE_IDS.unattached,
  // unicode: accents (composed and decomposed), CJK, emoji, RTL, an RTL override, Greek
  'caf\u00e9',
  'cafe\u0301',
  '日本語',
  '注文',
  '😀',
  '👩‍💻',
  'שלום',
  'مرحبا',
  '\u202eevil',
  'Ωmega',
  // spaces and control characters (no '/' and no NUL: the file system forbids them)
  'my file',
  ' lead',
  'trail ',
  'a\tb',
  'a\nb',
  'a\u0001b',
  'a\rb',
  '\u007f',
  // backslash, backtick, quotes, markup, glob and shell characters
  'a\\b',
  'back`tick',
  "it's",
  'say "hi"',
  '<img src=x onerror=alert(1)>',
  '<script>',
  '&amp;',
  '[id]',
  '{a,b}',
  '*',
  '!(x)',
  '$x',
  '%20',
  '#hash',
  '?q',
  '|pipe|',
  '(group)',
  // leading dashes and dots
  '-rf',
  '--help',
  '.hidden',
  '..dots',
  '...',
  'CON',
];

/** Folders seams leaves out of a folder scan or of the default selection: rare, or most trees would have no sources. */
const LEFT_OUT = ['node_modules', 'test', 'dist', '__tests__'];

const namePiece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ORDINARY) },
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.constantFrom(...LEFT_OUT) },
);
/** A file or folder name: one piece, or two joined; never '.' or '..'. */
const nameArbitrary = fc
  .tuple(namePiece, fc.option(namePiece, { nil: undefined, freq: 2 }), fc.constantFrom('', '-', '.', '_'))
  .map(([first, second, joint]) => (second === undefined ? first : `${first}${joint}${second}`))
  .filter((name) => name !== '.' && name !== '..' && Buffer.byteLength(name) < 200);

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mts', '.d.ts'] as const;
type Extension = (typeof EXTENSIONS)[number];

const IDENTIFIERS = [
  'order',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'caf\u00e9',
  '日本',
  '$',
  '_',
  'Ωmega',
  'as',
  'from',
  'of',
  'async',
];
const STRING_EXPORT_NAMES = ['<img src=x>', '__proto__', 'constructor', 'a b', '😀', '\n', 'default'];
const BARE_SPECIFIERS = [
  'react',
  'lodash/fp',
  '@scope/pkg',
  '@scope/pkg/deep/path',
  'node:fs',
  'fs',
  'path',
  '#internal',
  'constructor',
  '__proto__',
  'data:text/javascript,1',
  'https://example.com/x.js',
  './',
  '.',
  '..',
  '',
  'ünïcode-pkg',
];
const WRONG_SPECIFIERS = [
  './does-not-exist',
  '../../../../outside',
  './constructor',
  './__proto__',
  '../..',
  '/etc/passwd',
  './a\\b',
  'C:\\x',
  './%2e%2e/x',
  './\u0000x',
  '~/x',
];

type Form = 'named' | 'type' | 'namespace' | 'default' | 'side-effect' | 'star' | 'reexport' | 'dynamic' | 'require';
const FORMS: Form[] = [
  'named',
  'type',
  'namespace',
  'default',
  'side-effect',
  'star',
  'reexport',
  'dynamic',
  'require',
];

type Statement =
  | { kind: 'import'; form: Form; target: number; variant: number }
  | { kind: 'wrong'; form: Form; specifier: string }
  | { kind: 'bare'; form: Form; specifier: string }
  | { kind: 'export'; style: number; name: string }
  | { kind: 'string-export'; name: string }
  | { kind: 'syntax'; text: string };

const formArbitrary = fc.constantFrom(...FORMS);
const statementArbitrary: fc.Arbitrary<Statement> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      form: formArbitrary,
      target: fc.nat(),
      variant: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wrong' as const),
      form: formArbitrary,
      specifier: fc.constantFrom(...WRONG_SPECIFIERS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bare' as const),
      form: formArbitrary,
      specifier: fc.constantFrom(...BARE_SPECIFIERS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('export' as const),
      style: fc.nat({ max: 5 }),
      name: fc.constantFrom(...IDENTIFIERS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('string-export' as const),
      name: fc.constantFrom(...STRING_EXPORT_NAMES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('syntax' as const),
      text: fc.constantFrom(
        'export const = ;',
        'import {',
        '}}}{{',
        'class {',
        'import x from;',
        '"unterminated',
        '`${',
        '<div>',
        '@@@',
      ),
    }),
  },
);

interface FileSpec {
  folder: number;
  name: string;
  extension: Extension;
  empty: boolean;
  statements: Statement[];
}

const fileArbitrary: fc.Arbitrary<FileSpec> = fc.record({
  folder: fc.nat(),
  name: nameArbitrary,
  extension: fc.oneof(
    { weight: 4, arbitrary: fc.constant('.ts' as const) },
    { weight: 2, arbitrary: fc.constantFrom(...EXTENSIONS) },
  ),
  empty: fc.boolean().chain((maybe) => (maybe ? fc.nat({ max: 9 }).map((n) => n === 0) : fc.constant(false))),
  statements: fc.array(statementArbitrary, { maxLength: 7 }),
});

const globArbitrary = (folders: string[]) =>
  fc.oneof(
    fc.constantFrom(...folders).map((folder) => `${folder}/**`),
    fc.constantFrom(...folders).map((folder) => `${folder}/*`),
    fc.constantFrom(
      '**',
      '**/*.tsx',
      '*',
      '',
      '[',
      '{a,b}/**',
      '!(x)/**',
      'src/**',
      '**/constructor*',
      '../**',
      '/abs/**',
      '\\',
    ),
  );

interface ConfigSpec {
  text: string;
  /** False when the config breaks a documented rule: exit 2 with CONFIG_INVALID (or OPTION_INVALID) is then allowed. */
  valid: boolean;
}

function configArbitrary(folders: string[]): fc.Arbitrary<ConfigSpec> {
  const glob = globArbitrary(folders);
  const commonFields = fc.record(
    {
      services: fc.dictionary(nameArbitrary, fc.array(glob, { maxLength: 3 }), { maxKeys: 3 }),
      kernel: fc.oneof(fc.constantFrom('auto', 'none'), fc.array(glob, { maxLength: 2 })),
      shell: fc.oneof(fc.constantFrom('auto', 'none'), fc.array(glob, { maxLength: 2 })),
      resolution: fc.oneof(fc.constantFrom('auto' as const, 0.5, 1, 2, 5, 1000, 1e-9)),
      granularity: fc.constantFrom('file', 'folder', 'folder:1', 'folder:3'),
      seed: fc.integer({ min: -1000, max: 1000 }),
      refine: fc.boolean(),
      weights: fc.record(
        {
          runtime: fc.constantFrom(0, 1, 1000),
          type: fc.constantFrom(0, 0.5),
          dynamic: fc.constantFrom(0, 0.5),
          semantic: fc.constantFrom(0, 0.3, 5),
          stem: fc.constantFrom(0, 4),
          data: fc.constantFrom(0, 1),
          member: fc.constantFrom(0, 5),
        },
        { requiredKeys: [] },
      ),
      exclude: fc.array(glob, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  );
  // `include` narrows the selection and a small `maxFileSize` skips every file: rare, or most trees would have no sources.
  const rare = <T>(arbitrary: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
  const validFields = fc
    .tuple(
      commonFields,
      rare(fc.array(glob, { maxLength: 2 })),
      rare(fc.constantFrom(1, 100, '2MB', '1 kb', 2 * 1024 * 1024, 100_000, '10MB')),
    )
    .map(([fields, include, maxFileSize]) => ({
      ...fields,
      ...(include === undefined ? {} : { include }),
      ...(maxFileSize === undefined ? {} : { maxFileSize }),
    }));
  const invalidField = fc.constantFrom<[string, unknown]>(
    ['resolution', 0],
    ['resolution', -1],
    ['resolution', 'fast'],
    ['granularity', 'folder:0'],
    ['granularity', 'dir'],
    ['seed', 1.5],
    ['refine', 'yes'],
    ['weights', { runtime: -1 }],
    ['weights', { unknown: 1 }],
    ['kernel', 'all'],
    ['services', []],
    ['services', { '': ['**'] }],
    ['include', 'src/**'],
    ['maxFileSize', '-5MB'],
    ['git', { enabled: 'no' }],
    ['unknownField', true],
    ['services', { [RESERVED_SERVICE_IDS.kernel]: ['**'] }],
  );
  return fc.oneof(
    {
      weight: 12,
      arbitrary: validFields.map((fields) => ({
        text: JSON.stringify(fields, null, 2),
        valid: isValidServices(fields.services),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(validFields, invalidField)
        .map(([fields, [key, value]]) => ({ text: JSON.stringify({ ...fields, [key]: value }), valid: false })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '[]',
          'null',
          '"x"',
          '',
          '{"services": {"a": ["**"]}, }',
          '\ufeff{}',
          '{"__proto__": {"seed": 1}}',
        )
        .map((text) => ({ text, valid: false })),
    },
  );
}

/** Service names seams refuses (config/resolve-settings.ts): a reserved id, or blank. */
function isValidServices(services: Record<string, string[]> | undefined): boolean {
  const reserved: string[] = Object.values(RESERVED_SERVICE_IDS);
  return Object.keys(services ?? {}).every((name) => name.trim() !== '' && !reserved.includes(name));
}

interface TsconfigSpec {
  text: string;
  /** False when TypeScript may reject it: exit 2 with TSCONFIG_INVALID is then allowed. */
  valid: boolean;
  /** moduleResolution node16: an ESM import (an `import()`, any import in a `.mts` file) needs the `.js` extension. */
  node16: boolean;
}

function tsconfigArbitrary(files: string[], folders: string[]): fc.Arbitrary<TsconfigSpec> {
  const valid = fc
    .record(
      {
        compilerOptions: fc.record(
          {
            allowJs: fc.boolean(),
            strict: fc.boolean(),
            moduleResolution: fc.constantFrom('node10', 'bundler', 'node16'),
          },
          { requiredKeys: [] },
        ),
        files: fc.array(fc.oneof(fc.constantFrom(...files), fc.constantFrom('missing.ts', 'nope/x.ts')), {
          minLength: 1,
          maxLength: 4,
        }),
        include: fc.array(globArbitrary(folders), { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    )
    .map((config) => {
      // moduleResolution node16 needs module node16; keep the pair consistent.
      const compilerOptions =
        config.compilerOptions?.moduleResolution === 'node16'
          ? { ...config.compilerOptions, module: 'node16' }
          : config.compilerOptions;
      return {
        text: JSON.stringify({ ...config, ...(compilerOptions === undefined ? {} : { compilerOptions }) }, null, 2),
        valid: true,
        node16: compilerOptions?.moduleResolution === 'node16',
      };
    });
  return fc.oneof(
    { weight: 8, arbitrary: valid },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '[]',
          'null',
          '',
          '{"files": []}',
          '{"include": []}',
          '// comment\n{"include": ["**/*",],}',
          '{"compilerOptions": {"moduleResolution": "wat"}}',
        )
        .map((text) => ({ text, valid: false, node16: false })),
    },
  );
}

/** Extra CLI flags, the same for every run of a tree. */
const flagsArbitrary = fc
  .subarray(
    [
      ['--include-tests'],
      ['--granularity', 'folder'],
      ['--no-refine'],
      ['--resolution', 'auto'],
      ['--kernel', 'none'],
      ['--stem', '0'],
      ['--semantic', '0'],
      ['--seed', '7'],
    ],
    { maxLength: 3 },
  )
  .map((flags) => flags.flat());

interface TreeSpec {
  /** POSIX path (relative to the root) -> content. */
  files: Map<string, string>;
  /** Imports seams must report as edges: importer -> imported module id, when both are analysed. */
  expectedEdges: { from: string; to: string }[];
  config: ConfigSpec | null;
  tsconfig: TsconfigSpec | null;
  flags: string[];
}

const folderArbitrary = fc.array(nameArbitrary, { minLength: 1, maxLength: 3 }).map((segments) => segments.join('/'));

const treeArbitrary: fc.Arbitrary<TreeSpec> = fc
  .record({
    folders: fc.uniqueArray(folderArbitrary, { minLength: 1, maxLength: 4 }),
    files: fc.array(fileArbitrary, { minLength: 1, maxLength: 12 }),
  })
  .map(({ folders, files }) => {
    const paths = files.map((file) => `${folders[file.folder % folders.length]}/${file.name}${file.extension}`);
    return { folders, files, paths };
  })
  // A path may not be both a file and a folder, nor be written twice.
  .filter(
    ({ folders, paths }) =>
      new Set(paths).size === paths.length &&
      !paths.some((file) => folders.some((folder) => folder === file || folder.startsWith(`${file}/`))),
  )
  .chain(({ folders, files, paths }) =>
    fc.record({
      folders: fc.constant(folders),
      files: fc.constant(files),
      paths: fc.constant(paths),
      config: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: configArbitrary(folders) }),
      tsconfig: fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: tsconfigArbitrary(paths, folders) },
      ),
      flags: flagsArbitrary,
    }),
  )
  .map(({ files, paths, config, tsconfig, flags }): TreeSpec => {
    const contents = new Map<string, string>();
    const expectedEdges: { from: string; to: string }[] = [];
    files.forEach((file, index) => {
      const from = paths[index] as string;
      const hasSyntaxError = file.statements.some((statement) => statement.kind === 'syntax');
      const lines = ['const v = 1;'];
      file.statements.forEach((statement, position) => {
        if (statement.kind === 'import') {
          const targetIndex = statement.target % paths.length;
          const target = files[targetIndex] as FileSpec;
          const to = paths[targetIndex] as string;
          const specifier = relativeSpecifier(from, to, target.extension, statement.variant);
          lines.push(renderImport(statement.form, specifier, position));
          // A `.ts` target named with `.js` resolves under every module resolution (TypeScript
          // tries `.ts` first), and without extension except for an ESM import under node16;
          // TypeScript reads backslashes as separators, so a target under one is left out.
          const esm = statement.form === 'dynamic' || file.extension === '.mts';
          const extensionOk =
            statement.variant === 1 || (statement.variant === 0 && !(tsconfig?.node16 === true && esm));
          const resolvable = target.extension === '.ts' && extensionOk && !to.includes('\\') && to !== from;
          if (resolvable && !hasSyntaxError && !file.empty) expectedEdges.push({ from, to });
        } else if (statement.kind === 'wrong' || statement.kind === 'bare') {
          lines.push(renderImport(statement.form, statement.specifier, position));
        } else if (statement.kind === 'export') {
          lines.push(renderExport(statement.style, statement.name, position));
        } else if (statement.kind === 'string-export') {
          lines.push(`export { v as ${JSON.stringify(statement.name)} };`);
        } else {
          lines.push(statement.text);
        }
      });
      contents.set(from, file.empty ? '' : `${lines.join('\n')}\n`);
    });
    return { files: contents, expectedEdges, config, tsconfig, flags };
  });

/** The specifier from one generated file to another: relative, with the extension variant asked for. */
function relativeSpecifier(from: string, to: string, extension: Extension, variant: number): string {
  const stem = to.slice(0, to.length - extension.length);
  const variants: Record<Extension, string[]> = {
    '.ts': ['', '.js', '.ts', '.mjs'],
    '.tsx': ['', '.js', '.tsx', '.jsx'],
    '.js': ['', '.js', '.ts', '.cjs'],
    '.mts': ['.mjs', '.mts', '', '.js'],
    '.d.ts': ['', '.js', '.d.ts', '.ts'],
  };
  const target = `${stem}${variants[extension][variant % 4]}`;
  const relative = path.posix.relative(path.posix.dirname(from), target);
  return relative.startsWith('./') || relative.startsWith('../') ? relative : `./${relative}`;
}

function renderImport(form: Form, specifier: string, position: number): string {
  const text = JSON.stringify(specifier);
  const local = `l${position}`;
  switch (form) {
    case 'named':
      return `import { order as ${local}, constructor as ${local}c } from ${text};`;
    case 'type':
      return `import type { T as ${local} } from ${text};`;
    case 'namespace':
      return `import * as ${local} from ${text};`;
    case 'default':
      return `import ${local} from ${text};`;
    case 'side-effect':
      return `import ${text};`;
    case 'star':
      return `export * from ${text};`;
    case 'reexport':
      return `export { "__proto__" as ${local}, default as ${local}d } from ${text};`;
    case 'dynamic':
      return `export const ${local} = () => import(${text});`;
    case 'require':
      return `const ${local} = require(${text});`;
  }
}

function renderExport(style: number, name: string, position: number): string {
  switch (style) {
    case 0:
      return `export const ${name} = ${position};`;
    case 1:
      return `export function ${name}() { return ${position}; }`;
    case 2:
      return `export class ${name === '__proto__' ? 'Proto' : name} { constructor() {} toString() { return ''; } }`;
    case 3:
      return `export interface I${position} { ${name}: string }`;
    case 4:
      return `export type T${position} = { ${JSON.stringify(name)}: number };`;
    default:
      return `export default { ${name}: ${position} };`;
  }
}

/** Writes the tree into a fresh parent folder; the project is its child `project`. */
function writeTree(tree: TreeSpec): { parent: string; root: string } {
  const parent = mkdtempSync(path.join(tmpdir(), 'seams-prop-'));
  const root = path.join(parent, 'project');
  mkdirSync(root);
  for (const [name, content] of tree.files) {
    const file = path.join(root, ...name.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  if (tree.config !== null) writeFileSync(path.join(root, 'seams.config.json'), tree.config.text);
  if (tree.tsconfig !== null) writeFileSync(path.join(root, 'tsconfig.json'), tree.tsconfig.text);
  return { parent, root };
}

/** Every entry under a folder with its content (files) or a marker (folders), sorted: a cheap snapshot. */
function snapshot(folder: string): string[] {
  const entries: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        entries.push(`${relative}/`);
        walk(path.join(dir, entry.name), `${relative}/`);
      } else {
        entries.push(`${relative}\u0000${readFileSync(path.join(dir, entry.name), 'latin1')}`);
      }
    }
  };
  walk(folder, '');
  return entries.sort();
}

const cli = runCli;

const schema = JSON.parse(readFileSync(`${REPO}/schema/report.schema.json`, 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

/** A failed run: exit 2, nothing on stdout, `error [CODE] message` and `hint: ...` on stderr, no stack. */
function expectCodedError(
  result: { code: number; stdout: string; stderr: string },
  allowed: ReadonlySet<string>,
): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const match = /^error \[([A-Z_]+)\] ([^\n]*)\nhint: ([^\n]*)\n$/.exec(result.stderr);
  expect(match, `not a coded error: ${JSON.stringify(result.stderr)}`).not.toBeNull();
  const code = (match as RegExpExecArray)[1] as string;
  expect(code, result.stderr).not.toBe('INTERNAL');
  expect(allowed.has(code), `unexpected ${result.stderr}`).toBe(true);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

interface Report {
  summary: { modules: number; clusters: number };
  modules: { id: string; cluster: string | null }[];
  clusters: { id: string; modules: string[] }[];
  edges: { from: string; to: string }[];
}

/** The clusters partition the clustered modules: each module's cluster lists it, lists are disjoint, nothing else is listed. */
function expectPartition(report: Report): void {
  const ids = report.modules.map((module) => module.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(report.summary.modules).toBe(ids.length);
  expect(report.summary.clusters).toBe(report.clusters.length);
  const clusterIds = report.clusters.map((item) => item.id);
  expect(new Set(clusterIds).size).toBe(clusterIds.length);
  const listedBy = new Map<string, string[]>();
  for (const item of report.clusters)
    for (const id of item.modules) listedBy.set(id, [...(listedBy.get(id) ?? []), item.id]);
  const clustered = report.modules.filter((module) => module.cluster !== null);
  for (const module of clustered)
    expect(listedBy.get(module.id), `module ${JSON.stringify(module.id)}`).toEqual([module.cluster]);
  expect(report.clusters.reduce((sum, item) => sum + item.modules.length, 0)).toBe(clustered.length);
  expect([...listedBy.keys()].sort()).toEqual(clustered.map((module) => module.id).sort());
  const known = new Set(ids);
  for (const edge of report.edges) {
    expect(known.has(edge.from), edge.from).toBe(true);
    expect(known.has(edge.to), edge.to).toBe(true);
  }
}

const parents: string[] = [];
afterAll(() => {
  for (const parent of parents) rmSync(parent, { recursive: true, force: true });
});

describe('property: random hostile project trees through the CLI', () => {
  it('exit 0 with a valid, deterministic report, or exit 2 with a coded error; nothing written', {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(treeArbitrary, async (tree) => {
        const { parent, root } = writeTree(tree);
        parents.push(parent);
        const before = snapshot(parent);
        const allowed = new Set(['NO_SOURCE_FILES']);
        if (tree.config !== null && !tree.config.valid)
          for (const code of ['CONFIG_INVALID', 'OPTION_INVALID']) allowed.add(code);
        if (tree.tsconfig !== null && !tree.tsconfig.valid) allowed.add('TSCONFIG_INVALID');

        const json = await cli(['analyze', '.', '--no-cache', ...tree.flags, '--format', 'json'], root);
        const rerun = await cli(['analyze', '.', '--no-cache', ...tree.flags, '--format', 'json'], root);
        expect(rerun).toEqual(json);
        // A fresh cache, then the cache it filled: the same bytes as without a cache.
        const cacheParent = mkdtempSync(path.join(tmpdir(), 'seams-prop-cache-'));
        parents.push(cacheParent);
        const cacheArgs = [
          'analyze',
          '.',
          '--cache-dir',
          path.join(cacheParent, 'cache'),
          ...tree.flags,
          '--format',
          'json',
        ];
        expect(await cli(cacheArgs, root)).toEqual(json);
        expect(await cli(cacheArgs, root)).toEqual(json);

        for (const format of ['text', 'markdown']) {
          const first = await cli(['analyze', '.', '--no-cache', ...tree.flags, '--format', format], root);
          // The format changes the rendering only: the same outcome, the same error.
          expect(first.code).toBe(json.code);
          if (json.code !== 0) expect(first.stderr).toBe(json.stderr);
          expect(await cli(['analyze', '.', '--no-cache', ...tree.flags, '--format', format], root)).toEqual(first);
          if (first.code === 0) {
            expect(first.stderr).toBe('');
            expect(first.stdout.length).toBeGreaterThan(0);
          }
        }

        if (json.code === 0) {
          expect(json.stderr).toBe('');
          const report = JSON.parse(json.stdout) as Report;
          const valid = validate(report);
          expect(validate.errors ?? []).toEqual([]);
          expect(valid).toBe(true);
          expectPartition(report);
          // Imports of analysed modules by correct relative specifiers are edges.
          const analysed = new Set(report.modules.map((module) => module.id));
          const edges = new Set(report.edges.map((edge) => `${edge.from}\u0000${edge.to}`));
          for (const edge of tree.expectedEdges) {
            if (analysed.has(edge.from) && analysed.has(edge.to))
              expect(edges.has(`${edge.from}\u0000${edge.to}`), `edge ${JSON.stringify(edge)}`).toBe(true);
          }
        } else {
          expectCodedError(json, allowed);
        }
        expect(snapshot(parent)).toEqual(before);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});
