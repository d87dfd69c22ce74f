import path from 'node:path';
import { globSync } from 'tinyglobby';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../base/diagnostics.js';
import { compareStrings } from '../base/compare.js';
import { MAX_CONFIG_SIZE, readTextSafely } from '../base/read-file-safely.js';
import { toModuleId, type WorkspacePackage } from './project.js';
import { TsconfigMemo } from './tsconfig-memo.js';

export interface Workspaces {
  packages: WorkspacePackage[];
  diagnostics: Diagnostic[];
}

/**
 * Workspace packages declared at the root: package.json `workspaces` (npm and yarn, as an array or
 * as `{ packages: [...] }`) and pnpm-workspace.yaml `packages`. Patterns are folder globs
 * (`!` negates); each matching folder with a named package.json is a package. Files are read as
 * JSON and YAML data only, through the regular-file and size checks; nothing is executed. The
 * packages of a pnpm workspace file are kept in `memo` by the file's text (tsconfig-memo.ts), so
 * the YAML parser is loaded only for a workspace file not seen before.
 */
export function findWorkspaces(root: string, memo: TsconfigMemo = TsconfigMemo.none): Workspaces {
  const diagnostics: Diagnostic[] = [];
  const patterns = [...npmPatterns(root, diagnostics), ...pnpmPatterns(root, diagnostics, memo)];
  if (patterns.length === 0) return { packages: [], diagnostics };
  const folders = globSync(
    patterns.map((pattern) => pattern.replace(/\/+$/, '')),
    { cwd: root, onlyDirectories: true, absolute: true, ignore: ['**/node_modules/**'], expandDirectories: false },
  );
  const byName = new Map<string, WorkspacePackage>();
  for (const folder of folders.map((dir) => path.resolve(dir)).sort(compareStrings)) {
    const manifest = readJson(path.join(folder, 'package.json'), root, diagnostics);
    if (manifest === null || typeof manifest.name !== 'string' || byName.has(manifest.name)) continue;
    byName.set(manifest.name, {
      name: manifest.name,
      dir: folder,
      manifest: {
        ...(manifest.exports !== undefined ? { exports: manifest.exports } : {}),
        ...stringField(manifest, 'types'),
        ...stringField(manifest, 'typings'),
        ...stringField(manifest, 'module'),
        ...stringField(manifest, 'main'),
      },
    });
  }
  return { packages: [...byName.values()].sort((a, b) => compareStrings(a.name, b.name)), diagnostics };
}

function npmPatterns(root: string, diagnostics: Diagnostic[]): string[] {
  const file = path.join(root, 'package.json');
  const read = readTextSafely(file, { root, maxBytes: MAX_CONFIG_SIZE });
  if (!read.ok) {
    if (!read.missing)
      diagnostics.push({
        code: read.code,
        message: `${read.message}; workspaces and dependencies not read`,
        file: 'package.json',
      });
    return [];
  }
  const manifest = parseJson(read.text);
  if (manifest === null) {
    diagnostics.push({
      code: 'WORKSPACE_WARNING',
      message: 'package.json is not valid JSON; workspaces ignored',
      file: 'package.json',
    });
    return [];
  }
  const workspaces = manifest.workspaces;
  const list = Array.isArray(workspaces)
    ? workspaces
    : isRecord(workspaces) && Array.isArray(workspaces.packages)
      ? workspaces.packages
      : [];
  return list.filter((item): item is string => typeof item === 'string');
}

/** The YAML parser, loaded only when a pnpm workspace file is there (loading it costs every run a tenth of a second). */
function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text);
}

/** The packages of a pnpm workspace file's text, or the first line of the YAML parser's error. */
type PnpmOutcome = { patterns: string[] } | { error: string };

function readPnpmPackages(text: string): PnpmOutcome {
  try {
    const parsed: unknown = parseYaml(text);
    const list = isRecord(parsed) && Array.isArray(parsed.packages) ? parsed.packages : [];
    return { patterns: list.filter((item): item is string => typeof item === 'string') };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] as string };
  }
}

/** What the stored outcome is keyed by besides the text: the computation and the YAML parser's version. */
function pnpmKind(): string {
  const { version } = createRequire(import.meta.url)('yaml/package.json') as { version: string };
  return `pnpm-workspace-packages/yaml@${version}`;
}

function pnpmPatterns(root: string, diagnostics: Diagnostic[], memo: TsconfigMemo): string[] {
  const file = path.join(root, 'pnpm-workspace.yaml');
  const read = readTextSafely(file, { root, maxBytes: MAX_CONFIG_SIZE });
  if (!read.ok) {
    if (!read.missing)
      diagnostics.push({
        code: read.code,
        message: `${read.message}; workspaces ignored`,
        file: 'pnpm-workspace.yaml',
      });
    return [];
  }
  const outcome = memo.derived(pnpmKind(), read.text, () => readPnpmPackages(read.text));
  if ('patterns' in outcome) return outcome.patterns;
  diagnostics.push({
    code: 'WORKSPACE_WARNING',
    message: `pnpm-workspace.yaml is not valid YAML (${outcome.error}); workspaces ignored`,
    file: 'pnpm-workspace.yaml',
  });
  return [];
}

/** A workspace package's manifest, or null (absent, unreadable: with a diagnostic, or not a JSON object). */
function readJson(file: string, root: string, diagnostics: Diagnostic[]): Record<string, unknown> | null {
  const read = readTextSafely(file, { root, maxBytes: MAX_CONFIG_SIZE });
  if (!read.ok) {
    if (!read.missing)
      diagnostics.push({
        code: read.code,
        message: `${read.message}; not a workspace package`,
        file: toModuleId(root, file),
      });
    return null;
  }
  return parseJson(read.text);
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(
  manifest: Record<string, unknown>,
  key: 'types' | 'typings' | 'module' | 'main',
): Partial<Record<typeof key, string>> {
  const value = manifest[key];
  return typeof value === 'string' ? { [key]: value } : {};
}
