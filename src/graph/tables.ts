import type { Diagnostic } from '../base/diagnostics.js';
import { compareStrings } from '../base/compare.js';
import { getOrCreate, pairKey } from '../base/collections.js';
import type { Orm, TableSource } from '../extract/collect-entities.js';
import type { PrismaModel } from '../extract/read-prisma.js';
import { createDeclarationLookup, type Declaration } from './declarations.js';
import { mongooseCollectionName, sequelizeTableName, typeormTableName } from '../extract/table-names.js';
import type { ModuleFacts, ModuleId } from '../extract/types.js';

/** One database table (or collection) behind an entity, and the modules that read, write and use it. */
export interface Table {
  /** The table or collection name; null when the code does not give it statically (`tableSource: 'dynamic'`). */
  table: string | null;
  orm: Orm | 'prisma';
  /** The entity (class or model name) mapped to it. */
  entity: string;
  /** The module (or Prisma schema file) that declares the entity. */
  declaredIn: string;
  /** Written in the code, the ORM's default naming rule, or not static. */
  tableSource: TableSource;
  /** Modules whose calls read it (find, count, query builders that select…), sorted. */
  readers: ModuleId[];
  /** Modules whose calls write it (save, insert, update, delete…), sorted. */
  writers: ModuleId[];
  /** Modules that use the entity at all: declare it, name it (repository types, injections, relations, Prisma accesses), import its model binding, or read or write it; sorted. */
  users: ModuleId[];
}

/** The packages whose import shows that a module uses an ORM. */
const ORM_PACKAGES: [RegExp, Orm | 'prisma'][] = [
  [/^(typeorm|@nestjs\/typeorm)$/, 'typeorm'],
  [/^(mongoose|@nestjs\/mongoose)$/, 'mongoose'],
  [/^(sequelize|sequelize-typescript|@nestjs\/sequelize)$/, 'sequelize'],
  [/^(@prisma\/client|prisma)$/, 'prisma'],
];

const SAMPLE = 3;

interface Entity {
  name: string;
  orm: Orm | 'prisma';
  declaredIn: string;
  table: string | null;
  tableSource: TableSource;
}

/**
 * The tables behind the entities: every entity the modules declare (TypeORM, Mongoose, Sequelize,
 * and classes decorated with a project decorator that wraps an ORM's entity decorator, found by
 * following the decorator's import to the module that declares it, through re-exports), and the
 * Prisma models. Entity names resolve as graph/data-entities.ts resolves them: by name, Prisma
 * client accesses (`prisma:orderLine` -> model `OrderLine`), and model bindings reached through a
 * value import (here also for static calls such as `Order.findAll()`). When two modules declare
 * the same name, the first in id order is kept. An ORM that the modules use (its package is
 * imported, or a Prisma client is accessed) without any entity found gives one
 * ORM_ENTITIES_NOT_FOUND diagnostic rather than a silent absence of tables.
 */
export function assembleTables(
  modules: readonly ModuleFacts[],
  prismaModels: readonly PrismaModel[],
): { tables: Table[]; diagnostics: Diagnostic[] } {
  const sorted = [...modules].sort((a, b) => compareStrings(a.id, b.id));
  const byId = new Map(sorted.map((module) => [module.id, module]));
  const lookup = createDeclarationLookup(new Map(sorted.map((module) => [module.id, module.exports])));
  /** The module and name that declare export `name` of `start` (through re-exports and `export *`). */
  const declaring = (start: ModuleId | undefined, name: string) =>
    start === undefined ? undefined : (lookup(start, name) ?? undefined);
  /**
   * The entity whose binding a declaration names: under its name there (`export { Order as
   * Purchase }` declares `Order`), or, for a default export (`export default class Order`,
   * re-exported as `export { default as Order }`), under the name it was imported by.
   */
  const bindingAt = (source: Declaration | undefined, imported: string): string | undefined =>
    source === undefined
      ? undefined
      : (bindings.get(pairKey(source.module, source.name)) ?? bindings.get(pairKey(source.module, imported)));
  const entities = new Map<string, Entity>();
  const bindings = new Map<string, string>();
  const keep = (entity: Entity, binding: string): void => {
    if (entities.has(entity.name)) return;
    entities.set(entity.name, entity);
    bindings.set(pairKey(entity.declaredIn, binding), entity.name);
  };
  for (const module of sorted) {
    for (const declared of module.entities.declares)
      keep(
        {
          name: declared.name,
          orm: declared.orm,
          declaredIn: module.id,
          table: declared.table ?? null,
          tableSource: declared.tableSource,
        },
        declared.binding,
      );
    for (const decorated of module.entities.decorated ?? []) {
      const source =
        decorated.from === undefined
          ? { module: module.id, name: decorated.decorator }
          : declaring(importTarget(module, decorated.from), decorated.decorator);
      const wrapper =
        source === undefined
          ? undefined
          : byId.get(source.module)?.entities.entityDecorators?.find((item) => item.name === source.name);
      if (wrapper === undefined) continue;
      keep(
        { name: decorated.name, orm: wrapper.orm, declaredIn: module.id, ...wrappedTable(wrapper, decorated) },
        decorated.name,
      );
    }
  }
  for (const model of prismaModels)
    keep(
      { name: model.name, orm: 'prisma', declaredIn: model.file, table: model.table, tableSource: model.tableSource },
      model.name,
    );

  const prismaByClientName = new Map(
    prismaModels.map((model) => [model.name.charAt(0).toLowerCase() + model.name.slice(1), model.name]),
  );
  /** The entity a module reaches through `name`: a binding it declares or imports as a value. */
  const bindingOf = (module: ModuleFacts, name: string): string | undefined => {
    const own = bindings.get(pairKey(module.id, name));
    if (own !== undefined) return own;
    for (const item of module.imports) {
      if (item.typeOnly || item.target.type !== 'internal' || !item.symbols.includes(name)) continue;
      const entity = bindingAt(declaring(item.target.module, name), name);
      if (entity !== undefined) return entity;
    }
    return undefined;
  };
  const resolve = (module: ModuleFacts, name: string): string | undefined => {
    if (name.startsWith('prisma:')) return prismaByClientName.get(name.slice('prisma:'.length));
    return entities.has(name) ? name : bindingOf(module, name);
  };

  const readers = new Map<string, Set<ModuleId>>();
  const writers = new Map<string, Set<ModuleId>>();
  const users = new Map<string, Set<ModuleId>>();
  const addTo = (map: Map<string, Set<ModuleId>>, entity: string, module: ModuleId) =>
    getOrCreate(map, entity, () => new Set()).add(module);
  for (const module of sorted) {
    for (const declared of module.entities.declares) addTo(users, declared.name, module.id);
    for (const name of module.entities.uses) {
      const entity = resolve(module, name);
      if (entity !== undefined) addTo(users, entity, module.id);
    }
    for (const item of module.imports) {
      // A barrel's `export { Order } from` passes the binding on: whoever imports it through the barrel uses it.
      if (item.typeOnly || item.kind === 'reexport' || item.target.type !== 'internal') continue;
      for (const symbol of item.symbols) {
        const entity = bindingAt(declaring(item.target.module, symbol), symbol);
        if (entity !== undefined) addTo(users, entity, module.id);
      }
    }
    for (const access of module.entities.access ?? []) {
      const entity = access.static ? bindingOf(module, access.entity) : resolve(module, access.entity);
      if (entity === undefined) continue;
      addTo(access.mode === 'read' ? readers : writers, entity, module.id);
      addTo(users, entity, module.id);
    }
  }
  for (const entity of entities.values())
    if (entity.declaredIn !== undefined && byId.has(entity.declaredIn)) addTo(users, entity.name, entity.declaredIn);

  const list = (map: Map<string, Set<ModuleId>>, entity: string) => [...(map.get(entity) ?? [])].sort(compareStrings);
  const tables: Table[] = [...entities.values()]
    .map((entity) => ({
      table: entity.table,
      orm: entity.orm,
      entity: entity.name,
      declaredIn: entity.declaredIn,
      tableSource: entity.tableSource,
      readers: list(readers, entity.name),
      writers: list(writers, entity.name),
      users: list(users, entity.name),
    }))
    .sort(
      (a, b) =>
        Number(a.table === null) - Number(b.table === null) ||
        compareStrings(a.table ?? '', b.table ?? '') ||
        compareStrings(a.entity, b.entity),
    );
  return { tables, diagnostics: missingEntities(sorted, entities) };
}

/** Table name of a class declared through a project decorator, from the wrapper's rule and the class's arguments. */
function wrappedTable(
  wrapper: NonNullable<ModuleFacts['entities']['entityDecorators']>[number],
  decorated: NonNullable<ModuleFacts['entities']['decorated']>[number],
): { table: string | null; tableSource: TableSource } {
  if (wrapper.table === 'dynamic') return { table: null, tableSource: 'dynamic' };
  if (wrapper.table === 'default') {
    const table =
      wrapper.orm === 'typeorm'
        ? typeormTableName(decorated.name)
        : wrapper.orm === 'mongoose'
          ? mongooseCollectionName(decorated.name)
          : sequelizeTableName(decorated.name, { freezeTableName: false, underscored: false });
    return { table, tableSource: 'default' };
  }
  const argument = decorated.arguments[wrapper.table];
  if (argument === undefined) {
    // The wrapper's table parameter was not passed: the ORM names the table itself.
    return wrappedTable({ ...wrapper, table: 'default' }, decorated);
  }
  return argument === null ? { table: null, tableSource: 'dynamic' } : { table: argument, tableSource: 'explicit' };
}

/** The analysed module an import specifier of `module` resolves to. */
function importTarget(module: ModuleFacts, specifier: string): ModuleId | undefined {
  const item = module.imports.find(
    (candidate) => candidate.specifier === specifier && candidate.target.type === 'internal',
  );
  return item?.target.type === 'internal' ? item.target.module : undefined;
}

/** One ORM_ENTITIES_NOT_FOUND per ORM the modules use without any of its entities found. */
function missingEntities(modules: readonly ModuleFacts[], entities: ReadonlyMap<string, Entity>): Diagnostic[] {
  const found = new Set([...entities.values()].map((entity) => entity.orm));
  const users = new Map<Orm | 'prisma', Set<ModuleId>>();
  for (const module of modules) {
    for (const item of module.imports) {
      const name = item.target.type === 'package' ? item.target.name : item.specifier;
      for (const [pattern, orm] of ORM_PACKAGES)
        if (pattern.test(name)) getOrCreate(users, orm, () => new Set()).add(module.id);
    }
    if (module.entities.uses.some((use) => use.startsWith('prisma:')))
      getOrCreate(users, 'prisma', () => new Set()).add(module.id);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [orm, ids] of [...users].sort((a, b) => compareStrings(a[0], b[0]))) {
    if (found.has(orm)) continue;
    const sample = [...ids].sort(compareStrings);
    const more = sample.length > SAMPLE ? `, and ${sample.length - SAMPLE} more` : '';
    diagnostics.push({
      code: 'ORM_ENTITIES_NOT_FOUND',
      message: `${orm} is used by ${sample.length} module${sample.length === 1 ? '' : 's'} (${sample.slice(0, SAMPLE).join(', ')}${more}) but none of its entities was found (declared in a form seams does not read, or outside the analysed files): its tables are not reported`,
    });
  }
  return diagnostics;
}
