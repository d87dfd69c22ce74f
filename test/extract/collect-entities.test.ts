import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { collectEntities } from '../../src/extract/collect-entities.js';

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
        { name: 'Order', orm: 'typeorm' },
        { name: 'Refund', orm: 'typeorm' },
      ],
      uses: ['Customer', 'Order', 'OrderLine', 'Payment'],
    });
  });

  it('finds Prisma client accesses, Mongoose models and Sequelize models', () => {
    expect(entitiesOf('export const load = () => prisma.order.findMany();\nexport class S { constructor(private prismaService: P) {} get = () => this.prismaService.customer.findFirst(); }').uses).toEqual([
      'prisma:customer',
      'prisma:order',
    ]);
    expect(entitiesOf("export const Cat = mongoose.model('Cat', catSchema);\n@Schema() export class Dog {}\nexport class S { constructor(@InjectModel(Dog.name) m: unknown, @InjectModel('Cat') c: unknown) {} }")).toEqual({
      declares: [
        { name: 'Cat', orm: 'mongoose' },
        { name: 'Dog', orm: 'mongoose' },
      ],
      uses: ['Cat', 'Dog'],
    });
    expect(entitiesOf("export const User = sequelize.define('User', {});\nexport class Project extends Model {}\nProject.init({}, { sequelize });").declares).toEqual([
      { name: 'Project', orm: 'sequelize' },
      { name: 'User', orm: 'sequelize' },
    ]);
  });
});
