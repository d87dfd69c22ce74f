/**
 * Builds the in-memory model of a monolith, phase by phase, each with its own seeded stream:
 * choose domain names, size the kernel and the domains, plan each domain's modules, wire imports
 * (inside domains, to the kernel, between domains, to the composition root), add noise and lazy
 * imports, and finally lay the modules out on disk.
 */
import { buildKernel, wireKernel, type Kernel } from './wire-kernel.js';
import { kernelSpecs, MAX_KERNEL } from './kernel.js';
import { assignPaths } from './layout.js';
import type { Layout, Module, MonolithModel } from './model.js';
import { plainModule } from './modules.js';
import { chooseDomains, NameRegistry } from './naming.js';
import { claimListedEntities, planDomain, planSizes } from './plan.js';
import { createRng } from './rng.js';
import { wireCoupling, wireDynamic, wireNoise, wireRoot } from './wire-cross.js';
import { wireDomain } from './wire-domain.js';

export interface BuildSettings {
  seed: number;
  files: number;
  domains: number;
  noise: number;
  layout: Layout;
}

export function buildModel(settings: BuildSettings): { model: MonolithModel; kernel: Kernel } {
  const rng = (phase: string) => createRng(settings.seed, phase);
  const names = chooseDomains(settings.domains, rng('domains'));
  const registry = new NameRegistry();
  claimListedEntities(names, registry);
  const planRng = rng('plan');
  const sizes = planSizes(settings.files, names.length, MAX_KERNEL, planRng);
  const kernel = buildKernel(kernelSpecs(sizes.kernel, rng('kernel')));
  const domains = names.map((name, index) => planDomain(name, sizes.budgets[index] as number, registry, planRng));
  const roots = [plainModule('root', null, '', 'main'), plainModule('root', null, '', 'app')];
  const modules: Module[] = [
    ...kernel.modules,
    ...roots,
    ...domains.flatMap((domain) => [domain.barrel, ...domain.modules]),
  ];
  for (const [index, module] of modules.entries()) module.index = index;
  const model: MonolithModel = { layout: settings.layout, domains, kernel: kernel.modules, roots, modules };
  wire(model, kernel, settings, rng);
  assignPaths(model, rng('layout'));
  return { model, kernel };
}

function wire(
  model: MonolithModel,
  kernel: Kernel,
  settings: BuildSettings,
  rng: (phase: string) => ReturnType<typeof createRng>,
): void {
  const domainRng = rng('wire-domain');
  for (const domain of model.domains) wireDomain(domain, domainRng);
  const kernelRng = rng('wire-kernel');
  for (const domain of model.domains) for (const module of domain.modules) wireKernel(module, kernel, kernelRng);
  wireCoupling(model.domains, rng('wire-coupling'));
  wireRoot(model, kernel);
  wireNoise(model, settings.noise, rng('wire-noise'));
  wireDynamic(model, rng('wire-dynamic'));
}
