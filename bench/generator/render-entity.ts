/**
 * File contents of an entity's data-side modules: the TypeORM model (`@Entity()` class with
 * columns, relations to other models of the domain, timestamps), its repository (a BaseRepository
 * subclass with a few queries), its dto (create/update payloads, the response shape and a
 * mapper), its validator, and its events module. Each body uses exactly the names its imports
 * bring in; generic collaborators and kernel snippets are added by render-parts.ts.
 */
import type { Entity, Field, Module } from './model.js';
import { aWords, pascal, words } from './naming.js';
import {
  classLines,
  fileText,
  genericParts,
  importBlock,
  indent,
  joinBlocks,
  scopeOf,
  snippetParts,
  usesKernel,
  type SnippetParts,
} from './render-parts.js';
import type { Kernel } from './wire-kernel.js';

const COLUMN: Readonly<Record<Field['type'], string>> = {
  string: "@Column('varchar', { length: 255 })",
  number: "@Column('int', { default: 0 })",
  boolean: "@Column('boolean', { default: false })",
  Date: "@Column('timestamptz', { nullable: true })",
};

export function renderModel(module: Module): string {
  const entity = module.entity as Entity;
  const relations = module.deps.filter((dep) => dep.role === 'structural' && dep.target.kind === 'model');
  const decorators = [
    'Column',
    'CreateDateColumn',
    'Entity',
    ...(relations.length > 0 ? ['ManyToOne'] : []),
    'PrimaryColumn',
    'UpdateDateColumn',
  ];
  const columns: string[][] = [
    [`@PrimaryColumn('varchar', { length: 40 })`, `id!: ${usesKernel(module, 'ids') ? 'EntityId' : 'string'};`],
  ];
  columns.push([
    `@Column('varchar', { length: 32, default: '${entity.statuses[0]}' })`,
    `status!: ${entity.pascal}Status;`,
  ]);
  for (const field of entity.fields)
    columns.push([
      COLUMN[field.type],
      field.type === 'Date' ? `${field.name}?: Date;` : `${field.name}!: ${field.type};`,
    ]);
  if (entity.moneyField !== null)
    columns.push(["@Column('jsonb', { nullable: true })", `${entity.moneyField}?: Money;`]);
  for (const dep of relations) {
    const other = dep.target.entity as Entity;
    const target = dep.form === 'type' ? `'${other.pascal}'` : `() => ${other.pascal}`;
    columns.push([
      `@ManyToOne(${target}, { nullable: true, onDelete: 'SET NULL' })`,
      `${other.camel}?: ${other.pascal};`,
    ]);
  }
  columns.push(['@CreateDateColumn()', 'createdAt!: Date;'], ['@UpdateDateColumn()', 'updatedAt!: Date;']);
  const statusType = [
    `/** Lifecycle states of ${aWords(entity.camel)}. */`,
    `export type ${entity.pascal}Status = ${entity.statuses.map((status) => `'${status}'`).join(' | ')};`,
  ];
  const model = [
    `/** ${pascal(aWords(entity.camel))} of the ${entity.domain} domain, stored in \`${entity.snake}\`. */`,
    `@Entity({ name: '${entity.snake}' })`,
    `export class ${entity.pascal} {`,
    ...joinBlocks(columns.map((column) => indent(column))),
    '}',
  ];
  const packages = [`import { ${decorators.join(', ')} } from 'typeorm';`];
  return fileText(importBlock(module, packages), [], [statusType, model, ...genericParts(module, 'module').blocks]);
}

export function renderRepository(module: Module, kernel: Kernel): string {
  const entity = module.entity as Entity;
  const name = entity.pascal;
  const snippets = snippetParts(module, kernel);
  const generic = genericParts(module, 'class');
  const methods = [
    [
      `/** ${pascal(words(entity.camel))} records in any of the given states. */`,
      `async findByStatus(...statuses: ${name}Status[]): Promise<${name}[]> {`,
      '  return this.findWhere((row) => statuses.includes(row.status));',
      '}',
    ],
    ...fieldQueries(entity),
    [
      `/** Marks ${aWords(entity.camel)} as changed now. */`,
      `async touch(id: string): Promise<${name}> {`,
      ...indent(snippets.statements),
      '  const row = await this.getById(id);',
      '  row.updatedAt = new Date();',
      '  return this.save(row);',
      '}',
    ],
    [
      `/** A new, unsaved ${words(entity.camel)} with defaults. */`,
      `create(): ${name} {`,
      `  const row = new ${name}();`,
      '  row.id = this.nextId();',
      `  row.status = '${entity.statuses[0]}';`,
      '  row.createdAt = new Date();',
      '  row.updatedAt = row.createdAt;',
      '  return row;',
      '}',
    ],
  ].map((block) => indent(block));
  const shape = {
    doc: `Persistence of ${words(entity.camel)} records (${entity.domain}).`,
    head: `export class ${name}Repository extends BaseRepository<${name}>`,
    fields: [],
    params: generic.params,
    superCall: `super('${entity.snake}')`,
    methods: [...methods, ...generic.blocks],
  };
  return fileText(importBlock(module), snippets.declarations, [classLines(shape)]);
}

function fieldQueries(entity: Entity): string[][] {
  const blocks: string[][] = [];
  const text = entity.fields.find((field) => field.type === 'string');
  if (text !== undefined) {
    blocks.push([
      `async findBy${pascal(text.name)}(value: string): Promise<${entity.pascal} | null> {`,
      `  const rows = await this.findWhere((row) => row.${text.name} === value);`,
      '  return rows[0] ?? null;',
      '}',
    ]);
  }
  const flag = entity.fields.find((field) => field.type === 'boolean' || field.type === 'number');
  if (flag !== undefined) {
    const test = flag.type === 'boolean' ? `row.${flag.name}` : `row.${flag.name} > 0`;
    blocks.push([
      `async count${pascal(flag.name)}(): Promise<number> {`,
      `  const rows = await this.findWhere((row) => ${test});`,
      '  return rows.length;',
      '}',
    ]);
  }
  return blocks;
}

export function renderDto(module: Module, kernel: Kernel): string {
  const entity = module.entity as Entity;
  const name = entity.pascal;
  const money = entity.moneyField;
  const snippets = snippetParts(module, kernel);
  const create = [`/** Payload to create ${aWords(entity.camel)}. */`, `export interface Create${name}Dto {`];
  for (const field of entity.fields)
    create.push(field.type === 'Date' ? `  ${field.name}?: Date;` : `  ${field.name}: ${field.type};`);
  if (money !== null) create.push(`  ${money}?: Money;`);
  create.push('}');
  const update = [
    `/** Payload to change ${aWords(entity.camel)}; every field is optional. */`,
    `export type Update${name}Dto = Partial<Create${name}Dto>;`,
  ];
  const response = [
    `/** ${pascal(aWords(entity.camel))} as the API returns it. */`,
    `export interface ${name}Response {`,
    '  id: string;',
    '  status: string;',
  ];
  const mapping = ['    id,', '    status: entity.status,'];
  for (const field of entity.fields) {
    response.push(field.type === 'Date' ? `  ${field.name}: string | null;` : `  ${field.name}: ${field.type};`);
    mapping.push(
      field.type === 'Date'
        ? `    ${field.name}: entity.${field.name}?.toISOString() ?? null,`
        : `    ${field.name}: entity.${field.name},`,
    );
  }
  if (money !== null) {
    response.push(`  ${money}: Money | null;`);
    mapping.push(`    ${money}: entity.${money} ?? null,`);
  }
  response.push('  createdAt: string;', '  updatedAt: string;', '}');
  mapping.push('    createdAt: entity.createdAt.toISOString(),', '    updatedAt: entity.updatedAt.toISOString(),');
  const mapper = [
    `export function to${name}Response(entity: ${name}): ${name}Response {`,
    '  const id = entity.id;',
    ...indent(snippets.statements),
    '  return {',
    ...mapping,
    '  };',
    '}',
  ];
  return fileText(importBlock(module), snippets.declarations, [
    create,
    update,
    response,
    mapper,
    ...genericParts(module, 'module').blocks,
  ]);
}

export function renderValidator(module: Module): string {
  const entity = module.entity as Entity;
  const name = entity.pascal;
  const local = usesKernel(module, 'validation')
    ? []
    : [
        [
          'function asRecord(input: unknown): Record<string, unknown> {',
          "  if (typeof input !== 'object' || input === null) throw new ValidationError('expected an object');",
          '  return input as Record<string, unknown>;',
          '}',
        ],
        [
          'function requireField(record: Record<string, unknown>, field: string): unknown {',
          '  const value = record[field];',
          '  if (value === undefined) throw new ValidationError(`${field} is required`);',
          '  return value;',
          '}',
        ],
      ];
  const create = [
    `/** Checks a payload to create ${aWords(entity.camel)}. */`,
    `export function validateCreate${name}(input: unknown): Create${name}Dto {`,
    '  const record = asRecord(input);',
    '  return {',
  ];
  const update = [
    `/** Checks a payload to change ${aWords(entity.camel)}: only the fields present. */`,
    `export function validateUpdate${name}(input: unknown): Update${name}Dto {`,
    '  const record = asRecord(input);',
    `  const changes: Update${name}Dto = {};`,
  ];
  for (const field of entity.fields) {
    create.push(
      field.type === 'Date'
        ? `    ${field.name}: record.${field.name} === undefined ? undefined : ${cast(field, `record.${field.name}`)},`
        : `    ${field.name}: ${cast(field, `requireField(record, '${field.name}')`)},`,
    );
    update.push(
      `  if (record.${field.name} !== undefined) changes.${field.name} = ${cast(field, `record.${field.name}`)};`,
    );
  }
  create.push('  };', '}');
  update.push('  return changes;', '}');
  return fileText(importBlock(module), [], [...local, create, update, ...genericParts(module, 'module').blocks]);
}

function cast(field: Field, value: string): string {
  if (field.type === 'Date') return `new Date(String(${value}))`;
  return `${pascal(field.type)}(${value})`;
}

export function renderEvents(module: Module, kernel: Kernel): string {
  const entity = module.entity as Entity;
  const name = entity.pascal;
  const snippets: SnippetParts = snippetParts(module, kernel);
  const verbs = ['created', 'updated', ...entity.eventVerbs];
  const constants = verbs.map(
    (verb) => `export const ${entity.constant}_${verb.toUpperCase()} = '${entity.domain}.${entity.kebab}.${verb}';`,
  );
  const union = [
    `export type ${name}EventName =`,
    ...verbs.map(
      (verb, index) => `  | typeof ${entity.constant}_${verb.toUpperCase()}${index === verbs.length - 1 ? ';' : ''}`,
    ),
  ];
  const shape = [
    `export interface ${name}Event {`,
    `  name: ${name}EventName;`,
    '  id: string;',
    `  status?: ${name}['status'];`,
    '  occurredAt: string;',
    '}',
  ];
  const viaBus = usesKernel(module, 'event-bus');
  const publish = [
    `/** Publishes ${aWords(entity.camel)} event${viaBus ? ' on the in-process bus' : ' to the log'}. */`,
    `export function publish${name}Event(name: ${name}EventName, payload: { id: string; status?: ${name}['status'] }): ${name}Event {`,
    '  const id = payload.id;',
    ...indent(snippets.statements),
    `  const event: ${name}Event = { name, id, status: payload.status, occurredAt: new Date().toISOString() };`,
    viaBus ? '  eventBus.publish({ name, payload: event });' : '  logger.info(name, { id });',
    '  return event;',
    '}',
  ];
  const declarations = [
    ...(viaBus ? [] : [`const logger = createLogger('${scopeOf(module)}');`]),
    ...snippets.declarations,
  ];
  return fileText(importBlock(module), declarations, [
    constants,
    union,
    shape,
    publish,
    ...genericParts(module, 'module').blocks,
  ]);
}
