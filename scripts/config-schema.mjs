#!/usr/bin/env node
// Writes schema/config.schema.json from the option table (src/config/options.ts, through the
// build in dist/). `--check` writes nothing and fails when the file differs from the table; the
// test test/config/generated-docs.test.ts makes the same comparison without a build.
import { readFileSync, writeFileSync } from 'node:fs';
import { configSchemaText } from '../dist/config/config-schema.js';

const file = new URL('../schema/config.schema.json', import.meta.url);
const text = configSchemaText();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') === text) process.exit(0);
  console.error(
    'schema/config.schema.json differs from the option table: run npm run build && node scripts/config-schema.mjs',
  );
  process.exit(1);
}
writeFileSync(file, text);
