import { DataDirLockedError, lockHolder, runMigrateDeploy } from '@siban/db';

// `npm run db:migrate`: Prisma Migrate (`migrate deploy`) on DATABASE_URL, or on the embedded
// folder (DATA_DIR) when the service is not running on it. Same CLI, minus its 10 s idle tail.
async function main() {
  if (!process.env.DATABASE_URL) {
    const dataDir = process.env.DATA_DIR || './data/pglite';
    const holder = lockHolder(dataDir);
    if (holder !== undefined) throw new DataDirLockedError(dataDir, holder);
  }
  const result = await runMigrateDeploy(process.env);
  process.stdout.write(result.output);
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
