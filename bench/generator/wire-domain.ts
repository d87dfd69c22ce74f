/**
 * Imports inside one domain, following the layering people actually write: controller ->
 * service -> repository -> model; controllers use their dto and validator; dtos, validators and
 * events refer to the model's types; a service calls one to three sibling services of its domain
 * (never both directions of a pair); models reference up to two earlier models of the domain,
 * sometimes with `import type` and a string relation. Feature services and jobs build on their
 * entity's service. The domain barrel re-exports the public services.
 */
import type { ApiItem, Dep, Domain, Form, Kind, Module } from './model.js';
import type { Rng } from './rng.js';

/** Wires every module of the domain and its barrel. */
export function wireDomain(domain: Domain, rng: Rng): void {
  const find = layerFinder(domain);
  for (const module of domain.modules) wireModule(module, domain, find, rng);
  wireSiblings(domain, rng);
  wireBarrel(domain, rng);
}

type Finder = (module: Module, kind: Kind) => Module | null;

function layerFinder(domain: Domain): Finder {
  const byKey = new Map<string, Module>();
  for (const module of domain.modules) byKey.set(`${module.entity?.camel}:${module.kind}`, module);
  return (module, kind) => byKey.get(`${module.entity?.camel}:${kind}`) ?? null;
}

function wireModule(module: Module, domain: Domain, find: Finder, rng: Rng): void {
  const entity = module.entity;
  if (entity === null) return;
  const own = (kind: Kind) => find(module, kind);
  const model = own('model') as Module;
  const name = entity.pascal;
  const add = (target: Module | null, names: string[], typeNames: string[], form: Form) => {
    if (target !== null) module.deps.push(structural(target, names, typeNames, form));
  };
  const typeForm = (p: number): Form => (rng.chance(p) ? 'type' : 'static');
  switch (module.kind) {
    case 'model':
      for (const other of relatedModels(module, domain, rng))
        add(other, [other.item?.names[0] as string], [], typeForm(0.4));
      break;
    case 'repository':
      add(model, [name, `${name}Status`], [`${name}Status`], rng.chance(0.35) ? 'inline' : 'static');
      break;
    case 'service': {
      add(own('repository'), [`${name}Repository`], [], 'static');
      add(model, [name], [name], typeForm(0.6));
      const events = own('events');
      add(events, [`${entity.constant}_CREATED`, `${entity.constant}_UPDATED`, `publish${name}Event`], [], 'static');
      break;
    }
    case 'feature':
      add(own('service'), [`${name}Service`], [], 'static');
      if (rng.chance(0.5)) add(own('repository'), [`${name}Repository`], [], 'static');
      if (rng.chance(0.5)) add(model, [name], [name], typeForm(0.7));
      break;
    case 'controller': {
      add(own('service'), [`${name}Service`], [], 'static');
      const dtoTypes = [`Create${name}Dto`, `Update${name}Dto`];
      add(own('dto'), [...dtoTypes, `to${name}Response`], dtoTypes, rng.chance(0.4) ? 'inline' : 'static');
      add(own('validator'), [`validateCreate${name}`, `validateUpdate${name}`], [], 'static');
      break;
    }
    case 'dto':
      add(model, [name], [name], typeForm(0.8));
      break;
    case 'validator':
      add(
        own('dto'),
        [`Create${name}Dto`, `Update${name}Dto`],
        [`Create${name}Dto`, `Update${name}Dto`],
        typeForm(0.75),
      );
      break;
    case 'events':
      add(model, [name], [name], typeForm(0.7));
      break;
    case 'job': {
      add(own('service'), [`${name}Service`], [], 'static');
      const features = domain.modules.filter((other) => other.kind === 'feature' && other.entity === entity);
      if (features.length > 0 && rng.chance(0.4)) module.deps.push(genericDep(rng.pick(features), 'intra', 'static'));
      break;
    }
    default:
      break;
  }
}

/** Zero to two models of earlier entities of the domain. */
function relatedModels(model: Module, domain: Domain, rng: Rng): Module[] {
  const index = model.entity?.index ?? 0;
  const earlier = domain.modules.filter((other) => other.kind === 'model' && (other.entity?.index ?? 0) < index);
  return rng.sample(earlier, rng.int(0, Math.min(2, earlier.length)));
}

/** Each main service calls one to three other main services of its domain; never both ways. */
function wireSiblings(domain: Domain, rng: Rng): void {
  const services = domain.modules.filter((module) => module.kind === 'service');
  const calls = new Set<string>();
  for (const service of services) {
    const others = rng.shuffle(services.filter((other) => other !== service));
    let wanted = rng.int(1, 3);
    for (const other of others) {
      if (wanted === 0) break;
      if (calls.has(`${other.index}>${service.index}`)) continue;
      calls.add(`${service.index}>${other.index}`);
      service.deps.push(genericDep(other, 'intra', 'static'));
      wanted -= 1;
    }
  }
}

/** `src/api/<domain>.ts` (or `src/<domain>/index.ts`): the public services, by name or `export *`. */
function wireBarrel(domain: Domain, rng: Rng): void {
  for (const service of domain.publicServices) {
    const names = [...(service.item?.names ?? [])];
    domain.barrel.deps.push(structural(service, names, [], rng.chance(0.5) ? 'static' : 'inline'));
  }
  const model = domain.modules.find((module) => module.kind === 'model');
  if (model !== undefined && rng.chance(0.6))
    domain.barrel.deps.push(
      structural(model, [model.item?.names[0] as string], [model.item?.names[0] as string], 'type'),
    );
}

/** A generic import of the target's public item; `coupling` says why it exists. */
export function genericDep(target: Module, coupling: Dep['coupling'], form: Form, via: Module | null = null): Dep {
  const item = target.item as ApiItem;
  return {
    target: via ?? target,
    names: item.names,
    typeNames: item.typeNames,
    form,
    role: 'generic',
    coupling,
    item,
    kernelKeys: [],
    alias: false,
  };
}

function structural(target: Module, names: string[], typeNames: string[], form: Form): Dep {
  return {
    target,
    names,
    typeNames,
    form,
    role: 'structural',
    coupling: 'intra',
    item: null,
    kernelKeys: [],
    alias: false,
  };
}
