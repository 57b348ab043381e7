import { PrismaPg } from '@prisma/adapter-pg';
import { DataDirLockedError, lockHolder } from './data-dir-lock';
import { pgliteAdapter } from './pglite-adapter';
import { openPGlite } from './pglite-options';
import { reportCatalogTypesAsText } from './pg-catalog-types';
import { splitSqlScript } from './split-sql-script';

interface ScriptRunner {
  executeScript(script: string): Promise<void>;
  executeRaw(query: { sql: string; args: unknown[]; argTypes: unknown[] }): Promise<number>;
}

/**
 * @prisma/adapter-pg splits a migration at every `;` (a PL/pgSQL body or a comment with one
 * breaks); here each statement is cut by `splitSqlScript` and run on its own, in order, with
 * autocommit, as the adapter does, so Migrate sees the same transaction behaviour and the same
 * error translation (through the adapter's own executeRaw).
 */
function splittingScripts<T extends object>(adapter: T): T {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'executeScript') {
        return async (script: string) => {
          for (const sql of splitSqlScript(script)) {
            await (target as unknown as ScriptRunner).executeRaw({ sql, args: [], argTypes: [] });
          }
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** PostgreSQL for Migrate: the PrismaPg factory whose connections split scripts correctly. */
export function postgresMigrationAdapter(connectionString: string): PrismaPg {
  const factory = new PrismaPg({ connectionString });
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === 'connect' || property === 'connectToShadowDb') {
        return async () => splittingScripts(await (value as () => Promise<object>).call(target));
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export const DEFAULT_DATA_DIR = './data/pglite';

/**
 * The driver adapter Prisma Migrate uses (prisma.config.ts): PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite folder. Migrate must not open a folder a running service owns;
 * the service itself runs Migrate under its own lock and says so through SIBAN_LOCK_PID.
 */
export async function migrationAdapter(env: NodeJS.ProcessEnv) {
  if (env.DATABASE_URL) {
    reportCatalogTypesAsText();
    return postgresMigrationAdapter(env.DATABASE_URL);
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
