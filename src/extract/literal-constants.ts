import { type TS, ts } from '../base/typescript.js';
import type { KindVisitor, NodeVisitor } from './walk.js';

/**
 * String constants declared in one file, so that a name written through one (`@OnEvent(ORDER_CREATED)`,
 * `emit(Events.OrderCreated)`, `@Entity(TABLE)`) reads as its literal: `const X = 'a'`,
 * `const O = { A: 'a' }` (also `as const`), string-valued `enum` members. A name declared twice
 * in the file with different values (shadowing) resolves to nothing. Resolution happens after the
 * walk, so a constant declared below its use counts.
 */
export interface LiteralConstants {
  /** The literal an expression stands for, or undefined when it is not a static string of this file. */
  resolve(expression: TS.Expression): string | undefined;
}

const AMBIGUOUS = Symbol('ambiguous');

export function literalConstantsCollector(): KindVisitor & { constants: LiteralConstants } {
  const values = new Map<string, string | typeof AMBIGUOUS>();
  const define = (name: string, value: string | undefined): void => {
    if (value === undefined) return;
    const known = values.get(name);
    values.set(name, known === undefined || known === value ? value : AMBIGUOUS);
  };
  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    if (ts.isVariableDeclarationList(node)) {
      if ((node.flags & ts.NodeFlags.Const) === 0) return;
      for (const declaration of node.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
        const initializer = unwrap(declaration.initializer);
        if (ts.isObjectLiteralExpression(initializer)) {
          for (const property of initializer.properties)
            if (ts.isPropertyAssignment(property) && propertyName(property.name) !== undefined)
              define(`${declaration.name.text}.${propertyName(property.name)}`, literal(unwrap(property.initializer)));
        } else define(declaration.name.text, literal(initializer));
      }
    } else if (ts.isEnumDeclaration(node)) {
      for (const member of node.members)
        if (member.initializer !== undefined && propertyName(member.name) !== undefined)
          define(`${node.name.text}.${propertyName(member.name)}`, literal(member.initializer));
    }
  };
  const lookup = (key: string): string | undefined => {
    const value = values.get(key);
    return value === AMBIGUOUS ? undefined : value;
  };
  return {
    kinds: [ts.SyntaxKind.VariableDeclarationList, ts.SyntaxKind.EnumDeclaration],
    visit,
    constants: {
      resolve(expression) {
        const node = unwrap(expression);
        const text = literal(node);
        if (text !== undefined) return text;
        if (ts.isIdentifier(node)) return lookup(node.text);
        if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression))
          return lookup(`${node.expression.text}.${node.name.text}`);
        if (
          ts.isElementAccessExpression(node) &&
          ts.isIdentifier(node.expression) &&
          ts.isStringLiteral(node.argumentExpression)
        )
          return lookup(`${node.expression.text}.${node.argumentExpression.text}`);
        return undefined;
      },
    },
  };
}

/** A string literal or a template without substitutions. */
export function literal(node: TS.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** The expression inside parentheses, `as const`, `as T`, `satisfies T` and `!`. */
function unwrap(expression: TS.Expression): TS.Expression {
  let node = expression;
  while (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node)
  )
    node = node.expression;
  return node;
}

function propertyName(name: TS.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}
