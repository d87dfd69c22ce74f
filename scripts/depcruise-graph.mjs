// Runs dependency-cruiser (a devDependency) on a folder and returns its internal module edges.
// Used by the cross-check test and by scripts/compare-depcruise.mjs; never part of seams itself.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEPCRUISE = path.join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/**
 * dependency-cruiser's view of `root`: `{ modules, edges, seconds }`, edges as "from -> to" strings
 * between files under root (node_modules, core modules and unresolvable specifiers dropped).
 * `targets` are the folders or files to cruise, relative to root (default: ".").
 */
export async function depcruiseGraph(root, targets = ['.'], { tsconfig = 'tsconfig.json' } = {}) {
  const args = [
    DEPCRUISE,
    '--no-config',
    '--output-type',
    'json',
    '--ts-pre-compilation-deps',
    '--exclude',
    '(^|/)(node_modules|dist|build|coverage)/',
  ];
  if (tsconfig !== null && existsSync(path.join(root, tsconfig))) args.push('--ts-config', tsconfig);
  const started = process.hrtime.bigint();
  const { stdout } = await run(process.execPath, [...args, ...targets], { cwd: root, maxBuffer: 1024 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = JSON.parse(stdout);
  const modules = report.modules.map((module) => module.source).filter((source) => !source.includes('node_modules'));
  const edges = new Set();
  for (const module of report.modules) {
    for (const dependency of module.dependencies) {
      if (dependency.coreModule || dependency.couldNotResolve || dependency.resolved.includes('node_modules')) continue;
      edges.add(`${module.source} -> ${dependency.resolved}`);
    }
  }
  return { modules, edges, seconds };
}
