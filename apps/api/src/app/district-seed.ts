import { PrismaClient } from '@siban/db';
import { DEMO_PASSWORD, DEMO_SEED, DISTRICT_OFFICES, seedDataProblems } from '@siban/organization';

export interface SeedResult {
  offices: number;
  demoCreated: boolean;
}

/**
 * Puts the district's offices in place (always; they are reference data with stable codes) and,
 * on a database with no users yet, the demo leaders and accounts. Safe to run on every start.
 *
 * Wiring, not a capability: it writes the tables of identity (offices, users) and organization
 * (leaders, assignments) in one transaction, which only the app may do (apps/api/src/architecture/table-ownership.json).
 * The data and its checks are organization's (`DEMO_SEED`, `seedDataProblems`).
 */
export async function seedDistrict(
  prisma: PrismaClient,
  hashPassword: (password: string) => Promise<string>,
  options: { demo: boolean; demoPassword?: string } = { demo: true },
): Promise<SeedResult> {
  const problems = seedDataProblems(options.demo ? DEMO_SEED : { ...DEMO_SEED, leaders: [], users: [] });
  if (problems.length) throw new Error(`seed data is inconsistent:\n- ${problems.join('\n- ')}`);
  const passwordHash = options.demo ? await hashPassword(options.demoPassword ?? DEMO_PASSWORD) : '';
  // One transaction: a seed that stops half-way would leave a database that later starts treat
  // as seeded (it has users) but that lacks leaders or assignments.
  return prisma.$transaction(
    async (tx) => {
      const offices = new Map<string, string>();
      for (const office of DISTRICT_OFFICES) {
        const row = await tx.office.upsert({
          where: { code: office.code },
          create: office,
          update: { name: office.name, shortName: office.shortName },
        });
        offices.set(office.code, row.id);
      }
      if (!options.demo || (await tx.user.count()) > 0) return { offices: offices.size, demoCreated: false };

      const officeId = (code: string) => required(offices.get(code), `office ${code}`);
      const leaders = new Map<string, string>();
      const leaderId = (key: string) => required(leaders.get(key), `leader ${key}`);
      for (const { key, office, isPrincipal, ...leader } of DEMO_SEED.leaders) {
        const row = await tx.leader.create({ data: { ...leader, isPrincipal: isPrincipal ?? false, officeId: officeId(office) } });
        leaders.set(key, row.id);
      }
      for (const user of DEMO_SEED.users) {
        const row = await tx.user.create({
          data: {
            username: user.username,
            displayName: user.displayName,
            passwordHash,
            officeId: officeId(user.office),
            roles: user.roles,
            leaderId: user.leader ? leaderId(user.leader) : null,
          },
        });
        if (user.leaders?.length) {
          await tx.secretaryAssignment.createMany({ data: user.leaders.map((key) => ({ userId: row.id, leaderId: leaderId(key) })) });
        }
      }
      return { offices: offices.size, demoCreated: true };
    },
    { timeout: 30_000 },
  );
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed data refers to a missing ${what}`);
  return value;
}
