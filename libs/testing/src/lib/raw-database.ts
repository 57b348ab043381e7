import { openPGlite } from '@siban/db';
import pg from 'pg';
import type { TestDatabase } from './test-database';

/** A plain SQL connection to a test database, past every service: for proving what the database itself refuses. */
export interface RawDb {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

export async function openRawDatabase(database: TestDatabase): Promise<RawDb> {
  const target = database.target;
  if (target.kind === 'pglite') {
    const pglite = await openPGlite(target.dataDir);
    return { query: (sql, params) => pglite.query(sql, params), close: () => pglite.close() };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return { query: (sql, params) => client.query(sql, params as unknown[]), close: () => client.end() };
}

/** The constraint a statement broke (and its SQLSTATE); throws when the database accepts it. */
export async function refusal(db: RawDb, sql: string, params: unknown[] = []): Promise<{ code: string; constraint: string }> {
  try {
    await db.query(sql, params);
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    return { code: code ?? '', constraint: constraint ?? '' };
  }
  throw new Error(`accepted: ${sql} ${JSON.stringify(params)}`);
}
