#!/usr/bin/env node
// Rewrites the README's generated tables (the options in "Usage", the fields in "Configuration")
// from the option table in src/config/options.ts, through the build in dist/. `--check` writes
// nothing and fails when the README differs; test/config/generated-docs.test.ts makes the same
// comparison without a build.
import { readFileSync, writeFileSync } from 'node:fs';
import { updateReadme } from '../dist/config/option-docs.js';

const file = new URL('../README.md', import.meta.url);
const text = readFileSync(file, 'utf8');
const updated = updateReadme(text);
if (process.argv.includes('--check')) {
  if (updated === text) process.exit(0);
  console.error(
    'README.md tables differ from src/config/options.ts: run npm run build && node scripts/readme-tables.mjs',
  );
  process.exit(1);
}
if (updated !== text) writeFileSync(file, updated);
