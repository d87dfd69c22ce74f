import { type TS, ts } from '../base/typescript.js';
import { compareStrings } from '../base/compare.js';
import type { KindVisitor, NodeVisitor } from './walk.js';

const MODULE_KEYS = new Set(['imports', 'providers', 'controllers', 'exports']);

/** The lists of a `@Module` that name its own members (the rest name other modules it uses). */
const MEMBER_KEYS = new Set(['providers', 'controllers']);

/**
 * NestJS wiring: names a file couples to at run time through the framework rather than through a
 * call. The classes listed in a `@Module({ imports, providers, controllers, exports })` (also
 * inside `forwardRef(() => X)`), the types of constructor parameters of decorated classes
 * (constructor injection), and `@Inject(X)` tokens. Read from the syntax; sorted. `members` are the
 * classes a `@Module` lists as its `providers` and `controllers`: the module's own parts, which
 * belong where the module belongs (its `imports` are other modules it depends on).
 */
export function wiringCollector(): KindVisitor & { result: () => string[]; members: () => string[] } {
  const names = new Set<string>();
  const members = new Set<string>();
  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    if (ts.isDecorator(node) && ts.isCallExpression(node.expression)) {
      const callee = node.expression.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      const [argument] = node.expression.arguments;
      if (name === 'Module' && argument && ts.isObjectLiteralExpression(argument)) {
        for (const property of argument.properties) {
          if (
            !ts.isPropertyAssignment(property) ||
            !ts.isIdentifier(property.name) ||
            !MODULE_KEYS.has(property.name.text) ||
            !ts.isArrayLiteralExpression(property.initializer)
          )
            continue;
          for (const element of property.initializer.elements) {
            addWired(element, names);
            if (MEMBER_KEYS.has(property.name.text)) addWired(element, members);
          }
        }
      }
      if (name === 'Inject' && argument && ts.isIdentifier(argument)) names.add(argument.text);
    }
    if (ts.isClassDeclaration(node) && (ts.getDecorators(node) ?? []).length > 0) {
      for (const member of node.members) {
        if (!ts.isConstructorDeclaration(member)) continue;
        for (const parameter of member.parameters) {
          if (parameter.type && ts.isTypeReferenceNode(parameter.type) && ts.isIdentifier(parameter.type.typeName))
            names.add(parameter.type.typeName.text);
        }
      }
    }
  };
  return {
    kinds: [ts.SyntaxKind.Decorator, ts.SyntaxKind.ClassDeclaration],
    visit,
    result: () => [...names].sort(compareStrings),
    members: () => [...members].sort(compareStrings),
  };
}

/** `X`, `forwardRef(() => X)`, `X.forRoot(...)`: the wired class name. */
function addWired(element: TS.Expression, names: Set<string>): void {
  if (ts.isIdentifier(element)) names.add(element.text);
  else if (ts.isCallExpression(element)) {
    const callee = element.expression;
    if (ts.isIdentifier(callee) && callee.text === 'forwardRef') {
      const [argument] = element.arguments;
      if (argument && ts.isArrowFunction(argument) && ts.isIdentifier(argument.body)) names.add(argument.body.text);
    } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      names.add(callee.expression.text);
    }
  }
}
