/**
 * Imports of the shared kernel. Each domain file imports the kernel modules its layer needs
 * structurally (repositories extend BaseRepository, services BaseService, controllers
 * BaseController, validators use validation helpers, models and dtos the Money type, events the
 * event bus) plus one to three generic utilities through small snippets. Most kernel imports use
 * the `@shared/*` alias, some a relative path, some the barrel `src/shared/index.ts`; imports
 * that go through the barrel are merged into one statement, as people write them.
 */
import type { KernelSpec, KernelUse } from './kernel.js';
import type { Dep, Form, Module } from './model.js';
import { plainModule } from './modules.js';
import type { Rng } from './rng.js';

export interface Kernel {
  specs: KernelSpec[];
  byKey: Map<string, { spec: KernelSpec; module: Module }>;
  barrel: Module;
  modules: Module[];
  /** Keys of modules with a snippet: core or subsystem utilities, all or synchronous only. */
  pools: { core: string[]; coreSync: string[]; extras: string[]; extrasSync: string[] };
}

/** Kernel modules with their kernel-to-kernel imports (always relative). */
export function buildKernel(specs: KernelSpec[]): Kernel {
  const byKey = new Map<string, { spec: KernelSpec; module: Module }>();
  for (const spec of specs) {
    const module = plainModule('kernel', null, spec.folder, spec.base);
    module.kernelKey = spec.key;
    byKey.set(spec.key, { spec, module });
  }
  for (const { spec, module } of byKey.values()) {
    for (const [key, use] of Object.entries(spec.imports))
      module.deps.push(
        kernelDep(
          byKey.get(key)?.module as Module,
          use,
          [key],
          false,
          use.typeNames.length === use.names.length ? 'type' : 'static',
        ),
      );
  }
  const modules = specs.map((spec) => byKey.get(spec.key)?.module as Module);
  const usable = specs.filter((spec) => spec.snippet !== null);
  const keys = (list: KernelSpec[]) => list.map((spec) => spec.key);
  const pools = {
    core: keys(usable.filter((spec) => spec.core)),
    coreSync: keys(usable.filter((spec) => spec.core && !spec.snippet?.async)),
    extras: keys(usable.filter((spec) => !spec.core)),
    extrasSync: keys(usable.filter((spec) => !spec.core && !spec.snippet?.async)),
  };
  return { specs, byKey, barrel: byKey.get('index')?.module as Module, modules, pools };
}

/** Kernel modules a domain module uses for its layer's structure. */
function structural(module: Module, kernel: Kernel, rng: Rng): Map<string, KernelUse> {
  const has = (key: string) => kernel.byKey.has(key);
  const uses = new Map<string, KernelUse>();
  const add = (key: string, names: string[], typeNames: string[] = []) =>
    uses.set(key, { names: [...names, ...typeNames], typeNames });
  const entity = module.entity;
  switch (module.kind) {
    case 'model':
      if (entity?.moneyField) add('money', [], ['Money']);
      if (has('ids') && rng.chance(0.5)) add('ids', [], ['EntityId']);
      break;
    case 'repository':
      add('base-repository', ['BaseRepository']);
      break;
    case 'service':
    case 'feature':
      add('base-service', ['BaseService']);
      break;
    case 'controller':
      if (has('base-controller')) add('base-controller', ['BaseController']);
      break;
    case 'dto':
      if (entity?.moneyField) add('money', [], ['Money']);
      break;
    case 'validator':
      if (has('validation')) add('validation', ['asRecord', 'requireField']);
      else add('errors', ['ValidationError']);
      break;
    case 'events':
      if (has('event-bus')) add('event-bus', ['eventBus']);
      else add('logger', ['createLogger']);
      break;
    default:
      break;
  }
  return uses;
}

/** How many generic kernel snippets each kind of file uses. */
function snippetCount(module: Module, rng: Rng): number {
  switch (module.kind) {
    case 'repository':
    case 'service':
    case 'feature':
    case 'controller':
    case 'job':
      return rng.int(1, 3);
    case 'dto':
    case 'events':
      return rng.int(0, 2);
    default:
      return 0;
  }
}

/** Generic snippets: mostly core utilities, sometimes a subsystem utility (async: class files only). */
function generic(module: Module, kernel: Kernel, taken: ReadonlySet<string>, rng: Rng): string[] {
  const allowAsync = module.kind !== 'dto' && module.kind !== 'events';
  const core = allowAsync ? kernel.pools.core : kernel.pools.coreSync;
  const extras = allowAsync ? kernel.pools.extras : kernel.pools.extrasSync;
  const chosen = new Set<string>();
  for (let count = snippetCount(module, rng), tries = 0; chosen.size < count && tries < 10; tries += 1) {
    const pool = extras.length > 0 && rng.chance(0.3) ? extras : core;
    const key = pool.length > 0 ? rng.pick(pool) : null;
    if (key !== null && !taken.has(key)) chosen.add(key);
  }
  return [...chosen];
}

/** All kernel imports of one domain module. */
export function wireKernel(module: Module, kernel: Kernel, rng: Rng): void {
  const uses = structural(module, kernel, rng);
  for (const key of generic(module, kernel, new Set(uses.keys()), rng)) {
    const snippet = kernel.byKey.get(key)?.spec.snippet;
    if (!snippet) continue;
    uses.set(key, snippet.use);
    module.snippets.push(key);
  }
  const viaBarrel: [string, KernelUse][] = [];
  for (const [key, use] of [...uses.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const entry = kernel.byKey.get(key) as { spec: KernelSpec; module: Module };
    const route = rng.next();
    if (entry.spec.core && route < 0.15) viaBarrel.push([key, use]);
    else module.deps.push(kernelDep(entry.module, use, [key], !(route < 0.35), form(use, rng)));
  }
  if (viaBarrel.length === 0) return;
  const merged: KernelUse = {
    names: viaBarrel.flatMap(([, use]) => use.names),
    typeNames: viaBarrel.flatMap(([, use]) => use.typeNames),
  };
  module.deps.push(
    kernelDep(
      kernel.barrel,
      merged,
      viaBarrel.map(([key]) => key),
      false,
      form(merged, rng),
    ),
  );
}

function form(use: KernelUse, rng: Rng): Form {
  if (use.typeNames.length === use.names.length) return rng.chance(0.8) ? 'type' : 'static';
  if (use.typeNames.length > 0) return rng.chance(0.4) ? 'inline' : 'static';
  return 'static';
}

function kernelDep(target: Module, use: KernelUse, kernelKeys: string[], alias: boolean, form: Form): Dep {
  return {
    target,
    names: use.names,
    typeNames: use.typeNames,
    form,
    role: 'kernel',
    coupling: 'kernel',
    item: null,
    kernelKeys,
    alias,
  };
}
