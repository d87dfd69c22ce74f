#!/usr/bin/env node
/**
 * Ground truth for lujakob/nestjs-realworld-example-app, root `.` (the checkout; its tsconfig.json
 * includes src/**).
 *
 * Rule (folder-based; it does not depend on file names): every analysed file under
 * `src/<feature>/` gets the label `<feature>`, where `<feature>` is a folder that holds a NestJS
 * `@Module` (article, profile, tag, user). Files directly in src/ (main.ts, app.module.ts,
 * app.controller.ts) and the shared/ folder (no @Module) get no label.
 * The script also reads every `@Module` with TypeScript's parser (no type checker) and checks that
 * each module's controllers/providers live in its own folder, so the folder equals NestJS module
 * membership; it prints any exception.
 *
 *   node bench/quality/labels/nestjs-realworld.mjs <checkout-dir>   -> writes nestjs-realworld.json beside this file
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ts = createRequire(import.meta.url)(path.join(here, '..', '..', '..', 'node_modules', 'typescript'));

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node nestjs-realworld.mjs <checkout-dir>');
  process.exit(2);
}
const root = path.resolve(checkout, '.');

/** Files seams analyses by default (module ids, POSIX, relative to root). */
function listFiles(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (['node_modules', 'dist', 'build', 'coverage', '.git'].includes(name)) continue;
    const full = path.join(dir, name);
    const id = rel ? `${rel}/${name}` : name;
    if (statSync(full).isDirectory()) {
      if (['__tests__', '__mocks__', 'test', 'tests'].includes(name)) continue;
      out.push(...listFiles(full, id));
    } else if (/\.(ts|tsx|mts|cts)$/.test(name) && !/\.d\.(ts|mts|cts)$/.test(name) && !/\.(test|spec)\./.test(name)) {
      out.push(id);
    }
  }
  return out;
}

const files = listFiles(root).filter((id) => id.startsWith('src/'));
const fileSet = new Set(files);
const resolve = (from, specifier) => {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => fileSet.has(candidate)) ?? null;
};

/** Folders (relative to src/) holding a @Module class, and the files each module lists. */
const moduleFolders = new Set();
for (const id of files) {
  const source = ts.createSourceFile(id, readFileSync(path.join(root, id), 'utf8'), ts.ScriptTarget.Latest, true);
  const imported = new Map();
  for (const statement of source.statements) {
    if (
      !ts.isImportDeclaration(statement) ||
      !statement.importClause?.namedBindings ||
      !ts.isNamedImports(statement.importClause.namedBindings)
    )
      continue;
    for (const element of statement.importClause.namedBindings.elements)
      imported.set(element.name.text, resolve(id, statement.moduleSpecifier.text));
  }
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    for (const decorator of ts.getDecorators(statement) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Module')
        continue;
      const folder = path.posix.dirname(id);
      if (folder === 'src') continue; // the root ApplicationModule: composition root
      moduleFolders.add(folder.slice('src/'.length));
      const options = call.arguments[0];
      if (!options || !ts.isObjectLiteralExpression(options)) continue;
      for (const property of options.properties) {
        if (!ts.isPropertyAssignment(property) || !['controllers', 'providers'].includes(property.name.getText(source)))
          continue;
        if (!ts.isArrayLiteralExpression(property.initializer)) continue;
        for (const element of property.initializer.elements) {
          const file = ts.isIdentifier(element) ? imported.get(element.text) : null;
          if (file && !file.startsWith(`${folder}/`))
            console.warn(`note: ${id} lists ${element.text} from ${file}, outside its folder`);
        }
      }
    }
  }
}

const labels = {};
for (const id of files) {
  const match = /^src\/([^/]+)\//.exec(id);
  if (match && moduleFolders.has(match[1])) labels[id] = match[1];
}
const sorted = Object.fromEntries(
  Object.keys(labels)
    .sort()
    .map((key) => [key, labels[key]]),
);
writeFileSync(path.join(here, 'nestjs-realworld.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(
  `nestjs-realworld: ${Object.keys(sorted).length} files, ${new Set(Object.values(sorted)).size} labels (${[...moduleFolders].sort().join(', ')})`,
);
