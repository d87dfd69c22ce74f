#!/usr/bin/env node
/**
 * `node bench/pr-check.mjs [--runs N] [--against <other seams folder>] <root>...`: the pull-request
 * case on real code. Each root is copied (without .git) to a scratch folder, `seams init` agrees
 * boundaries, one `seams check` fills the cache, then N times: one source file edited, `seams
 * check` timed (a whole process), then N times `seams check` again with no file changed (a CI re-run, a
 * pull request that touches no source). With `--against`, another build of seams (for example a
 * checkout of an earlier commit, built) runs the same case on its own copy, side by side, turn by
 * turn. Prints a Markdown table of the best wall time of each. Times are ratios: this machine's
 * speed drifts.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args.splice(at, 2)[1];
};
const runs = Number(option('--runs', 3));
const against = option('--against', null);
const builds = [REPO, ...(against === null ? [] : [path.resolve(against)])];

const seams = (build, command, cwd) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(build, 'bin', 'seams.js'), ...command], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command.join(' ')}: ${result.stderr.slice(0, 300)}`);
  return (performance.now() - started) / 1000;
};

console.log(
  `| root | edited file | ${builds.map((build) => `${path.basename(build)} one file s | ${path.basename(build)} no change s`).join(' | ')} |`,
);
console.log(`| --- | ---: |${' ---: |'.repeat(2 * builds.length)}`);
for (const root of args) {
  const copies = builds.map((build) => {
    const copy = mkdtempSync(path.join(tmpdir(), 'seams-pr-'));
    cpSync(root, copy, { recursive: true, filter: (source) => path.basename(source) !== '.git' });
    const cache = path.join(copy, '.seams-cache');
    seams(build, ['init', copy, '--cache-dir', cache, '--quiet', '-o', path.join(copy, 'seams.boundaries.json')], copy);
    seams(build, ['check', copy, '--cache-dir', cache, '--quiet'], copy);
    return { build, copy, cache, best: Number.POSITIVE_INFINITY, same: Number.POSITIVE_INFINITY };
  });
  const modules = JSON.parse(readFileSync(path.join(copies[0].copy, 'seams.boundaries.json'), 'utf8')).services;
  const first = Object.values(modules)
    .flatMap((service) => service.modules)
    .find((glob) => /\.(ts|tsx|js)$/.test(glob) && !glob.includes('*'));
  if (first === undefined) throw new Error(`${root}: no module listed by path in the boundaries`);
  for (let run = 0; run < runs; run++) {
    for (const entry of copies) {
      appendFileSync(path.join(entry.copy, first), `\n// edited by bench/pr-check.mjs, run ${run}\n`);
      entry.best = Math.min(
        entry.best,
        seams(entry.build, ['check', entry.copy, '--cache-dir', entry.cache, '--quiet'], entry.copy),
      );
    }
  }
  for (let run = 0; run < runs; run++)
    for (const entry of copies)
      entry.same = Math.min(
        entry.same,
        seams(entry.build, ['check', entry.copy, '--cache-dir', entry.cache, '--quiet'], entry.copy),
      );
  console.log(
    `| ${root} | ${first} | ${copies.map((entry) => `${entry.best.toFixed(2)} | ${entry.same.toFixed(2)}`).join(' | ')} |`,
  );
  for (const entry of copies) rmSync(entry.copy, { recursive: true, force: true });
}
