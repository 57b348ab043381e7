import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadAppConfig } from './app-config';

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
    expect(fs.statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
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

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ DATABASE_URL: '', REDIS_URL: '', DATA_DIR: path.join(dir, 'x') }).database.kind).toBe('pglite');
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
