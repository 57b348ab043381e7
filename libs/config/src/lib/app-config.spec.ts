import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_REQUEST_LIMITS, loadAppConfig } from './app-config';
import { jwtSecretFile } from './jwt-secret-file';

function planted0600(dataDir: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(jwtSecretFile(dataDir), 's'.repeat(40), { mode: 0o600 });
  return dataDir;
}

describe('loadAppConfig', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siban-config-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs on the embedded database with no configuration, keeping one JWT secret across starts', () => {
    const env = { DATA_DIR: path.join(dir, 'pglite') };
    const first = loadAppConfig(env);
    expect(first.database).toEqual({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    expect(first.port).toBe(3000);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadAppConfig(env).jwtSecret).toBe(first.jwtSecret);
    expect(fs.statSync(path.join(dir, 'pglite', 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, 'jwt-secret'))).toBe(false);
  });

  it('keeps one secret per data folder: two folders side by side never share one', () => {
    const a = loadAppConfig({ DATA_DIR: path.join(dir, 'side', 'a') }).jwtSecret;
    const b = loadAppConfig({ DATA_DIR: path.join(dir, 'side', 'b') }).jwtSecret;
    expect(a).not.toBe(b);
  });

  describe('refuses, in one line, a secret file someone else could have written or read', () => {
    const planted = (name: string, mode: number) => {
      const dataDir = path.join(dir, name);
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(jwtSecretFile(dataDir), 'attacker-chosen-secret-attacker-chosen-secret');
      fs.chmodSync(jwtSecretFile(dataDir), mode);
      return dataDir;
    };
    const refusal = (env: NodeJS.ProcessEnv) => {
      try {
        loadAppConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('the configuration was accepted');
    };

    it.each([
      ['world-writable', 0o666, 'mode 666'],
      ['group-readable', 0o640, 'mode 640'],
      ['others-readable', 0o604, 'mode 604'],
    ])('%s', (name, mode, shown) => {
      const dataDir = planted(name, mode);
      const message = refusal({ DATA_DIR: dataDir });
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toBe(
        `Refusing the JWT secret file ${jwtSecretFile(dataDir)}: its ${shown} lets other users read or write it (chmod 600 after checking it, or delete it to make a new one)`,
      );
    });

    it('owned by another user', () => {
      const dataDir = planted('foreign', 0o600);
      const uid = process.getuid?.() ?? 0;
      fs.chownSync(jwtSecretFile(dataDir), uid + 1, uid + 1);
      expect(refusal({ DATA_DIR: dataDir })).toMatch(
        /^Refusing the JWT secret file .*: it is owned by uid \d+, not by this service's user \(uid \d+\)$/,
      );
    });

    it('a symbolic link', () => {
      const dataDir = path.join(dir, 'linked');
      fs.mkdirSync(dataDir, { recursive: true });
      const target = path.join(dir, 'elsewhere');
      fs.writeFileSync(target, 'x'.repeat(40), { mode: 0o600 });
      fs.symlinkSync(target, jwtSecretFile(dataDir));
      expect(refusal({ DATA_DIR: dataDir })).toMatch(/: it is a symbolic link$/);
    });
  });

  it('accepts its own 0600 secret and ignores the file when JWT_SECRET is given', () => {
    const dataDir = planted0600(path.join(dir, 'own'));
    expect(loadAppConfig({ DATA_DIR: dataDir }).jwtSecret).toBe('s'.repeat(40));
    const world = path.join(dir, 'given');
    fs.mkdirSync(world);
    fs.writeFileSync(jwtSecretFile(world), 'short', { mode: 0o666 });
    fs.chmodSync(jwtSecretFile(world), 0o666);
    expect(loadAppConfig({ DATA_DIR: world, JWT_SECRET: 'g'.repeat(40) }).jwtSecret).toBe('g'.repeat(40));
  });

  it('uses PostgreSQL when DATABASE_URL is set, and then requires a shared JWT secret', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'postgresql://u@localhost/db' })).toThrow(/JWT_SECRET is required/);
    const config = loadAppConfig({
      DATABASE_URL: 'postgresql://u@localhost/db',
      JWT_SECRET: 's'.repeat(40),
      REDIS_URL: 'redis://localhost:6379',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://u@localhost/db' });
    expect(config.redisUrl).toBe('redis://localhost:6379');
  });

  it('reads the half-day bounds, today’s by default', () => {
    const env = { DATA_DIR: path.join(dir, 'pglite') };
    expect(loadAppConfig(env).halfDayBounds).toEqual({
      MORNING: { start: '08:00', end: '12:00' },
      AFTERNOON: { start: '14:00', end: '18:00' },
      EVENING: { start: '19:00', end: '22:00' },
    });
    expect(loadAppConfig({ ...env, HALF_DAY_BOUNDS: '08:30-12:00,13:30-17:30,18:00-21:00' }).halfDayBounds.AFTERNOON).toEqual({
      start: '13:30',
      end: '17:30',
    });
    expect(() => loadAppConfig({ ...env, HALF_DAY_BOUNDS: '08:00-12:00' })).toThrow(/HALF_DAY_BOUNDS must be three windows/);
  });

  it('reports every bad value on one line', () => {
    let error: unknown;
    try {
      loadAppConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DATA_DIR: dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL must be a postgresql:\/\/ connection URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('serves GraphiQL by default on the embedded database only, and as GRAPHIQL says otherwise', () => {
    const postgres = { DATABASE_URL: 'postgresql://u@localhost/db', JWT_SECRET: 's'.repeat(40) };
    expect(loadAppConfig({ DATA_DIR: path.join(dir, 'pglite') }).graphiql).toBe(true);
    expect(loadAppConfig(postgres).graphiql).toBe(false);
    expect(loadAppConfig({ ...postgres, GRAPHIQL: 'true' }).graphiql).toBe(true);
    expect(loadAppConfig({ DATA_DIR: path.join(dir, 'pglite'), GRAPHIQL: 'false' }).graphiql).toBe(false);
    expect(() => loadAppConfig({ ...postgres, GRAPHIQL: 'yes' })).toThrow(/GRAPHIQL/);
  });

  it('prints the weekly table on A4 unless A3 is asked for', () => {
    const dataDir = path.join(dir, 'pglite');
    expect(loadAppConfig({ DATA_DIR: dataDir }).schedulePaper).toBe('A4');
    expect(loadAppConfig({ DATA_DIR: dataDir, SCHEDULE_PAPER: 'A3' }).schedulePaper).toBe('A3');
    expect(() => loadAppConfig({ DATA_DIR: dataDir, SCHEDULE_PAPER: 'Letter' })).toThrow(/SCHEDULE_PAPER/);
  });

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ DATABASE_URL: '', REDIS_URL: '', DATA_DIR: path.join(dir, 'x') }).database.kind).toBe('pglite');
  });

  it('reads the request limits, with defaults', () => {
    expect(loadAppConfig({ DATA_DIR: path.join(dir, 'x') }).requestLimits).toEqual(DEFAULT_REQUEST_LIMITS);
    const config = loadAppConfig({
      DATA_DIR: path.join(dir, 'x'),
      GRAPHQL_MAX_DEPTH: '6',
      GRAPHQL_MAX_COST: '500',
      GRAPHQL_MAX_ALIASES: '0',
      HTTP_MAX_BODY_BYTES: '2048',
    });
    expect(config.requestLimits).toEqual({ maxDepth: 6, maxCost: 500, maxAliases: 0, maxBodyBytes: 2048 });
    expect(() => loadAppConfig({ DATA_DIR: path.join(dir, 'x'), GRAPHQL_MAX_COST: '-1' })).toThrow(/GRAPHQL_MAX_COST/);
  });

  it('believes X-Forwarded-For only from the proxies named in TRUST_PROXY', () => {
    const env = { DATA_DIR: path.join(dir, 'pglite') };
    expect(loadAppConfig(env).trustProxy).toBe(false);
    expect(loadAppConfig({ ...env, TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(loadAppConfig({ ...env, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => loadAppConfig({ ...env, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be false/);
    expect(() => loadAppConfig({ ...env, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('reads the sign-in limits, and wants the account lock above the per-address allowance', () => {
    const env = { DATA_DIR: path.join(dir, 'pglite') };
    expect(loadAppConfig(env).login).toEqual({ ratePerMinute: 30, freeAttempts: 5, accountLockThreshold: 50, accountLockMinutes: 60 });
    expect(() => loadAppConfig({ ...env, LOGIN_FREE_ATTEMPTS: '10', LOGIN_ACCOUNT_LOCK_THRESHOLD: '10' })).toThrow(
      /LOGIN_ACCOUNT_LOCK_THRESHOLD must be greater/,
    );
  });
});
