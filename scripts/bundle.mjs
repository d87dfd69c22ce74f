#!/usr/bin/env node
/**
 * Bundles the command line (dist/cli/main.js, as tsc compiled it, with the packages it imports)
 * into a few ES modules in dist/cli-bundle/, which bin/seams.js runs. Node.js loads two hundred
 * modules of seams and its packages one by one before a run reads a file; one bundle, split only
 * where the CLI imports lazily (each command, the extraction, the reporters), loads in fewer,
 * larger pieces (measured side by side in the README, Performance: "The command line runs from a
 * bundle"). The library entry (dist/index.js) is not bundled.
 *
 * Left out of the bundle: TypeScript (loaded from its own file through V8's code cache,
 * src/base/load-typescript.ts), and what seams loads with `createRequire` at run time (yaml, Ajv's
 * runtime helpers). Paths seams finds from `import.meta.url` (package.json, the installation's
 * `.cache/`) are two folders up from dist/cli-bundle/, as from every other folder of dist/.
 * Run by `npm run build` after tsc; the folder is emptied first, so no chunk of an earlier build
 * stays. esbuild's output is the same for the same input.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(REPO, 'dist', 'cli-bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(REPO, 'dist', 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@ts-morph/common', 'typescript'],
  // Bundled CommonJS packages call `require` (for Node.js's own modules too): give ES modules one.
  banner: {
    js: "import { createRequire as seamsCreateRequire } from 'node:module'; const require = seamsCreateRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning',
});
