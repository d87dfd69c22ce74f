/**
 * Sizing and the modules of each domain. The file budget is split into the shared kernel
 * (~2.5%, at least 9 files), the composition root (2 files), one public barrel per domain, and
 * the domains themselves, which get unequal shares (weights 0.6–1.5) so some domains are larger.
 * A domain spends its share on entities: every entity has a model, a repository and a service;
 * most also get a controller, a dto and a validator; what is left becomes extras (feature
 * services, scheduled jobs, an events module), spread round-robin over the entities. Entity
 * counts are 3–8, more only past ~240 files per domain (about 30 files per entity at most).
 */
import { FEATURE_VERBS, JOB_VERBS } from '../vocabulary.js';
import type { Domain, Entity, Module } from './model.js';
import {
  featureModule,
  featureNames,
  jobModule,
  jobNames,
  layerModule,
  layerNames,
  makeEntity,
  plainModule,
  type EntityLayer,
} from './modules.js';
import { entityNames, listedEntities, type NameRegistry } from './naming.js';
import type { Rng } from './rng.js';

/** Files every entity has. */
const CORE_LAYERS: readonly EntityLayer[] = ['model', 'repository', 'service'];

export interface Sizes {
  kernel: number;
  /** Files per domain, excluding its barrel. */
  budgets: number[];
}

/** Kernel size and per-domain budgets for `files` source files in total. */
export function planSizes(files: number, domains: number, maxKernel: number, rng: Rng): Sizes {
  const kernel = Math.min(maxKernel, Math.max(9, Math.round(files * 0.025)));
  const available = Math.max(0, files - kernel - 2 - domains);
  const weights = Array.from({ length: domains }, () => 0.6 + rng.next() * 0.9);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const budgets = weights.map((weight) => Math.floor((available * weight) / total));
  let rest = available - budgets.reduce((sum, budget) => sum + budget, 0);
  for (let index = 0; rest > 0; index = (index + 1) % domains, rest -= 1)
    budgets[index] = (budgets[index] as number) + 1;
  return { kernel, budgets: budgets.map((budget) => Math.max(budget, CORE_LAYERS.length * 3)) };
}

/** Claims the listed entities of every domain up front, so derived names never take another domain's. */
export function claimListedEntities(domains: readonly string[], registry: NameRegistry): void {
  for (const domain of domains) for (const name of listedEntities(domain)) registry.claim(name);
}

/** One domain with all its modules (no dependencies yet). */
export function planDomain(name: string, budget: number, registry: NameRegistry, rng: Rng): Domain {
  const count = entityCount(budget);
  const entities = entityNames(name, count, registry).map((camel, index) => makeEntity(name, index, camel, rng));
  const modules: Module[] = [];
  const add = (module: Module | null) => {
    if (module !== null) modules.push(module);
  };
  for (const entity of entities) for (const layer of CORE_LAYERS) add(requireLayer(entity, layer, registry));
  for (const [entity, layer] of optionalLayers(entities, rng)) {
    if (modules.length >= budget) break;
    add(claimLayer(entity, layer, registry));
  }
  addExtras(entities, modules, budget, registry, rng);
  const barrel = plainModule('barrel', name, 'api', name);
  const services = modules.filter((module) => module.kind === 'service');
  const publicServices = services.slice(0, Math.max(1, Math.ceil(services.length / 2)));
  return { name, entities, modules: sortByEntity(modules, entities), barrel, publicServices, uses: [] };
}

function entityCount(budget: number): number {
  const ceiling = Math.max(8, Math.ceil(budget / 30));
  return Math.max(3, Math.min(Math.round(budget / 8), ceiling, Math.floor(budget / CORE_LAYERS.length)));
}

/** Controller, dto and validator candidates per entity, entity by entity. */
function optionalLayers(entities: readonly Entity[], rng: Rng): [Entity, EntityLayer][] {
  const chosen: [Entity, EntityLayer][] = [];
  for (const entity of entities) {
    if (rng.chance(0.85)) chosen.push([entity, 'controller']);
    if (!rng.chance(0.8)) continue;
    chosen.push([entity, 'dto']);
    if (rng.chance(0.75)) chosen.push([entity, 'validator']);
  }
  return chosen;
}

/** Fills the rest of the budget with feature services, jobs and events modules, round-robin. */
function addExtras(
  entities: readonly Entity[],
  modules: Module[],
  budget: number,
  registry: NameRegistry,
  rng: Rng,
): void {
  const pools = entities.map((entity) => ({
    entity,
    features: rng.shuffle(FEATURE_VERBS),
    jobs: rng.shuffle(JOB_VERBS),
    events: rng.chance(0.8),
  }));
  let progress = true;
  while (modules.length < budget && progress) {
    progress = false;
    for (const pool of rng.shuffle(pools)) {
      if (modules.length >= budget) return;
      const module = nextExtra(pool, registry, rng);
      if (module === null) continue;
      modules.push(module);
      progress = true;
    }
  }
}

interface ExtraPool {
  entity: Entity;
  features: (typeof FEATURE_VERBS)[number][];
  jobs: (typeof JOB_VERBS)[number][];
  events: boolean;
}

function nextExtra(pool: ExtraPool, registry: NameRegistry, rng: Rng): Module | null {
  if (pool.events) {
    pool.events = false;
    const events = claimLayer(pool.entity, 'events', registry);
    if (events !== null) return events;
  }
  while (pool.features.length > 0 || pool.jobs.length > 0) {
    const job = pool.jobs.length > 0 && (pool.features.length === 0 || rng.chance(0.3));
    if (job) {
      const verb = pool.jobs.pop() as JobVerbEntry;
      if (registry.claim(...jobNames(pool.entity, verb))) return jobModule(pool.entity, verb);
    } else {
      const verb = pool.features.pop() as FeatureVerbEntry;
      if (registry.claim(...featureNames(pool.entity, verb))) return featureModule(pool.entity, verb);
    }
  }
  return null;
}

type JobVerbEntry = (typeof JOB_VERBS)[number];
type FeatureVerbEntry = (typeof FEATURE_VERBS)[number];

function claimLayer(entity: Entity, layer: EntityLayer, registry: NameRegistry): Module | null {
  if (layer === 'validator' && !registry.has(`Create${entity.pascal}Dto`)) return null;
  return registry.claim(...layerNames(entity, layer)) ? layerModule(entity, layer) : null;
}

function requireLayer(entity: Entity, layer: EntityLayer, registry: NameRegistry): Module {
  const module = claimLayer(entity, layer, registry);
  if (module === null) throw new Error(`generate-monolith: name clash for the ${layer} of ${entity.camel}`);
  return module;
}

/** Modules grouped by entity, then in creation order: a readable, stable order. */
function sortByEntity(modules: Module[], entities: readonly Entity[]): Module[] {
  const position = new Map(modules.map((module, index) => [module, index]));
  const entityIndex = (module: Module) => entities.indexOf(module.entity as Entity);
  return [...modules].sort(
    (a, b) => entityIndex(a) - entityIndex(b) || (position.get(a) as number) - (position.get(b) as number),
  );
}
