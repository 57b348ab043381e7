import { loadAppConfig } from '@siban/config';
import { openDatabase, PrismaClient } from '@siban/db';
import { PasswordHasher } from '@siban/identity';
import { seedDistrict } from '../apps/api/src/app/district-seed';

// `npm run seed`: the district's offices, and on an empty database the demo leaders and
// accounts (always on the embedded database; on PostgreSQL with SEED_DEMO=true). The service
// runs the same seed on every start, so this is for a PostgreSQL set up by hand.
async function main() {
  const config = loadAppConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || 'x'.repeat(32) });
  const database = await openDatabase(config.database);
  const prisma = new PrismaClient({ adapter: database.adapter });
  try {
    const hasher = new PasswordHasher();
    const result = await seedDistrict(prisma, (password) => hasher.hash(password), {
      demo: config.database.kind === 'pglite' || config.seedDemo,
    });
    console.log(`seeded ${result.offices} offices${result.demoCreated ? ' and the demo leaders and accounts' : ''}`);
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
