#!/usr/bin/env node
/**
 * `node bench/native-parser.mjs [--runs N] <root>...`: would a native parser (oxc-parser, Rust via
 * N-API) make extraction faster? For each root (its files as `seams analyze` selects them), each
 * way below runs as a whole process over the same texts (read before the clock starts), side by
 * side, alternating, best of N (default 3):
 *   typescript  TypeScript's createSourceFile, as seams calls it (no parent pointers, JSDoc skipped);
 *   oxc-ast     oxc-parser's parseSync, the whole syntax tree brought into JavaScript (what seams's
 *               fact collectors would need: terms, entities, routes and events read the tree);
 *   oxc-module  oxc-parser's parseSync, only its module record (static imports and exports,
 *               dynamic imports): the imports alone, without a tree;
 *   oxc-raw     oxc-parser's parseSync with `experimentalRawTransfer` (the tree built in
 *               JavaScript from the parser's own buffer, not from JSON), where the runtime has it
 *               (Node.js 22 and later: `rawTransferSupported()`; on Node.js 20 the column is "-");
 *   seams       seams's parseFile (TypeScript's parser and every fact collector), for scale.
 * oxc-parser is not a dependency of seams: install it beside the checkout first, e.g.
 *   npm install --no-save oxc-parser@0.159.0
 * (its fast path, `experimentalRawTransfer`, needs Node.js 22 or later; on Node.js 20 the tree
 * crosses into JavaScript as JSON). Needs `npm run build`. Prints a Markdown table of seconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectedFiles } from './selected-files.mjs';

const HERE = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(HERE), '..');
const WAYS = ['typescript', 'oxc-ast', 'oxc-module', 'oxc-raw', 'seams'];

if (process.argv[2] === '--child') {
  // One measured process: `--child <way> <root> <ids.json>`; prints the parse seconds and a count.
  const [, , , way, root, list] = process.argv;
  const jobs = JSON.parse(readFileSync(list, 'utf8')).map((id) => {
    const file = path.join(root, id);
    return { id, file, text: readFileSync(file, 'utf8') };
  });
  let count = 0;
  let started = 0;
  if (way === 'typescript' || way === 'seams') {
    const { ts } = await import(path.join(REPO, 'dist', 'base', 'typescript.js'));
    const { parseFile } = await import(path.join(REPO, 'dist', 'extract', 'parse-file.js'));
    started = performance.now();
    for (const { id, file, text } of jobs) {
      if (way === 'seams') count += parseFile(file, text, id).imports.length;
      else {
        const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
        count += ts.createSourceFile(file, text, options, false).statements.length;
      }
    }
  } else {
    const { parseSync } = createRequire(path.join(REPO, 'package.json'))('oxc-parser');
    const options = way === 'oxc-raw' ? { experimentalRawTransfer: true } : {};
    started = performance.now();
    for (const { file, text } of jobs) {
      const result = parseSync(file, text, options);
      count += way === 'oxc-module' ? result.module.staticImports.length : result.program.body.length;
    }
  }
  console.log(`${((performance.now() - started) / 1000).toFixed(3)} ${count}`);
} else {
  try {
    createRequire(path.join(REPO, 'package.json')).resolve('oxc-parser');
  } catch {
    console.error('oxc-parser is not installed: npm install --no-save oxc-parser@0.159.0');
    process.exit(2);
  }
  const { rawTransferSupported } = createRequire(path.join(REPO, 'package.json'))('oxc-parser');
  const measured = WAYS.filter((way) => way !== 'oxc-raw' || rawTransferSupported());
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
  console.log(`Node.js ${process.version}; seconds of parsing alone, best of ${runs}\n`);
  console.log(`| root | files | ${WAYS.join(' | ')} |\n| --- | ---: |${' ---: |'.repeat(WAYS.length)}`);
  for (const root of args.map((value) => path.resolve(value))) {
    const scratch = mkdtempSync(path.join(tmpdir(), 'seams-native-'));
    const { ids, list } = selectedFiles(root, scratch);
    const best = Object.fromEntries(WAYS.map((way) => [way, Number.POSITIVE_INFINITY]));
    for (let run = 0; run < runs; run++)
      for (const way of measured) {
        const child = spawnSync(process.execPath, [HERE, '--child', way, root, list], { encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`${way} ${root}: ${child.stderr.slice(0, 300)}`);
        best[way] = Math.min(best[way], Number(child.stdout.split(' ')[0]));
      }
    console.log(
      `| ${path.basename(root)} | ${ids.length} | ${WAYS.map((way) => (measured.includes(way) ? best[way].toFixed(2) : '-')).join(' | ')} |`,
    );
    rmSync(scratch, { recursive: true, force: true });
  }
}
