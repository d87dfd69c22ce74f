#!/usr/bin/env node
/**
 * `node bench/floor-ratio.mjs <root>...`: for each root, seams analyze cold (--no-cache, JSON to a
 * file) and the floor script (bench/floor.mjs) on the same files, each a whole process, side by
 * side in one run, best of `--runs N` (default 2). Prints a Markdown table with the ratio
 * seams / floor, the speed issue's target (≤ 1.5×). Times are ratios: this machine's speed drifts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 2;
const wall = (command) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${command.join(' ')}: ${result.stderr.slice(0, 300)}`);
  return { seconds: (performance.now() - started) / 1000, stdout: result.stdout };
};
console.log(`Node.js ${process.version}\n`);
console.log('| root | files | imports | seams cold s | floor s | ratio |\n| --- | ---: | ---: | ---: | ---: | ---: |');
for (const root of args) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'seams-floor-'));
  const report = path.join(scratch, 'report.json');
  let seams = Number.POSITIVE_INFINITY;
  let floor = Number.POSITIVE_INFINITY;
  let counts = '';
  for (let run = 0; run < runs; run++) {
    seams = Math.min(
      seams,
      wall([path.join(REPO, 'bin', 'seams.js'), 'analyze', root, '--no-cache', '--format', 'json', '-o', report])
        .seconds,
    );
    if (run === 0)
      writeFileSync(
        path.join(scratch, 'files.json'),
        JSON.stringify(JSON.parse(readFileSync(report, 'utf8')).modules.map((module) => module.id)),
      );
    const measured = wall([path.join(REPO, 'bench', 'floor.mjs'), root, path.join(scratch, 'files.json')]);
    floor = Math.min(floor, measured.seconds);
    counts = measured.stdout.trim();
  }
  const [files, imports] = counts.split(' ');
  console.log(
    `| ${path.relative(path.dirname(path.dirname(root)), root) || root} | ${files} | ${imports} | ${seams.toFixed(2)} | ${floor.toFixed(2)} | ${(seams / floor).toFixed(2)}× |`,
  );
  rmSync(scratch, { recursive: true, force: true });
}
