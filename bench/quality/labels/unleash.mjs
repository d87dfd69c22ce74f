#!/usr/bin/env node
/**
 * Ground truth for Unleash/unleash (Express server, TypeScript), root `.` (the checkout: its
 * tsconfig.json governs the server and excludes frontend/).
 *
 * Rule (folder-based; it does not depend on file names): Unleash's maintainers put each domain in
 * a feature folder `src/lib/features/<feature>/` (controller, service, stores, read models,
 * fakes and the createXService composition function side by side, nested sub-folders included).
 * Every analysed file under `src/lib/features/<feature>/` gets the label `<feature>`, the
 * first folder level below features/ (so `metrics/client-metrics/...` is `metrics`). Everything
 * else (the legacy layer folders src/lib/routes, services, db, types, openapi, util, middleware,
 * addons, ..., the barrel src/lib/features/index.ts, bootstrap files and src/test/) gets no label.
 * Analysed files: .ts/.tsx/.mts/.cts, not .d.ts, *.test.*, *.spec.*, __tests__/, __mocks__/ or
 * test folders.
 *
 *   node bench/quality/labels/unleash.mjs <checkout-dir>   -> writes unleash.json beside this file
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node unleash.mjs <checkout-dir>');
  process.exit(2);
}
const root = path.resolve(checkout, '.');
const FEATURES = 'src/lib/features';

/** Files seams analyses by default (module ids, POSIX, relative to root). */
function listFiles(dir, rel) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (['node_modules', 'dist', 'build', 'coverage', '.git'].includes(name)) continue;
    const full = path.join(dir, name);
    const id = `${rel}/${name}`;
    if (statSync(full).isDirectory()) {
      if (['__tests__', '__mocks__', 'test', 'tests'].includes(name)) continue;
      out.push(...listFiles(full, id));
    } else if (/\.(ts|tsx|mts|cts)$/.test(name) && !/\.d\.(ts|mts|cts)$/.test(name) && !/\.(test|spec)\./.test(name)) {
      out.push(id);
    }
  }
  return out;
}

const labels = {};
for (const id of listFiles(path.join(root, FEATURES), FEATURES)) {
  const match = new RegExp(`^${FEATURES}/([^/]+)/`).exec(id);
  if (match) labels[id] = match[1];
}
const sorted = Object.fromEntries(
  Object.keys(labels)
    .sort()
    .map((key) => [key, labels[key]]),
);
writeFileSync(path.join(here, 'unleash.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`unleash: ${Object.keys(sorted).length} files, ${new Set(Object.values(sorted)).size} labels`);
