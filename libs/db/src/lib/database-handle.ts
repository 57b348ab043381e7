import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaAdapter } from './pglite-adapter';
import { pgliteAdapter } from './pglite-adapter';
import { acquireDataDirLock, DataDirLock } from './data-dir-lock';
import { openPGlite } from './pglite-options';
import { runMigrateDeploy } from './prisma-migrate';

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface OpenDatabaseOptions {
  /** Apply pending migrations with Prisma Migrate before opening (the embedded default). */
  migrate?: boolean;
}

/** The open database: what Prisma, pg-boss and the readiness check each need of it. */
export interface DatabaseHandle {
  readonly target: DatabaseTarget;
  /** Set on the embedded database: the single PGlite session everything shares. */
  readonly pglite?: PGlite;
  readonly adapter: PrismaAdapter;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    if (options.migrate) await runMigrateDeploy({ ...process.env, DATABASE_URL: target.url });
    return {
      target,
      adapter: new PrismaPg({ connectionString: target.url, max: 10 }),
      close: async () => undefined,
    };
  }
  // The lock is taken before Migrate runs, so no other start can slip in between.
  const lock: DataDirLock = acquireDataDirLock(target.dataDir);
  try {
    if (options.migrate) {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: lock.dataDir, SIBAN_LOCK_PID: String(process.pid) };
      delete env.DATABASE_URL;
      await runMigrateDeploy(env);
    }
    const pglite = await openPGlite(lock.dataDir);
    return {
      target,
      pglite,
      adapter: pgliteAdapter(pglite),
      async close() {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
