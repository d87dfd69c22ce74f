/**
 * The second thread of extraction (extract.ts `parseAll`): parses the files it is given with the
 * same `parseFile` as the main thread, posting `{ done }` as it goes and `{ facts }` at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type FileFacts, parseFile } from './parse-file.js';

/** One file to parse: as extract.ts reads it. */
export interface ParseJob {
  file: string;
  text: string;
  id: string;
}

/** What the worker posts: progress, then every file's facts in job order. */
export type ParseMessage = { done: number } | { facts: FileFacts[] };

const jobs = workerData as ParseJob[];
const facts: FileFacts[] = [];
for (const job of jobs) {
  facts.push(parseFile(job.file, job.text, job.id));
  if (facts.length % 50 === 0) parentPort?.postMessage({ done: facts.length } satisfies ParseMessage);
}
parentPort?.postMessage({ facts } satisfies ParseMessage);
