/**
 * `npm run bench`: generates seeded monoliths (bench/generate-monolith.ts) of 1,000, 2,000, 5,000,
 * 8,000 and 20,000 files and measures `seams analyze` on each (cold with an empty cache, then warm), stage
 * by stage, with its peak RSS, and dependency-cruiser (`depcruise --output-type json`) on the same
 * files in the same run, and the floor (bench/floor.mjs: read, parse and resolve every import of
 * the same files, one process) with the ratio seams ÷ floor, and the pull-request case: `seams init`,
 * a warm `seams check`, one file edited, `seams check` again (its wall time and peak RSS), and once
 * more with no file changed. Prints a Markdown table. BENCH_SIZES=1000,5000 picks other sizes;
 * BENCH_DEPCRUISE_UP_TO=5000 skips dependency-cruiser above that size (it needs about 16 minutes
 * and 4.7 GB for 20,000 files on a 2-core machine).
 * Speed and memory are measured here, never in unit tests.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { generateMonolith, writeMonolith } from './generate-monolith.js';

const REPO = process.cwd();
const SEAMS = path.join(REPO, 'bin', 'seams.js');
const DEPCRUISE = path.join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const MEASURE = path.join(REPO, 'bench', 'measure.mjs');
const FLOOR = path.join(REPO, 'bench', 'floor.mjs');

interface Run {
  seconds: number;
  maxRssMb: number;
  stages: Record<string, number>;
  stdout: string;
}

/**
 * Runs a Node.js CLI through bench/measure.mjs: wall time, peak RSS, and seams's --timings stages.
 * seams runs with Node's defaults, as its users run it (a larger heap limit lets V8 grow the heap
 * lazily: at 20,000 files `--max-old-space-size=4096` raised seams's peak RSS from 979 to 1,200 MB
 * in a direct run); dependency-cruiser gets 4 GB, which it needs at 20,000 files.
 */
function measure(script: string, args: string[], cwd: string, nodeFlags: string[] = []): Run {
  const result = spawnSync(process.execPath, [...nodeFlags, MEASURE, script, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 2 * 1024 * 1024 * 1024,
  });
  const stderr = String(result.stderr);
  const measured = /@@measure (.*)/.exec(stderr)?.[1];
  if (measured === undefined) throw new Error(`${path.basename(script)} failed: ${stderr.slice(0, 500)}`);
  const stages: Record<string, number> = {};
  for (const match of stderr.matchAll(/^ {2}(\w+) +(\d+) ms$/gm)) stages[match[1] as string] = Number(match[2]) / 1000;
  return { ...(JSON.parse(measured) as { seconds: number; maxRssMb: number }), stages, stdout: String(result.stdout) };
}

const sizes = (process.env.BENCH_SIZES ?? '1000,2000,5000,8000,20000').split(',').map(Number);
const rows: string[] = [];
const stageNames = ['load', 'extract', 'graph', 'signals', 'cluster', 'metrics', 'plan'];
for (const size of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), `seams-bench-${size}-`));
  const generated = generateMonolith({ seed: 1, files: size });
  writeMonolith(dir, generated);
  const files = Object.keys(generated.expected).length;
  const cacheDir = path.join(dir, '.seams-cache');
  const args = [
    'analyze',
    dir,
    '--format',
    'json',
    '--timings',
    '--cache-dir',
    cacheDir,
    '--expected',
    path.join(dir, 'expected.json'),
  ];
  const cold = measure(SEAMS, args, REPO);
  const warm = measure(SEAMS, args, REPO);
  const cruiseUpTo = Number(process.env.BENCH_DEPCRUISE_UP_TO ?? Infinity);
  const cruise =
    size <= cruiseUpTo
      ? measure(
          DEPCRUISE,
          ['--no-config', '--output-type', 'json', '--ts-pre-compilation-deps', '--ts-config', 'tsconfig.json', 'src'],
          dir,
          ['--max-old-space-size=4096'],
        )
      : null;
  const report = JSON.parse(cold.stdout) as { metrics: { mojoFm: number }; modules: { id: string }[] };
  const mojoFm = report.metrics.mojoFm;
  // The floor (bench/floor.mjs): read, parse and resolve every import of the same files, one process.
  writeFileSync(path.join(dir, '.files.json'), JSON.stringify(report.modules.map((module) => module.id)));
  const floor = measure(FLOOR, [dir, path.join(dir, '.files.json')], REPO);
  // The pull-request case: boundaries agreed (seams init), one warm check, then one file edited and checked again.
  const init = spawnSync(process.execPath, [SEAMS, 'init', dir, '--cache-dir', cacheDir, '--quiet'], {
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`seams init failed: ${init.stderr.slice(0, 500)}`);
  const checkArgs = ['check', dir, '--cache-dir', cacheDir, '--timings', '--quiet'];
  measure(SEAMS, checkArgs, REPO);
  appendFileSync(
    path.join(dir, report.modules[Math.floor(files / 2)]?.id as string),
    '\nexport const benchEdit = 1;\n',
  );
  const check = measure(SEAMS, checkArgs, REPO);
  // And again with no file changed (a CI re-run): nothing to parse, so TypeScript is not loaded.
  const unchanged = measure(SEAMS, checkArgs, REPO);
  rows.push(
    `| ${files} | ${stageNames.map((name) => (cold.stages[name] ?? 0).toFixed(2)).join(' | ')} | **${cold.seconds.toFixed(2)}** | ${cold.maxRssMb.toFixed(0)} | ${(files / cold.seconds).toFixed(0)} | ${warm.seconds.toFixed(2)} (${((warm.seconds / cold.seconds) * 100).toFixed(0)}%) | ${cruise === null ? 'skipped' : `${cruise.seconds.toFixed(2)} / ${cruise.maxRssMb.toFixed(0)} MB`} | ${cruise === null ? '—' : `${(cruise.seconds / cold.seconds).toFixed(1)}×`} | ${floor.seconds.toFixed(2)} | ${(cold.seconds / floor.seconds).toFixed(2)}× | ${check.seconds.toFixed(2)} / ${check.maxRssMb.toFixed(0)} MB | ${unchanged.seconds.toFixed(2)} | ${mojoFm.toFixed(1)} |`,
  );
  process.stderr.write(`bench: ${files} files done\n`);
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node.js ${process.version}\n`,
);
console.log(
  `| files | ${stageNames.join(' s | ')} s | total s | peak RSS MB | files/s | warm s | depcruise s / RSS | depcruise ÷ seams | floor s | seams ÷ floor | check after a one-file edit s / RSS | check, no change s | MoJoFM |`,
);
console.log(`|${' --- |'.repeat(stageNames.length + 12)}`);
for (const row of rows) console.log(row);
