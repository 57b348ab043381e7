import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { postgresMigrationAdapter } from './migration-adapter';
import { pgliteAdapter } from './pglite-adapter';

// What a migration with a hand-written trigger looks like: a PL/pgSQL body with semicolons and
// a header comment with one (both broke @prisma/adapter-pg's executeScript).
const SCRIPT = `-- Written by hand; the trigger refuses edits.
CREATE TABLE "Entry" ("id" SERIAL PRIMARY KEY, "note" TEXT NOT NULL);

CREATE FUNCTION "entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Entry rows are append-only; % refused', TG_OP;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Entry_append_only" BEFORE UPDATE OR DELETE ON "Entry"
  FOR EACH ROW EXECUTE FUNCTION "entry_append_only"();
INSERT INTO "Entry" ("note") VALUES ('first; entry');
`;

interface Runner {
  executeScript(script: string): Promise<void>;
  executeRaw(query: { sql: string; args: unknown[]; argTypes: unknown[] }): Promise<number>;
  queryRaw(query: { sql: string; args: unknown[]; argTypes: unknown[] }): Promise<{ rows: unknown[][] }>;
  dispose(): Promise<void>;
}

async function proveScript(adapter: Runner) {
  await adapter.executeScript(SCRIPT);
  const { rows } = await adapter.queryRaw({ sql: 'SELECT "note" FROM "Entry"', args: [], argTypes: [] });
  expect(rows).toEqual([['first; entry']]);
  await expect(adapter.executeRaw({ sql: `UPDATE "Entry" SET "note" = 'x'`, args: [], argTypes: [] })).rejects.toThrow(
    /append-only; UPDATE refused/,
  );
  await expect(adapter.executeRaw({ sql: 'DELETE FROM "Entry"', args: [], argTypes: [] })).rejects.toThrow(/append-only; DELETE refused/);
}

describe('migration adapter runs scripts with PL/pgSQL bodies and commented semicolons', () => {
  it('on PGlite', async () => {
    const pglite = await PGlite.create();
    const adapter = (await pgliteAdapter(pglite).connect()) as unknown as Runner;
    try {
      await proveScript(adapter);
    } finally {
      await pglite.close();
    }
  });

  const baseUrl = process.env.DATABASE_URL;
  (baseUrl ? it : it.skip)('on PostgreSQL (DATABASE_URL)', async () => {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    const name = `siban_script_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(baseUrl as string);
    url.pathname = `/${name}`;
    const factory = postgresMigrationAdapter(url.toString());
    const adapter = (await factory.connect()) as unknown as Runner;
    try {
      await proveScript(adapter);
    } finally {
      await adapter.dispose();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
