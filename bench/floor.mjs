#!/usr/bin/env node
/**
 * The floor of what `seams analyze` must do at least, as one whole process: read every file of a
 * list, parse it with TypeScript's parser (createSourceFile, no checker), collect its import and
 * export specifiers, and resolve each with TypeScript's resolver under the root tsconfig's
 * compiler options (one resolution cache), as seams does. Nothing else: no graph, no clustering.
 * Usage: node bench/floor.mjs <root> <file-list.json>   (a JSON array of paths relative to root)
 * Prints `files imports resolved seconds` on stdout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const started = performance.now();
const require = createRequire(import.meta.url);
const ts = require('typescript');
const [root, listFile] = process.argv.slice(2).map((value) => path.resolve(value));
const files = JSON.parse(readFileSync(listFile, 'utf8')).map((id) => path.join(root, id));

let options = { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, allowJs: true };
const tsconfig = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json');
if (tsconfig !== undefined && path.dirname(tsconfig) === root) {
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  options = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, root).options;
}
const cache = ts.createModuleResolutionCache(root, (name) => name, options);

let imports = 0;
let resolved = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const specifiers = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specifiers.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    )
      specifiers.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const specifier of specifiers) {
    imports++;
    if (ts.resolveModuleName(specifier, file, options, ts.sys, cache).resolvedModule !== undefined) resolved++;
  }
}
console.log(`${files.length} ${imports} ${resolved} ${((performance.now() - started) / 1000).toFixed(2)}`);
