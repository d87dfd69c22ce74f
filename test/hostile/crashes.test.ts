import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { initBoundaries } from '../../src/gate/init-boundaries.js';
import { tempProject } from '../helpers.js';
import { runCli } from '../run-cli.js';

const cli = runCli;

const DEPTH = 3000;
// One term a line, so the file does not look minified (MINIFIED_FILE skips one 15,000-character line).
const sum = `export const x =\n  ${Array.from({ length: DEPTH }, (_, index) => index).join(' +\n  ')};\n`;
const elseIf = [
  'export function pick(n: number): string {',
  '  if (n === 0) { return "0"; }',
  ...Array.from({ length: DEPTH - 1 }, (_, index) => `  else if (n === ${index + 1}) { return "${index + 1}"; }`),
  '  else { return "many"; }',
  '}',
  '',
].join('\n');

/** Modules that name Object.prototype members, importing one another and imported from billing. */
const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
function hostileFolders(): Record<string, string> {
  const files: Record<string, string> = {};
  HOSTILE.forEach((name, index) => {
    const next = HOSTILE[(index + 1) % HOSTILE.length] as string;
    files[`src/${name}/${name}.ts`] =
      `import { ${ident(next)} } from '../${next}/${next}';\nexport const ${ident(name)} = () => ${ident(next)};\n`;
    const other = name === 'constructor' ? 'toString' : 'constructor';
    files[`src/${name}/${other}.ts`] =
      `import { ${ident(name)} } from './${name}';\nexport const ${ident(name)}Ctor = ${ident(name)};\n`;
  });
  files['src/billing/invoice.ts'] =
    `${HOSTILE.map((name) => `import { ${ident(name)} } from '../${name}/${name}';`).join('\n')}\nexport const invoice = [${HOSTILE.map(ident).join(', ')}];\n`;
  files['src/billing/payment.ts'] = "import { invoice } from './invoice';\nexport const payment = invoice;\n";
  files['src/orders/order.ts'] =
    "import { payment } from '../billing/payment';\nimport { toStringCtor } from '../toString/constructor';\nexport const order = [payment, toStringCtor];\n";
  return files;
}
function ident(name: string): string {
  return `m_${name.replace(/_/g, '')}`;
}

describe('hostile input: deep syntax', () => {
  it(`a ${DEPTH}-term sum analyses to exit 0 with its imports`, async () => {
    const root = tempProject({
      'deep.ts': `import { b } from './b';\n${sum}export const y = b;\n`,
      'b.ts': 'export const b = 1;\n',
    });
    const analysis = await analyze({ path: root });
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['deep.ts->b.ts']);
    expect(analysis.diagnostics).toEqual([]);
    const result = await cli(['analyze', '.', '--no-cache'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it(`a ${DEPTH}-branch else-if chain analyses to exit 0, and an import() deep inside it is found`, async () => {
    const deep = elseIf.replace('else { return "many"; }', 'else { void import(\'./late\'); return "many"; }');
    const root = tempProject({ 'chain.ts': deep, 'late.ts': 'export const late = 1;\n' });
    const analysis = await analyze({ path: root });
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['chain.ts->late.ts']);
    expect(analysis.diagnostics).toEqual([]);
    const result = await cli(['analyze', '.', '--no-cache'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
  it("code too deep for TypeScript's own recursive parser is a SYNTAX_TOO_DEEP diagnostic for that file, and the run goes on", async () => {
    // 100,000 nested parentheses, one a line: no JavaScript stack parses this recursively.
    const parens = `export const x =\n${'(\n'.repeat(100_000)}1${'\n)'.repeat(100_000)};\n`;
    const root = tempProject({
      'a.ts': "import { b } from './b';\nimport { x } from './parens';\nexport const a = [b, x];\n",
      'b.ts': 'export const b = 1;\n',
      'parens.ts': parens,
    });
    const analysis = await analyze({ path: root });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['a.ts', 'b.ts', 'parens.ts']);
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['a.ts->b.ts', 'a.ts->parens.ts']);
    expect(analysis.diagnostics).toEqual([
      expect.objectContaining({ code: 'SYNTAX_TOO_DEEP', file: 'parens.ts', line: 1 }),
    ]);
    const result = await cli(['analyze', '.', '--no-cache'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('hostile input: names of Object.prototype members', () => {
  it('folders named constructor, __proto__, toString, hasOwnProperty: every module is in the partition', async () => {
    const files = hostileFolders();
    const root = tempProject(files);
    const analysis = await analyze({ path: root });
    const ids = Object.keys(files).sort();
    expect(analysis.graph.modules.map((module) => module.id).sort()).toEqual(ids);
    expect(analysis.partition.clusters.flatMap((cluster) => cluster.modules).sort()).toEqual(ids);
    for (const id of ids) expect(Object.hasOwn(analysis.partition.assignment, id)).toBe(true);
    const again = await analyze({ path: root });
    expect(JSON.stringify(again.partition)).toBe(JSON.stringify(analysis.partition));
    for (const format of ['text', 'json', 'markdown', 'html', 'dot', 'mermaid']) {
      const result = await cli(['analyze', '.', '--no-cache', '--format', format], root);
      expect(result.stderr, format).toBe('');
      expect(result.code, format).toBe(0);
    }
  });

  it('the same names as pinned services hold their modules', async () => {
    const files = hostileFolders();
    const services = Object.fromEntries(HOSTILE.map((name) => [name, [`src/${name}/**`]]));
    const root = tempProject({ ...files, 'seams.config.json': JSON.stringify({ services }) });
    const analysis = await analyze({ path: root });
    for (const name of HOSTILE) {
      const cluster = analysis.partition.clusters.find((item) => item.id === name);
      const modules = Object.keys(files)
        .filter((id) => id.startsWith(`src/${name}/`))
        .sort();
      expect(modules).toHaveLength(2);
      expect(cluster, name).toMatchObject({ kind: 'service', pinned: true, modules });
    }
    const ids = Object.keys(files).sort();
    expect(analysis.partition.clusters.flatMap((cluster) => cluster.modules).sort()).toEqual(ids);
    // Records keyed by service name keep every name as an own key (an assigned `__proto__` is lost).
    for (const service of analysis.metrics.services) expect(typeof service.interfaces, service.cluster).toBe('number');
    const { boundaries } = initBoundaries(analysis);
    expect(Object.keys(boundaries.services).sort()).toEqual(
      analysis.partition.clusters.map((cluster) => cluster.id).sort(),
    );
    for (const format of ['text', 'json', 'markdown', 'html', 'dot', 'mermaid']) {
      const result = await cli(['analyze', '.', '--no-cache', '--format', format], root);
      expect(result.stderr, format).toBe('');
      expect(result.code, format).toBe(0);
    }
  });

  for (const reserved of ['shared-kernel', 'composition-root', 'unattached']) {
    it(`a pinned service named ${reserved} is CONFIG_INVALID, one line and a hint, exit 2`, async () => {
      const root = tempProject({
        ...hostileFolders(),
        'seams.config.json': JSON.stringify({ services: { [reserved]: ['src/billing/**'] } }),
      });
      const result = await cli(['analyze', '.', '--no-cache'], root);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`^error \\[CONFIG_INVALID\\] [^\\n]*"${reserved}"[^\\n]*\\nhint: [^\\n]+\\n$`),
      );
      await expect(analyze({ path: root })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    });
  }

  it('--move into a reserved id the partition does not have is OPTION_INVALID, exit 2 (it would make a service named like the kernel)', async () => {
    const root = tempProject(hostileFolders());
    const result = await cli(
      ['analyze', '.', '--no-cache', '--kernel', 'none', '--move', 'src/billing/**=shared-kernel'],
      root,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error \[OPTION_INVALID\] --move src\/billing\/\*\*=shared-kernel: [^\n]*\nhint: [^\n]+\n$/,
    );
    const named = await cli(
      ['analyze', '.', '--no-cache', '--kernel', 'none', '--move', 'src/billing/**=__proto__', '--format', 'json'],
      root,
    );
    expect(named.stderr).toBe('');
    expect(named.code).toBe(0);
    const moved = JSON.parse(named.stdout) as { modules: { id: string; cluster: string | null }[] };
    expect(moved.modules.filter((module) => module.cluster === '__proto__').map((module) => module.id)).toEqual([
      'src/billing/invoice.ts',
      'src/billing/payment.ts',
    ]);
  });
});

describe('hostile input: --expected keys and services named like Object.prototype members', () => {
  // Module ids and services of an expected partition: `__proto__` and `constructor` are keys like any other.
  const text = `{"__proto__": "a", "constructor": "b", "toString": "c", "src/x.ts": "__proto__", "src/y.ts": "__proto__", "src/z.ts": "constructor"}`;
  const files = {
    'src/x.ts': "import { y } from './y';\nexport const x = y;\n",
    'src/y.ts': 'export const y = 1;\n',
    'src/z.ts': "import { x } from './x';\nexport const z = x;\n",
    'labels.json': text,
    'renamed.json': JSON.stringify({ p: 'a', c: 'b', t: 'c', 'src/x.ts': 'one', 'src/y.ts': 'one', 'src/z.ts': 'two' }),
  };

  it('a file and an inline map both keep every key, in a map without a prototype', () => {
    const root = tempProject(files);
    for (const expected of ['labels.json', JSON.parse(text) as Record<string, string>]) {
      const settings = resolveSettings({ path: root, cwd: root, expected });
      const map = settings.expected as Record<string, string>;
      expect(Object.getPrototypeOf(map)).toBeNull();
      expect(Object.keys(map).sort()).toEqual([
        '__proto__',
        'constructor',
        'src/x.ts',
        'src/y.ts',
        'src/z.ts',
        'toString',
      ]);
      expect(Object.entries(map).sort()).toEqual([
        ['__proto__', 'a'],
        ['constructor', 'b'],
        ['src/x.ts', '__proto__'],
        ['src/y.ts', '__proto__'],
        ['src/z.ts', 'constructor'],
        ['toString', 'c'],
      ]);
      expect(Object.getOwnPropertyDescriptor(map, '__proto__')?.value).toBe('a');
      expect(map.constructor).toBe('b');
      expect(map.toString).toBe('c');
    }
  });

  it('agreement counts every key: the same partition with plain names scores the same', async () => {
    const root = tempProject(files);
    const hostile = await cli(['analyze', '.', '--expected', 'labels.json', '--format', 'json', '--no-cache'], root);
    const plain = await cli(['analyze', '.', '--expected', 'renamed.json', '--format', 'json', '--no-cache'], root);
    expect(hostile.stderr).toBe('');
    expect(hostile.code).toBe(0);
    const agreement = JSON.parse(hostile.stdout).metrics.expected;
    // Three module ids of the file are not analysed: __proto__, constructor and toString.
    expect(agreement).toMatchObject({ compared: 3, missingFromExpected: 0, missingFromAnalysis: 3 });
    expect(agreement).toEqual(JSON.parse(plain.stdout).metrics.expected);
  });
});
