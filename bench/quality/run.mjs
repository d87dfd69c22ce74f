#!/usr/bin/env node
/**
 * `npm run bench:quality`: runs the built seams on every corpus of corpora.json (fetched by
 * fetch-corpora.mjs) against its ground-truth labels and prints, per codebase and as a mean,
 * MoJoFM, ARI, c2c coverage and the number of candidate services, plus two junk counts that must
 * stay at 0: services of one file and plan steps made only of modules with no internal import.
 *
 *   node bench/quality/run.mjs [--only a,b] [--seeds 1,2,3] [--json out.json] [--seams <bin/seams.js of another build>] [-- <extra seams analyze options>]
 *
 * With --seeds, each corpus runs once per seed and the numbers are the means over the seeds
 * (one Louvain seed is one sample of a noisy optimiser: compare settings over several).
 *
 * Every corpus runs with the same options: defaults are one setting for all codebases.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const { corpora } = JSON.parse(readFileSync(path.join(here, 'corpora.json'), 'utf8'));
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const own = dashes === -1 ? argv : argv.slice(0, dashes);
const extra = dashes === -1 ? [] : argv.slice(dashes + 1);
const option = (name) => {
  const index = own.indexOf(name);
  return index === -1 ? undefined : own[index + 1];
};
const only = option('--only')?.split(',');
const seeds = option('--seeds')?.split(',').map(Number) ?? [null];
const jsonOut = option('--json');
const seams = path.resolve(option('--seams') ?? path.join(repoRoot, 'bin', 'seams.js'));
const into = path.resolve(process.env.SEAMS_CORPORA ?? path.join(repoRoot, '..', 'seams-corpora'));
const scratch = mkdtempSync(path.join(tmpdir(), 'seams-quality-'));

const rows = [];
for (const corpus of corpora) {
  if (only && !only.includes(corpus.name)) continue;
  const root = path.join(into, corpus.name, corpus.root);
  if (!existsSync(root)) {
    console.error(`${corpus.name}: missing ${root}; run node bench/quality/fetch-corpora.mjs first`);
    process.exitCode = 1;
    continue;
  }
  const samples = [];
  let seconds = 0;
  for (const seed of seeds) {
    const output = path.join(scratch, `${corpus.name}.json`);
    const labels = path.join(here, corpus.labels);
    const args = [
      seams,
      'analyze',
      root,
      '--expected',
      labels,
      '--format',
      'json',
      '--no-cache',
      '--quiet',
      '-o',
      output,
      ...(seed === null ? [] : ['--seed', String(seed)]),
      ...(corpus.args ?? []),
      ...extra,
    ];
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--max-old-space-size=8192', ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    seconds += (performance.now() - started) / 1000;
    if (run.status !== 0) {
      console.error(`${corpus.name}: seams exited ${run.status}: ${run.stderr.slice(0, 800)}`);
      process.exitCode = 1;
      break;
    }
    samples.push(summarise(JSON.parse(readFileSync(output, 'utf8'))));
  }
  if (samples.length !== seeds.length) continue;
  const averaged = Object.fromEntries(
    Object.keys(samples[0]).map((key) => [key, samples.reduce((sum, sample) => sum + sample[key], 0) / samples.length]),
  );
  rows.push({
    name: corpus.name,
    layout: corpus.layout,
    framework: corpus.framework,
    seconds: seconds / seeds.length,
    ...averaged,
  });
  process.stderr.write(`bench:quality ${corpus.name} done in ${seconds.toFixed(1)} s\n`);
}
rmSync(scratch, { recursive: true, force: true });

/** The numbers of one run: agreement with the labels and the junk counts. */
function summarise(report) {
  const expected = report.metrics.expected;
  const services = report.clusters.filter((cluster) => cluster.kind === 'service');
  const degree = new Map(report.modules.map((module) => [module.id, 0]));
  for (const edge of report.edges) {
    degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
    degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
  }
  const byId = new Map(report.clusters.map((cluster) => [cluster.id, cluster]));
  const junkSteps = report.plan.steps.filter((step) =>
    step.clusters.every((id) => (byId.get(id)?.modules ?? []).every((module) => (degree.get(module) ?? 0) === 0)),
  ).length;
  return {
    modules: report.summary.modules,
    compared: expected.compared,
    services: services.length,
    singletons: services.filter((cluster) => cluster.modules.length === 1).length,
    junkSteps,
    mojoFm: expected.mojoFm,
    ari: expected.ari,
    c2c: expected.c2cCoverage,
  };
}

const mean = (key) => rows.reduce((sum, row) => sum + row[key], 0) / Math.max(1, rows.length);
const fixed = (value, digits) => value.toFixed(digits);
console.log(
  `seams analyze ${extra.join(' ') || '(defaults)'}${seeds[0] === null ? '' : `, mean over seeds ${seeds.join(', ')}`}\n`,
);
console.log(
  '| codebase | layout | modules | labelled | services | 1-file services | junk steps | MoJoFM | ARI | c2c | s |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.layout} | ${fixed(row.modules, 0)} | ${fixed(row.compared, 0)} | ${fixed(row.services, 1)} | ${fixed(row.singletons, 1)} | ${fixed(row.junkSteps, 1)} | ${fixed(row.mojoFm, 1)} | ${fixed(row.ari, 3)} | ${fixed(row.c2c, 2)} | ${fixed(row.seconds, 1)} |`,
  );
}
if (rows.length > 0) {
  console.log(
    `| **mean** | | | | ${fixed(mean('services'), 1)} | ${fixed(mean('singletons'), 1)} | ${fixed(mean('junkSteps'), 1)} | **${fixed(mean('mojoFm'), 1)}** | ${fixed(mean('ari'), 3)} | ${fixed(mean('c2c'), 2)} | |`,
  );
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ options: extra, rows }, null, 2)}\n`);
