/**
 * Whether an ORM method reads or writes its table, by method name, per kind of receiver. Write
 * names are checked first (`findOneAndUpdate` writes though it starts with `find`); a name in no
 * list is not a data access (undefined).
 */
export type AccessMode = 'read' | 'write';

/** The kind of object a data-access method is called on. */
export type ReceiverKind = 'typeorm' | 'prisma' | 'mongoose' | 'sequelize' | 'static';

const TYPEORM_WRITES = new Set([
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'increment',
  'decrement',
  'clear',
]);
const TYPEORM_READS = new Set(['sum', 'average', 'minimum', 'maximum']);
const PRISMA_READS = new Set(['findMany', 'count', 'aggregate', 'groupBy']);
const PRISMA_WRITES = new Set(['upsert']);
const MONGOOSE_WRITES = new Set([
  'create',
  'insertMany',
  'save',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndRemove',
  'findByIdAndUpdate',
  'findByIdAndDelete',
  'findByIdAndRemove',
  'bulkWrite',
]);
const MONGOOSE_READS = new Set(['countDocuments', 'estimatedDocumentCount', 'exists', 'aggregate', 'distinct']);
const SEQUELIZE_WRITES = new Set([
  'create',
  'bulkCreate',
  'update',
  'destroy',
  'upsert',
  'increment',
  'decrement',
  'truncate',
  'findOrCreate',
]);
const SEQUELIZE_READS = new Set(['findAll', 'findOne', 'findByPk', 'findAndCountAll', 'count', 'max', 'min', 'sum']);

/** Read or write for `method` called on a receiver of this kind; `static`: a model class or model binding (`Order.findAll()`), any ORM. */
export function classifyAccess(kind: ReceiverKind, method: string): AccessMode | undefined {
  switch (kind) {
    case 'typeorm':
      return typeorm(method);
    case 'prisma':
      if (PRISMA_WRITES.has(method) || /^(create|update|delete)/.test(method)) return 'write';
      return PRISMA_READS.has(method) || /^(findUnique|findFirst)/.test(method) ? 'read' : undefined;
    case 'mongoose':
      return mongoose(method);
    case 'sequelize':
      return sequelize(method);
    case 'static':
      // TypeORM active record (`BaseEntity` statics), Mongoose model statics, Sequelize model statics.
      return sequelize(method) ?? mongoose(method) ?? typeorm(method);
  }
}

function typeorm(method: string): AccessMode | undefined {
  if (TYPEORM_WRITES.has(method)) return 'write';
  return TYPEORM_READS.has(method) || /^(find|count|exist)/.test(method) ? 'read' : undefined;
}

function mongoose(method: string): AccessMode | undefined {
  if (MONGOOSE_WRITES.has(method) || /^(update|delete)/.test(method)) return 'write';
  return MONGOOSE_READS.has(method) || /^find/.test(method) ? 'read' : undefined;
}

function sequelize(method: string): AccessMode | undefined {
  if (SEQUELIZE_WRITES.has(method)) return 'write';
  return SEQUELIZE_READS.has(method) ? 'read' : undefined;
}
