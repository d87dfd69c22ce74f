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
 * per node: two stacks and one callback per walk.
 */
export function walk(file: TS.SourceFile, visitors: readonly KindVisitor[]): void {
  const table = dispatchTable(visitors);
  const nodes: TS.Node[] = [];
  const inJsDocs: boolean[] = [];
  let pushing = false;
  const push = (child: TS.Node): undefined => {
    nodes.push(child);
    inJsDocs.push(pushing);
    return undefined;
  };
  // The file itself is not visited, only its children. Children are pushed in reverse so that they pop in source order.
  ts.forEachChild(file, push);
  reverse(nodes, inJsDocs, 0);
  for (;;) {
    const node = nodes.pop();
    const inJsDoc = inJsDocs.pop();
    if (node === undefined || inJsDoc === undefined) return;
    const listeners = table[node.kind];
    if (listeners !== undefined) for (const visit of listeners) visit(node, inJsDoc);
    const start = nodes.length;
    const jsDoc = (node as { jsDoc?: TS.Node[] }).jsDoc;
    pushing = true;
    if (jsDoc !== undefined) for (const doc of jsDoc) push(doc);
    pushing = inJsDoc;
    ts.forEachChild(node, push);
    if (nodes.length - start > 1) reverse(nodes, inJsDocs, start);
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

function reverse(nodes: TS.Node[], flags: boolean[], from: number): void {
  for (let low = from, high = nodes.length - 1; low < high; low++, high--) {
    const node = nodes[low] as TS.Node;
    nodes[low] = nodes[high] as TS.Node;
    nodes[high] = node;
    const flag = flags[low] as boolean;
    flags[low] = flags[high] as boolean;
    flags[high] = flag;
  }
}
