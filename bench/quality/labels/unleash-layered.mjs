#!/usr/bin/env node
/**
 * Ground truth for the `unleash-layered` corpus (Unleash/unleash, Express, layer-first server).
 *
 * Rule: the analysed code is C_OLD (0e7eca05, 2023-02-16, the last main-line commit before the
 * first `src/lib/features/` folder: routes/, services/, db/, types/ layers). The maintainers
 * later moved code into feature folders; C_NEW (ceeb5a9c, 2026-08-21) is the newest snapshot.
 * Each source file of C_OLD is followed through every first-parent commit C_OLD..C_NEW with git
 * rename detection (`git log --first-parent --diff-merges=first-parent --reverse --name-status
 * -M -- src`, default 50% similarity): a rename moves the file's tracked path, a deletion ends
 * it. A file whose path at C_NEW is `src/lib/features/<feature>/...` gets the label `<feature>`;
 * every other file (never moved into a feature folder, deleted, or only rewritten) gets none.
 * Files seams leaves out by default (declarations; *.test.*, *.spec.*, *.e2e.*, *.stories.*; test/,
 * tests/, e2e/, __tests__/, __mocks__/, __fixtures__/ folders) are not labelled.
 * The label comes from where the maintainers later put the file, not from its name at C_OLD.
 *
 *   node bench/quality/labels/unleash-layered.mjs <checkout-dir>   (needs the full history)
 *
 * Writes unleash-layered.json beside this script: module id (POSIX path relative to the corpus root,
 * the repository root) -> feature, keys sorted.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const C_OLD = '0e7eca059b5466b63d0e033a1fe53321073c1a58';
const C_NEW = 'ceeb5a9ca6d0beb0cabf041d6a27ffd2d6501859';

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node unleash-layered.mjs <checkout-dir>');
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

const files = git('ls-tree', '-r', '--name-only', C_OLD, '--', 'src').split('\n').filter(isSource);

// tracked: path of the file at the commit being replayed -> its path at C_OLD.
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
  'src',
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

const labels = {};
for (const file of [...files].sort()) {
  const match = /^src\/lib\/features\/([^/]+)\//.exec(finalPath.get(file) ?? '');
  if (match) labels[file] = match[1];
}
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'unleash-layered.json');
writeFileSync(out, `${JSON.stringify(labels, null, 2)}\n`);
const distinct = new Set(Object.values(labels));
console.log(`unleash-layered: ${Object.keys(labels).length} labelled files, ${distinct.size} labels -> ${out}`);
