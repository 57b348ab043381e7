import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseTarget, openPGlite, runMigrateDeploy } from '@siban/db';
import { pgliteBossDb } from '@siban/scheduler';
import PgBoss from 'pg-boss';
import pg from 'pg';

export type DatabaseKind = DatabaseTarget['kind'];

const WORKSPACE = path.resolve(__dirname, '../../../..');

/** The databases this run tests on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function databaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

// Templates are keyed by the migrations they hold, so a changed migration makes a new one and
// an unchanged one is reused across suites, workers and runs.
function migrationsHash(): string {
  const dir = path.join(WORKSPACE, 'prisma', 'migrations');
  const hash = crypto.createHash('sha256');
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'migration.sql');
    if (fs.existsSync(file)) hash.update(name).update(fs.readFileSync(file));
  }
  hash.update(fs.readFileSync(require.resolve('pg-boss/package.json')));
  return hash.digest('hex').slice(0, 12);
}

async function sleep(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `build` once per key across every Jest worker, using mkdir as the mutex. */
async function once(marker: string, build: () => Promise<void>): Promise<void> {
  const ready = `${marker}.ready`;
  const lock = `${marker}.building`;
  if (!fs.existsSync(marker)) fs.rmSync(ready, { force: true });
  for (let waited = 0; !fs.existsSync(ready); waited += 200) {
    try {
      fs.mkdirSync(lock);
    } catch {
      // A builder that died (a killed run) leaves its lock behind: older than any real build.
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      if (waited > 180_000) throw new Error(`timed out waiting for ${lock}`);
      await sleep(200);
      continue;
    }
    try {
      await build();
      fs.writeFileSync(ready, new Date().toISOString());
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

// pg-boss installs its schema on first start (~4 s on PGlite): done once in the template.
async function installBossSchema(db: PgBoss.Db | { connectionString: string }) {
  const boss = new PgBoss({ ...db, schema: 'pgboss', supervise: false, schedule: false } as PgBoss.ConstructorOptions);
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, wait: true, close: true });
}

async function pgliteTemplate(): Promise<string> {
  const root = path.join(os.tmpdir(), 'siban-test-templates');
  fs.mkdirSync(root, { recursive: true });
  const dir = path.join(root, `pglite-${migrationsHash()}`);
  await once(dir, async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir };
    delete env.DATABASE_URL;
    await runMigrateDeploy(env, WORKSPACE);
    const pglite = await openPGlite(dir);
    try {
      await installBossSchema({ db: pgliteBossDb(pglite) } as never);
    } finally {
      await pglite.close();
    }
  });
  return dir;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function postgresTemplate(baseUrl: string): Promise<string> {
  const name = `siban_tpl_${migrationsHash()}`;
  // One builder at a time across workers and runs: a session-level advisory lock on the server.
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727073)');
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building}`);
      await client.query(`CREATE DATABASE ${building}`);
      const url = withDatabase(baseUrl, building);
      await runMigrateDeploy({ ...process.env, DATABASE_URL: url }, WORKSPACE);
      await installBossSchema({ connectionString: url });
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727073)').catch(() => undefined);
    await client.end();
  }
  return name;
}

let counter = 0;

/** A fresh, migrated database of its own for one suite, dropped by `drop()`. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const suffix = `${process.pid}_${Date.now().toString(36)}_${counter++}`;
  if (kind === 'pglite') {
    const template = await pgliteTemplate();
    const dataDir = path.join(os.tmpdir(), 'siban-test-db', `pglite_${suffix}`);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.cpSync(template, dataDir, { recursive: true });
    return {
      target: { kind: 'pglite', dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('DATABASE_URL is not set');
  const template = await postgresTemplate(baseUrl);
  const name = `siban_t_${suffix}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    target: { kind: 'postgres', url: withDatabase(baseUrl, name) },
    drop: () => adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
