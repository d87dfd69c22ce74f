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
        { name: 'Order', orm: 'typeorm', binding: 'Order' },
        { name: 'Refund', orm: 'typeorm', binding: 'Refund' },
      ],
      uses: ['Customer', 'Order', 'OrderLine', 'Payment'],
    });
  });

  it('finds Prisma client accesses, Mongoose models and Sequelize models', () => {
    expect(
      entitiesOf(
        'export const load = () => prisma.order.findMany();\nexport class S { constructor(private prismaService: P) {} get = () => this.prismaService.customer.findFirst(); }',
      ).uses,
    ).toEqual(['prisma:customer', 'prisma:order']);
    expect(
      entitiesOf(
        "export const CatModel = mongoose.model('Cat', catSchema);\n@Schema() export class Dog {}\nexport class S { constructor(@InjectModel(Dog.name) m: unknown, @InjectModel('Cat') c: unknown) {} }",
      ),
    ).toEqual({
      declares: [
        // The binding is what other modules import to reach the model.
        { name: 'Cat', orm: 'mongoose', binding: 'CatModel' },
        { name: 'Dog', orm: 'mongoose', binding: 'Dog' },
      ],
      uses: ['Cat', 'Dog'],
    });
    expect(
      entitiesOf(
        "export const Users = sequelize.define('User', {});\nexport class Project extends Model {}\nProject.init({}, { sequelize });\nconst define = () => db.define('Log', {});",
      ).declares,
    ).toEqual([
      { name: 'Log', orm: 'sequelize', binding: 'Log' },
      { name: 'Project', orm: 'sequelize', binding: 'Project' },
      { name: 'User', orm: 'sequelize', binding: 'Users' },
    ]);
  });
});
