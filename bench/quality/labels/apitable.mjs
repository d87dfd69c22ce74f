#!/usr/bin/env node
/**
 * Ground truth for the `apitable` corpus (apitable/apitable, packages/room-server: NestJS).
 *
 * Rule: the analysed code is C_OLD (1e10f519, 2023-01-06), the parent of the maintainers'
 * commit C_NEW (65edd983, 2023-01-06, "refactor: split database module to submodules (#152)").
 * At C_OLD the core of room-server, src/database/, is layer-first (controllers/, services/,
 * entities/, repositories/, dtos/, ros/, vos/, ...) under one DatabaseModule; C_NEW splits it into
 * NestJS feature modules, each in its own folder with a *.module.ts.
 * Each source file of C_OLD is followed through every first-parent commit C_OLD..C_NEW with git
 * rename detection (`git log --first-parent --diff-merges=first-parent --reverse --name-status
 * -M -- packages/room-server`, default 50% similarity). Its label is the NestJS module folder that
 * holds its path at C_NEW: `src/database/<x>/...` -> `<x>`, or `src/<x>/...` -> `<x>` for other
 * top-level folders, when that folder contains a *.module.ts at C_NEW. Only files that the
 * maintainers moved (path at C_NEW differs from C_OLD) are labelled, so no label comes from a
 * file's C_OLD path: files left in place (automation/, fusion/, socket/, ... were already module
 * folders at C_OLD) are not scored. Files under src/shared/ (the global SharedModule:
 * infrastructure), files directly in src/ or src/database/ (app root, aggregator DatabaseModule),
 * deleted files and files in folders without a module get no label. Files seams leaves out by
 * default (declarations; *.test.*, *.spec.*, *.e2e.*, *.stories.*; test/, tests/, e2e/,
 * __tests__/, __mocks__/, __fixtures__/ folders) are not labelled.
 *
 *   node bench/quality/labels/apitable.mjs <checkout-dir>   (needs the history C_OLD..C_NEW)
 *
 * Writes apitable.json beside this script: module id (POSIX path relative to the corpus root,
 * packages/room-server) -> module, keys sorted.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const C_OLD = '1e10f519d3e2e8c9a69a36bd3da8d9f61cda7302';
const C_NEW = '65edd983d4145c20e9e41934a51b7babac1ee1b5';
const ROOT = 'packages/room-server';
const SRC = `${ROOT}/src/`;

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node apitable.mjs <checkout-dir>');
  process.exit(2);
}
const git = (...args) =>
  execFileSync(
    'git',
    ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'diff.renameLimit=100000', ...args],
    {
      cwd: checkout,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );

const isSource = (file) =>
  /\.(ts|tsx|js|mjs|cjs|mts|cts)$/.test(file) &&
  !/\.d\.[cm]?ts$/.test(file) &&
  !/\.(test|spec|e2e-spec|e2e|stories)\.[^/]+$/.test(file) &&
  !/(^|\/)(__tests__|__mocks__|__fixtures__|test|tests|e2e|integration-tests)\//.test(file);

const files = git('ls-tree', '-r', '--name-only', C_OLD, '--', SRC).split('\n').filter(isSource);

// Follow renames C_OLD..C_NEW along the first-parent line.
const tracked = new Map(files.map((file) => [file, file]));
const finalPath = new Map(files.map((file) => [file, file]));
const log = git(
  'log',
  '--first-parent',
  '--diff-merges=first-parent',
  '--reverse',
  '--name-status',
  '-M',
  '--format=%x01%H',
  `${C_OLD}..${C_NEW}`,
  '--',
  ROOT,
);
for (const block of log.split('\x01').slice(1)) {
  const updates = [];
  for (const line of block.split('\n').slice(1)) {
    if (!line) continue;
    const [status, from, to] = line.split('\t');
    if (!tracked.has(from)) continue;
    if (status.startsWith('R')) updates.push([from, to]);
    else if (status === 'D') updates.push([from, null]);
  }
  const moved = updates.map(([from, to]) => [tracked.get(from), to]);
  for (const [from] of updates) tracked.delete(from);
  for (const [original, to] of moved) {
    finalPath.set(original, to);
    if (to) tracked.set(to, original);
  }
}

// NestJS module folders at C_NEW.
const moduleFiles = git('ls-tree', '-r', '--name-only', C_NEW, '--', SRC)
  .split('\n')
  .filter((file) => file.endsWith('.module.ts'))
  .map((file) => file.slice(SRC.length));
const folderOf = (relative) => {
  const parts = relative.split('/');
  if (parts[0] === 'database') return parts.length > 2 ? `database/${parts[1]}` : null;
  if (parts[0] === 'shared' || parts.length < 2) return null;
  return parts[0];
};
const hasModule = (folder) => moduleFiles.some((file) => file.startsWith(`${folder}/`));

const labels = {};
for (const file of [...files].sort()) {
  const later = finalPath.get(file);
  if (!later || later === file || !later.startsWith(SRC)) continue;
  const folder = folderOf(later.slice(SRC.length));
  if (!folder || !hasModule(folder)) continue;
  labels[path.posix.relative(ROOT, file)] = folder.replace(/^database\//, '');
}
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'apitable.json');
writeFileSync(out, `${JSON.stringify(labels, null, 2)}\n`);
const distinct = new Set(Object.values(labels));
console.log(`apitable: ${Object.keys(labels).length} labelled files, ${distinct.size} labels -> ${out}`);
