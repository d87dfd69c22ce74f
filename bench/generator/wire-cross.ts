/**
 * Imports that cross domains, and the composition root. Real coupling: each domain's services use
 * the public services of one to three other domains, 40% of the time through that domain's
 * barrel. Noise: random modules importing random modules of other domains, added until they are
 * the requested share of all internal imports. Then about 1% of all internal imports, chosen
 * among class-to-class uses, become lazy `await import()` calls. The composition root (`main.ts`,
 * `app.ts`) wires every controller.
 */
import type { Dep, Domain, Module, MonolithModel } from './model.js';
import { CLASS_KINDS } from './model.js';
import type { Rng } from './rng.js';
import { genericDep } from './wire-domain.js';
import type { Kernel } from './wire-kernel.js';

/** Domain-to-domain service coupling. */
export function wireCoupling(domains: readonly Domain[], rng: Rng): void {
  const byName = new Map(domains.map((domain) => [domain.name, domain]));
  for (const domain of domains) {
    const others = domains.filter((other) => other !== domain).map((other) => other.name);
    domain.uses = rng
      .sample(others, rng.int(1, Math.min(3, others.length)))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const importers = domain.modules.filter((module) => module.kind === 'service' || module.kind === 'feature');
    const services = importers.filter((module) => module.kind === 'service');
    for (const used of domain.uses) {
      const target = byName.get(used) as Domain;
      for (let count = rng.int(1, 3); count > 0; count -= 1) {
        const importer = rng.chance(0.75) ? rng.pick(services) : rng.pick(importers);
        couple(importer, target, rng);
      }
    }
  }
}

function couple(importer: Module, domain: Domain, rng: Rng): void {
  const service = rng.pick(domain.publicServices);
  if (importsModule(importer, service) || importsModule(importer, domain.barrel)) return;
  importer.deps.push(genericDep(service, 'coupling', 'static', rng.chance(0.4) ? domain.barrel : null));
}

function importsModule(module: Module, target: Module): boolean {
  return module.deps.some((dep) => dep.target === target || (target.item !== null && dep.item === target.item));
}

/** Random cross-domain imports until they are `share` of all internal imports. */
export function wireNoise(model: MonolithModel, share: number, rng: Rng): void {
  const candidates = model.domains.flatMap((domain) => domain.modules);
  if (share <= 0 || model.domains.length < 2) return;
  const existing = countDeps(model.modules);
  const wanted = Math.round((existing * share) / (1 - share));
  for (let added = 0, tries = 0; added < wanted && tries < wanted * 20; tries += 1) {
    const source = rng.pick(candidates);
    const target = rng.pick(candidates);
    if (source.domain === target.domain || importsModule(source, target)) continue;
    const form = target.item?.shape === 'type' && rng.chance(0.5) ? 'type' : 'static';
    source.deps.push(genericDep(target, 'noise', form));
    added += 1;
  }
}

/** About 1% of all internal imports become `await import()` of a class a class file uses. */
export function wireDynamic(model: MonolithModel, rng: Rng): void {
  const eligible: Dep[] = [];
  for (const module of model.modules) {
    if (!CLASS_KINDS.has(module.kind)) continue;
    for (const dep of module.deps)
      if (dep.role === 'generic' && dep.item?.shape === 'class' && dep.target.kind !== 'barrel') eligible.push(dep);
  }
  for (const dep of rng.sample(eligible, Math.round(countDeps(model.modules) * 0.01))) dep.form = 'dynamic';
}

/** `src/app.ts` imports every controller; `src/main.ts` starts the app. */
export function wireRoot(model: MonolithModel, kernel: Kernel): void {
  const [main, app] = model.roots as [Module, Module];
  const kernelModule = (key: string) => kernel.byKey.get(key)?.module as Module;
  const root = (target: Module, names: string[], alias = false): Dep => ({
    target,
    names,
    typeNames: [],
    form: 'static',
    role: 'structural',
    coupling: 'root',
    item: null,
    kernelKeys: target.kernelKey === null ? [] : [target.kernelKey],
    alias,
  });
  main.deps.push(
    root(kernelModule('config'), ['config'], true),
    root(kernelModule('logger'), ['createLogger'], true),
    root(app, ['createApp']),
  );
  app.deps.push(root(kernelModule('logger'), ['createLogger'], true));
  for (const domain of model.domains) {
    for (const module of domain.modules)
      if (module.kind === 'controller') app.deps.push(root(module, [...(module.item?.names ?? [])]));
  }
}

function countDeps(modules: readonly Module[]): number {
  return modules.reduce((sum, module) => sum + module.deps.length, 0);
}
