// The folder-to-folder import matrix of src/ (runtime and type-only imports): node scripts/import-matrix.mjs [src]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
const src = path.resolve(process.argv[2] ?? 'src');
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d)) {
    const f = path.join(d, e);
    statSync(f).isDirectory() ? walk(f) : f.endsWith('.ts') && files.push(f);
  }
};
walk(src);
const folderOf = (f) => {
  const r = path.relative(src, f).split(path.sep);
  return r.length === 1 ? '(top)/' + r[0].replace(/\.ts$/, '') : r[0];
};
const m = new Map();
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)) {
    const target = path.resolve(path.dirname(f), match[2].replace(/\.js$/, '.ts'));
    const a = folderOf(f),
      b = folderOf(target);
    if (a === b) continue;
    const k = `${a} -> ${b}`;
    const v = m.get(k) ?? { runtime: 0, type: 0 };
    match[1] ? v.type++ : v.runtime++;
    m.set(k, v);
  }
}
for (const [k, v] of [...m].sort()) console.log(`${k}\t${v.runtime}${v.type ? ` (+${v.type} type)` : ''}`);
