import { compareStrings } from '../base/compare.js';
import type { Extraction, ModuleId } from '../extract/types.js';
import type { DataEntities, DependencyEdge } from './types.js';
import { pairKey, getOrCreate } from '../base/collections.js';

/**
 * Entities and their users: every TypeORM/Mongoose/Sequelize entity a module declares, and every
 * Prisma model of the schema files; a module uses an entity when it declares it or when one of
 * its uses (repository types, repository calls, relation decorators, injected models, Prisma
 * client accesses `prisma.order.` -> model `Order`) names it, or when it imports, as a value, the
 * binding that declares it (`Payment` of `Payment.init(…)`, `ShipmentModel` of
 * `const ShipmentModel = model('Shipment', …)`, an `@Entity()` class), seen through barrels: the
 * importer calls the model. Imports between a pair of modules that are all type-only are not uses
 * (they pass rows around, they do not query them). Names that match no entity are dropped. When two modules declare the same name,
 * the first in id order is kept.
 */
export function dataEntities(extraction: Extraction, dependencies: readonly DependencyEdge[]): DataEntities {
  const entities = new Map<string, DataEntities['entities'][number]>();
  for (const module of extraction.modules) {
    for (const declared of module.entities.declares)
      if (!entities.has(declared.name))
        entities.set(declared.name, { name: declared.name, orm: declared.orm, declaredIn: module.id });
  }
  for (const model of extraction.prismaModels)
    if (!entities.has(model.name))
      entities.set(model.name, { name: model.name, orm: 'prisma', declaredIn: model.file });
  const prismaByClientName = new Map(
    extraction.prismaModels.map((model) => [model.name.charAt(0).toLowerCase() + model.name.slice(1), model.name]),
  );
  const byBinding = new Map<string, string>();
  for (const module of extraction.modules) {
    for (const declared of module.entities.declares)
      if (entities.get(declared.name)?.declaredIn === module.id)
        byBinding.set(pairKey(module.id, declared.binding), declared.name);
  }
  const imported = new Map<ModuleId, string[]>();
  for (const edge of dependencies) {
    if (edge.typeOnly) continue;
    for (const symbol of edge.symbols) {
      const entity = byBinding.get(pairKey(edge.to, symbol));
      if (entity === undefined) continue;
      const list = getOrCreate(imported, edge.from, () => []);
      list.push(entity);
    }
  }
  const uses: Record<ModuleId, string[]> = {};
  for (const module of extraction.modules) {
    const names = new Set<string>([
      ...module.entities.declares.map((declared) => declared.name),
      ...(imported.get(module.id) ?? []),
    ]);
    for (const use of module.entities.uses) {
      const name = use.startsWith('prisma:') ? prismaByClientName.get(use.slice('prisma:'.length)) : use;
      if (name !== undefined && entities.has(name)) names.add(name);
    }
    if (names.size > 0) uses[module.id] = [...names].sort(compareStrings);
  }
  return { entities: [...entities.values()].sort((a, b) => compareStrings(a.name, b.name)), uses };
}
