import { PrismaPg } from '@prisma/adapter-pg';
import { DataDirLockedError, lockHolder } from './data-dir-lock';
import { pgliteAdapter } from './pglite-adapter';
import { openPGlite } from './pglite-options';
import { reportCatalogTypesAsText } from './pg-catalog-types';

export const DEFAULT_DATA_DIR = './data/pglite';

/**
 * The driver adapter Prisma Migrate uses (prisma.config.ts): PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite folder. Migrate must not open a folder a running service owns;
 * the service itself runs Migrate under its own lock and says so through SIBAN_LOCK_PID.
 */
export async function migrationAdapter(env: NodeJS.ProcessEnv) {
  if (env.DATABASE_URL) {
    reportCatalogTypesAsText();
    return new PrismaPg({ connectionString: env.DATABASE_URL });
  }
  const dataDir = env.DATA_DIR || DEFAULT_DATA_DIR;
  const holder = lockHolder(dataDir);
  if (holder !== undefined && String(holder) !== env.SIBAN_LOCK_PID) {
    throw new DataDirLockedError(dataDir, holder);
  }
  const pglite = await openPGlite(dataDir);
  // runMigrateDeploy stops the CLI with SIGTERM once it is done: close PGlite cleanly first.
  process.once('SIGTERM', () => {
    void pglite.close().finally(() => process.exit(0));
  });
  return pgliteAdapter(pglite);
}
