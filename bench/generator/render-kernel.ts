/**
 * File contents of the shared kernel. Core modules are fixed templates; their imports come from
 * the kernel spec (kernel.ts), so the import lines and the names the bodies use always agree.
 * Subsystem utilities share one template: a class with `run(task)` that wraps a task (retry,
 * cache, lock, timer, ...) and a `create<Class>(scope)` factory. The barrel re-exports the core.
 */
import type { KernelSpec, KernelUse } from './kernel.js';
import { CORE_TEMPLATES } from './kernel-templates.js';
import { aWords, camelFromKebab } from './naming.js';

/** Contents of one kernel module; `specs` is the whole kernel. */
export function renderKernel(spec: KernelSpec, specs: readonly KernelSpec[]): string {
  if (spec.key === 'index') return renderBarrel(specs);
  const body =
    spec.className === null ? CORE_TEMPLATES[spec.key]?.(new Set(specs.map((item) => item.key))) : utilityBody(spec);
  if (body === undefined) throw new Error(`generate-monolith: no template for kernel module ${spec.key}`);
  return [...importLines(spec), ...(Object.keys(spec.imports).length > 0 ? [''] : []), ...body, ''].join('\n');
}

function importLines(spec: KernelSpec): string[] {
  const prefix = spec.folder === 'shared' ? './' : '../';
  return Object.entries(spec.imports).map(([key, names]) => `import ${clause(names)} from '${prefix}${key}';`);
}

function clause(use: KernelUse): string {
  const values = use.names.filter((name) => !use.typeNames.includes(name));
  if (values.length === 0) return `type { ${use.typeNames.join(', ')} }`;
  return `{ ${[...values, ...use.typeNames.map((name) => `type ${name}`)].join(', ')} }`;
}

function renderBarrel(specs: readonly KernelSpec[]): string {
  const lines = ['/** Public surface of the shared kernel. Subsystem utilities are imported from their own files. */'];
  for (const spec of specs) if (spec.core) lines.push(`export * from './${spec.base}';`);
  return [...lines, ''].join('\n');
}

function utilityBody(spec: KernelSpec): string[] {
  const name = spec.className as string;
  return [
    `export interface ${name}Options {`,
    '  label: string;',
    '  limit: number;',
    '}',
    '',
    `/** ${name}: wraps ${spec.base.split('-')[0]} work with ${aWords(camelFromKebab(spec.base.split('-').slice(1).join('-')))}. */`,
    `export class ${name} {`,
    `  private readonly logger = createLogger('shared/${spec.key}');`,
    '  private calls = 0;',
    '  private failures = 0;',
    '',
    `  constructor(private readonly options: ${name}Options) {}`,
    '',
    '  /** Runs the task, counting calls and failures. */',
    '  async run<T>(task: () => Promise<T>): Promise<T> {',
    '    this.calls += 1;',
    '    try {',
    '      return await task();',
    '    } catch (error) {',
    '      this.failures += 1;',
    "      this.logger.warn('task failed', { label: this.options.label, failures: this.failures });",
    '      throw error;',
    '    }',
    '  }',
    '',
    '  stats(): { calls: number; failures: number; limit: number } {',
    '    return { calls: this.calls, failures: this.failures, limit: this.options.limit };',
    '  }',
    '}',
    '',
    `export function create${name}(label: string): ${name} {`,
    `  return new ${name}({ label, limit: config.pageSize });`,
    '}',
  ];
}
