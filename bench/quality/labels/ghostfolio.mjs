#!/usr/bin/env node
/**
 * Ground truth for ghostfolio/ghostfolio, root `apps/api` (the NestJS API; its tsconfig extends the
 * repo-root tsconfig.base.json, so the `@ghostfolio/api/*` aliases resolve with this root).
 *
 * Rule (NestJS module membership; it does not depend on file names):
 *   A "feature module" is a class decorated with `@Module` in a file under `src/app/` or
 *   `src/services/`, except the composition root `AppModule` (src/app/app.module.ts) and the
 *   shared-infrastructure modules listed in INFRASTRUCTURE below (database client, configuration,
 *   i18n, outbound HTTP, query-filter helper, Redis cache client). Its label is its folder relative
 *   to src/ (e.g. `app/portfolio`, `services/data-provider/data-enhancer`).
 *   1. A file that declares a class listed (directly or as `provide:`) in the `controllers` or
 *      `providers` of exactly one `@Module` of the API, that module being a feature module, gets
 *      that module's label. Classes listed by several modules do not decide.
 *   2. Otherwise a file inside a module's folder gets the label of the deepest enclosing module
 *      folder; if that module is infrastructure or the AppModule, the file gets no label.
 *   3. Otherwise a file under `src/app/<feature>/` gets `app/<feature>` (the feature folder).
 *   Everything else (bootstrap, decorators, guards, helpers, interceptors, events, models, dtos,
 *   environments, jest config) gets no label.
 * Decorators are read with TypeScript's parser (no type checker); identifiers are followed through
 * the module file's imports (relative or `@ghostfolio/api/*`).
 *
 *   node bench/quality/labels/ghostfolio.mjs <checkout-dir>   -> writes ghostfolio.json beside this file
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ts = createRequire(import.meta.url)(path.join(here, '..', '..', '..', 'node_modules', 'typescript'));

const ROOT = 'apps/api';
const INFRASTRUCTURE = new Set([
  'app/redis-cache',
  'services/api',
  'services/configuration',
  'services/fetch',
  'services/i18n',
  'services/prisma',
]);
const COMPOSITION_ROOT = 'src/app/app.module.ts';

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node ghostfolio.mjs <checkout-dir>');
  process.exit(2);
}
const root = path.resolve(checkout, ROOT);

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

/** Resolves an import specifier of `from` to a module id, or null. */
function resolve(from, specifier) {
  let base;
  if (specifier.startsWith('@ghostfolio/api/')) base = `src/${specifier.slice('@ghostfolio/api/'.length)}`;
  else if (specifier.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`])
    if (fileSet.has(candidate)) return candidate;
  return null;
}

const parsed = new Map(
  files.map((id) => [
    id,
    ts.createSourceFile(id, readFileSync(path.join(root, id), 'utf8'), ts.ScriptTarget.Latest, true),
  ]),
);

/** Every `@Module` class: its file, folder (relative to src/) and the files of its controllers/providers. */
const modules = [];
for (const [id, source] of parsed) {
  const imported = new Map();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
    const target = resolve(id, statement.moduleSpecifier.text);
    const bindings = statement.importClause.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements) imported.set(element.name.text, target);
    if (statement.importClause.name) imported.set(statement.importClause.name.text, target);
  }
  const local = new Set(source.statements.filter((s) => ts.isClassDeclaration(s) && s.name).map((s) => s.name.text));
  const fileOf = (name) => (local.has(name) ? id : (imported.get(name) ?? null));
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    for (const decorator of ts.getDecorators(statement) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Module')
        continue;
      const members = new Set();
      const options = call.arguments[0];
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const property of options.properties) {
          if (
            !ts.isPropertyAssignment(property) ||
            !['controllers', 'providers'].includes(property.name.getText(source))
          )
            continue;
          if (!ts.isArrayLiteralExpression(property.initializer)) continue;
          for (const element of property.initializer.elements) {
            let name = null;
            if (ts.isIdentifier(element)) name = element.text;
            else if (ts.isObjectLiteralExpression(element)) {
              const provide = element.properties.find(
                (p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'provide',
              );
              if (provide && ts.isIdentifier(provide.initializer)) name = provide.initializer.text;
            }
            const file = name && fileOf(name);
            if (file) members.add(file);
          }
        }
      }
      const folder = path.posix.dirname(id).slice('src/'.length);
      const feature = id !== COMPOSITION_ROOT && /^(app|services)\//.test(folder) && !INFRASTRUCTURE.has(folder);
      modules.push({ id, folder, feature, members });
    }
  }
}

const labels = {};
for (const id of files) {
  const listing = modules.filter((module) => module.members.has(id));
  if (listing.length === 1 && listing[0].feature) {
    labels[id] = listing[0].folder;
    continue;
  }
  const enclosing = modules
    .filter(
      (module) =>
        module.id !== COMPOSITION_ROOT &&
        /^(app|services)\//.test(module.folder) &&
        id.startsWith(`src/${module.folder}/`),
    )
    .sort((a, b) => b.folder.length - a.folder.length)[0];
  if (enclosing) {
    if (enclosing.feature) labels[id] = enclosing.folder;
    continue;
  }
  const feature = /^src\/app\/([^/]+)\//.exec(id);
  if (feature) labels[id] = `app/${feature[1]}`;
}

const sorted = Object.fromEntries(
  Object.keys(labels)
    .sort()
    .map((key) => [key, labels[key]]),
);
writeFileSync(path.join(here, 'ghostfolio.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(
  `ghostfolio: ${Object.keys(sorted).length} files, ${new Set(Object.values(sorted)).size} labels, ${modules.length} @Module classes`,
);
