/**
 * Pieces every domain file is assembled from: the import block (packages, then `@shared/*`, then
 * relative paths, each group by specifier; `import type`, inline `type` specifiers and plain imports as the model says),
 * the kernel snippets (module-level declarations plus statements placed where `id` is in scope),
 * and the members generated for generic collaborators: an injected constructor parameter and a
 * delegating method in class files, an exported helper function in function files, a lazy
 * `await import()` method for dynamic imports.
 */
import { specifier } from './layout.js';
import type { Dep, Kind, Module } from './model.js';
import { lowerFirst, words } from './naming.js';
import type { Kernel } from './wire-kernel.js';

/** The structural dep of `module` on its own entity's module of `kind`. */
export function ownDep(module: Module, kind: Kind): Dep | null {
  return (
    module.deps.find(
      (dep) => dep.role === 'structural' && dep.target.kind === kind && dep.target.entity === module.entity,
    ) ?? null
  );
}

/** True when the module imports anything from the kernel module `key`. */
export function usesKernel(module: Module, key: string): boolean {
  return module.deps.some((dep) => dep.kernelKeys.includes(key));
}

/** `billing.invoice-line.service`: a logger scope / event prefix. */
export function scopeOf(module: Module): string {
  return `${module.domain ?? 'app'}.${module.base}`;
}

/** Import statements of the module; `packages` are written first, verbatim. */
export function importBlock(module: Module, packages: string[] = []): string[] {
  const aliased: string[] = [];
  const relative: string[] = [];
  for (const dep of module.deps) {
    if (dep.form === 'dynamic') continue;
    const spec = specifier(module, dep.target, dep.alias);
    (spec.startsWith('.') ? relative : aliased).push(`import ${clause(dep)} from '${spec}';`);
  }
  const bySpecifier = (a: string, b: string) => {
    const left = a.slice(a.lastIndexOf(' from ') + 6);
    const right = b.slice(b.lastIndexOf(' from ') + 6);
    return left < right ? -1 : left > right ? 1 : 0;
  };
  return [...packages, ...aliased.sort(bySpecifier), ...relative.sort(bySpecifier)];
}

function clause(dep: Dep): string {
  const names = [...dep.names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (dep.form === 'type') return `type { ${names.join(', ')} }`;
  if (dep.form === 'inline')
    return `{ ${names.map((name) => (dep.typeNames.includes(name) ? `type ${name}` : name)).join(', ')} }`;
  return `{ ${names.join(', ')} }`;
}

export interface SnippetParts {
  /** Module-level declarations, after the imports. */
  declarations: string[];
  /** Statements for a body with `id: string` in scope, unindented. */
  statements: string[];
}

/** The kernel snippets the module uses, filled in for this module. */
export function snippetParts(module: Module, kernel: Kernel): SnippetParts {
  const fill = (text: string) =>
    text
      .replace(/\$scope/g, scopeOf(module))
      .replace(/\$entity/g, words(module.entity?.camel ?? module.base))
      .replace(/\$kebab/g, module.entity?.kebab ?? module.base);
  const parts: SnippetParts = { declarations: [], statements: [] };
  for (const key of module.snippets) {
    const snippet = kernel.byKey.get(key)?.spec.snippet;
    if (!snippet) continue;
    parts.declarations.push(...snippet.module.map(fill));
    parts.statements.push(fill(snippet.line));
  }
  return parts;
}

export interface GenericParts {
  /** Constructor parameters (class files). */
  params: string[];
  /** Methods (class files, indented) or functions (function files), each a block of lines. */
  blocks: string[][];
}

/** Members for every generic dep of the module. */
export function genericParts(module: Module, host: 'class' | 'module'): GenericParts {
  const parts: GenericParts = { params: [], blocks: [] };
  for (const dep of module.deps) {
    if (dep.role !== 'generic' || dep.item === null) continue;
    const block = host === 'class' ? classMember(module, dep, parts) : moduleMember(module, dep);
    parts.blocks.push(block);
  }
  return parts;
}

function classMember(module: Module, dep: Dep, parts: GenericParts): string[] {
  const item = dep.item as NonNullable<Dep['item']>;
  const name = item.names[0] as string;
  if (dep.form === 'dynamic') return indent(lazyLoader(module, dep, name, 'method'));
  if (item.shape === 'class') {
    const field = lowerFirst(name);
    parts.params.push(`private readonly ${field}: ${name}`);
    return indent([
      `/** Delegates to ${name}. */`,
      `async ${item.member}(id: string) {`,
      `  return this.${field}.${item.use};`,
      '}',
    ]);
  }
  if (item.shape === 'type') return indent(describe(item.member, name, 'method'));
  return indent([`${item.member}(id: string) {`, `  return ${item.use};`, '}']);
}

function moduleMember(module: Module, dep: Dep): string[] {
  const item = dep.item as NonNullable<Dep['item']>;
  const name = item.names[0] as string;
  if (dep.form === 'dynamic') return lazyLoader(module, dep, name, 'function');
  if (item.shape === 'class') {
    const param = lowerFirst(name);
    return [
      `export async function ${item.member}(${param}: ${name}, id: string) {`,
      `  return ${param}.${item.use};`,
      '}',
    ];
  }
  if (item.shape === 'type') return describe(item.member, name, 'function');
  return [`export function ${item.member}(id: string) {`, `  return ${item.use};`, '}'];
}

function describe(member: string, type: string, host: 'method' | 'function'): string[] {
  const head =
    host === 'method' ? `${member}(value: ${type}): string {` : `export function ${member}(value: ${type}): string {`;
  return [head, `  return \`${words(lowerFirst(type))}:\${value.id}\`;`, '}'];
}

function lazyLoader(module: Module, dep: Dep, name: string, host: 'method' | 'function'): string[] {
  const head =
    host === 'method'
      ? `async load${name}(): Promise<string> {`
      : `export async function load${name}(): Promise<string> {`;
  return [
    `/** Loads ${name} lazily; it is only needed on rare paths. */`,
    head,
    `  const { ${name} } = await import('${specifier(module, dep.target, false)}');`,
    `  return ${name}.name;`,
    '}',
  ];
}

/** Indents every non-empty line by `depth` levels of two spaces. */
export function indent(lines: string[], depth = 1): string[] {
  const pad = '  '.repeat(depth);
  return lines.map((line) => (line === '' ? '' : `${pad}${line}`));
}

/** Joins blocks with a blank line between them. */
export function joinBlocks(blocks: string[][]): string[] {
  return blocks.flatMap((block, index) => (index === 0 ? block : ['', ...block]));
}

export interface ClassShape {
  doc: string;
  head: string;
  /** Lines at the top of the class body (static members, fields), unindented. */
  fields: string[];
  params: string[];
  /** `super(...)` call, or null when the constructor does not call one. */
  superCall: string | null;
  /** Methods, each a block already indented one level. */
  methods: string[][];
}

/** A class declaration; the constructor is omitted when it would be empty. */
export function classLines(shape: ClassShape): string[] {
  const blocks: string[][] = [];
  if (shape.fields.length > 0) blocks.push(indent(shape.fields));
  const constructorText = constructorLines(shape.params, shape.superCall);
  if (constructorText.length > 0) blocks.push(indent(constructorText));
  blocks.push(...shape.methods);
  return [`/** ${shape.doc} */`, `${shape.head} {`, ...joinBlocks(blocks), '}'];
}

function constructorLines(params: string[], superCall: string | null): string[] {
  if (params.length === 0 && superCall === null) return [];
  const open =
    params.length <= 1
      ? [`constructor(${params.join('')})`]
      : ['constructor(', ...params.map((param) => `  ${param},`), ')'];
  const last = open.length - 1;
  if (superCall === null) return [...open.slice(0, last), `${open[last]} {}`];
  return [...open.slice(0, last), `${open[last]} {`, `  ${superCall};`, '}'];
}

/** A whole file: imports, module-level declarations, then blocks, separated by blank lines. */
export function fileText(imports: string[], declarations: string[], blocks: string[][]): string {
  const sections = [imports, declarations, ...blocks].filter((section) => section.length > 0);
  return `${joinBlocks(sections).join('\n')}\n`;
}
