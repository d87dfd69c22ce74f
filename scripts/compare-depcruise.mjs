#!/usr/bin/env node
// Compares seams's module graph with dependency-cruiser's on one codebase and explains the
// differences by class. Usage: node scripts/compare-depcruise.mjs <root> [depcruise targets...]
// (build seams first: npm run build). Prints a Markdown summary. DEPCRUISE_TSCONFIG names the
// tsconfig dependency-cruiser is given (default tsconfig.json when present).
import path from 'node:path';
import { analyze } from '../dist/index.js';
import { depcruiseGraph } from './depcruise-graph.mjs';

const root = path.resolve(process.argv[2] ?? '.');
const targets = process.argv.length > 3 ? process.argv.slice(3) : ['.'];

const started = process.hrtime.bigint();
const analysis = await analyze({ path: root });
const seamsSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const cruise = await depcruiseGraph(root, targets, { tsconfig: process.env.DEPCRUISE_TSCONFIG ?? 'tsconfig.json' });

const analysed = new Set(analysis.graph.modules.map((module) => module.id));
const seamsEdges = new Map(analysis.graph.edges.map((edge) => [`${edge.from} -> ${edge.to}`, edge]));
const classes = new Map();
const count = (name, example) => {
  const entry = classes.get(name) ?? { count: 0, examples: [] };
  entry.count++;
  if (entry.examples.length < 3) entry.examples.push(example);
  classes.set(name, entry);
};
let both = 0;
for (const edge of cruise.edges) {
  const [from, to] = edge.split(' -> ');
  if (seamsEdges.has(edge)) both++;
  else if (!analysed.has(from))
    count('dependency-cruiser only: importer not analysed by seams (test, declaration or excluded file)', edge);
  else if (!analysed.has(to))
    count('dependency-cruiser only: target not analysed by seams (declaration, test, JSON or excluded file)', edge);
  else count('dependency-cruiser only: other', edge);
}
const cruiseEdges = cruise.edges;
for (const [key, edge] of seamsEdges) {
  if (cruiseEdges.has(key)) continue;
  const syntaxes = [...new Set(edge.details.map((detail) => detail.syntax))].sort().join('+');
  count(`seams only: ${syntaxes}${edge.typeOnly ? ' (type-only)' : ''}`, key);
}
console.log(`## ${path.basename(root)}\n`);
console.log(`| | seams | dependency-cruiser |\n| --- | --- | --- |`);
console.log(`| modules | ${analysis.graph.modules.length} | ${cruise.modules.length} |`);
console.log(`| internal edges | ${analysis.graph.edges.length} | ${cruise.edges.size} |`);
console.log(`| wall time (s) | ${seamsSeconds.toFixed(2)} | ${cruise.seconds.toFixed(2)} |`);
console.log(`\nedges in both: ${both}\n`);
for (const [name, entry] of [...classes.entries()].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`- ${name}: ${entry.count} (e.g. ${entry.examples.join('; ')})`);
}
const unresolved = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'UNRESOLVED_IMPORT').length;
console.log(`\nseams diagnostics: ${analysis.diagnostics.length} (${unresolved} UNRESOLVED_IMPORT)`);
