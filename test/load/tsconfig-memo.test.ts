import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ts } from '../../src/base/typescript.js';
import { directoryExists, fileExists, folderEntries, realPath } from '../../src/load/file-probes.js';
import { findWorkspaces } from '../../src/load/find-workspaces.js';
import { FOLDER_SCAN_OPTIONS } from '../../src/load/load-project.js';
import { readTsconfig, type TsconfigContents } from '../../src/load/read-tsconfig.js';
import { TsconfigMemo } from '../../src/load/tsconfig-memo.js';
import { tempProject } from '../helpers.js';

/** Reads `file` through a memo opened from `cacheDir` (as a run does), saving it after; whether the stored reading was taken. */
function throughMemo(file: string, root: string, cacheDir: string): { result: TsconfigContents; stored: boolean } {
  const memo = TsconfigMemo.open(cacheDir);
  const result = readTsconfig(file, root, memo);
  memo.save();
  return { result, stored: memo.counts.stored === 1 };
}

describe('the tsconfig memo', () => {
  it('takes a stored reading while nothing it asked changed, and reads anew, equal to a fresh reading, after each change', () => {
    const root = tempProject({
      'tsconfig.json': JSON.stringify({
        extends: ['./configs/base.json', '@acme/tsconfig/strict.json'],
        include: ['src', 'linked'],
      }),
      'configs/base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } } }),
      'node_modules/@acme/tsconfig/package.json': JSON.stringify({ name: '@acme/tsconfig', version: '1.0.0' }),
      'node_modules/@acme/tsconfig/strict.json': JSON.stringify({ compilerOptions: { strict: true } }),
      'src/a.ts': 'export const a = 1;',
      'src/deep/b.ts': 'export const b = 1;',
      'elsewhere/c.ts': 'export const c = 1;',
    });
    symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'linked'));
    const file = path.join(root, 'tsconfig.json');
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'seams-memo-'));
    const fresh = () => readTsconfig(file, root);
    const step = (expectStored: boolean) => {
      const { result, stored } = throughMemo(file, root, cacheDir);
      expect(result).toEqual(fresh());
      expect(stored).toBe(expectStored);
      return result;
    };

    const first = step(false);
    expect(first.compilerOptions.strict).toBe(true);
    expect(first.fileNames.map((name) => path.relative(root, name)).sort()).toEqual([
      'linked/c.ts',
      'src/a.ts',
      'src/deep/b.ts',
    ]);
    step(true);
    // A file added in an included folder, in a sub-folder, and behind a linked folder.
    writeFileSync(path.join(root, 'src/deep/d.ts'), 'export const d = 1;');
    expect(step(false).fileNames).toContain(path.join(root, 'src/deep/d.ts'));
    step(true);
    mkdirSync(path.join(root, 'src/new'));
    writeFileSync(path.join(root, 'src/new/e.ts'), '');
    step(false);
    writeFileSync(path.join(root, 'elsewhere/f.ts'), '');
    expect(step(false).fileNames).toContain(path.join(root, 'linked/f.ts'));
    // A file renamed, a folder removed.
    renameSync(path.join(root, 'src/a.ts'), path.join(root, 'src/a2.ts'));
    step(false);
    rmSync(path.join(root, 'src/new'), { recursive: true });
    step(false);
    // The extends chain: a local base and a package's, changed in turn.
    writeFileSync(path.join(root, 'configs/base.json'), JSON.stringify({ compilerOptions: { baseUrl: 'src' } }));
    expect(step(false).compilerOptions.paths).toBeUndefined();
    step(true);
    writeFileSync(
      path.join(root, 'node_modules/@acme/tsconfig/strict.json'),
      JSON.stringify({ compilerOptions: { strict: false } }),
    );
    expect(step(false).compilerOptions.strict).toBe(false);
    // The tsconfig itself.
    writeFileSync(file, JSON.stringify({ include: ['src'] }));
    expect(step(false).fileNames.some((name) => name.includes('linked'))).toBe(false);
    step(true);
    // A link retargeted.
    writeFileSync(file, JSON.stringify({ include: ['src', 'linked'] }));
    step(false);
    rmSync(path.join(root, 'linked'));
    symlinkSync(path.join(root, 'src'), path.join(root, 'linked'));
    step(false);
    step(true);
  });

  it('a missing extends is a diagnostic that holds until the file appears', () => {
    const root = tempProject({
      'tsconfig.json': JSON.stringify({ extends: './base.json', include: ['src'] }),
      'src/a.ts': '',
    });
    const file = path.join(root, 'tsconfig.json');
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'seams-memo-'));
    const first = throughMemo(file, root, cacheDir);
    expect(first.result.diagnostics.length).toBeGreaterThan(0);
    expect(throughMemo(file, root, cacheDir).stored).toBe(true);
    writeFileSync(path.join(root, 'base.json'), JSON.stringify({ compilerOptions: { strict: true } }));
    const after = throughMemo(file, root, cacheDir);
    expect(after.stored).toBe(false);
    expect(after.result).toEqual(readTsconfig(file, root));
    expect(after.result.diagnostics).toEqual([]);
  });

  it('stores nothing for a tsconfig that cannot be read, and survives a corrupt store', () => {
    const root = tempProject({ 'tsconfig.json': '{ "include": [' });
    const file = path.join(root, 'tsconfig.json');
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'seams-memo-'));
    const memo = TsconfigMemo.open(cacheDir);
    expect(() => readTsconfig(file, root, memo)).toThrow(/TSCONFIG_INVALID|tsconfig/);
    writeFileSync(file, JSON.stringify({ include: ['.'] }));
    writeFileSync(path.join(root, 'a.ts'), '');
    expect(readTsconfig(file, root, memo)).toEqual(readTsconfig(file, root));
    memo.save();
    writeFileSync(path.join(cacheDir, 'load.json'), '{"format":1,"identity":');
    expect(throughMemo(file, root, cacheDir)).toEqual({ result: readTsconfig(file, root), stored: false });
  });
});

describe('the file system probes answer as ts.sys does', () => {
  it('for files, folders, links, a dangling link and a FIFO', () => {
    const root = tempProject({ 'a.ts': '', 'sub/b.ts': '', 'sub/inner/c.ts': '' });
    symlinkSync(path.join(root, 'a.ts'), path.join(root, 'link-file.ts'));
    symlinkSync(path.join(root, 'sub'), path.join(root, 'link-folder'));
    symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling.ts'));
    execFileSync('mkfifo', [path.join(root, 'pipe.ts')]);
    const paths = ['a.ts', 'sub', 'link-file.ts', 'link-folder', 'dangling.ts', 'pipe.ts', 'missing', 'sub/inner'].map(
      (name) => path.join(root, name),
    );
    for (const at of paths) {
      expect(fileExists(at), at).toBe(ts.sys.fileExists(at));
      expect(directoryExists(at), at).toBe(ts.sys.directoryExists(at));
      expect(realPath(at), at).toBe(ts.sys.realpath?.(at));
    }
    for (const folder of [root, path.join(root, 'sub'), path.join(root, 'link-folder'), path.join(root, 'missing')]) {
      const entries = folderEntries(folder);
      expect(entries.directories).toEqual(ts.sys.getDirectories(folder));
      const files = ts.sys.readDirectory(folder, undefined, undefined, undefined, 1).map((name) => path.basename(name));
      expect([...entries.files].sort()).toEqual(files.sort());
    }
    expect(folderEntries(root).files).toEqual(['a.ts', 'link-file.ts']);
  });

  it("the folder scan's compiler options are TypeScript's enum values", () => {
    expect(FOLDER_SCAN_OPTIONS).toEqual({
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowJs: false,
      jsx: ts.JsxEmit.Preserve,
    });
  });
});

describe("the pnpm workspace file's packages, kept by its text", () => {
  it('are taken from the store while the text is the same, equal to a fresh reading after each change', () => {
    const root = tempProject({
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      'packages/a/package.json': JSON.stringify({ name: '@x/a' }),
      'packages/b/package.json': JSON.stringify({ name: '@x/b' }),
      'libs/c/package.json': JSON.stringify({ name: '@x/c' }),
    });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'seams-memo-'));
    const step = (expectStored: boolean) => {
      const memo = TsconfigMemo.open(cacheDir);
      const found = findWorkspaces(root, memo);
      memo.save();
      expect(found).toEqual(findWorkspaces(root));
      expect(memo.counts.valuesStored).toBe(expectStored ? 1 : 0);
      expect(memo.counts.valuesComputed).toBe(expectStored ? 0 : 1);
      return found;
    };
    const names = (found: ReturnType<typeof findWorkspaces>) => found.packages.map((item) => item.name);
    expect(names(step(false))).toEqual(['@x/a', '@x/b']);
    expect(names(step(true))).toEqual(['@x/a', '@x/b']);
    writeFileSync(path.join(root, 'pnpm-workspace.yaml'), "packages:\n  - 'packages/*'\n  - libs/*\n");
    expect(names(step(false))).toEqual(['@x/a', '@x/b', '@x/c']);
    expect(names(step(true))).toEqual(['@x/a', '@x/b', '@x/c']);
    // Invalid YAML: the stored outcome gives the same diagnostic, and no packages.
    writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: [unclosed\n');
    const invalid = step(false);
    expect(invalid.packages).toEqual([]);
    expect(invalid.diagnostics.map((item) => item.code)).toEqual(['WORKSPACE_WARNING']);
    expect(step(true)).toEqual(invalid);
    // Back to an earlier text: still stored.
    writeFileSync(path.join(root, 'pnpm-workspace.yaml'), "packages:\n  - 'packages/*'\n");
    expect(names(step(true))).toEqual(['@x/a', '@x/b']);
  });

  it('are stored under the YAML parser version and the computation, and not without a cache folder', () => {
    const root = tempProject({ 'pnpm-workspace.yaml': 'packages:\n  - apps/*\n' });
    const memo = TsconfigMemo.none;
    findWorkspaces(root, memo);
    findWorkspaces(root, memo);
    expect(memo.counts.valuesStored).toBe(0);
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'seams-memo-'));
    const first = TsconfigMemo.open(cacheDir);
    findWorkspaces(root, first);
    first.save();
    const stored = JSON.parse(readFileSync(path.join(cacheDir, 'load.json'), 'utf8')) as {
      values: [string, unknown][];
    };
    const version = (
      JSON.parse(readFileSync(path.join('node_modules', 'yaml', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(stored.values.map(([key]) => key.split('\0')[0])).toEqual([`pnpm-workspace-packages/yaml@${version}`]);
    expect(stored.values[0]?.[1]).toEqual({ patterns: ['apps/*'] });
  });
});
