import { type TS, ts } from '../base/typescript.js';

/** Receives the nodes of the kinds it asked for; `inJsDoc` is true inside JSDoc comments. */
export type NodeVisitor = (node: TS.Node, inJsDoc: boolean) => void;

/** A collector's part in the walk: the node kinds it reads and what it does with each. */
export interface KindVisitor {
  /** The only kinds `visit` is called on (most nodes are identifiers, which few collectors read). */
  readonly kinds: readonly TS.SyntaxKind[];
  readonly visit: NodeVisitor;
}

/**
 * One depth-first walk of a syntax tree, JSDoc comments included, calling each visitor on the
 * nodes of the kinds it asked for (a table by kind: no visitor is called on a node it ignores):
 * the collectors share it, so a file is walked once however many facts are read from it.
 * Pre-order, a node's JSDoc comments before its children, children in source order. Iterative,
 * with an explicit stack: tsc accepts expressions and `else if` chains thousands of levels deep
 * (`0 + 1 + … + 2999`), which would overflow the call stack of a recursive walk. Allocates nothing
 * per node: a stack and one callback per walk (and per node with JSDoc, which most files have none
 * of: see parseFile).
 */
export function walk(file: TS.SourceFile, visitors: readonly KindVisitor[]): void {
  const table = dispatchTable(visitors);
  const nodes: TS.Node[] = [];
  // The file itself is not visited, only its children.
  ts.forEachChild(file, (child) => {
    nodes.push(child);
  });
  walkNodes(nodes, table, false);
}

/**
 * Visits `nodes` and their descendants, popping them from the end (so they come in reverse);
 * all inside JSDoc or all outside it. A node's JSDoc comments are walked by a nested call, before
 * its children: only JSDoc nodes are inside JSDoc, so one flag holds for a whole stack.
 */
function walkNodes(nodes: TS.Node[], table: readonly (NodeVisitor[] | undefined)[], inJsDoc: boolean): void {
  const push = (child: TS.Node): undefined => {
    nodes.push(child);
    return undefined;
  };
  // Children are pushed in reverse so that they pop in source order.
  reverse(nodes, 0);
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    const listeners = table[node.kind];
    if (listeners !== undefined) for (const visit of listeners) visit(node, inJsDoc);
    const jsDoc = (node as { jsDoc?: TS.Node[] }).jsDoc;
    if (jsDoc !== undefined) walkNodes([...jsDoc], table, true);
    // Tokens (identifiers, keywords, punctuation) have no children: forEachChild would return at once.
    if (node.kind <= ts.SyntaxKind.LastToken) continue;
    const start = nodes.length;
    ts.forEachChild(node, push);
    if (nodes.length - start > 1) reverse(nodes, start);
  }
}

function dispatchTable(visitors: readonly KindVisitor[]): (NodeVisitor[] | undefined)[] {
  const table: (NodeVisitor[] | undefined)[] = [];
  for (const visitor of visitors) {
    for (const kind of visitor.kinds) {
      const listeners = table[kind];
      if (listeners === undefined) table[kind] = [visitor.visit];
      else listeners.push(visitor.visit);
    }
  }
  return table;
}

function reverse(nodes: TS.Node[], from: number): void {
  for (let low = from, high = nodes.length - 1; low < high; low++, high--) {
    const node = nodes[low] as TS.Node;
    nodes[low] = nodes[high] as TS.Node;
    nodes[high] = node;
  }
}
