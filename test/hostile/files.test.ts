import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { writeOutput } from '../../src/cli/write-output.js';
import { SeamsError } from '../../src/base/errors.js';
import { readFileSafely } from '../../src/base/read-file-safely.js';
import { REPO, tempProject } from '../helpers.js';
import { runCli } from '../run-cli.js';

// Fixtures are built in temporary folders: a FIFO or a device link cannot be committed. Every
// case that hung or grew memory without bound before runs here under the normal test timeout.

const cli = runCli;

function fifo(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
}

const codes = (analysis: Awaited<ReturnType<typeof analyze>>) =>
  analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.file ?? ''}`.trim());

const SOURCES = { 'src/a.ts': "import { b } from './b';\nexport const a = b;\n", 'src/b.ts': 'export const b = 1;\n' };

describe('hostile files in the analysed tree: no hang, a diagnostic', () => {
  it('a FIFO package.json', async () => {
    const root = tempProject(SOURCES);
    fifo(path.join(root, 'package.json'));
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['src/a.ts->src/b.ts']);
    expect(codes(analysis)).toEqual(['NOT_A_REGULAR_FILE package.json']);
    expect(analysis.diagnostics[0]?.message).toBe(
      'a FIFO (named pipe), not a regular file; workspaces and dependencies not read',
    );
  });

  it('a package.json linked to /dev/zero (at the root and in a subfolder) is not followed', async () => {
    const root = tempProject({ ...SOURCES, 'src/c.ts': "import 'left-pad';\n", 'package.json': '{"name": "app"}' });
    symlinkSync('/dev/zero', path.join(root, 'src', 'package.json'));
    const nested = await analyze({ path: root, cache: false });
    expect(codes(nested)).toContain('FILE_SKIPPED src/package.json');
    const other = tempProject(SOURCES);
    symlinkSync('/dev/zero', path.join(other, 'package.json'));
    expect(codes(await analyze({ path: other, cache: false }))).toEqual(['FILE_SKIPPED package.json']);
  });

  it('a package.json linked to a FIFO inside the tree, and a FIFO pnpm-workspace.yaml', async () => {
    const root = tempProject(SOURCES);
    fifo(path.join(root, 'pipes', 'pipe'));
    symlinkSync(path.join(root, 'pipes', 'pipe'), path.join(root, 'package.json'));
    fifo(path.join(root, 'pnpm-workspace.yaml'));
    expect(codes(await analyze({ path: root, cache: false }))).toEqual([
      'NOT_A_REGULAR_FILE package.json',
      'NOT_A_REGULAR_FILE pnpm-workspace.yaml',
    ]);
  });

  it('a FIFO tsconfig.json at the root and in a subfolder: passed over, the folder is scanned', async () => {
    const root = tempProject(SOURCES);
    fifo(path.join(root, 'tsconfig.json'));
    fifo(path.join(root, 'src', 'tsconfig.json'));
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(codes(analysis)).toEqual(['NOT_A_REGULAR_FILE src/tsconfig.json', 'NOT_A_REGULAR_FILE tsconfig.json']);
  });

  it('a tsconfig whose extends is a FIFO (TypeScript reads it through the guard): diagnostics, analysis goes on', async () => {
    const root = tempProject({ ...SOURCES, 'tsconfig.json': '{ "extends": "./base.json", "include": ["src"] }' });
    fifo(path.join(root, 'base.json'));
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.modules).toHaveLength(2);
    expect(codes(analysis)).toEqual(['NOT_A_REGULAR_FILE base.json', 'TSCONFIG_WARNING tsconfig.json']);
  });

  it('a FIFO, a device link and a folder under source names are skipped with NOT_A_REGULAR_FILE or FILE_SKIPPED', async () => {
    const root = tempProject(SOURCES);
    fifo(path.join(root, 'src', 'pipe.ts'));
    symlinkSync('/dev/zero', path.join(root, 'src', 'zero.ts'));
    symlinkSync(path.join(root, 'src', 'pipe.ts'), path.join(root, 'src', 'linked-pipe.ts'));
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(codes(analysis)).toEqual([
      'NOT_A_REGULAR_FILE src/linked-pipe.ts',
      'NOT_A_REGULAR_FILE src/pipe.ts',
      'FILE_SKIPPED src/zero.ts',
    ]);
  });

  it('a FIFO source named by the tsconfig', async () => {
    const root = tempProject({ ...SOURCES, 'tsconfig.json': '{ "files": ["src/a.ts", "src/b.ts", "src/pipe.ts"] }' });
    fifo(path.join(root, 'src', 'pipe.ts'));
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.modules.map((module) => module.id)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(codes(analysis)).toContain('NOT_A_REGULAR_FILE src/pipe.ts');
  });
});

describe('hostile files the run depends on: a coded error, exit 2', () => {
  it('a FIFO seams.config.json, and --config naming a FIFO or a folder', async () => {
    const root = tempProject(SOURCES);
    fifo(path.join(root, 'seams.config.json'));
    expect(await cli(['analyze', '.', '--no-cache'], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        /^error \[NOT_A_REGULAR_FILE\] seams\.config\.json: a FIFO \(named pipe\), not a regular file\nhint: /,
      ),
    });
    const other = tempProject({ ...SOURCES, 'conf/.keep': '' });
    fifo(path.join(other, 'pipe.json'));
    expect((await cli(['analyze', '.', '--no-cache', '--config', 'pipe.json'], other)).stderr).toMatch(
      /^error \[NOT_A_REGULAR_FILE\] pipe\.json: a FIFO/,
    );
    expect((await cli(['analyze', '.', '--no-cache', '--config', 'conf'], other)).stderr).toMatch(
      /^error \[NOT_A_REGULAR_FILE\] conf: a folder, not a regular file/,
    );
  });

  it('a seams.config.json linked out of the analysed folder is not followed', async () => {
    const outside = tempProject({ 'config.json': '{}' });
    const root = tempProject(SOURCES);
    symlinkSync(path.join(outside, 'config.json'), path.join(root, 'seams.config.json'));
    expect((await cli(['analyze', '.', '--no-cache'], root)).stderr).toMatch(
      /^error \[FILE_SKIPPED\] seams\.config\.json: symbolic link to a file outside the analysed folder/,
    );
  });

  it('--tsconfig naming a FIFO', async () => {
    const root = tempProject(SOURCES);
    fifo(path.join(root, 'pipe.json'));
    const result = await cli(['analyze', '.', '--no-cache', '--tsconfig', 'pipe.json'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \[NOT_A_REGULAR_FILE\] pipe\.json: a FIFO/);
  });

  it('--expected and report --from naming a FIFO', async () => {
    const root = tempProject(SOURCES);
    fifo(path.join(root, 'pipe.json'));
    expect((await cli(['analyze', '.', '--no-cache', '--expected', 'pipe.json'], root)).stderr).toMatch(
      /^error \[NOT_A_REGULAR_FILE\] pipe\.json: a FIFO/,
    );
    expect((await cli(['report', '--from', 'pipe.json'], root)).stderr).toMatch(
      /^error \[NOT_A_REGULAR_FILE\] pipe\.json: a FIFO/,
    );
  });
});

describe('seams check: an unreadable baseline or boundaries file is an error, never an empty baseline', () => {
  const boundaries = JSON.stringify({
    version: 1,
    services: { a: { modules: ['src/a.ts'] }, b: { modules: ['src/b.ts'] } },
  });

  it('a baseline that is a folder, a FIFO, or --baseline naming a folder: exit 2', async () => {
    const root = tempProject({ ...SOURCES, 'seams.boundaries.json': boundaries });
    // the import a -> b breaks the boundaries: with an empty baseline the gate would fail with exit 1
    expect((await cli(['check', '.', '--no-cache'], root)).code).toBe(1);
    mkdirSync(path.join(root, 'seams.baseline.json'));
    expect(await cli(['check', '.', '--no-cache'], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        /^error \[NOT_A_REGULAR_FILE\] seams\.baseline\.json: a folder, not a regular file\nhint: /,
      ),
    });
    expect((await cli(['check', '.', '--no-cache', '--baseline', 'src'], root)).stderr).toMatch(
      /^error \[NOT_A_REGULAR_FILE\] src: a folder/,
    );
    const other = tempProject({ ...SOURCES, 'seams.boundaries.json': boundaries });
    fifo(path.join(other, 'seams.baseline.json'));
    expect((await cli(['check', '.', '--no-cache'], other)).stderr).toMatch(
      /^error \[NOT_A_REGULAR_FILE\] seams\.baseline\.json: a FIFO/,
    );
  });

  it('a missing baseline is still an empty baseline (the documented behaviour)', async () => {
    const root = tempProject({ ...SOURCES, 'seams.boundaries.json': boundaries });
    const result = await cli(['check', '.', '--no-cache', '--baseline', 'none.json'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('+1 new');
  });

  it('a FIFO boundaries file: its own code, not "not found"', async () => {
    const root = tempProject(SOURCES);
    fifo(path.join(root, 'seams.boundaries.json'));
    expect((await cli(['check', '.', '--no-cache'], root)).stderr).toMatch(
      /^error \[NOT_A_REGULAR_FILE\] seams\.boundaries\.json: a FIFO/,
    );
  });
});

describe('readFileSafely', () => {
  it('caps the size, refuses devices, reads /proc files that report size 0', () => {
    const root = tempProject({ 'big.json': 'x'.repeat(2048) });
    expect(readFileSafely(path.join(root, 'big.json'), { root, maxBytes: 1024 })).toEqual({
      ok: false,
      missing: false,
      code: 'FILE_TOO_LARGE',
      message: '2 KB is over the 1 KB limit',
    });
    expect(readFileSafely('/dev/zero', { root: null, maxBytes: 1024 })).toMatchObject({
      ok: false,
      code: 'NOT_A_REGULAR_FILE',
      message: 'a character device, not a regular file',
    });
    expect(readFileSafely(path.join(root, 'none.json'), { root, maxBytes: 1024 })).toMatchObject({
      ok: false,
      missing: true,
    });
    const status = readFileSafely('/proc/self/status', { root: null, maxBytes: 1 << 20 });
    expect(status.ok && status.bytes.toString('utf8')).toMatch(/^Name:/);
  });
});

describe('-o: what is at the path decides how it is written', () => {
  const project = () => tempProject({ 'a.ts': 'export const a = 1;\n' });

  it('-o dir/ and -o <existing folder> are coded errors; no file named dir is written', async () => {
    const root = project();
    const slash = await cli(['analyze', '.', '--no-cache', '-o', 'out/'], root);
    expect(slash).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^error \[OUTPUT_NOT_A_FILE\] out\/: names a folder, not a file\nhint: /),
    });
    expect(existsSync(path.join(root, 'out'))).toBe(false);
    mkdirSync(path.join(root, 'reports'));
    expect((await cli(['analyze', '.', '--no-cache', '-o', 'reports'], root)).stderr).toMatch(
      /^error \[OUTPUT_NOT_A_FILE\] reports: is a folder, not a file seams may write/,
    );
    expect(statSync(path.join(root, 'reports')).isDirectory()).toBe(true);
    symlinkSync(path.join(root, 'reports'), path.join(root, 'to-folder'));
    expect((await cli(['analyze', '.', '--no-cache', '-o', 'to-folder'], root)).stderr).toMatch(
      /^error \[OUTPUT_NOT_A_FILE\] to-folder: is a symbolic link to a folder/,
    );
    expect(lstatSync(path.join(root, 'to-folder')).isSymbolicLink()).toBe(true);
  });

  it('-o /dev/null is written straight: /dev/null stays a character device (run as the built CLI)', () => {
    const root = project();
    const result = spawnSync(
      process.execPath,
      [path.join(REPO, 'bin', 'seams.js'), 'analyze', '.', '--no-cache', '--quiet', '-o', '/dev/null'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.includes('seams-tmp'))).toEqual([]);
  });

  it('a link to a character device is written through and kept; a link to a regular file is replaced, its target untouched', async () => {
    const root = project();
    symlinkSync('/dev/null', path.join(root, 'sink'));
    expect((await cli(['analyze', '.', '--no-cache', '-o', 'sink'], root)).code).toBe(0);
    expect(lstatSync(path.join(root, 'sink')).isSymbolicLink()).toBe(true);
    const outside = tempProject({ 'keep.txt': 'keep\n' });
    symlinkSync(path.join(outside, 'keep.txt'), path.join(root, 'report.txt'));
    expect((await cli(['analyze', '.', '--no-cache', '-o', 'report.txt'], root)).code).toBe(0);
    expect(lstatSync(path.join(root, 'report.txt')).isFile()).toBe(true);
    expect(readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('keep\n');
  });

  it('a FIFO with a reader is written straight', () => {
    const root = project();
    fifo(path.join(root, 'pipe'));
    writeFileSync(
      path.join(root, 'write.mjs'),
      `import { writeOutput } from ${JSON.stringify(path.join(REPO, 'dist', 'cli', 'write-output.js'))};\nwriteOutput('pipe', 'through the pipe\\n', process.cwd());\n`,
    );
    execFileSync('sh', ['-c', 'cat pipe > got.txt & "$0" write.mjs; wait', process.execPath], {
      cwd: root,
      timeout: 30_000,
    });
    expect(readFileSync(path.join(root, 'got.txt'), 'utf8')).toBe('through the pipe\n');
  });

  it('an existing regular file is replaced atomically and keeps its permissions; no temporary file is left', () => {
    const root = project();
    writeFileSync(path.join(root, 'out.txt'), 'old');
    chmodSync(path.join(root, 'out.txt'), 0o640);
    writeOutput('out.txt', 'new', root);
    expect(readFileSync(path.join(root, 'out.txt'), 'utf8')).toBe('new');
    expect(statSync(path.join(root, 'out.txt')).mode & 0o777).toBe(0o640);
    expect(readdirSync(root).sort()).toEqual(['a.ts', 'out.txt']);
  });

  it('an exception while producing the text removes the temporary file and is not disguised as OUTPUT_FAILED', () => {
    const root = project();
    function* failing(): Generator<string> {
      yield 'x'.repeat(2 << 20);
      throw new Error('renderer bug');
    }
    expect(() => writeOutput('out.txt', failing(), root)).toThrow(/^renderer bug$/);
    expect(readdirSync(root)).toEqual(['a.ts']);
    expect(() => writeOutput('missing/out.txt', 'x', root)).toThrow(SeamsError);
  });

  it('SIGTERM while writing leaves no temporary file behind (run as the built module)', () => {
    const root = project();
    const script = [
      `import { writeOutput } from ${JSON.stringify(path.join(REPO, 'dist', 'cli', 'write-output.js'))};`,
      "function* text() { yield 'x'.repeat(2 << 20); process.kill(process.pid, 'SIGTERM'); yield 'y'.repeat(2 << 20); }",
      "writeOutput('out.txt', text(), process.cwd());",
      "setTimeout(() => process.stdout.write('still running'), 2000);",
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.signal).toBe('SIGTERM');
    expect(result.stdout).toBe('');
    expect(readdirSync(root).filter((name) => name.includes('seams-tmp'))).toEqual([]);
  });
});
