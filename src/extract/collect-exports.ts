import { Node, type SourceFile } from 'ts-morph';
import { compareStrings } from '../diagnostics.js';
import type { RawExports } from './types.js';

/**
 * What one file exports, read from its top-level statements without the type checker: locally
 * declared exports, `export ... from` re-exports, `export *`, and imported bindings that are
 * exported again (`import { a } from './a'; export { a };`, `export default a`).
 */
export function collectExports(sourceFile: SourceFile): RawExports {
  const bindings = importedBindings(sourceFile);
  const local = new Set<string>();
  const reexports: RawExports['reexports'] = [];
  const stars: string[] = [];
  const abstract = new Set<string>();
  for (const statement of sourceFile.getStatements()) {
    if (Node.isExportDeclaration(statement)) {
      const specifier = statement.getModuleSpecifierValue();
      const named = statement.getNamedExports();
      if (specifier !== undefined) {
        const namespace = statement.getNamespaceExport();
        if (namespace) reexports.push({ name: namespace.getName(), specifier, imported: '*' });
        else if (named.length === 0) stars.push(specifier);
        for (const item of named) reexports.push({ name: item.getAliasNode()?.getText() ?? item.getName(), specifier, imported: item.getName() });
      } else {
        for (const item of named) {
          const exported = item.getAliasNode()?.getText() ?? item.getName();
          const binding = bindings.get(item.getName());
          if (binding) reexports.push({ name: exported, ...binding });
          else local.add(exported);
        }
      }
    } else if (Node.isExportAssignment(statement)) {
      if (statement.isExportEquals()) continue;
      const expression = statement.getExpression();
      const binding = Node.isIdentifier(expression) ? bindings.get(expression.getText()) : undefined;
      if (binding) reexports.push({ name: 'default', ...binding });
      else local.add('default');
    } else if (Node.isExportable(statement) && statement.hasExportKeyword()) {
      // Syntactic checks only: isExported()/isDefaultExport() would build a program and a type checker.
      const names = statement.hasDefaultKeyword() ? ['default'] : declaredNames(statement);
      for (const name of names) local.add(name);
      if (isAbstractDeclaration(statement)) for (const name of names) abstract.add(name);
    }
  }
  return { local: [...local].sort(compareStrings), reexports, stars, abstract: [...abstract].sort(compareStrings) };
}

/** Interfaces, type aliases and abstract classes: what Martin's abstractness counts. */
function isAbstractDeclaration(statement: Node): boolean {
  return Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement) || (Node.isClassDeclaration(statement) && statement.isAbstract());
}

function importedBindings(sourceFile: SourceFile): Map<string, { specifier: string; imported: string }> {
  const bindings = new Map<string, { specifier: string; imported: string }>();
  for (const declaration of sourceFile.getImportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport) bindings.set(defaultImport.getText(), { specifier, imported: 'default' });
    const namespace = declaration.getNamespaceImport();
    if (namespace) bindings.set(namespace.getText(), { specifier, imported: '*' });
    for (const named of declaration.getNamedImports()) {
      bindings.set(named.getAliasNode()?.getText() ?? named.getName(), { specifier, imported: named.getName() });
    }
  }
  return bindings;
}

function declaredNames(statement: Node): string[] {
  if (Node.isVariableStatement(statement)) {
    return statement.getDeclarations().flatMap((declaration) => {
      const name = declaration.getNameNode();
      return Node.isIdentifier(name) ? [name.getText()] : name.getDescendants().filter(Node.isBindingElement).map((element) => element.getName());
    });
  }
  if (Node.hasName(statement)) return [statement.getName()];
  return [];
}
