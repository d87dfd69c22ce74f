/**
 * Factories for the modules of one domain entity, and the public "item" each exposes to generic
 * users (see ApiItem in model.ts). Names follow the usual NestJS/TypeORM conventions:
 * `invoice-line.entity.ts` exports class `InvoiceLine`, `invoice-line.service.ts` exports
 * `InvoiceLineService`, `invoice-line-export.service.ts` exports `InvoiceLineExportService`,
 * `invoice-line-reminder.job.ts` exports `InvoiceLineReminderJob`, and so on.
 */
import { EVENT_VERBS, FIELDS, MONEY_FIELDS, STATUSES } from '../vocabulary.js';
import {
  LAYER_FOLDERS,
  type ApiItem,
  type Entity,
  type FeatureVerb,
  type JobVerb,
  type Kind,
  type Module,
} from './model.js';
import { constant, kebab, pascal } from './naming.js';
import type { Rng } from './rng.js';

/** Layers of an entity that are not extras. */
export type EntityLayer = 'model' | 'repository' | 'service' | 'controller' | 'dto' | 'validator' | 'events';

const SUFFIX: Readonly<Record<EntityLayer, string>> = {
  model: 'entity',
  repository: 'repository',
  service: 'service',
  controller: 'controller',
  dto: 'dto',
  validator: 'validator',
  events: 'events',
};

/** An entity with a random set of columns, statuses and event verbs. */
export function makeEntity(domain: string, index: number, camel: string, rng: Rng): Entity {
  const fields = rng.sample(FIELDS, rng.int(3, 7)).sort((a, b) => FIELDS.indexOf(a) - FIELDS.indexOf(b));
  const statuses = rng.sample(STATUSES, rng.int(3, 5)).sort((a, b) => STATUSES.indexOf(a) - STATUSES.indexOf(b));
  return {
    domain,
    index,
    camel,
    pascal: pascal(camel),
    kebab: kebab(camel),
    constant: constant(camel),
    snake: kebab(camel).replace(/-/g, '_'),
    fields,
    statuses,
    moneyField: rng.chance(0.45) ? rng.pick(MONEY_FIELDS) : null,
    eventVerbs: rng.sample(EVENT_VERBS, rng.int(1, 3)),
  };
}

/** Class and file names a layer module of the entity claims. */
export function layerNames(entity: Entity, layer: EntityLayer): string[] {
  const { pascal: name, kebab: file } = entity;
  const classes: Record<EntityLayer, string[]> = {
    model: [name, `${name}Status`],
    repository: [`${name}Repository`],
    service: [`${name}Service`],
    controller: [`${name}Controller`],
    dto: [`Create${name}Dto`, `Update${name}Dto`, `${name}Response`, `to${name}Response`],
    validator: [`validateCreate${name}`, `validateUpdate${name}`],
    events: [`${name}Event`, `${name}EventName`, `publish${name}Event`],
  };
  return [...classes[layer], `file:${LAYER_FOLDERS[layer]}/${file}.${SUFFIX[layer]}`];
}

export function featureNames(entity: Entity, verb: FeatureVerb): string[] {
  return [`${entity.pascal}${verb.noun}Service`, `file:services/${entity.kebab}-${verb.stem}.service`];
}

export function jobNames(entity: Entity, verb: JobVerb): string[] {
  return [`${entity.pascal}${verb.noun}Job`, `file:jobs/${entity.kebab}-${verb.stem}.job`];
}

/** A layer module of an entity (no dependencies yet). */
export function layerModule(entity: Entity, layer: EntityLayer): Module {
  return blank(layer, entity, LAYER_FOLDERS[layer], `${entity.kebab}.${SUFFIX[layer]}`, layerItem(entity, layer));
}

export function featureModule(entity: Entity, verb: FeatureVerb): Module {
  const name = `${entity.pascal}${verb.noun}Service`;
  const module = blank(
    'feature',
    entity,
    'services',
    `${entity.kebab}-${verb.stem}.service`,
    classItem(name, `${verb.method}([id])`, `run${entity.pascal}${verb.noun}`),
  );
  module.feature = verb;
  return module;
}

export function jobModule(entity: Entity, verb: JobVerb): Module {
  const name = `${entity.pascal}${verb.noun}Job`;
  const module = blank(
    'job',
    entity,
    'jobs',
    `${entity.kebab}-${verb.stem}.job`,
    classItem(name, 'run()', `trigger${name}`),
  );
  module.job = verb;
  return module;
}

/** A module with no entity: a barrel, a kernel module or the composition root. */
export function plainModule(kind: Kind, domain: string | null, folder: string, base: string): Module {
  return blank(kind, null, folder, base, null, domain);
}

function layerItem(entity: Entity, layer: EntityLayer): ApiItem {
  const name = entity.pascal;
  switch (layer) {
    case 'model':
      return { shape: 'type', names: [name], typeNames: [name], use: '', member: `describe${name}` };
    case 'repository':
      return classItem(`${name}Repository`, 'findById(id)', `find${name}Row`);
    case 'service':
      return classItem(`${name}Service`, 'get(id)', `${entity.camel}For`);
    case 'controller':
      return classItem(`${name}Controller`, 'getById(id)', `forward${name}`);
    case 'dto':
      return {
        shape: 'type',
        names: [`${name}Response`],
        typeNames: [`${name}Response`],
        use: '',
        member: `describe${name}Response`,
      };
    case 'validator':
      return {
        shape: 'function',
        names: [`validateCreate${name}`],
        typeNames: [],
        use: `validateCreate${name}({ id })`,
        member: `check${name}Input`,
      };
    case 'events':
      return {
        shape: 'function',
        names: [`${entity.constant}_UPDATED`, `publish${name}Event`],
        typeNames: [],
        use: `publish${name}Event(${entity.constant}_UPDATED, { id })`,
        member: `announce${name}Update`,
      };
  }
}

function classItem(name: string, use: string, member: string): ApiItem {
  return { shape: 'class', names: [name], typeNames: [], use, member };
}

function blank(
  kind: Kind,
  entity: Entity | null,
  folder: string,
  base: string,
  item: ApiItem | null,
  domain: string | null = entity?.domain ?? null,
): Module {
  return {
    index: -1,
    kind,
    domain,
    entity,
    folder,
    base,
    id: '',
    item,
    deps: [],
    feature: null,
    job: null,
    kernelKey: null,
    snippets: [],
  };
}
