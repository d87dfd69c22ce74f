import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { collectEntities } from '../../src/extract/collect-entities.js';
import { mongooseCollectionName, sequelizeTableName, typeormTableName } from '../../src/extract/table-names.js';

const entitiesOf = (code: string) => collectEntities(ts.createSourceFile('a.ts', code, ts.ScriptTarget.Latest));

describe('collectEntities', () => {
  it('finds TypeORM entities, their relations and repository uses', () => {
    expect(
      entitiesOf(
        [
          "import { Entity, ManyToOne, OneToMany } from 'typeorm';",
          '@Entity()',
          'export class Order {',
          '  @ManyToOne(() => Customer) customer!: Customer;',
          '  @OneToMany(() => OrderLine, (line) => line.order) lines!: OrderLine[];',
          '}',
          "@Entity('refunds') export class Refund {}",
          'export class OrderRepository extends BaseRepository<Order> {',
          '  constructor(@InjectRepository(Payment) private readonly payments: Repository<Payment>) { super(dataSource.getRepository(Order)); }',
          '}',
        ].join('\n'),
      ),
    ).toEqual({
      declares: [
        { name: 'Order', orm: 'typeorm', binding: 'Order', table: 'order', tableSource: 'default' },
        { name: 'Refund', orm: 'typeorm', binding: 'Refund', table: 'refunds', tableSource: 'explicit' },
      ],
      uses: ['Customer', 'Order', 'OrderLine', 'Payment'],
    });
  });

  it('finds Prisma client accesses, Mongoose models and Sequelize models', () => {
    expect(
      entitiesOf(
        'export const load = () => prisma.order.findMany();\nexport class S { constructor(private prismaService: P) {} get = () => this.prismaService.customer.findFirst(); }',
      ),
    ).toEqual({
      declares: [],
      uses: ['prisma:customer', 'prisma:order'],
      access: [
        { entity: 'prisma:customer', mode: 'read', line: 2 },
        { entity: 'prisma:order', mode: 'read', line: 1 },
      ],
    });
    expect(
      entitiesOf(
        "export const CatModel = mongoose.model('Cat', catSchema);\n@Schema() export class Dog {}\nexport class S { constructor(@InjectModel(Dog.name) m: unknown, @InjectModel('Cat') c: unknown) {} }",
      ),
    ).toEqual({
      declares: [
        // The binding is what other modules import to reach the model.
        { name: 'Cat', orm: 'mongoose', binding: 'CatModel', table: 'cats', tableSource: 'default' },
        { name: 'Dog', orm: 'mongoose', binding: 'Dog', table: 'dogs', tableSource: 'default' },
      ],
      uses: ['Cat', 'Dog'],
    });
    expect(
      entitiesOf(
        "export const Users = sequelize.define('User', {});\nexport class Project extends Model {}\nProject.init({}, { sequelize });\nconst define = () => db.define('Log', {});",
      ).declares,
    ).toEqual([
      { name: 'Log', orm: 'sequelize', binding: 'Log', table: 'Logs', tableSource: 'default' },
      { name: 'Project', orm: 'sequelize', binding: 'Project', table: 'Projects', tableSource: 'default' },
      { name: 'User', orm: 'sequelize', binding: 'Users', table: 'Users', tableSource: 'default' },
    ]);
  });

  it('reads TypeORM table names: explicit, through same-file constants, default (snake case), not static', () => {
    expect(
      entitiesOf(
        [
          "import { Entity, ViewEntity, Entity as TypeOrmEntity } from 'typeorm';",
          "const TABLE = 'line_items';",
          "enum Tables { Customers = 'customers' }",
          "@Entity({ name: 'orders', schema: 'shop' }) export class Order {}",
          '@Entity(TABLE) export class LineItem {}',
          '@Entity(Tables.Customers) export class Customer {}',
          "@Entity({ schema: 'audit' }) export class HTTPRequestLog {}",
          '@Entity(process.env.TABLE as string) export class Dyn {}',
          "@ViewEntity({ name: 'order_totals', expression: 'select 1' }) export class OrderTotal {}",
          '@TypeOrmEntity() export class PostalAddress {}',
        ].join('\n'),
      ).declares,
    ).toEqual([
      { name: 'Customer', orm: 'typeorm', binding: 'Customer', table: 'customers', tableSource: 'explicit' },
      { name: 'Dyn', orm: 'typeorm', binding: 'Dyn', tableSource: 'dynamic' },
      {
        name: 'HTTPRequestLog',
        orm: 'typeorm',
        binding: 'HTTPRequestLog',
        table: 'http_request_log',
        tableSource: 'default',
      },
      { name: 'LineItem', orm: 'typeorm', binding: 'LineItem', table: 'line_items', tableSource: 'explicit' },
      { name: 'Order', orm: 'typeorm', binding: 'Order', table: 'orders', tableSource: 'explicit' },
      { name: 'OrderTotal', orm: 'typeorm', binding: 'OrderTotal', table: 'order_totals', tableSource: 'explicit' },
      {
        name: 'PostalAddress',
        orm: 'typeorm',
        binding: 'PostalAddress',
        table: 'postal_address',
        tableSource: 'default',
      },
    ]);
  });

  it('reads Mongoose collections and Sequelize tables', () => {
    expect(
      entitiesOf(
        [
          "import { Schema as NestSchema } from '@nestjs/mongoose';",
          "import mongoose, { model } from 'mongoose';",
          "import { Table, Model } from 'sequelize-typescript';",
          "@NestSchema({ collection: 'people_log' }) export class Person {}",
          '@NestSchema() export class Category {}',
          "const userSchema = new mongoose.Schema({}, { collection: 'accounts' });",
          "export const User = mongoose.model('User', userSchema);",
          "export const Box = model('Box', boxSchema, 'crates');",
          "export const Status = model('Status', statusSchema);",
          "export const OrderLine = sequelize.define('OrderLine', {}, { underscored: true });",
          "export const Tag = sequelize.define('Tag', {}, { freezeTableName: true });",
          "export const Fee = sequelize.define('Fee', {}, { tableName: 'fees_v2' });",
          'export class Company extends Model {}',
          "Company.init({}, { sequelize, modelName: 'company' });",
          'export class Branch extends Model {}',
          'Branch.init({}, { ...base, sequelize });',
          "@Table({ tableName: 'invoices' }) export class Invoice extends Model {}",
          '@Table export class Receipt extends Model {}',
        ].join('\n'),
      ).declares,
    ).toEqual([
      { name: 'Box', orm: 'mongoose', binding: 'Box', table: 'crates', tableSource: 'explicit' },
      { name: 'Branch', orm: 'sequelize', binding: 'Branch', tableSource: 'dynamic' },
      { name: 'Category', orm: 'mongoose', binding: 'Category', table: 'categories', tableSource: 'default' },
      { name: 'Company', orm: 'sequelize', binding: 'Company', table: 'companies', tableSource: 'default' },
      { name: 'Fee', orm: 'sequelize', binding: 'Fee', table: 'fees_v2', tableSource: 'explicit' },
      { name: 'Invoice', orm: 'sequelize', binding: 'Invoice', table: 'invoices', tableSource: 'explicit' },
      { name: 'OrderLine', orm: 'sequelize', binding: 'OrderLine', table: 'order_lines', tableSource: 'default' },
      { name: 'Person', orm: 'mongoose', binding: 'Person', table: 'people_log', tableSource: 'explicit' },
      { name: 'Receipt', orm: 'sequelize', binding: 'Receipt', table: 'Receipts', tableSource: 'default' },
      // 'status' is uncountable for Mongoose.
      { name: 'Status', orm: 'mongoose', binding: 'Status', table: 'status', tableSource: 'default' },
      { name: 'Tag', orm: 'sequelize', binding: 'Tag', table: 'Tag', tableSource: 'default' },
      { name: 'User', orm: 'mongoose', binding: 'User', table: 'accounts', tableSource: 'explicit' },
    ]);
  });

  it('finds functions that wrap an entity decorator and classes decorated with project decorators', () => {
    expect(
      entitiesOf(
        [
          "import { applyDecorators, Injectable } from '@nestjs/common';",
          "import { Entity as TypeOrmEntity } from 'typeorm';",
          "import { ObjectType } from '@nestjs/graphql';",
          "import { AppEntity as Tabled } from '../data/app-entity';",
          'export const AppEntity = (name: string) => applyDecorators(TypeOrmEntity(name));',
          "export function ScopedEntity(options: { name: string }) { return applyDecorators(TypeOrmEntity({ ...options, schema: 'app' })); }",
          'export function PlainEntity() { return TypeOrmEntity(); }',
          'export function Weird(x: string) { return TypeOrmEntity("t_" + x); }',
          'export function helper() { return other(1); }',
          "@Tabled('invoices') export class Invoice {}",
          "@Tabled({ name: 'x' }, 'y', foo) export class Other {}",
          '@Injectable() export class Service {}',
          '@LocalDeco() export class Local {}',
          '@ObjectType() export class Gql {}',
        ].join('\n'),
      ),
    ).toEqual({
      declares: [],
      uses: [],
      entityDecorators: [
        { name: 'AppEntity', orm: 'typeorm', table: 0 },
        { name: 'PlainEntity', orm: 'typeorm', table: 'default' },
        { name: 'ScopedEntity', orm: 'typeorm', table: 0 },
        { name: 'Weird', orm: 'typeorm', table: 'dynamic' },
      ],
      decorated: [
        { name: 'Invoice', decorator: 'AppEntity', from: '../data/app-entity', arguments: ['invoices'] },
        { name: 'Local', decorator: 'LocalDeco', arguments: [] },
        { name: 'Other', decorator: 'AppEntity', from: '../data/app-entity', arguments: ['x', 'y', null] },
      ],
    });
  });

  it('classifies reads and writes through repositories, models, Prisma, managers, query builders and statics', () => {
    const code = [
      '@Injectable()', // 1
      'export class OrderService {', // 2
      '  private readonly audits = this.dataSource.getRepository(Audit);', // 3
      '  constructor(', // 4
      '    @InjectRepository(Order) private readonly orders: Repository<Order>,', // 5
      '    private readonly lines: Repository<OrderLine>,', // 6
      '    @InjectModel(Cat.name) private catModel: Model<CatDocument>,', // 7
      '    @InjectModel(Payment) private payments: typeof Payment,', // 8
      '    private readonly prisma: PrismaService,', // 9
      '    private readonly dataSource: DataSource,', // 10
      '  ) {}', // 11
      '  async run() {', // 12
      '    await this.orders.find();', // 13
      '    await this.orders.save({});', // 14
      "    await this.lines.createQueryBuilder('l').where('x').getMany();", // 15
      "    await this.lines.createQueryBuilder().delete().where('x').execute();", // 16
      '    await this.audits.count();', // 17
      '    const created = new this.catModel({});', // 18
      '    await created.save();', // 19
      '    await this.catModel.findOneAndUpdate({}, {});', // 20
      '    await this.catModel.find().exec();', // 21
      '    await this.payments.findAll();', // 22
      '    await this.prisma.invoice.findUnique({});', // 23
      '    await this.prisma.invoice.updateMany({});', // 24
      '    await this.dataSource.manager.find(Shipment, {});', // 25
      '    await this.dataSource.createQueryBuilder().insert().into(Refund).values({}).execute();', // 26
      '    await Ledger.findAll();', // 27
      '    Math.max(1, 2); Object.create(null);', // 28
      '    this.orders.create({});', // 29
      '    await this.dataSource.getRepository(Coupon).delete({});', // 30
      '    await this.orders.find();', // 31
      '  }', // 32
      '}', // 33
    ].join('\n');
    expect(entitiesOf(code).access).toEqual([
      { entity: 'Audit', mode: 'read', line: 17 },
      { entity: 'Cat', mode: 'read', line: 21 },
      // `new this.catModel(…)` then `created.save()`, and findOneAndUpdate (a write though it starts with find).
      { entity: 'Cat', mode: 'write', line: 19 },
      { entity: 'Coupon', mode: 'write', line: 30 },
      { entity: 'Ledger', mode: 'read', line: 27, static: true },
      { entity: 'Order', mode: 'read', line: 13 },
      { entity: 'Order', mode: 'write', line: 14 },
      { entity: 'OrderLine', mode: 'read', line: 15 },
      { entity: 'OrderLine', mode: 'write', line: 16 },
      { entity: 'Payment', mode: 'read', line: 22 },
      { entity: 'Refund', mode: 'write', line: 26 },
      { entity: 'Shipment', mode: 'read', line: 25 },
      { entity: 'prisma:invoice', mode: 'read', line: 23 },
      { entity: 'prisma:invoice', mode: 'write', line: 24 },
    ]);
  });
});

describe('default table names', () => {
  it('follow each ORM naming rule', () => {
    expect(['OrderLine', 'HTTPLog', 'User2Role', 'ABCd'].map(typeormTableName)).toEqual([
      'order_line',
      'http_log',
      'user2_role',
      'ab_cd',
    ]);
    expect(
      ['Order', 'Category', 'Person', 'Box', 'Address', 'News', 'UserProfile', 'Wolf', 'Leaf'].map(
        mongooseCollectionName,
      ),
    ).toEqual([
      'orders',
      'categories',
      'people',
      'boxes',
      'addresses',
      'news',
      'userprofiles',
      'wolves',
      // Mongoose's rules make 'leaf' 'leafs' (only [lr]f and [^f]fe become ves).
      'leafs',
    ]);
    const plain = { freezeTableName: false, underscored: false };
    expect(
      ['Order', 'Category', 'Person', 'Address', 'Equipment', 'Users'].map((name) => sequelizeTableName(name, plain)),
    ).toEqual(['Orders', 'Categories', 'People', 'Addresses', 'Equipment', 'Users']);
    expect(sequelizeTableName('OrderLine', { freezeTableName: false, underscored: true })).toBe('order_lines');
    expect(sequelizeTableName('OrderLine', { freezeTableName: true, underscored: true })).toBe('OrderLine');
  });
});
