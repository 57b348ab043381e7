import fs from 'node:fs';
import path from 'node:path';
import { describeFinding, findingsIn, libSources, readOwnershipMap, readSchemaModels, ROOT } from './table-access';

const map = readOwnershipMap();
const models = readSchemaModels(fs.readFileSync(path.join(ROOT, 'prisma', 'schema.prisma'), 'utf8'));
const check = (file: string, text: string) => findingsIn(file, text, map, models).map(describeFinding);

describe('table ownership (table-ownership.json)', () => {
  it('gives every Prisma model exactly one owner, and names only libs that exist', () => {
    const owned = Object.values(map.models).flat();
    expect([...owned].sort()).toEqual([...models.keys()].sort());
    expect(owned.filter((model, i) => owned.indexOf(model) !== i)).toEqual([]);
    for (const lib of [...Object.keys(map.models), ...Object.keys(map.schemas), ...map.unrestricted]) {
      expect(fs.existsSync(path.join(ROOT, 'libs', lib, 'project.json')) ? lib : `no lib ${lib}`).toBe(lib);
    }
  });

  it('finds no lib querying a table it does not own', () => {
    const files = libSources();
    expect(files.length).toBeGreaterThan(50);
    const findings = files.flatMap((file) => check(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(findings).toEqual([]);
  });

  describe('catches', () => {
    const file = 'libs/weekly-plans/src/lib/plans/example.service.ts';

    it("another lib's model delegate, named by file, line and model", () => {
      const source = [
        'export class Example {',
        '  list() {',
        '    return this.prisma.weeklyPlan.findMany({ where: { week } });',
        '  }',
        '  staff(tx: PrismaTx) {',
        '    return tx.user.findMany({ where: { active: true } });',
        '  }',
        '}',
      ].join('\n');
      expect(check(file, source)).toEqual([`${file}:6 tx.user.findMany: User belongs to identity, not weekly-plans`]);
    });

    it('a relation followed into another lib, inline or through a local variable or a spread', () => {
      const source = [
        'const scope = { office: { code } };',
        'const where: Prisma.WeeklyPlanWhereInput = { leader: { active: true } };',
        'prisma.weeklyPlan.findMany({',
        '  where: { ...scope, week },',
        '  include: { entries: true, leader: { include: { secretaries: true } } },',
        '});',
        'prisma.weeklyPlan.count({ where });',
      ].join('\n');
      expect(check(file, source)).toEqual([
        `${file}:2 WeeklyPlan.leader: Leader belongs to organization, not weekly-plans`,
        `${file}:5 WeeklyPlan.leader: Leader belongs to organization, not weekly-plans`,
        `${file}:5 Leader.secretaries: SecretaryAssignment belongs to organization, not weekly-plans`,
      ]);
      expect(
        check(
          'libs/organization/src/lib/x.ts',
          'prisma.leader.findMany({ where: { active: true, ...scope } });\nconst scope = { office: { code } };',
        ),
      ).toEqual([]);
      expect(
        check(
          'libs/organization/src/lib/x.ts',
          'const scope = { office: { code } };\nprisma.leader.findMany({ where: args.code ? scope : {} });',
        ),
      ).toEqual(['libs/organization/src/lib/x.ts:1 Leader.office: Office belongs to identity, not organization']);
    });

    it("another lib's Prisma input types", () => {
      expect(check(file, 'const order: Prisma.LeaderOrderByWithRelationInput[] = [{ rank: "asc" }];')).toEqual([
        `${file}:1 Prisma.LeaderOrderByWithRelationInput: Leader belongs to organization, not weekly-plans`,
      ]);
    });

    it('tables and schemas named in raw SQL', () => {
      const source = [
        'await tx.$queryRaw`SELECT id FROM "WeeklyPlan" WHERE id = ${id} FOR UPDATE`;',
        'await this.prisma.$queryRaw`SELECT u.id FROM "User" u JOIN "Office" o ON o.id = u."officeId"`;',
        "await tx.$executeRawUnsafe('DELETE FROM pgboss.job WHERE name = $1', name);",
        'const filter = Prisma.sql`"Notice"."status" = ${status}`;',
      ].join('\n');
      expect(check(file, source)).toEqual([
        `${file}:2 "User" in SQL: User belongs to identity, not weekly-plans`,
        `${file}:2 "Office" in SQL: Office belongs to identity, not weekly-plans`,
        `${file}:3 pgboss. in SQL: pgboss belongs to scheduler, not weekly-plans`,
        `${file}:4 "Notice" in SQL: Notice belongs to notifications, not weekly-plans`,
      ]);
    });
  });

  it('leaves alone the app, the test helpers, and a lib among its own tables', () => {
    expect(check('apps/api/src/app/district-seed.ts', 'tx.user.create({ data })')).toEqual([]);
    expect(check('libs/testing/src/lib/scenario.ts', 'tx.user.create({ data })')).toEqual([]);
    expect(check('libs/identity/src/lib/identity.service.ts', 'tx.user.create({ data: { office: { connect: { id } } } })')).toEqual([]);
  });
});
