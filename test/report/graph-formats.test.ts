import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import type { ModuleEdge } from '../../src/graph/types.js';
import { dotString, penwidth, renderDot } from '../../src/report/dot.js';
import { mermaidLabel, renderMermaid } from '../../src/report/mermaid.js';
import { EMPTY_GRAPH_EXTRAS } from '../helpers.js';

interface CannedModule {
  id: string;
  lines: number;
  cluster: string;
}

function edge(from: string, to: string, typeOnly = false): ModuleEdge {
  const kind = typeOnly ? 'type' : 'static';
  return {
    from,
    to,
    kinds: [kind],
    typeOnly,
    symbols: ['x'],
    lines: [1],
    details: [{ line: 1, kind, syntax: 'import', specifier: to, typeOnly, symbols: ['x'] }],
    declarations: [{ symbol: 'x', module: to }],
  };
}

/** A hand-made analysis: only the fields the graph reporters read are meaningful. */
function canned(
  modules: CannedModule[],
  edges: ModuleEdge[],
  dependencies: Analysis['plan']['dependencies'],
  cycles: string[][],
  kernelIds: string[] = ['shared-kernel'],
): Analysis {
  const clusterIds = [...new Set(modules.map((module) => module.cluster))].sort();
  return {
    schemaVersion: 1,
    tool: { name: 'seams', version: '9.9.9' },
    settings: { tsconfig: null, seed: 42, resolution: 1, expected: null },
    graph: {
      modules: [...modules]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((module) => ({ id: module.id, lines: module.lines, exports: 1, abstractExports: 0 })),
      edges,
      dependencies: edges.map(({ from, to, kinds, typeOnly, symbols }) => ({ from, to, kinds, typeOnly, symbols })),
      externals: {},
      ...EMPTY_GRAPH_EXTRAS,
    },
    moduleFacts: { coupling: [], cycles: [] },
    clustering: { signals: [], history: null, sweep: null, edges: [] },
    partition: {
      resolution: 1,
      sweep: null,
      placement: {},
      confidence: {},
      // Deliberately not in id order: the reporters must sort.
      clusters: clusterIds.reverse().map((id) => ({
        id,
        label: id,
        kind: kernelIds.includes(id) ? ('kernel' as const) : ('service' as const),
        pinned: false,
        modules: modules
          .filter((module) => module.cluster === id)
          .map((module) => module.id)
          .sort(),
      })),
      assignment: Object.fromEntries(modules.map((module) => [module.id, module.cluster])),
      kernel: {},
    },
    metrics: {
      partition: {
        modularity: 0,
        turboMq: 0,
        structuralModularity: 0,
        icp: 0,
        ifn: 0,
        ned: 0,
        nedWindow: { min: 2, max: 20 },
        cdp: 0,
        expected: null,
      },
      services: [],
    },
    plan: {
      dependencies,
      cycles,
      cycleBreaks: [],
      mutualDependencies: [],
      steps: [],
      migrationImports: 0,
      apis: [],
      data: { entities: [], services: [] },
      interfaces: [],
    },
    diagnostics: [],
  };
}

/** Services a and b import each other (a cycle), c imports b by type only, a uses the kernel. */
const small = canned(
  [
    { id: 'src/a/one.ts', lines: 10, cluster: 'a' },
    { id: 'src/a/two.ts', lines: 5, cluster: 'a' },
    { id: 'src/b.ts', lines: 20, cluster: 'b' },
    { id: 'src/c.ts', lines: 7, cluster: 'c' },
    { id: 'src/k.ts', lines: 1, cluster: 'shared-kernel' },
  ],
  [
    edge('src/a/one.ts', 'src/b.ts'),
    edge('src/a/one.ts', 'src/k.ts'),
    edge('src/a/two.ts', 'src/a/one.ts'),
    edge('src/a/two.ts', 'src/b.ts'),
    edge('src/b.ts', 'src/a/one.ts', true),
    edge('src/c.ts', 'src/b.ts', true),
  ],
  [
    // Deliberately not in (from, to) order.
    { from: 'c', to: 'b', imports: 1, typeOnly: 1 },
    { from: 'a', to: 'b', imports: 2, typeOnly: 0 },
    { from: 'a', to: 'shared-kernel', imports: 1, typeOnly: 0 },
    { from: 'b', to: 'a', imports: 1, typeOnly: 1 },
  ],
  [['a', 'b']],
);

describe('service-level graphs', () => {
  it('Mermaid: one node per service, one labelled edge per dependency, type-only dashed, cycle edges red, kernel apart', () => {
    expect(renderMermaid(small, 'service')).toBe(
      [
        'flowchart LR',
        '  s0["a<br/>2 files, 15 lines"]',
        '  s1["b<br/>1 file, 20 lines"]',
        '  s2["c<br/>1 file, 7 lines"]',
        '  s3["shared-kernel<br/>1 file, 1 line"]',
        '  s0 -->|2| s1',
        '  s0 -->|1| s3',
        '  s1 -.->|1| s0',
        '  s2 -.->|1| s1',
        '  linkStyle 0,2 stroke:#d62728,color:#d62728',
        '  linkStyle 1 stroke:#999999',
        '  classDef kernel fill:#f4f4f4,stroke:#999999,stroke-dasharray:5 5,color:#555555',
        '  class s3 kernel',
        '',
      ].join('\n'),
    );
  });

  it('DOT: digraph seams, rankdir=LR, penwidth by weight, type-only dashed, cycle edges red, kernel dashed grey', () => {
    expect(renderDot(small, 'service')).toBe(
      [
        'digraph seams {',
        '  rankdir=LR;',
        '  node [shape=box, style=rounded, fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
        '  s0 [label="a\\n2 files, 15 lines"];',
        '  s1 [label="b\\n1 file, 20 lines"];',
        '  s2 [label="c\\n1 file, 7 lines"];',
        '  s3 [label="shared-kernel\\n1 file, 1 line", style="rounded,dashed", color=gray50, fontcolor=gray30];',
        '  s0 -> s1 [label="2", penwidth=2, color="#d62728", fontcolor="#d62728"];',
        '  s0 -> s3 [label="1", penwidth=1, color=gray60];',
        '  s1 -> s0 [label="1", penwidth=1, style=dashed, color="#d62728", fontcolor="#d62728"];',
        '  s2 -> s1 [label="1", penwidth=1, style=dashed];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('no cycle, no kernel: no link styles and no kernel class', () => {
    const plain = canned(
      [
        { id: 'x.ts', lines: 1, cluster: 'x' },
        { id: 'y.ts', lines: 2, cluster: 'y' },
      ],
      [edge('x.ts', 'y.ts')],
      [{ from: 'x', to: 'y', imports: 1, typeOnly: 0 }],
      [],
      [],
    );
    expect(renderMermaid(plain, 'service')).toBe(
      'flowchart LR\n  s0["x<br/>1 file, 1 line"]\n  s1["y<br/>1 file, 2 lines"]\n  s0 -->|1| s1\n',
    );
    expect(renderDot(plain, 'service')).not.toMatch(/color|dashed/);
  });

  it('pen width grows with log2 of the imports and stays within [1, 6]', () => {
    expect([1, 2, 4, 8, 12, 31, 32, 1000, 0].map(penwidth)).toEqual([1, 2, 3, 4, 4.58, 5.95, 6, 6, 1]);
  });
});

describe('module-level graphs', () => {
  it('Mermaid: modules grouped in one subgraph per service, edges as written, type-only dashed, cross-service cycle edges red', () => {
    expect(renderMermaid(small, 'module')).toBe(
      [
        'flowchart LR',
        '  subgraph s0 ["a"]',
        '    m0["src/a/one.ts"]',
        '    m1["src/a/two.ts"]',
        '  end',
        '  subgraph s1 ["b"]',
        '    m2["src/b.ts"]',
        '  end',
        '  subgraph s2 ["c"]',
        '    m3["src/c.ts"]',
        '  end',
        '  subgraph s3 ["shared-kernel"]',
        '    m4["src/k.ts"]',
        '  end',
        '  m0 --> m2',
        '  m0 --> m4',
        '  m1 --> m0',
        '  m1 --> m2',
        '  m2 -.-> m0',
        '  m3 -.-> m2',
        '  linkStyle 0,3,4 stroke:#d62728,color:#d62728',
        '  style s3 fill:#f4f4f4,stroke:#999999,stroke-dasharray:5 5,color:#555555',
        '',
      ].join('\n'),
    );
  });

  it('DOT: one subgraph cluster_N per service holding exactly its modules', () => {
    const graph = parseDot(renderDot(small, 'module'));
    expect(
      graph.clusters.map((item) => [
        item.name,
        item.attributes.label,
        item.nodes.map((node) => graph.nodes.get(node)?.label),
      ]),
    ).toEqual([
      ['cluster_0', 'a', ['src/a/one.ts', 'src/a/two.ts']],
      ['cluster_1', 'b', ['src/b.ts']],
      ['cluster_2', 'c', ['src/c.ts']],
      ['cluster_3', 'shared-kernel', ['src/k.ts']],
    ]);
    expect(graph.clusters[3]?.attributes.style).toBe('rounded,dashed');
    const label = (key: string) => graph.nodes.get(key)?.label;
    expect(
      graph.edges.map((item) => [
        label(item.from),
        label(item.to),
        item.attributes.style ?? '',
        item.attributes.color ?? '',
      ]),
    ).toEqual([
      ['src/a/one.ts', 'src/b.ts', '', '#d62728'],
      ['src/a/one.ts', 'src/k.ts', '', ''],
      ['src/a/two.ts', 'src/a/one.ts', '', ''],
      ['src/a/two.ts', 'src/b.ts', '', '#d62728'],
      ['src/b.ts', 'src/a/one.ts', 'dashed', '#d62728'],
      ['src/c.ts', 'src/b.ts', 'dashed', ''],
    ]);
  });

  it('a type-only import wired by the framework (constructor injection) is drawn solid: it couples at run time', () => {
    const wired = structuredClone(small);
    const injected = wired.graph.edges.find((item) => item.from === 'src/c.ts');
    if (injected === undefined) throw new Error('fixture');
    injected.wired = true;
    expect(renderMermaid(small, 'module')).toContain('\n  m3 -.-> m2\n');
    expect(renderMermaid(wired, 'module')).toContain('\n  m3 --> m2\n');
    expect(renderDot(wired, 'module')).toContain('\n  m3 -> m2;\n');
  });

  it('identical output for a reordered copy of the input', () => {
    const shuffled = structuredClone(small);
    shuffled.graph.edges.reverse();
    shuffled.plan.dependencies.reverse();
    shuffled.partition.clusters.reverse();
    for (const level of ['service', 'module'] as const) {
      expect(renderMermaid(shuffled, level)).toBe(renderMermaid(small, level));
      expect(renderDot(shuffled, level)).toBe(renderDot(small, level));
    }
  });
});

const HOSTILE = [
  'src/<img src=x onerror=alert(1)>.ts',
  'src/a"b].ts',
  'src/back\\slash\\" ] ; } x.ts',
  "src/%%{init: {'securityLevel':'loose'}}%%.ts",
  'src/#quot;&amp;`code`.ts',
  'src/line\nbreak.ts',
];

/** One hostile module per service (named hostilely too), each importing the next. */
const hostile = canned(
  HOSTILE.map((id, index) => ({ id, lines: 1, cluster: index === 0 ? 'evil"<b>' : `s${index}` })),
  HOSTILE.slice(1).map((id, index) => edge(HOSTILE[index] ?? '', id)),
  HOSTILE.slice(1).map((_, index) => ({
    from: index === 0 ? 'evil"<b>' : `s${index}`,
    to: `s${index + 1}`,
    imports: 1,
    typeOnly: 0,
  })),
  [],
  [],
);

describe('hostile names', () => {
  it('Mermaid: ids are generated, labels carry entity codes only, and decode back to the names', () => {
    for (const level of ['service', 'module'] as const) {
      const parsed = parseMermaid(renderMermaid(hostile, level));
      for (const label of parsed.labels.values()) {
        expect(label.raw).not.toMatch(/["<>`%&\n]|#(?!(?:quot|lt|gt|amp|\d+);)/);
      }
      const names = [...parsed.labels.values()].map((label) => label.text);
      if (level === 'module') {
        expect(names.filter((name) => name.startsWith('src/')).sort()).toEqual(
          HOSTILE.map((name) => name.replace('\n', ' ')).sort(),
        );
      }
      expect(names).toContain('evil"<b>');
    }
    expect(mermaidLabel('<img src=x onerror=alert(1)>')).toBe('["#lt;img src=x onerror=alert(1)#gt;"]');
    expect(mermaidLabel('a"b]')).toBe('["a#quot;b]"]');
    expect(mermaidLabel('%%{init}%%')).toBe('["#37;#37;{init}#37;#37;"]');
  });

  it('DOT: the output parses, every label is one string that decodes back to the name', () => {
    const modules = parseDot(renderDot(hostile, 'module'));
    expect([...modules.nodes.values()].map((node) => node.label).sort()).toEqual([...HOSTILE].sort());
    expect(modules.clusters.map((item) => item.attributes.label)).toContain('evil"<b>');
    expect(modules.edges).toHaveLength(HOSTILE.length - 1);
    const services = parseDot(renderDot(hostile, 'service'));
    expect([...services.nodes.values()].map((node) => node.label?.split('\n')[0])).toEqual([
      'evil"<b>',
      's1',
      's2',
      's3',
      's4',
      's5',
    ]);
    expect(dotString('a"b\\', 'next')).toBe('"a\\"b\\\\\\nnext"');
  });
});

interface DotGraph {
  nodes: Map<string, Record<string, string>>;
  edges: { from: string; to: string; attributes: Record<string, string> }[];
  clusters: { name: string; attributes: Record<string, string>; nodes: string[] }[];
}

/**
 * A strict parser for the DOT subset the reporter writes (Graphviz grammar: graph, subgraph,
 * node, edge and attribute statements; ID, numeral and double-quoted string tokens). Throws on
 * anything else, an unterminated string, or an edge to an undeclared node; decodes `\"`, `\\` and `\n`.
 */
function parseDot(text: string): DotGraph {
  const tokens: { kind: 'id' | 'string' | 'punct'; value: string }[] = [];
  const lexer = /\s+|([A-Za-z_][A-Za-z0-9_]*|-?(?:\d+(?:\.\d*)?|\.\d+))|"((?:[^"\\]|\\[\s\S])*)"|(->|[{}[\]=;,])/y;
  while (lexer.lastIndex < text.length) {
    const at = lexer.lastIndex;
    const match = lexer.exec(text);
    if (match === null) throw new Error(`DOT: unexpected ${JSON.stringify(text.slice(at, at + 20))}`);
    if (match[1] !== undefined) tokens.push({ kind: 'id', value: match[1] });
    else if (match[2] !== undefined)
      tokens.push({
        kind: 'string',
        value: match[2].replace(/\\([\s\S])/g, (_, char: string) => (char === 'n' ? '\n' : char)),
      });
    else if (match[3] !== undefined) tokens.push({ kind: 'punct', value: match[3] });
  }
  let index = 0;
  const peek = () => tokens[index];
  const take = (kind?: 'id' | 'string' | 'punct', value?: string) => {
    const token = tokens[index++];
    if (
      token === undefined ||
      (kind !== undefined && token.kind !== kind) ||
      (value !== undefined && token.value !== value)
    ) {
      throw new Error(`DOT: expected ${value ?? kind} at token ${index - 1}, got ${JSON.stringify(token)}`);
    }
    return token;
  };
  const value = () => {
    const token = take();
    if (token.kind === 'punct') throw new Error(`DOT: expected a value, got ${token.value}`);
    return token.value;
  };
  const attributeList = () => {
    const attributes: Record<string, string> = {};
    take('punct', '[');
    while (peek()?.value !== ']') {
      const name = take('id').value;
      take('punct', '=');
      attributes[name] = value();
      if (peek()?.value === ',' || peek()?.value === ';') index++;
    }
    take('punct', ']');
    return attributes;
  };
  const graph: DotGraph = { nodes: new Map(), edges: [], clusters: [] };
  const statements = (cluster: DotGraph['clusters'][number] | null) => {
    take('punct', '{');
    while (peek()?.value !== '}') {
      const head = take('id').value;
      if (head === 'subgraph') {
        const inner = { name: take('id').value, attributes: {}, nodes: [] };
        graph.clusters.push(inner);
        statements(inner);
      } else if (head === 'node' || head === 'edge' || head === 'graph') {
        attributeList();
      } else if (peek()?.value === '=') {
        index++;
        (cluster === null ? {} : (cluster.attributes as Record<string, string>))[head] = value();
      } else if (peek()?.value === '->') {
        index++;
        const to = take('id').value;
        if (!graph.nodes.has(head) || !graph.nodes.has(to))
          throw new Error(`DOT: edge ${head} -> ${to} to an undeclared node`);
        graph.edges.push({ from: head, to, attributes: peek()?.value === '[' ? attributeList() : {} });
      } else {
        if (graph.nodes.has(head)) throw new Error(`DOT: node ${head} declared twice`);
        graph.nodes.set(head, peek()?.value === '[' ? attributeList() : {});
        cluster?.nodes.push(head);
      }
      if (peek()?.value === ';') index++;
    }
    take('punct', '}');
  };
  take('id', 'digraph');
  take('id', 'seams');
  statements(null);
  if (index !== tokens.length) throw new Error('DOT: text after the graph');
  return graph;
}

/**
 * A line-by-line check of the Mermaid flowchart subset the reporter writes: every line must be a
 * known statement; returns the labels by node or subgraph id, raw and with entity codes decoded.
 */
function parseMermaid(text: string): { labels: Map<string, { raw: string; text: string }> } {
  const lines = text.split('\n');
  expect(lines[0]).toBe('flowchart LR');
  expect(lines.at(-1)).toBe('');
  const labels = new Map<string, { raw: string; text: string }>();
  // One pass, like Mermaid's own entity decoding: a decoded `#` never starts another entity.
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  const decode = (raw: string) =>
    raw.replace(/#(\d+|quot|lt|gt|amp);/g, (_, code: string) => named[code] ?? String.fromCharCode(Number(code)));
  let depth = 0;
  for (const line of lines.slice(1, -1)) {
    const node = /^ +([sm]\d+)\["([^"]*)"\]$/.exec(line);
    const subgraph = /^ {2}subgraph (s\d+) \["([^"]*)"\]$/.exec(line);
    const found = subgraph ?? node;
    if (found !== null) {
      const [, id = '', raw = ''] = found;
      const parts = raw.split('<br/>');
      labels.set(id, { raw: parts.join(''), text: decode(parts[0] ?? '') });
      if (subgraph !== null) depth++;
    } else if (line === '  end') {
      depth--;
    } else if (
      !/^ {2}[sm]\d+ (-->|-\.->)(\|\d+\|)? [sm]\d+$|^ {2}class [s\d,]+ kernel$|^ {2}(linkStyle [\d,]+|classDef kernel|style s\d+) [^"<>]*$/.test(
        line,
      )
    ) {
      throw new Error(`Mermaid: unexpected line ${JSON.stringify(line)}`);
    }
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
  return { labels };
}
