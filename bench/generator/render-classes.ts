/**
 * File contents of an entity's application-side modules: the service (CRUD over its repository,
 * events on create/update), feature services (one bulk operation over the entity service), the
 * HTTP controller (list/get/create/update through dto mappers and validators) and scheduled jobs.
 * Collaborators from generic deps are injected through the constructor; kernel snippets go into
 * the method that has `id` in scope.
 */
import type { Entity, Module } from './model.js';
import { pascal, words } from './naming.js';
import {
  classLines,
  fileText,
  genericParts,
  importBlock,
  indent,
  ownDep,
  scopeOf,
  snippetParts,
  usesKernel,
} from './render-parts.js';
import type { Kernel } from './wire-kernel.js';

export function renderService(module: Module, kernel: Kernel): string {
  const entity = module.entity as Entity;
  const name = entity.pascal;
  const repository = `this.${entity.camel}Repository`;
  const snippets = snippetParts(module, kernel);
  const generic = genericParts(module, 'class');
  const events = ownDep(module, 'events') !== null;
  const publish = (verb: string) =>
    events ? [`  publish${name}Event(${entity.constant}_${verb}, { id: saved.id, status: saved.status });`] : [];
  const methods = [
    [
      `/** One ${words(entity.camel)} by id; throws NotFoundError when missing. */`,
      `async get(id: string): Promise<${name}> {`,
      ...indent(snippets.statements),
      `  return this.run('get ${words(entity.camel)}', () => ${repository}.getById(id));`,
      '}',
    ],
    ['async list(page = 1, size = 20) {', `  return ${repository}.findMany({ page, size });`, '}'],
    [
      `async create(input: Partial<${name}>): Promise<${name}> {`,
      `  const row = Object.assign(${repository}.create(), input);`,
      `  const saved = await ${repository}.save(row);`,
      ...publish('CREATED'),
      `  this.logger.info('${words(entity.camel)} created', { id: saved.id });`,
      '  return saved;',
      '}',
    ],
    [
      `async update(id: string, changes: Partial<${name}>): Promise<${name}> {`,
      '  const row = await this.get(id);',
      `  const saved = await ${repository}.save(Object.assign(row, changes, { updatedAt: new Date() }));`,
      ...publish('UPDATED'),
      '  return saved;',
      '}',
    ],
    [
      `async setStatus(id: string, status: ${name}['status']): Promise<${name}> {`,
      '  return this.update(id, { status });',
      '}',
    ],
  ].map((block) => indent(block));
  const shape = {
    doc: `Application logic for ${words(entity.camel)} records in ${entity.domain}.`,
    head: `export class ${name}Service extends BaseService`,
    fields: [],
    params: [`private readonly ${entity.camel}Repository: ${name}Repository`, ...generic.params],
    superCall: `super('${scopeOf(module)}')`,
    methods: [...methods, ...generic.blocks],
  };
  return fileText(importBlock(module), snippets.declarations, [classLines(shape)]);
}

export function renderFeature(module: Module, kernel: Kernel): string {
  const entity = module.entity as Entity;
  const verb = module.feature as NonNullable<Module['feature']>;
  const name = entity.pascal;
  const snippets = snippetParts(module, kernel);
  const generic = genericParts(module, 'class');
  const repository = ownDep(module, 'repository') !== null;
  const model = ownDep(module, 'model') !== null;
  const params = [
    `private readonly ${entity.camel}Service: ${name}Service`,
    ...(repository ? [`private readonly ${entity.camel}Repository: ${name}Repository`] : []),
    ...generic.params,
  ];
  const bulk = [
    `/** ${pascal(verb.noun.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())} of the given ${words(entity.camel)} records; returns how many were ${verb.gerund}. */`,
    `async ${verb.method}(ids: string[]): Promise<number> {`,
    '  let done = 0;',
    '  for (const id of ids) {',
    ...indent(snippets.statements, 2),
    `    const row = await this.${entity.camel}Service.get(id);`,
    `    this.logger.info('${words(entity.camel)} ${verb.gerund}', { id: ${model ? 'this.label(row)' : 'row.id'} });`,
    '    done += 1;',
    '  }',
    '  return done;',
    '}',
  ];
  const methods = [indent(bulk)];
  if (repository)
    methods.push(
      indent([
        `/** How many ${words(entity.camel)} records exist. */`,
        'async backlog(): Promise<number> {',
        `  const page = await this.${entity.camel}Repository.findMany({ page: 1, size: 1 });`,
        '  return page.total;',
        '}',
      ]),
    );
  if (model)
    methods.push(indent([`private label(row: ${name}): string {`, '  return `${row.id}:${row.status}`;', '}']));
  const shape = {
    doc: `${verb.noun.replace(/([a-z])([A-Z])/g, '$1 $2')} of ${words(entity.camel)} records (${entity.domain}).`,
    head: `export class ${name}${verb.noun}Service extends BaseService`,
    fields: [],
    params,
    superCall: `super('${scopeOf(module)}')`,
    methods: [...methods, ...generic.blocks],
  };
  return fileText(importBlock(module), snippets.declarations, [classLines(shape)]);
}

export function renderController(module: Module, kernel: Kernel): string {
  const entity = module.entity as Entity;
  const name = entity.pascal;
  const service = `this.${entity.camel}Service`;
  const snippets = snippetParts(module, kernel);
  const generic = genericParts(module, 'class');
  const base = usesKernel(module, 'base-controller');
  const dto = ownDep(module, 'dto') !== null;
  const validator = ownDep(module, 'validator') !== null;
  const map = (value: string) => (dto ? `to${name}Response(${value})` : value);
  const createInput = validator
    ? `const input: Create${name}Dto = validateCreate${name}(body);`
    : dto
      ? `const input = body as Create${name}Dto;`
      : `const input = body as Parameters<${name}Service['create']>[0];`;
  const updateInput = validator
    ? `const changes: Update${name}Dto = validateUpdate${name}(body);`
    : dto
      ? `const changes = body as Update${name}Dto;`
      : `const changes = body as Parameters<${name}Service['update']>[1];`;
  const methods = [
    dto
      ? [
          'async list(page = 1) {',
          `  const result = await ${service}.list(page);`,
          `  return this.ok({ ...result, items: result.items.map((row) => ${map('row')}) });`,
          '}',
        ]
      : ['async list(page = 1) {', `  return this.ok(await ${service}.list(page));`, '}'],
    [
      'async getById(id: string) {',
      ...indent(snippets.statements),
      '  try {',
      `    return this.ok(${map(`await ${service}.get(id)`)});`,
      '  } catch (error) {',
      '    return this.fail(error);',
      '  }',
      '}',
    ],
    [
      'async create(body: unknown) {',
      `  ${createInput}`,
      `  return this.created(${map(`await ${service}.create(input)`)});`,
      '}',
    ],
    [
      'async update(id: string, body: unknown) {',
      `  ${updateInput}`,
      `  return this.ok(${map(`await ${service}.update(id, changes)`)});`,
      '}',
    ],
    ...(base ? [] : localResponses()),
  ].map((block) => indent(block));
  const shape = {
    doc: `HTTP endpoints for ${words(entity.camel)} records under ${basePath(entity)}.`,
    head: `export class ${name}Controller${base ? ' extends BaseController' : ''}`,
    fields: [`static readonly basePath = '${basePath(entity)}';`],
    params: [`private readonly ${entity.camel}Service: ${name}Service`, ...generic.params],
    superCall: base ? 'super()' : null,
    methods: [...methods, ...generic.blocks],
  };
  return fileText(importBlock(module), snippets.declarations, [classLines(shape)]);
}

function basePath(entity: Entity): string {
  return `/${entity.domain}/${entity.kebab}`;
}

function localResponses(): string[][] {
  return [
    ['private ok<T>(body: T) {', '  return { status: 200, body };', '}'],
    ['private created<T>(body: T) {', '  return { status: 201, body };', '}'],
    ['private fail(error: unknown) {', '  return { status: 500, body: { error: String(error) } };', '}'],
  ];
}

export function renderJob(module: Module, kernel: Kernel): string {
  const entity = module.entity as Entity;
  const job = module.job as NonNullable<Module['job']>;
  const snippets = snippetParts(module, kernel);
  const generic = genericParts(module, 'class');
  const run = [
    `/** ${pascal(job.summary)} ${words(entity.camel)} records; returns how many were handled. */`,
    'async run(): Promise<number> {',
    `  const page = await this.${entity.camel}Service.list(1);`,
    '  let handled = 0;',
    '  for (const row of page.items) {',
    '    const id = row.id;',
    ...indent(snippets.statements, 2),
    '    handled += 1;',
    '  }',
    '  return handled;',
    '}',
  ];
  const shape = {
    doc: `Scheduled job (see \`schedule\`): ${job.summary} ${words(entity.camel)} records.`,
    head: `export class ${entity.pascal}${job.noun}Job`,
    fields: [`static readonly schedule = '${job.schedule}';`],
    params: [`private readonly ${entity.camel}Service: ${entity.pascal}Service`, ...generic.params],
    superCall: null,
    methods: [indent(run), ...generic.blocks],
  };
  return fileText(importBlock(module), snippets.declarations, [classLines(shape)]);
}
