import { ts } from 'ts-morph';
import { compareStrings } from '../diagnostics.js';
import type { RawExports } from './types.js';

/**
 * What one file exports, read from its top-level statements without the type checker: locally
 * declared exports (interfaces, type aliases and abstract classes also listed as abstract),
 * `export ... from` re-exports, `export *`, and imported bindings that are exported again
 * (`import { a } from './a'; export { a };`, `export default a`).
 */
export function collectExports(file: ts.SourceFile): RawExports {
  const bindings = importedBindings(file);
  const local = new Set<string>();
  const abstract = new Set<string>();
  const reexports: RawExports['reexports'] = [];
  const stars: string[] = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        if (clause === undefined) stars.push(specifier);
        else if (ts.isNamespaceExport(clause)) reexports.push({ name: clause.name.text, specifier, imported: '*' });
        else for (const element of clause.elements) reexports.push({ name: element.name.text, specifier, imported: (element.propertyName ?? element.name).text });
      } else if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          const binding = bindings.get((element.propertyName ?? element.name).text);
          if (binding) reexports.push({ name: element.name.text, ...binding });
          else local.add(element.name.text);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) continue;
      const binding = ts.isIdentifier(statement.expression) ? bindings.get(statement.expression.text) : undefined;
      if (binding) reexports.push({ name: 'default', ...binding });
      else local.add('default');
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      const names = hasModifier(statement, ts.SyntaxKind.DefaultKeyword) ? ['default'] : declaredNames(statement);
      for (const name of names) local.add(name);
      if (isAbstractDeclaration(statement)) for (const name of names) abstract.add(name);
    }
  }
  return { local: [...local].sort(compareStrings), reexports, stars, abstract: [...abstract].sort(compareStrings) };
}

function importedBindings(file: ts.SourceFile): Map<string, { specifier: string; imported: string }> {
  const bindings = new Map<string, { specifier: string; imported: string }>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.importClause) continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause.name) bindings.set(clause.name.text, { specifier, imported: 'default' });
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { specifier, imported: '*' });
    else if (named) for (const element of named.elements) bindings.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text });
  }
  return bindings;
}

function hasModifier(statement: ts.Statement, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === kind);
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  const name = (statement as { name?: ts.Node }).name;
  return name !== undefined && ts.isIdentifier(name) ? [name.text] : [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** Interfaces, type aliases and abstract classes: what Martin's abstractness counts. */
function isAbstractDeclaration(statement: ts.Statement): boolean {
  return ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || (ts.isClassDeclaration(statement) && hasModifier(statement, ts.SyntaxKind.AbstractKeyword));
}
