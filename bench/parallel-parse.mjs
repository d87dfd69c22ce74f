#!/usr/bin/env node
/**
 * `node bench/parallel-parse.mjs [--runs N] <root>...`: does a second thread pay for parsing on this
 * machine? For each root (its files as `seams analyze` selects them), seams's own per-file work
 * (`parseFile` from dist/: TypeScript's parser and every fact collector, the part of a cold run that
 * can be split across threads) runs as a whole process in two ways, side by side, best of N
 * (default 3), alternating:
 *   one: the main thread parses every file;
 *   two: a worker thread is started first (it loads its modules and TypeScript while the main
 *        thread loads and reads), then both take files in chunks of 8 from one shared counter
 *        (Atomics), so neither waits for the other; the worker's facts come back as JSON text.
 * Also prints the CPU seconds (every thread) over wall seconds of the one-thread process: above 1, V8's own
 * threads (garbage collection, compilation) already use the second core.
 * Needs `npm run build` first. Prints a Markdown table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectedFiles } from './selected-files.mjs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const HERE = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(HERE), '..');
const PARSE_FILE = path.join(REPO, 'dist', 'extract', 'parse-file.js');
const CHUNK = 8;

/** Takes chunks from the shared counter until none is left; returns [start, facts[]] per chunk. */
function parseChunks(parseFile, jobs, counter, onChunk) {
  for (;;) {
    const start = Atomics.add(counter, 0, CHUNK);
    if (start >= jobs.length) return;
    const end = Math.min(jobs.length, start + CHUNK);
    const facts = [];
    for (let index = start; index < end; index++) {
      const job = jobs[index];
      facts.push(parseFile(job.file, job.text, job.id));
    }
    onChunk(start, facts);
  }
}

if (!isMainThread) {
  // The worker: load, say so, then parse what the main thread sends.
  const { parseFile } = await import(PARSE_FILE);
  const { counter } = workerData;
  parentPort.once('message', (jobs) => {
    const chunks = [];
    parseChunks(parseFile, jobs, counter, (start, facts) => chunks.push([start, JSON.stringify(facts)]));
    parentPort.postMessage(chunks);
  });
} else if (process.argv[2] === '--child') {
  // One measured process: `--child <one|two> <root> <ids.json>`; prints its wall milliseconds.
  const [, , , mode, root, list] = process.argv;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const worker = mode === 'two' ? new Worker(HERE, { workerData: { counter } }) : null;
  const { parseFile } = await import(PARSE_FILE);
  const jobs = JSON.parse(readFileSync(list, 'utf8')).map((id) => {
    const file = path.join(root, id);
    return { id, file, text: readFileSync(file, 'utf8') };
  });
  const facts = new Array(jobs.length);
  const fromWorker =
    worker === null
      ? Promise.resolve([])
      : new Promise((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
  worker?.postMessage(jobs);
  parseChunks(parseFile, jobs, counter, (start, chunk) => {
    chunk.forEach((item, offset) => {
      facts[start + offset] = item;
    });
  });
  for (const [start, json] of await fromWorker)
    JSON.parse(json).forEach((item, offset) => {
      facts[start + offset] = item;
    });
  await worker?.terminate();
  if (facts.some((item) => item === undefined)) throw new Error('a file was not parsed');
  // The process's CPU time, every thread (V8's helpers and the worker included), in seconds.
  const { user, system } = process.cpuUsage();
  console.log(((user + system) / 1e6).toFixed(3));
} else {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
  console.log(
    '| root | files | one thread s | two threads s | two / one | CPU / wall, one thread |\n| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const root of args.map((value) => path.resolve(value))) {
    const scratch = mkdtempSync(path.join(tmpdir(), 'seams-parallel-'));
    const { ids, list } = selectedFiles(root, scratch);
    const best = { one: Infinity, two: Infinity };
    let cpuPerWall = 0;
    for (let run = 0; run < runs; run++)
      for (const mode of ['one', 'two']) {
        const started = performance.now();
        const child = spawnSync(process.execPath, [HERE, '--child', mode, root, list], { encoding: 'utf8' });
        const wall = (performance.now() - started) / 1000;
        if (child.status !== 0) throw new Error(`${mode} ${root}: ${child.stderr.slice(0, 300)}`);
        best[mode] = Math.min(best[mode], wall);
        if (mode === 'one') cpuPerWall = Math.max(cpuPerWall, Number(child.stdout.trim()) / wall);
      }
    console.log(
      `| ${path.basename(root)} | ${ids.length} | ${best.one.toFixed(2)} | ${best.two.toFixed(2)} | ${(best.two / best.one).toFixed(2)} | ${cpuPerWall.toFixed(2)} |`,
    );
    rmSync(scratch, { recursive: true, force: true });
  }
}
