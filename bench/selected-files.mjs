/**
 * The files `seams analyze` selects in a root, for the bench scripts that time one part of the work
 * over the same files (bench/parallel-parse.mjs, bench/native-parser.mjs): runs the built seams
 * once, writes the module ids to `<scratch>/ids.json`, and returns them with that file's path.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function selectedFiles(root, scratch) {
  const report = path.join(scratch, 'report.json');
  const analysed = spawnSync(
    process.execPath,
    [path.join(REPO, 'bin', 'seams.js'), 'analyze', root, '--no-cache', '--format', 'json', '-o', report],
    { encoding: 'utf8' },
  );
  if (analysed.status !== 0) throw new Error(`seams analyze ${root}: ${analysed.stderr.slice(0, 300)}`);
  const ids = JSON.parse(readFileSync(report, 'utf8')).modules.map((module) => module.id);
  const list = path.join(scratch, 'ids.json');
  writeFileSync(list, JSON.stringify(ids));
  return { ids, list };
}
